"""Reading domain, kind and form of a collaboration from what the open data say about it.

Pure Python (no Django). The 2016 sources give a name and, for some bodies, a legal form; no
source gives a domain. The rules below are deliberately plain keyword rules, checked in order,
so an editor can predict and correct them; anything they do not recognise becomes "overig".

Kinds are the statutory or well-known families of regional bodies (veiligheidsregio, GGD,
omgevingsdienst, …). The loader uses them to recognise the same body in different sources:
two records of the same kind whose members overlap strongly are one collaboration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netwerk.register.opendata.names import normalise

DOMAINS = (
    "sociaal-domein",
    "jeugd",
    "werk-en-inkomen",
    "schuldhulpverlening",
    "publieke-gezondheid",
    "veiligheid",
    "omgeving-en-milieu",
    "afval",
    "klimaat-en-energie",
    "onderwijs",
    "bedrijfsvoering",
    "belastingen-en-woz",
    "economie",
    "recreatie-en-natuur",
    "cultuur-en-erfgoed",
    "mobiliteit",
    "wonen",
    "bestuur-en-samenwerking",
    "overig",
)

# kind → (domain, default task type, form key or None, form basis, legal form text)
KINDS: dict[str, tuple[str, str, str | None, str, str]] = {
    "veiligheidsregio": (
        "veiligheid",
        "uitvoering",
        "openbaar_lichaam",
        "wet",
        "Gemeenschappelijke regeling met openbaar lichaam (Wet veiligheidsregio's, art. 9-10)",
    ),
    # Every GGD is a gemeenschappelijke regeling (Wpg art. 14) and in practice an openbaar
    # lichaam; derived from the kind, so editors can correct the exceptions.
    "ggd": (
        "publieke-gezondheid",
        "uitvoering",
        "openbaar_lichaam",
        "soort",
        "Gemeenschappelijke regeling (Wet publieke gezondheid, art. 14)",
    ),
    "omgevingsdienst": (
        "omgeving-en-milieu",
        "uitvoering",
        "openbaar_lichaam",
        "wet",
        "Omgevingsdienst: gemeenschappelijke regeling met openbaar lichaam (Wet VTH)",
    ),
    "sociale_dienst": ("werk-en-inkomen", "dienstverlening", None, "", ""),
    "werkvoorziening": ("werk-en-inkomen", "uitvoering", None, "", ""),
    # The regional divisions below are networks of agreements, not bodies of their own.
    "arbeidsmarktregio": (
        "werk-en-inkomen",
        "beleid",
        "convenant",
        "soort",
        "Arbeidsmarktregio: afspraken tussen gemeenten, UWV en partners",
    ),
    "jeugdregio": ("jeugd", "dienstverlening", None, "", ""),
    "wmo_regio": ("sociaal-domein", "dienstverlening", None, "", ""),
    "veilig_thuis": ("sociaal-domein", "dienstverlening", None, "", ""),
    "centrum_mo_bw": (
        "sociaal-domein",
        "dienstverlening",
        "centrumgemeente",
        "soort",
        "Centrumgemeente maatschappelijke opvang en beschermd wonen",
    ),
    "centrum_vrouwenopvang": (
        "sociaal-domein",
        "dienstverlening",
        "centrumgemeente",
        "soort",
        "Centrumgemeente vrouwenopvang en huiselijk geweld",
    ),
    "rmc": (
        "onderwijs",
        "uitvoering",
        "centrumgemeente",
        "soort",
        "RMC-regio: een contactgemeente voert de RMC-functie uit voor de regio",
    ),
    "res": (
        "klimaat-en-energie",
        "beleid",
        "netwerk",
        "soort",
        "RES-regio: bestuurlijk overleg over de Regionale Energiestrategie",
    ),
    "veiligheidshuis": (
        "veiligheid",
        "uitvoering",
        "convenant",
        "soort",
        "Convenant (veiligheidshuis)",
    ),
    "riec": (
        "veiligheid",
        "uitvoering",
        "convenant",
        "soort",
        "Convenant (RIEC)",
    ),
}

# Default task type per domain, used for bodies without a kind. Editors correct exceptions.
DOMAIN_TASK_TYPES = {
    "sociaal-domein": "dienstverlening",
    "jeugd": "dienstverlening",
    "werk-en-inkomen": "uitvoering",
    "schuldhulpverlening": "dienstverlening",
    "publieke-gezondheid": "uitvoering",
    "veiligheid": "uitvoering",
    "omgeving-en-milieu": "uitvoering",
    "afval": "uitvoering",
    "klimaat-en-energie": "beleid",
    "onderwijs": "uitvoering",
    "bedrijfsvoering": "bedrijfsvoering",
    "belastingen-en-woz": "uitvoering",
    "economie": "beleid",
    "recreatie-en-natuur": "uitvoering",
    "cultuur-en-erfgoed": "uitvoering",
    "mobiliteit": "beleid",
    "wonen": "beleid",
    "bestuur-en-samenwerking": "beleid",
    "overig": "",
}

_KIND_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("veiligheidsregio", ("veiligheidsregio", "veiligheids en gezondheidsregio")),
    (
        "ggd",
        ("ggd", "gezondheidsdienst", "publieke gezondheid", "openbare gezondheidszorg", " rdog "),
    ),
    (
        "omgevingsdienst",
        ("omgevingsdienst", "uitvoeringsdienst", "rud ", "milieudienst", "fumo", "dcmr"),
    ),
    (
        "sociale_dienst",
        ("sociale dienst", "isd ", "rsd ", "werk en inkomen", "sociale zaken", "werkplein"),
    ),
    (
        "werkvoorziening",
        ("werkvoorziening", "werkvoorzienings", "sociale werk", "werkvoorzienschap"),
    ),
    ("veiligheidshuis", ("veiligheidshuis",)),
    ("riec", ("riec", "informatie en expertise centrum", "informatie en expertisecentrum")),
)

# Ordered: the first rule that matches decides. Keywords are matched on the normalised name
# (lower case, no accents, punctuation as spaces) padded with spaces, so " rud " is a word.
_DOMAIN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("jeugd", (" jeugd",)),
    (
        "veiligheid",
        (
            "veiligheidsregio",
            "veiligheids en gezondheidsregio",
            "brandweer",
            "crisisbeheersing",
            "geneeskundige hulpverlening",
            "veiligheidshuis",
            " riec ",
            "sociale recherche",
        ),
    ),
    (
        "publieke-gezondheid",
        (
            " ggd",
            "gezondheid",
            " rdog ",
            "ambulance",
            "logopedi",
            "crematori",
        ),
    ),
    ("schuldhulpverlening", ("kredietbank", "stadsbank")),
    (
        "werk-en-inkomen",
        (
            "werkvoorziening",
            "werkvoorzienings",
            "werkvoorzienschap",
            "sociale werk",
            "werk en inkomen",
            "sociale dienst",
            "sociale zaken",
            " isd ",
            " rsd ",
            "werkbedrijf",
            "werkleerbedrijf",
            "participatie",
            "arbeid",
            "re integratie",
            " werkt ",
            " werk ",
            "werkzaak",
            "werksaam",
            "werkplein",
        ),
    ),
    (
        "sociaal-domein",
        (
            "sociaal domein",
            "welzijn",
            " wmo ",
            "maatschappelijke opvang",
            "beschermd wonen",
            "vrouwenopvang",
            "collectief vervoer",
            "doelgroepenvervoer",
        ),
    ),
    (
        "onderwijs",
        (
            "onderwijs",
            "leerplicht",
            "leerling",
            " rmc ",
            "schoolverzuim",
            "educatie",
            "onderwijszaken",
        ),
    ),
    (
        "afval",
        (
            "afval",
            "vuil",
            "reiniging",
            "reinigings",
            "reigings",
            "milieupark",
            "milieustation",
            "stortplaats",
            " cure ",
            " avri ",
            " rd4 ",
            " blink ",
            "reinunie",
            "avalex",
            "slibverwerking",
        ),
    ),
    (
        "omgeving-en-milieu",
        (
            "omgevingsdienst",
            "uitvoeringsdienst",
            " rud ",
            "milieu",
            " fumo ",
            "welstand",
            "monumenten",
            "hus en hiem",
            "sanering",
            "muskusrat",
            "riool",
            "afvalwater",
            "grondwater",
            "waterschapslaboratorium",
            "waterschapsbedrijf",
            "waterschapshuis",
            "aqualysis",
            "aquon",
        ),
    ),
    (
        "belastingen-en-woz",
        (
            "belasting",
            "heffing",
            " woz ",
            "cocensus",
            "hefpunt",
            "tribuut",
            "svhw",
            "sabewa",
            "munitax",
        ),
    ),
    ("klimaat-en-energie", ("energie", "gasdistributie", "klimaat")),
    (
        "recreatie-en-natuur",
        (
            "recreatie",
            "recreactie",
            "plassenschap",
            "meerschap",
            "parkschap",
            "natuur",
            "groengebied",
            "groenzone",
            "groenlanden",
            "buitenstedelijk groen",
            "park lingezegen",
            "marrekrite",
            "sportpark",
            "randmeren",
        ),
    ),
    (
        "cultuur-en-erfgoed",
        (
            "archief",
            "archivari",
            "historisch",
            "erfgoed",
            "tresoar",
            "bibliotheek",
            "muziekschool",
            "kunst",
            "cultureel",
            "archeologie",
            "letterkundich",
        ),
    ),
    (
        "economie",
        (
            "bedrijvenpark",
            "bedrijvenschap",
            "bedrijfschap",
            "industrieschap",
            "havenschap",
            "seaports",
            "greenpark",
            "glastuinbouw",
            "tuinbouw",
            "toerisme",
            "grondbank",
            "gebiedsontwikkeling",
            "luchthaven",
            "bijsterhuizen",
            "meerstad",
            "reijerwaard",
            "harnaschpolder",
            "heesch west",
            "bleizo",
            "oosterwold",
            "plaspoelpolder",
            "welplaat",
            "hoefweg",
            "rengers",
            "medel",
            "waddenfonds",
            "oude rijn zone",
        ),
    ),
    (
        "mobiliteit",
        (
            "bereikbaarheid",
            "vervoer",
            "wegschap",
            "nautisch",
            "parkeer",
            "verkeer",
            "openbare verlichting",
        ),
    ),
    ("wonen", ("wonen", "huisvesting")),
    (
        "bedrijfsvoering",
        (
            " ict",
            "automatisering",
            "inkoop",
            "servicebureau",
            "servicepunt",
            "service centrum",
            " ssc ",
            "shared service",
            "bedrijfsvoering",
            "werkorganisatie",
            "ambtelijke samenwerking",
            "bestuursdienst",
            "syntrophos",
            " bar organisatie",
            " duo ",
            "dommelvallei",
            "technisch bureau",
            "plusteam",
            " bel combinatie",
            "kompanjie",
            "samenwerkingsorganisatie",
            "ishw",
            "sed organisatie",
            "desom",
        ),
    ),
    (
        "bestuur-en-samenwerking",
        (
            " regio ",
            "stadsregio",
            "stadsgewest",
            "metropoolregio",
            "plusregio",
            "samenwerkingsverband",
            "samenwerkingsorgaan",
            "samenwerking",
            "holland rijnland",
            "drechtsteden",
            "euregio",
            "eems dollard",
            "rekenkamer",
            "ombudsman",
            "klachtenregeling",
            "basisregeling",
            "kaderregeling",
            "modulaire gemeenschappelijke regeling",
            " gemeenten ",
            "gemeenten ",
            "streekraad",
            "overleg",
            "alblasserwaard vijfheerenlanden",
            "ijsselgemeenten",
        ),
    ),
)

# Explicit forms in names. Only words that name a form unambiguously; a "-schap"
# (recreatieschap, werkvoorzieningschap, ...) is the Wgr's name for an openbaar lichaam.
_FORM_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bedrijfsvoeringsorganisatie", ("bedrijfsvoeringsorganisatie", " bvo ")),
    (
        "openbaar_lichaam",
        (
            "openbaar lichaam",
            "recreatieschap",
            "plassenschap",
            "meerschap",
            "parkschap",
            "bedrijvenschap",
            "industrieschap",
            "havenschap",
            "wegschap",
            "werkvoorzieningschap",
            "werkvoorzieningsschap",
            "werkvoorzienschap",
            "natuurschap",
            "groenschap",
        ),
    ),
    ("dvo", ("dienstverleningsovereenkomst", " dvo ")),
    ("centrumgemeente", ("centrumregeling", "centrum regeling", "centrumgemeente")),
    ("gemeenschappelijk_orgaan", ("gemeenschappelijk orgaan", "gemeentelijk orgaan")),
    ("convenant", ("samenwerkingsovereenkomst", "bestuursovereenkomst", "convenant")),
    ("privaatrechtelijk", ("stichting ", "cooperatie ", " bv ", " b v ", " nv ", " n v ")),
    ("netwerk", (" overleg ", "overlegorgaan", " platform ")),
    ("ambtelijke_fusie", ("werkorganisatie",)),
)

# OWMS samenwerkingsvorm values (owms_organisaties_regionaal_2016.csv) → model keys.
OWMS_FORMS = {
    "overheid:OpenbaarLichaam_(samenwerkingsvorm)": ("openbaar_lichaam", "Openbaar lichaam"),
    "overheid:Bedrijfsvoeringsorganisatie": (
        "bedrijfsvoeringsorganisatie",
        "Bedrijfsvoeringsorganisatie",
    ),
}

_ENDED = re.compile(r"\b(opgeheven|in liquidatie|opgegaan in)\b", re.I)


def _padded(name: str) -> str:
    return f" {normalise(name)} "


def kind_of(name: str) -> str | None:
    padded = _padded(name)
    for kind, words in _KIND_RULES:
        if any(word in padded for word in words):
            return kind
    return None


def domain_of(name: str) -> str:
    padded = _padded(name)
    for domain, words in _DOMAIN_RULES:
        if any(word in padded for word in words):
            return domain
    return "overig"


def form_from_name(name: str) -> str | None:
    padded = _padded(name)
    for form, words in _FORM_RULES:
        if any(word in padded for word in words):
            return form
    return None


def says_ended(name: str) -> bool:
    """The source name itself says the body no longer exists ("(in 2016 opgeheven)")."""
    return bool(_ENDED.search(name))


@dataclass(frozen=True)
class Classification:
    domain: str
    task_type: str
    form: str | None
    form_basis: str
    legal_form_text: str
    kind: str | None


def classify(name: str, *, kind: str | None = None, legal_form_text: str = "") -> Classification:
    """Domain, task type and form for a body, from its kind if known, else from its name."""
    kind = kind or kind_of(name)
    named_form = form_from_name(name)
    if kind in KINDS:
        domain, task_type, form, basis, text = KINDS[kind]
        if form is None and named_form:
            form, basis = named_form, "naam"
        return Classification(domain, task_type, form, basis, legal_form_text or text, kind)
    domain = domain_of(name)
    return Classification(
        domain,
        DOMAIN_TASK_TYPES[domain],
        named_form,
        "naam" if named_form else "",
        legal_form_text,
        kind,
    )


# --- participants that are not municipalities -------------------------------------------------

_ORGANISATION_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("buitenland", ("duitsland", "landkreis", "industrie und handelskammer")),
    ("provincie", ("provincie ",)),
    ("waterschap", ("waterschap", "hoogheemraadschap", "hoogheermraadschap", "wetterskip")),
    ("rijk", ("ministerie", "rijksarchief", "kamer van koophandel", "rijk")),
    ("privaat", ("stichting", " bv", "sita ")),
    (
        "samenwerkingsverband",
        (
            "recreatieschap",
            "plassenschap",
            "meerschap",
            "stadsregio",
            "veiligheidsregio",
            "regionale ",
            "dienst ",
        ),
    ),
)


def organisation_kind(name: str) -> str | None:
    """The kind of a participant that is not a municipality, or None if not recognised."""
    padded = _padded(name)
    for kind, words in _ORGANISATION_RULES:
        if any(word in padded for word in words):
            return kind
    if padded.strip() == "rijk":
        return "rijk"
    return None
