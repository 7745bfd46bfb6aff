"""Demo members for development: an infodesk of sixty specialists (seed 001), our own texts.

The same twelve specialisms build the judged set of the matching (tests/netwerk/
judged_matching.py). Loaded by `manage.py load_demo_members` (DEBUG only).
"""

# specialism: (kennisbank theme slug, modellentool form key, tags, expertise words, item titles)
SPECIALISMS = {
    "belastingen": (
        "belastingen-en-woz",
        "bedrijfsvoeringsorganisatie",
        ("WOZ", "heffing"),
        "taxatie WOZ-waarde heffing invordering gemeentelijke belastingen kwijtschelding",
        ("Belastingsamenwerking in de Hoeksche Waard", "Samen heffen en innen"),
    ),
    "afval": (
        "omgeving-en-milieu",
        "openbaar_lichaam",
        ("afvalinzameling", "grondstoffen"),
        "afvalinzameling huisvuil grondstoffen milieustraat container reiniging",
        ("Regionale afvalinzameling", "Van afval naar grondstof"),
    ),
    "jeugd": (
        "jeugd",
        "centrumgemeente",
        ("jeugdzorg", "inkoop jeugdhulp"),
        "jeugdhulp jeugdzorg inkoop zorgaanbieders wachtlijsten jongeren gezinnen",
        ("Regionale inkoop jeugdhulp", "Jeugdzorgregio in de praktijk"),
    ),
    "ict": (
        "ict-en-informatievoorziening",
        "bedrijfsvoeringsorganisatie",
        ("ICT", "informatiebeveiliging"),
        "ICT-samenwerking applicaties informatiebeveiliging datacenter netwerkbeheer software",
        ("Een gezamenlijke ICT-organisatie", "Informatiebeveiliging samen geregeld"),
    ),
    "werk": (
        "werk-en-inkomen",
        "openbaar_lichaam",
        ("participatiewet", "bijstand"),
        "bijstand participatiewet werkgeversdienstverlening uitkeringen re-integratie "
        "werkzoekenden",
        ("Intergemeentelijke sociale dienst", "Werkgeversservicepunt in de regio"),
    ),
    "schulden": (
        "schuldhulpverlening",
        "convenant",
        ("schuldhulp", "armoede"),
        "schuldhulpverlening schulden armoede budgetbeheer vroegsignalering betalingsachterstanden",
        ("Vroegsignalering van schulden", "Samen tegen armoede"),
    ),
    "veiligheid": (
        "veiligheid",
        "openbaar_lichaam",
        ("ondermijning", "RIEC"),
        "ondermijning openbare orde crisisbeheersing RIEC handhaving drugscriminaliteit",
        ("Regionale aanpak ondermijning", "Crisisbeheersing in de veiligheidsregio"),
    ),
    "wonen": (
        "wonen",
        "convenant",
        ("woningbouw", "woonvisie"),
        "woningbouw woonvisie huisvesting woningcorporaties prestatieafspraken woningmarkt",
        ("Regionale woonvisie", "Woningbouwafspraken met corporaties"),
    ),
    "energie": (
        "klimaat-en-energie",
        "netwerk",
        ("RES", "energietransitie"),
        "energietransitie RES zonnevelden windmolens warmtetransitie aardgasvrij",
        ("De regionale energiestrategie", "Samen naar aardgasvrije wijken"),
    ),
    "economie": (
        "economie",
        "netwerk",
        ("bedrijventerreinen", "vestigingsklimaat"),
        "bedrijventerreinen vestigingsklimaat ondernemers economische agenda acquisitie",
        ("Regionaal bedrijventerreinenbeleid", "Economische agenda van de regio"),
    ),
    "bestuur": (
        "bestuur-en-samenwerking",
        "regeling_zonder_meer",
        ("democratische legitimiteit", "raadsinformatie"),
        "democratische legitimiteit gemeenteraad zienswijze begroting gemeenschappelijke regeling "
        "sturing raadsleden",
        ("Grip van de raad op regionale samenwerking", "Zienswijzen op begrotingen"),
    ),
    "sociaal": (
        "sociaal-domein",
        "centrumgemeente",
        ("Wmo", "beschermd wonen"),
        "Wmo maatschappelijke ondersteuning beschermd wonen maatschappelijke opvang mantelzorg",
        ("Beschermd wonen regionaal", "Wmo-inkoop met buurgemeenten"),
    ),
}

FIRST_NAMES = ("Anne", "Bram", "Carla", "Daan", "Eva", "Fatima", "Gert", "Hanneke", "Ilse", "Joost")
LAST_NAMES = (
    "de Boer",
    "Jansen",
    "Visser",
    "Bakker",
    "Smit",
    "Meijer",
    "de Vries",
    "Mulder",
    "Bos",
    "Kok",
    "Peters",
    "Hendriks",
)
PROVINCES = ("utrecht", "gelderland", "noord-brabant", "zuid-holland", "groningen")
