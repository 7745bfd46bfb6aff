"""A judged set for the matching: 24 questions × 84 experts, relevant experts named per question.

Deterministic (no randomness): the experts are built from twelve specialisms, each with seven
people who describe the specialism in their own words, with different overlap in themes, forms
and tags (some list the theme, some only write about it in their bio, one is closed for
questions, one is fully booked). Each question is written the way a civil servant would ask it;
the judges' relevant set is the open, available specialists of the specialism the question is
about. Questions sometimes leave the themes empty, so the text has to do the work.
"""

from devtools.demo import members_data as demo_members
from netwerk.community.matching import Evidence, Expert, QuestionProfile

SPECIALISMS = demo_members.SPECIALISMS
PROVINCES = ("utrecht", "gelderland", "noord-brabant", "zuid-holland", "groningen")


def experts() -> list[Expert]:
    """Seven per specialism; five of them can be asked (two are closed or fully booked)."""
    result = []
    next_id = 1
    for n, (key, (theme, form, tags, bio, titles)) in enumerate(SPECIALISMS.items()):
        variants = [
            # 0: complete profile with evidence
            {
                "themes": frozenset({theme}),
                "forms": frozenset({form}),
                "tags": frozenset(tags),
                "text": f"Beleidsadviseur. Ik werk aan {bio}.",
                "items": tuple(Evidence(t, frozenset({theme})) for t in titles),
            },
            # 1: theme and a tag, short bio
            {
                "themes": frozenset({theme}),
                "tags": frozenset(tags[:1]),
                "text": f"Projectleider {key}.",
            },
            # 2: no themes ticked, only the bio says it
            {"text": f"Ervaren met {bio}. Graag help ik collega's verder."},
            # 3: closed for questions (never relevant: cannot be asked)
            {
                "themes": frozenset({theme}),
                "tags": frozenset(tags),
                "text": bio,
                "open_for_questions": False,
            },
            # 4: fully booked this month (never relevant: over the limit)
            {
                "themes": frozenset({theme}),
                "text": bio,
                "monthly_limit": 2,
                "asked_this_month": 2,
            },
            # 5: a form of cooperation and tags, a generic bio, already asked once
            {
                "forms": frozenset({form}),
                "tags": frozenset(tags),
                "text": "Adviseur regionale samenwerking.",
                "asked_this_month": 1,
            },
            # 6: evidence only: contact for kennisbank items, nothing ticked
            {"items": tuple(Evidence(t, frozenset({theme}), bio) for t in titles)},
        ]
        for v, fields in enumerate(variants):
            result.append(
                Expert(
                    id=next_id,
                    name=f"{key}-{v}",
                    province=PROVINCES[(n + v) % len(PROVINCES)],
                    **fields,
                )
            )
            next_id += 1
    return result


# (specialism, title, text, themes given?)
QUESTIONS = [
    (
        "belastingen",
        "Samen de WOZ-taxatie doen",
        "Wij overwegen de taxatie van de WOZ-waarde "
        "met twee buurgemeenten te bundelen. Wie heeft dat gedaan?",
        True,
    ),
    (
        "belastingen",
        "Kwijtschelding bij een belastingsamenwerking",
        "Hoe regelt een gezamenlijke belastingdienst de kwijtschelding en de invordering?",
        False,
    ),
    (
        "afval",
        "Afvalinzameling uitbesteden aan een regionale dienst",
        "Wij willen de inzameling van huisvuil en grondstoffen samen organiseren.",
        True,
    ),
    (
        "afval",
        "Gezamenlijke milieustraat",
        "Wie heeft ervaring met een milieustraat die door meerdere gemeenten wordt gebruikt?",
        False,
    ),
    (
        "jeugd",
        "Regionale inkoop van jeugdhulp",
        "Hoe kopen jullie jeugdhulp samen in bij "
        "zorgaanbieders, en wat doen jullie aan wachtlijsten?",
        True,
    ),
    (
        "jeugd",
        "Jeugdzorg en de centrumgemeente",
        "Onze centrumgemeente koopt jeugdzorg in; hoe "
        "houden kleine gemeenten zicht op de kosten voor jongeren en gezinnen?",
        False,
    ),
    (
        "ict",
        "Eén ICT-organisatie voor drie gemeenten",
        "Wij willen applicaties en netwerkbeheer onderbrengen in een gezamenlijke ICT-organisatie.",
        True,
    ),
    (
        "ict",
        "Informatiebeveiliging bij een shared service center",
        "Wie regelt informatiebeveiliging voor meerdere gemeenten in één datacenter?",
        False,
    ),
    (
        "werk",
        "Een intergemeentelijke sociale dienst",
        "Hoe voeren gemeenten samen de participatiewet en de bijstand uit?",
        True,
    ),
    (
        "werk",
        "Werkgeversdienstverlening in de regio",
        "Wij zoeken ervaring met een "
        "gezamenlijk servicepunt voor werkgevers en re-integratie van werkzoekenden.",
        False,
    ),
    (
        "schulden",
        "Vroegsignalering van betalingsachterstanden",
        "Hoe organiseren jullie vroegsignalering van schulden samen met woningcorporaties?",
        True,
    ),
    (
        "schulden",
        "Budgetbeheer samen inkopen",
        "Wie koopt budgetbeheer en schuldhulpverlening samen in met buurgemeenten?",
        False,
    ),
    (
        "veiligheid",
        "Regionale aanpak van ondermijning",
        "Hoe werken jullie samen met het RIEC tegen ondermijning en drugscriminaliteit?",
        True,
    ),
    (
        "veiligheid",
        "Crisisbeheersing oefenen",
        "Wie heeft ervaring met crisisbeheersing en openbare orde over de gemeentegrens heen?",
        False,
    ),
    (
        "wonen",
        "Woningbouwafspraken in de regio",
        "Hoe maken gemeenten samen afspraken over woningbouw en de verdeling over de kernen?",
        True,
    ),
    (
        "wonen",
        "Prestatieafspraken met corporaties",
        "Wie maakte prestatieafspraken met woningcorporaties voor meerdere gemeenten tegelijk?",
        False,
    ),
    (
        "energie",
        "De RES uitvoeren",
        "Hoe verdelen gemeenten de zonnevelden en windmolens uit de regionale energiestrategie?",
        True,
    ),
    (
        "energie",
        "Warmtetransitie samen aanpakken",
        "Wie werkt samen aan aardgasvrije wijken en de warmtetransitie?",
        False,
    ),
    (
        "economie",
        "Bedrijventerreinen regionaal programmeren",
        "Hoe stemmen gemeenten de uitgifte van bedrijventerreinen op elkaar af?",
        True,
    ),
    (
        "economie",
        "Ondernemers aantrekken als regio",
        "Wie heeft ervaring met gezamenlijke acquisitie en het vestigingsklimaat voor ondernemers?",
        False,
    ),
    (
        "bestuur",
        "Grip van de raad op de gemeenschappelijke regeling",
        "Hoe houdt de gemeenteraad grip op de begroting van een gemeenschappelijke regeling?",
        True,
    ),
    (
        "bestuur",
        "Zienswijzen van raadsleden",
        "Hoe organiseren jullie de zienswijze van de raadsleden op regionale begrotingen?",
        False,
    ),
    (
        "sociaal",
        "Beschermd wonen na de doordecentralisatie",
        "Hoe regelen gemeenten samen beschermd wonen en maatschappelijke opvang?",
        True,
    ),
    (
        "sociaal",
        "Wmo-voorzieningen samen inkopen",
        "Wie koopt Wmo-ondersteuning en mantelzorgondersteuning samen in met buurgemeenten?",
        False,
    ),
]


def questions() -> list[tuple[QuestionProfile, frozenset[int]]]:
    """Each question with the ids of the relevant (available) experts of its specialism."""
    everyone = experts()
    result = []
    for n, (key, title, text, with_theme) in enumerate(QUESTIONS):
        theme = SPECIALISMS[key][0]
        relevant = frozenset(e.id for e in everyone if e.name.startswith(f"{key}-") and e.available)
        result.append(
            (
                QuestionProfile(
                    text=f"{title} {text}",
                    themes=frozenset({theme}) if with_theme else frozenset(),
                    province=PROVINCES[n % len(PROVINCES)],
                ),
                relevant,
            )
        )
    return result
