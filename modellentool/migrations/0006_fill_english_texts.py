"""Fills in the English texts of the published questionnaire version (issue 15).

The texts are frozen here on purpose: a migration must keep doing what it did when it was
written. Only empty English fields are set; after that, editors maintain both languages in the
admin. (tests/browser/test_modellentool.py reuses load_english to restore a flushed database.)
"""

from django.db import migrations

QUESTIONNAIRE = {
    "title": "Which form of cooperation fits your task?",
    "intro": (
        "Form follows function: first you decide what the cooperation must achieve for a task, "
        "then the form follows. In seven short steps you answer questions about the task, the "
        "powers, the partners, the staff and the steering. You get a ranking of all eleven forms "
        "of cooperation, with for each form why it does or does not fit, and advice on the "
        "route. If you do not know an answer, choose ‘I don’t know’: you still get the advice, "
        "with less certainty."
    ),
}

# step number: (title, intro)
STEPS = {
    1: ("The task", "Which task is it about, and how much policy room does that task leave?"),
    2: ("Powers", "Which public-law powers go along, and is cooperation compulsory?"),
    3: ("The partners", "Who do you work with, and how do the partners relate to each other?"),
    4: (
        "Staff and organisation",
        "Where will the staff work, and must the cooperation itself be able to act?",
    ),
    5: (
        "Steering and flexibility",
        "How much say do you want to keep, and how easily must a partner be able to stop?",
    ),
    6: (
        "Motives and ambition",
        "Why do you want to cooperate, and how far may the cooperation go?",
    ),
    7: (
        "The relations",
        "How do the partners stand towards each other today? This mainly decides the route.",
    ),
}

# dimension: (question, help text)
QUESTIONS = {
    "task_type": (
        "What kind of task do you want to take on together?",
        "We distinguish four kinds of municipal tasks. Choose the kind that best fits the task "
        "at hand.",
    ),
    "policy_discretion": (
        "How much policy room does the task leave?",
        "Policy room is the room to make your own judgements while carrying out the task. Little "
        "room: the rules are fixed and the work is mainly execution. Much room: politically "
        "sensitive choices have to be made again and again.",
    ),
    "powers": (
        "Which power must the cooperation at least be able to exercise?",
        "With a mandate, someone else takes decisions on behalf of your municipality; your "
        "municipality remains responsible. With delegation, your municipality transfers the "
        "power; the recipient decides in its own name and is responsible itself. Rule-making "
        "is adopting by-laws.",
    ),
    "legally_required": (
        "Does a law prescribe the cooperation?",
        "Some laws oblige municipalities to cooperate, for instance in an environmental service "
        "(omgevingsdienst) or a safety region (veiligheidsregio).",
    ),
    "partners": (
        "With how many municipalities do you cooperate, your own included?",
        "The number of partners helps decide which form is workable: an agreement between two "
        "municipalities is simple, between ten it becomes a web of arrangements.",
    ),
    "partner_structure": (
        "How do the municipalities relate to each other in this cooperation?",
        "Sometimes all partners take part as equals; sometimes one municipality carries out the "
        "task for the others.",
    ),
    "participants": (
        "Who takes part on behalf of the municipalities?",
        "The board of mayor and aldermen (college) is competent for execution and operations; "
        "the municipal council for by-laws, the budget and the frameworks.",
    ),
    "other_partners": (
        "Do other parties take part besides municipalities?",
        "Other public bodies are for instance the province or a water board. Private parties "
        "are companies, foundations or associations.",
    ),
    "staff": (
        "Where will the staff work?",
        "When staff move to another employer, their legal position changes. That calls for "
        "consultation with the works councils.",
    ),
    "legal_entity_needed": (
        "Must the cooperation itself employ staff, sign contracts or own assets?",
        "Only a cooperation with legal personality can do that.",
    ),
    "market_activity": (
        "Does the cooperation also provide services to the market, such as to businesses?",
        "Whoever also works for the market faces other rules, such as the rules for public "
        "bodies that carry out economic activities.",
    ),
    "control": (
        "How do you want to steer the task?",
        "On the continuum from full control of your own to placing a task entirely at a "
        "distance: where do you want to be?",
    ),
    "exit_flexibility": (
        "How easily must a municipality be able to leave?",
        "Leaving a joint arrangement (gemeenschappelijke regeling) usually costs an exit fee, "
        "often based on five years of contributions. Light forms are easier to end.",
    ),
    "horizon": ("For how long is the cooperation meant?", ""),
    "motives": (
        "Why do you want to cooperate? Choose all that apply.",
        "Vulnerability: the task depends on one or two employees. Administrative strength: the "
        "capacity of the municipality to deliver on its tasks now and later.",
    ),
    "integration": (
        "How far may the cooperation eventually go?",
        "An official merger brings all staff into one organisation; the municipalities each "
        "keep their council and college. A municipal merger creates one new municipality with "
        "one elected council.",
    ),
    "trust": (
        "How much trust is there between the partners at the moment?",
        "Think of earlier cooperation: were agreements kept, also when things went badly?",
    ),
    "shared_vision": (
        "Is there a broadly supported intention or vision for the cooperation?",
        "For instance a declaration of intent that all colleges and councils endorse.",
    ),
}

# (dimension, value): (label, help text)
OPTIONS = {
    ("task_type", "uitvoering"): (
        "Execution",
        "Carrying out or managing policy, such as levying taxes, enforcement or collecting "
        "waste.",
    ),
    ("task_type", "bedrijfsvoering"): (
        "Operations",
        "Supporting tasks for the own organisation, such as IT, HR, purchasing or finance.",
    ),
    ("task_type", "dienstverlening"): (
        "Public services",
        "Work in direct contact with residents, businesses and institutions, such as the front "
        "desk or permits.",
    ),
    ("task_type", "beleid"): (
        "Policy and development",
        "Making policy, plans or projects, such as regional housing agreements.",
    ),
    ("policy_discretion", "laag"): (
        "Little",
        "The rules and the policy are fixed; it is about carrying them out well.",
    ),
    ("policy_discretion", "middel"): (
        "Some",
        "There are judgements now and then, within clear frameworks.",
    ),
    ("policy_discretion", "hoog"): (
        "Much",
        "The task keeps calling for policy or political choices.",
    ),
    ("powers", "geen"): (
        "None",
        "No decisions are taken for the municipalities; it is about coordination, knowledge or "
        "support.",
    ),
    ("powers", "mandaat"): (
        "Mandate",
        "Someone else may take decisions on behalf of the municipalities; the municipalities "
        "remain responsible.",
    ),
    ("powers", "delegatie"): (
        "Delegation of decisions",
        "The cooperation takes decisions (such as permits or enforcement decisions) in its own "
        "name.",
    ),
    ("powers", "regelgeving"): (
        "Rule-making",
        "The cooperation must also be able to adopt by-laws.",
    ),
    ("legally_required", "ja"): ("Yes", "A sector law prescribes the cooperation."),
    ("legally_required", "nee"): ("No", "The municipalities choose to cooperate themselves."),
    ("partners", "2"): ("Two municipalities", ""),
    ("partners", "4"): ("Three to five municipalities", ""),
    ("partners", "8"): ("Six to ten municipalities", ""),
    ("partners", "15"): ("More than ten municipalities", ""),
    ("partner_structure", "gelijkwaardig"): (
        "As equals",
        "All municipalities contribute and decide together.",
    ),
    ("partner_structure", "dominante_aanbieder"): (
        "One municipality provides for the others",
        "One municipality carries out the task or provides the service; the others buy it.",
    ),
    ("participants", "colleges"): (
        "Only the colleges",
        "It concerns powers of the mayor and aldermen.",
    ),
    ("participants", "raden"): (
        "The municipal councils too",
        "Powers or interests of the councils are at stake as well.",
    ),
    ("other_partners", "geen"): ("No, only municipalities", ""),
    ("other_partners", "overheid"): (
        "Yes, other public bodies",
        "For instance the province or a water board.",
    ),
    ("other_partners", "privaat"): (
        "Yes, private parties",
        "For instance companies, housing associations or care institutions.",
    ),
    ("staff", "blijft"): ("They stay with their own municipality", ""),
    ("staff", "naar_een_gemeente"): ("They move to one of the participating municipalities", ""),
    ("staff", "naar_nieuwe_organisatie"): ("They move to a new, joint organisation", ""),
    ("legal_entity_needed", "ja"): (
        "Yes",
        "The cooperation itself must be able to be an employer, a party to contracts or an "
        "owner.",
    ),
    ("legal_entity_needed", "nee"): ("No", "The municipalities can go on doing that themselves."),
    ("market_activity", "ja"): ("Yes", ""),
    ("market_activity", "nee"): ("No, only to the municipalities and their residents", ""),
    ("control", "eigen_regie"): (
        "Keep control",
        "Each municipality keeps the reins in its own hands.",
    ),
    ("control", "gezamenlijk"): ("Decide together", "The municipalities govern the task together."),
    ("control", "op_afstand"): (
        "Place at a distance",
        "The task is left to an independent organisation, within agreements.",
    ),
    ("exit_flexibility", "laag"): ("Not important", "The cooperation is meant for the long term."),
    ("exit_flexibility", "middel"): ("Fairly important", ""),
    ("exit_flexibility", "hoog"): (
        "Very important",
        "A municipality must be able to stop without high costs.",
    ),
    ("horizon", "tijdelijk"): ("Temporary", "A project or pilot with an end date."),
    ("horizon", "structureel"): ("Lasting", "A task that runs for years."),
    ("motives", "kwetsbaarheid"): ("Becoming less vulnerable", ""),
    ("motives", "kwaliteit"): ("Better quality", ""),
    ("motives", "kosten"): ("Lower costs", ""),
    ("motives", "bestuurskracht"): ("More administrative strength", ""),
    ("integration", "geen"): ("No further than this task", ""),
    ("integration", "ambtelijk"): ("Up to one civil service", ""),
    ("integration", "bestuurlijk"): ("Up to one municipality with one elected council", ""),
    ("trust", "laag"): ("Still limited", ""),
    ("trust", "hoog"): ("Strong", ""),
    ("shared_vision", "ja"): ("Yes", ""),
    ("shared_vision", "nee"): ("No, not yet", ""),
}

MODEL_NAMES = {
    "netwerk": "Network or consultation",
    "convenant": "Covenant or cooperation agreement",
    "dvo": "Service level agreement (DVO)",
    "regeling_zonder_meer": "Plain joint arrangement (light GR)",
    "centrumgemeente": "Central municipality",
    "gemeenschappelijk_orgaan": "Joint body (gemeenschappelijk orgaan)",
    "bedrijfsvoeringsorganisatie": "Operations organisation (BVO)",
    "openbaar_lichaam": "Public body (openbaar lichaam)",
    "privaatrechtelijk": "Private-law legal person",
    "ambtelijke_fusie": "Official merger (one civil service)",
    "herindeling": "Municipal merger (herindeling)",
}

# model key: (summary, legal basis, governance, staff, exit, costs)
MODEL_TEXTS = {
    "netwerk": (
        "Specialists or administrators of municipalities meet, share knowledge and coordinate, "
        "without binding agreements.",
        "None; informal arrangements",
        "No board of its own; each municipality decides for itself. A lead or chair keeps the "
        "meetings going.",
        "Everyone stays employed by their own municipality.",
        "Stopping is possible at any time, at no cost.",
        "Almost none: the participants’ time and sometimes a small contribution for meetings.",
    ),
    "convenant": (
        "The municipalities record a common goal and efforts in writing in a covenant or "
        "cooperation agreement.",
        "Agreement (private law)",
        "A steering group or meeting of the signatories; the agreements are often not "
        "enforceable.",
        "Staff stay with their own municipality.",
        "According to the termination clause in the covenant; usually simple.",
        "Low: the costs of the meetings and any projects, as agreed.",
    ),
    "dvo": (
        "One municipality provides a service to one or more other municipalities, for a fee set "
        "out in a service level agreement.",
        "Agreement; mandate per subject (art. 10:4 Awb)",
        "The purchasing municipalities steer as clients on performance and price; decisions "
        "are taken under mandate and remain their responsibility.",
        "Staff stay employed by the providing municipality.",
        "Termination according to the agreement; the provider will ask for a notice period and "
        "wind-down costs.",
        "A rate or cost price per service; the provider bears the risk of the organisation.",
    ),
    "regeling_zonder_meer": (
        "A joint arrangement without a body of its own: public-law agreements between "
        "municipalities, for instance on aligning policy.",
        "Art. 1 Wgr, without a body",
        "No board of its own; each municipality carries out the agreements itself. No mandate "
        "or delegation can be given to the arrangement.",
        "Staff stay with their own municipality.",
        "Leaving according to the arrangement; as there is no organisation, the costs are "
        "usually small.",
        "Low: there is no organisation to pay for.",
    ),
    "centrumgemeente": (
        "One municipality carries out a task for the others, based on a joint arrangement. The "
        "other municipalities remain responsible themselves.",
        "Art. 8(4) Wgr",
        "The central municipality decides under mandate on behalf of the others; they keep the "
        "say and steer through the arrangement and the budget.",
        "The staff are employed by the central municipality.",
        "Leaving according to the arrangement; expect an exit fee for the costs the central "
        "municipality incurs for you.",
        "A contribution per municipality according to an allocation key; the central "
        "municipality carries the organisation.",
    ),
    "gemeenschappelijk_orgaan": (
        "A joint body without legal personality that can take decisions on behalf of the "
        "municipalities.",
        "Art. 8(2) Wgr",
        "A board of representatives of the municipalities; the body can take decisions "
        "(beschikkingen) but cannot adopt by-laws or levy taxes.",
        "The body cannot employ staff itself; staff stay with the municipalities or are "
        "seconded.",
        "Leaving according to the arrangement, usually with an exit fee.",
        "Contributions from the municipalities; there are no costs of an own apparatus because "
        "there is none.",
    ),
    "bedrijfsvoeringsorganisatie": (
        "A public body with a single board, specifically for executive and supporting tasks of "
        "colleges with little policy room, such as IT or taxes.",
        "Art. 8(3) Wgr",
        "One board, formed by members of the colleges; the councils are at a distance and steer "
        "through the budget and their views. Only colleges can take part.",
        "The organisation is a legal person and employs staff itself.",
        "Leaving according to the arrangement; expect an exit fee, often based on five years of "
        "contributions.",
        "Contributions per municipality; setting up and transferring staff cost time and money, "
        "the scale saves money in the longer run.",
    ),
    "openbaar_lichaam": (
        "An independent legal person based on a joint arrangement, with a general board, an "
        "executive board and a chair.",
        "Art. 8(1) Wgr",
        "The general board consists of representatives of the municipalities; since the 2022 "
        "change of the Wgr, councils have more influence (views, a joint advisory committee). "
        "Powers can be delegated, rule-making included.",
        "The organisation employs staff itself.",
        "Leaving is possible according to the arrangement, but costly: an exit fee, often based "
        "on five years of contributions.",
        "Contributions per municipality, a budget of its own and an organisation of its own "
        "with overhead costs.",
    ),
    "privaatrechtelijk": (
        "A foundation, association, private or public limited company in which municipalities "
        "take part.",
        "Art. 160 Gemeentewet",
        "The board or the shareholders according to the articles. The council can voice its "
        "wishes and objections beforehand (art. 160 Gemeentewet); the municipality must show "
        "that a public-law form does not suffice.",
        "The legal person employs staff itself, under private employment law.",
        "Leaving according to the articles or shareholders’ agreement; selling shares or "
        "dissolution can take a long time.",
        "Capital or contributions, plus the costs of an organisation of its own; risks can come "
        "back to the municipality.",
    ),
    "ambtelijke_fusie": (
        "One civil service works for several municipalities; each municipality keeps its own "
        "council, college and policy.",
        "Usually carried by a BVO or a public body",
        "Usually carried by an operations organisation or a public body; the management works "
        "for several colleges at once.",
        "All staff move to the joint organisation.",
        "Leaving is drastic: a municipality has to build up an organisation of its own again "
        "and pay an exit fee.",
        "Considerable transition costs at the start; after that less vulnerability and "
        "economies of scale.",
    ),
    "herindeling": (
        "Municipalities are merged into one new municipality, by law.",
        "Wet arhi",
        "One directly elected council, one college and one mayor for the whole area.",
        "All staff move to the new municipality.",
        "Not reversible.",
        "Transition costs of the merger, partly paid by the national government; after that "
        "one organisation and one budget.",
    ),
}

# route key: (name, summary, pitfall)
ROUTES = {
    "ontwerpaanpak": (
        "Design approach",
        "From the general to the particular: the partners first set out the direction and the "
        "conditions together, for instance in a declaration of intent, and then test per task "
        "area whether cooperation fits.",
        "Pitfall: the process gets stuck in abstract reflections and distant prospects, without "
        "noticeable results. Without real agreement on the goal, it bogs down before the work "
        "begins.",
    ),
    "ontwikkelaanpak": (
        "Development approach",
        "From the particular to the general: the partners start with concrete, low-sensitivity "
        "tasks (a basic package), gain experience and then expand (a plus package). A shared "
        "vision grows from that experience.",
        "Pitfall: the process ends up in the hands of specialists. The discussions become so "
        "technical that administrators no longer see what they are agreeing to, and put on the "
        "brakes.",
    ),
}

# factor code: (title, text)
FACTORS = {
    "halen-en-brengen": (
        "Give and take, with the same expectations",
        "Cooperation works when all partners bring something in and get something back. Agree "
        "beforehand what each expects from the cooperation; preferably the same expectations.",
    ),
    "elkaars-invalshoek": (
        "Respect each other’s point of view",
        "Not every municipality feels the same urgency, and political considerations differ. "
        "For sensitive tasks a growth model helps: first a basic package where the gain is "
        "evident, later a plus package.",
    ),
    "krachtig-en-zichtbaar": (
        "Choose clearly and stay the course",
        "A clear choice for cooperation must also hold against headwinds, such as elections, new "
        "laws or clashing priorities in the own organisation.",
    ),
    "een-keuze": (
        "Voluntary works better than forced",
        "Cooperation that arises by choice lasts better than cooperation that begins only out of "
        "necessity or under pressure. Sometimes a task turns out, on closer inspection, not to "
        "lend itself to cooperation.",
    ),
    "samen-werken": (
        "Trust: act in the spirit of the agreements",
        "Mutual trust is needed: act in the spirit of the agreements, not only to the letter, "
        "and keep asking what your actions mean for the partners.",
    ),
    "praktische-zaken": (
        "Arrange the practical matters on the shop floor",
        "Settling each other’s efforts, workplaces and the management of staff look like "
        "details, but lack of clarity about them can undermine the cooperation.",
    ),
}

# (factor code, dimension, operator, value): note
TRIGGERS = {
    ("halen-en-brengen", "partner_structure", "eq", "dominante_aanbieder"): (
        "One municipality provides for the others: make explicit what the provider gets in "
        "return and what the buyers may expect."
    ),
    ("halen-en-brengen", "motives", "contains", "kosten"): (
        "Savings as a motive: agree how the gains and the transition costs are shared."
    ),
    ("elkaars-invalshoek", "policy_discretion", "eq", "hoog"): (
        "Much policy room: this is where political points of view will differ most."
    ),
    ("elkaars-invalshoek", "task_type", "eq", "beleid"): (
        "Policy is sensitive: start with subjects the partners already agree on."
    ),
    ("elkaars-invalshoek", "participants", "eq", "raden"): (
        "The councils take part too: each council weighs things differently; give them a role "
        "early on."
    ),
    ("krachtig-en-zichtbaar", "horizon", "eq", "structureel"): (
        "A lasting cooperation meets headwinds sooner or later; agree how you will deal with "
        "priorities then."
    ),
    ("krachtig-en-zichtbaar", "integration", "eq", "ambtelijk"): (
        "One civil service calls for a choice that still stands after the next elections."
    ),
    ("krachtig-en-zichtbaar", "integration", "eq", "bestuurlijk"): (
        "A municipal merger calls for administrative determination over a long period."
    ),
    ("een-keuze", "legally_required", "eq", "ja"): (
        "The law prescribes the cooperation: look beyond the duty for each partner’s own "
        "interest, or it will stall at the first setback."
    ),
    ("een-keuze", "motives", "contains", "kwetsbaarheid"): (
        "Vulnerability can feel like necessity; make it a shared ambition too."
    ),
    ("samen-werken", "trust", "eq", "laag"): (
        "Trust is still limited: invest in small, visible successes and in personal contacts."
    ),
    ("samen-werken", "control", "eq", "gezamenlijk"): (
        "Deciding together only works if everyone keeps to the joint decisions."
    ),
    ("praktische-zaken", "staff", "eq", "naar_een_gemeente"): (
        "Staff move to another municipality: arrange their legal position, workplace and "
        "management beforehand."
    ),
    ("praktische-zaken", "staff", "eq", "naar_nieuwe_organisatie"): (
        "Staff move to a new organisation: arrange their legal position, workplace, management "
        "and the settling of costs beforehand."
    ),
    ("praktische-zaken", "task_type", "eq", "bedrijfsvoering"): (
        "With shared operations, much depends on good agreements on settling the costs of "
        "services."
    ),
}

_ONLY_OL = (
    "rule-making power can only be delegated to a public body (art. 8(1) Wgr); with a "
    "municipal merger it goes to the new council."
)
_MANDATE_ONLY = (
    "the participating municipalities remain legally responsible themselves. Whoever wants to "
    "transfer the responsibility needs delegation."
)
_ONE_COUNCIL = (
    "One directly elected council only arises from a municipal merger; a joint arrangement or "
    "agreement has no democratic legitimacy of its own."
)
_NO_ENTITY = (
    "has no legal personality and so cannot employ staff, sign contracts or own assets."
)
_NO_PRIVATE = "is a joint arrangement (Wgr); private parties cannot take part in it."

# The reasons of the rules (weights and knock-outs), by their Dutch text.
REASONS = {
    "Regelgevende bevoegdheid kan alleen aan een openbaar lichaam worden gedelegeerd (art. 8 lid "
    "1 Wgr); bij een herindeling gaat zij naar de nieuwe raad.": "R" + _ONLY_OL[1:],
    "Bij een dienstverleningsovereenkomst besluit de leverancier alleen in mandaat; regelgevende "
    "bevoegdheid kan alleen aan een openbaar lichaam worden gedelegeerd (art. 8 lid 1 Wgr); bij "
    "een herindeling gaat zij naar de nieuwe raad.": (
        "Under a service level agreement the provider only decides under mandate; " + _ONLY_OL
    ),
    "Een centrumgemeente kan alleen in mandaat besluiten; regelgevende bevoegdheid kan alleen aan "
    "een openbaar lichaam worden gedelegeerd (art. 8 lid 1 Wgr); bij een herindeling gaat zij "
    "naar de nieuwe raad.": "A central municipality can only decide under mandate; " + _ONLY_OL,
    "Een netwerk kan geen publiekrechtelijke bevoegdheden uitoefenen, ook geen mandaat.": (
        "A network cannot exercise public-law powers, not even a mandate."
    ),
    "Een convenant kan geen publiekrechtelijke bevoegdheden uitoefenen, ook geen mandaat.": (
        "A covenant cannot exercise public-law powers, not even a mandate."
    ),
    "Een regeling zonder orgaan kan geen publiekrechtelijke bevoegdheden uitoefenen, ook geen "
    "mandaat.": "An arrangement without a body cannot exercise public-law powers, not even a "
    "mandate.",
    "Een privaatrechtelijke rechtspersoon kan geen publiekrechtelijke bevoegdheden uitoefenen, "
    "ook geen mandaat. Publiekrechtelijke taken horen in een publiekrechtelijke vorm.": (
        "A private-law legal person cannot exercise public-law powers, not even a mandate. "
        "Public-law tasks belong in a public-law form."
    ),
    "Een gemeenschappelijk orgaan heeft geen rechtspersoonlijkheid en kan dus geen personeel in "
    "dienst nemen, contracten sluiten of bezittingen hebben.": "A joint body " + _NO_ENTITY,
    "Een regeling zonder orgaan heeft geen rechtspersoonlijkheid en kan dus geen personeel in "
    "dienst nemen, contracten sluiten of bezittingen hebben.": (
        "An arrangement without a body " + _NO_ENTITY
    ),
    "Een netwerk heeft geen rechtspersoonlijkheid en kan dus geen personeel in dienst nemen, "
    "contracten sluiten of bezittingen hebben.": "A network " + _NO_ENTITY,
    "Een convenant heeft geen rechtspersoonlijkheid en kan dus geen personeel in dienst nemen, "
    "contracten sluiten of bezittingen hebben.": "A covenant " + _NO_ENTITY,
    "Een gemeenschappelijk orgaan heeft geen rechtspersoonlijkheid en kan het personeel dus niet "
    "in dienst nemen.": "A joint body has no legal personality and so cannot employ the staff.",
    "Een regeling zonder orgaan heeft geen organisatie en kan geen personeel in dienst nemen.": (
        "An arrangement without a body has no organisation and cannot employ staff."
    ),
    "Een netwerk kan geen personeel in dienst nemen.": "A network cannot employ staff.",
    "Een convenant schept geen organisatie die personeel in dienst kan nemen.": (
        "A covenant creates no organisation that can employ staff."
    ),
    "Een bedrijfsvoeringsorganisatie mag alleen taken uitvoeren met weinig beleidsruimte (art. 8 "
    "lid 3 Wgr); deze taak laat veel ruimte.": (
        "An operations organisation may only carry out tasks with little policy room "
        "(art. 8(3) Wgr); this task leaves much room."
    ),
    "Aan een bedrijfsvoeringsorganisatie kunnen alleen colleges deelnemen, geen gemeenteraden "
    "(art. 8 lid 3 Wgr).": (
        "Only colleges can take part in an operations organisation, not municipal councils "
        "(art. 8(3) Wgr)."
    ),
    "Een regeling zonder orgaan is een gemeenschappelijke regeling (Wgr); private partijen "
    "kunnen daarin niet deelnemen.": "An arrangement without a body " + _NO_PRIVATE,
    "De centrumgemeenteconstructie is een gemeenschappelijke regeling (Wgr); private partijen "
    "kunnen daarin niet deelnemen.": "The central municipality construction " + _NO_PRIVATE,
    "Een gemeenschappelijk orgaan is een gemeenschappelijke regeling (Wgr); private partijen "
    "kunnen daarin niet deelnemen.": "A joint body " + _NO_PRIVATE,
    "Een bedrijfsvoeringsorganisatie is een gemeenschappelijke regeling (Wgr); private partijen "
    "kunnen daarin niet deelnemen.": "An operations organisation " + _NO_PRIVATE,
    "Een openbaar lichaam is een gemeenschappelijke regeling (Wgr); private partijen kunnen "
    "daarin niet deelnemen.": "A public body " + _NO_PRIVATE,
    "Eén rechtstreeks gekozen raad ontstaat alleen door een herindeling; een gemeenschappelijke "
    "regeling of overeenkomst heeft geen eigen democratische legitimatie.": _ONE_COUNCIL,
    "Eén rechtstreeks gekozen raad ontstaat alleen door een herindeling. Een ambtelijke fusie kan "
    "wel een eerste stap op weg daarheen zijn.": (
        "One directly elected council only arises from a municipal merger. An official merger "
        "can be a first step towards it."
    ),
    "U gaf aan dat de samenwerking niet verder mag gaan dan deze taak; een ambtelijke fusie gaat "
    "veel verder.": (
        "You said the cooperation may go no further than this task; an official merger goes "
        "much further."
    ),
    "U gaf aan dat de samenwerking niet verder mag gaan dan deze taak; een herindeling gaat veel "
    "verder.": (
        "You said the cooperation may go no further than this task; a municipal merger goes "
        "much further."
    ),
    "U gaf aan dat de samenwerking niet verder mag gaan dan één ambtelijke organisatie; een "
    "herindeling gaat verder.": (
        "You said the cooperation may go no further than one civil service; a municipal merger "
        "goes further."
    ),
    "Een centrumgemeente kan alleen in mandaat besluiten: de deelnemende gemeenten blijven zelf "
    "juridisch verantwoordelijk. Wie de verantwoordelijkheid wil overdragen, heeft delegatie "
    "nodig.": "A central municipality can only decide under mandate: " + _MANDATE_ONLY,
    "Bij een dienstverleningsovereenkomst kan de leverancier alleen in mandaat besluiten: de "
    "deelnemende gemeenten blijven zelf juridisch verantwoordelijk. Wie de verantwoordelijkheid "
    "wil overdragen, heeft delegatie nodig.": (
        "Under a service level agreement the provider can only decide under mandate: "
        + _MANDATE_ONLY
    ),
}


# The reasons of the weight rules: (Dutch text, English text).
_WEIGHT_PAIRS = [
    (
        'Een uitvoeringstaak laat zich goed door één gemeente voor de andere uitvoeren.',
        (
            'An executive task lends itself well to being carried out by one municipality for the'
            ' others.'
        ),
    ),
    (
        'Uitvoering kan als dienst worden ingekocht bij een buurgemeente.',
        'Execution can be bought as a service from a neighbouring municipality.',
    ),
    (
        'Een gemeenschappelijk orgaan kan uitvoeringsbesluiten nemen.',
        'A joint body can take executive decisions.',
    ),
    (
        'Uitvoerende taken met vaste regels passen bij een bedrijfsvoeringsorganisatie.',
        'Executive tasks with fixed rules suit an operations organisation.',
    ),
    (
        'Een openbaar lichaam kan een uitvoeringstaak met eigen personeel dragen.',
        'A public body can carry an executive task with its own staff.',
    ),
    (
        'Een uitvoeringstaak vraagt meer dan overleg en kennis delen.',
        'An executive task calls for more than consultation and sharing knowledge.',
    ),
    (
        'Voor uitvoering zijn afdwingbare afspraken nodig; een convenant is dat vaak niet.',
        'Execution needs enforceable agreements; a covenant often is not.',
    ),
    (
        (
            'De bedrijfsvoeringsorganisatie is juist bedoeld voor ondersteunende taken als ICT, '
            'personeelszaken en inkoop.'
        ),
        (
            'The operations organisation is meant precisely for supporting tasks such as IT, HR '
            'and purchasing.'
        ),
    ),
    (
        'Gedeelde bedrijfsvoering is vaak een eerste stap naar één ambtelijke organisatie.',
        'Shared operations are often a first step towards one civil service.',
    ),
    (
        'Bedrijfsvoering kan als dienst bij een andere gemeente worden afgenomen.',
        'Operations can be bought as a service from another municipality.',
    ),
    (
        'Een centrumgemeente kan ondersteunende taken voor de andere uitvoeren.',
        'A central municipality can carry out supporting tasks for the others.',
    ),
    (
        (
            'Een openbaar lichaam kan bedrijfsvoering dragen, maar is daarvoor vaak zwaarder dan '
            'nodig.'
        ),
        'A public body can carry operations, but is often heavier than needed for it.',
    ),
    (
        'Gedeelde bedrijfsvoering vraagt een organisatie, niet alleen overleg.',
        'Shared operations call for an organisation, not only consultation.',
    ),
    (
        'Voor gedeelde bedrijfsvoering is een convenant te vrijblijvend.',
        'For shared operations a covenant is too non-committal.',
    ),
    (
        'Een regeling zonder orgaan heeft geen organisatie die de bedrijfsvoering kan doen.',
        'An arrangement without a body has no organisation that can do the operations.',
    ),
    (
        'Voor gedeelde bedrijfsvoering is samenvoegen van gemeenten niet nodig.',
        'Shared operations do not require merging municipalities.',
    ),
    (
        'Dienstverlening kan als product bij een buurgemeente worden afgenomen.',
        'Public services can be bought as a product from a neighbouring municipality.',
    ),
    (
        'Een centrumgemeente kan het loket of de backoffice voor de andere verzorgen.',
        'A central municipality can run the front desk or back office for the others.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie kan dienstverlening met vaste regels uitvoeren.',
        'An operations organisation can provide public services with fixed rules.',
    ),
    (
        'Een gemeenschappelijk orgaan kan besluiten voor inwoners nemen.',
        'A joint body can take decisions for residents.',
    ),
    (
        'Eén ambtelijke organisatie kan de dienstverlening voor alle gemeenten dragen.',
        'One civil service can carry the public services for all municipalities.',
    ),
    (
        'Dienstverlening aan inwoners vraagt vaste afspraken, niet alleen overleg.',
        'Services to residents call for firm agreements, not only consultation.',
    ),
    (
        'Beleid afstemmen kan goed in een convenant met gezamenlijke doelen.',
        'Aligning policy works well in a covenant with joint goals.',
    ),
    (
        (
            'Een regeling zonder orgaan legt beleidsafstemming publiekrechtelijk vast, terwijl '
            'elke raad zijn eigen beleid houdt.'
        ),
        (
            'An arrangement without a body lays down policy alignment in public law, while each '
            'council keeps its own policy.'
        ),
    ),
    (
        'Een openbaar lichaam kan gezamenlijk beleid voorbereiden als bevoegdheden meegaan.',
        'A public body can prepare joint policy if powers go along.',
    ),
    (
        (
            'Een bedrijfsvoeringsorganisatie is bedoeld voor taken met weinig beleidsruimte, niet'
            ' voor beleid.'
        ),
        'An operations organisation is meant for tasks with little policy room, not for policy.',
    ),
    (
        'Beleid koop je niet in als dienst bij een andere gemeente.',
        'Policy is not something you buy as a service from another municipality.',
    ),
    (
        'Als één gemeente beleid maakt voor de andere, verliezen die hun eigen afweging.',
        'If one municipality makes policy for the others, they lose their own judgement.',
    ),
    (
        'Een ambtelijke fusie bundelt uitvoering; het beleid blijft bij elke gemeente.',
        'An official merger pools execution; policy stays with each municipality.',
    ),
    (
        (
            'Weinig beleidsruimte: precies het soort taak waarvoor de bedrijfsvoeringsorganisatie'
            ' bestaat.'
        ),
        'Little policy room: exactly the kind of task the operations organisation exists for.',
    ),
    (
        'Een taak met vaste regels laat zich goed als dienst afspreken.',
        'A task with fixed rules lends itself well to a service agreement.',
    ),
    (
        'Bij weinig beleidsruimte is uitvoering door één gemeente in mandaat goed te regelen.',
        (
            'With little policy room, execution by one municipality under mandate is easy to '
            'arrange.'
        ),
    ),
    (
        'Een gemeenschappelijk orgaan laat ruimte voor gezamenlijke afwegingen.',
        'A joint body leaves room for joint judgements.',
    ),
    (
        'In een openbaar lichaam worden afwegingen door een gezamenlijk bestuur gemaakt.',
        'In a public body, judgements are made by a joint board.',
    ),
    (
        'Enige beleidsruimte kan in het mandaat aan de centrumgemeente worden afgebakend.',
        'Some policy room can be delimited in the mandate to the central municipality.',
    ),
    (
        (
            'Veel beleidsruimte vraagt een bestuur met eigen verantwoordelijkheid en invloed van '
            'de raden, zoals in een openbaar lichaam.'
        ),
        (
            'Much policy room calls for a board with its own responsibility and influence of the '
            'councils, as in a public body.'
        ),
    ),
    (
        'Een gemeenschappelijk orgaan kan beleidsrijke besluiten nemen binnen de regeling.',
        'A joint body can take policy-rich decisions within the arrangement.',
    ),
    (
        'Beleidsgevoelige onderwerpen worden vaak eerst in een convenant afgestemd.',
        'Politically sensitive subjects are often first aligned in a covenant.',
    ),
    (
        'Een regeling zonder orgaan laat de beleidskeuzes bij elke gemeente.',
        'An arrangement without a body leaves the policy choices with each municipality.',
    ),
    (
        'Beleidskeuzes passen slecht in een dienstverleningsovereenkomst.',
        'Policy choices fit poorly in a service level agreement.',
    ),
    (
        (
            'Bij veel beleidsruimte moet de centrumgemeente steeds keuzes maken voor gemeenten '
            'die zelf verantwoordelijk blijven.'
        ),
        (
            'With much policy room, the central municipality keeps having to make choices for '
            'municipalities that remain responsible themselves.'
        ),
    ),
    (
        'Beleidsrijke taken vragen politieke sturing die een ambtelijke fusie niet regelt.',
        'Policy-rich tasks call for political steering that an official merger does not provide.',
    ),
    (
        'Er gaan geen bevoegdheden over: een netwerk volstaat dan vaak.',
        'No powers move: a network is then often enough.',
    ),
    (
        'Zonder bevoegdheden die overgaan, zijn afspraken in een convenant voldoende.',
        'Without powers moving, agreements in a covenant are enough.',
    ),
    (
        'Een regeling zonder orgaan past bij afspraken zonder overdracht van bevoegdheden.',
        'An arrangement without a body fits agreements without a transfer of powers.',
    ),
    (
        'Een dienst afnemen kan zonder bevoegdheden over te dragen.',
        'Buying a service is possible without transferring powers.',
    ),
    (
        'Een privaatrechtelijke rechtspersoon kan werken zonder publiekrechtelijke bevoegdheden.',
        'A private-law legal person can work without public-law powers.',
    ),
    (
        'Een openbaar lichaam is zwaar als er geen bevoegdheden overgaan.',
        'A public body is heavy if no powers move.',
    ),
    (
        (
            'Een gemeenschappelijk orgaan is er om besluiten te nemen; zonder bevoegdheden heeft '
            'het weinig te doen.'
        ),
        'A joint body exists to take decisions; without powers it has little to do.',
    ),
    (
        (
            'De centrumgemeenteconstructie draait om mandaat; zonder bevoegdheden volstaat een '
            'lichtere vorm.'
        ),
        (
            'The central municipality construction revolves around mandate; without powers a '
            'lighter form is enough.'
        ),
    ),
    (
        'Er gaan geen bevoegdheden over: samenvoegen is dan buiten proportie.',
        'No powers move: merging is then out of proportion.',
    ),
    (
        (
            'Mandaat is precies wat de centrumgemeente krijgt; de andere gemeenten blijven '
            'verantwoordelijk.'
        ),
        (
            'Mandate is exactly what the central municipality gets; the other municipalities '
            'remain responsible.'
        ),
    ),
    (
        'Bij een dienstverleningsovereenkomst besluit de leverancier in mandaat (art. 10:4 Awb).',
        'Under a service level agreement the provider decides under mandate (art. 10:4 Awb).',
    ),
    (
        'Een bedrijfsvoeringsorganisatie kan in mandaat besluiten voor de colleges.',
        'An operations organisation can decide under mandate for the colleges.',
    ),
    (
        'Een ambtelijke organisatie kan in mandaat voor meerdere colleges werken.',
        'A civil service can work under mandate for several colleges.',
    ),
    (
        'Een gemeenschappelijk orgaan kan ook in mandaat besluiten.',
        'A joint body can also decide under mandate.',
    ),
    (
        'Een openbaar lichaam kan in mandaat besluiten, al is het daarvoor zwaar.',
        'A public body can decide under mandate, though it is heavy for that.',
    ),
    (
        'Een openbaar lichaam kan gedelegeerde bevoegdheden in eigen naam uitoefenen.',
        'A public body can exercise delegated powers in its own name.',
    ),
    (
        (
            'Een gemeenschappelijk orgaan kan gedelegeerde besluiten nemen, zolang het geen '
            'regelgeving is.'
        ),
        'A joint body can take delegated decisions, as long as it is not rule-making.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie kan gedelegeerde bevoegdheden van colleges uitoefenen.',
        'An operations organisation can exercise delegated powers of colleges.',
    ),
    (
        'Na een herindeling liggen alle bevoegdheden bij de nieuwe gemeente.',
        'After a municipal merger all powers lie with the new municipality.',
    ),
    (
        (
            'Alleen een openbaar lichaam kan gedelegeerde regelgevende bevoegdheid krijgen (art. '
            '8 lid 1 Wgr).'
        ),
        'Only a public body can receive delegated rule-making power (art. 8(1) Wgr).',
    ),
    (
        'Na een herindeling stelt de nieuwe raad alle verordeningen vast.',
        'After a municipal merger the new council adopts all by-laws.',
    ),
    (
        'Tussen twee gemeenten is een dienstverleningsovereenkomst eenvoudig te regelen.',
        'Between two municipalities a service level agreement is simple to arrange.',
    ),
    (
        'Herindelingen gaan vaak over twee of drie gemeenten.',
        'Municipal mergers often involve two or three municipalities.',
    ),
    (
        'Twee gemeenten kunnen betrekkelijk eenvoudig één ambtelijke organisatie vormen.',
        'Two municipalities can form one civil service relatively easily.',
    ),
    (
        (
            'Met twee gemeenten is een dienstverleningsovereenkomst meestal lichter dan een '
            'centrumgemeente.'
        ),
        (
            'With two municipalities a service level agreement is usually lighter than a central '
            'municipality.'
        ),
    ),
    (
        (
            'Met meerdere gemeenten is één centrumgemeente overzichtelijker dan losse '
            'overeenkomsten.'
        ),
        (
            'With several municipalities one central municipality is clearer than separate '
            'agreements.'
        ),
    ),
    (
        'Meerdere gemeenten kunnen in één gemeenschappelijk orgaan samen besluiten.',
        'Several municipalities can decide together in one joint body.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie loont bij meerdere deelnemers.',
        'An operations organisation pays off with several participants.',
    ),
    (
        'Een openbaar lichaam loont bij meerdere deelnemers.',
        'A public body pays off with several participants.',
    ),
    (
        'Met veel gemeenten is een netwerk de lichtste manier om kennis te delen.',
        'With many municipalities a network is the lightest way to share knowledge.',
    ),
    (
        'Een convenant kan veel partners tegelijk binden.',
        'A covenant can bind many partners at once.',
    ),
    (
        'Met veel partners biedt een openbaar lichaam een duidelijke bestuursstructuur.',
        'With many partners a public body offers a clear governance structure.',
    ),
    (
        'Met veel gemeenten wordt een web van losse overeenkomsten onoverzichtelijk.',
        'With many municipalities a web of separate agreements becomes hard to oversee.',
    ),
    (
        (
            'Eén ambtelijke organisatie voor zes of meer gemeenten is zeldzaam en moeilijk te '
            'besturen.'
        ),
        'One civil service for six or more municipalities is rare and hard to govern.',
    ),
    (
        'Een herindeling van zes of meer gemeenten tegelijk is uitzonderlijk.',
        'A merger of six or more municipalities at once is exceptional.',
    ),
    (
        'Gelijkwaardige partners besturen een gemeenschappelijk orgaan samen.',
        'Equal partners govern a joint body together.',
    ),
    (
        'In een bedrijfsvoeringsorganisatie hebben de gemeenten elk een plaats in het bestuur.',
        'In an operations organisation each municipality has a seat on the board.',
    ),
    (
        'In een openbaar lichaam hebben gelijkwaardige partners elk een plaats in het bestuur.',
        'In a public body equal partners each have a seat on the board.',
    ),
    (
        'Een regeling zonder orgaan past bij gelijkwaardige afspraken.',
        'An arrangement without a body fits agreements between equals.',
    ),
    (
        'Eén ambtelijke organisatie werkt het best tussen gelijkwaardige partners.',
        'One civil service works best between equal partners.',
    ),
    (
        'Gelijkwaardige partners kunnen samen een nieuwe gemeente vormen.',
        'Equal partners can form a new municipality together.',
    ),
    (
        (
            'Bij een centrumgemeente is één gemeente de uitvoerder; dat past minder bij '
            'gelijkwaardige partners.'
        ),
        (
            'With a central municipality one municipality carries out the work; that fits equal '
            'partners less well.'
        ),
    ),
    (
        'Een dienstverleningsovereenkomst maakt van de partners leverancier en klant.',
        'A service level agreement turns the partners into provider and client.',
    ),
    (
        'Eén gemeente die voor de andere uitvoert: dat is de centrumgemeenteconstructie.',
        (
            'One municipality carrying out the task for the others: that is the central '
            'municipality construction.'
        ),
    ),
    (
        (
            'Eén gemeente die een dienst levert aan de andere: dat is een '
            'dienstverleningsovereenkomst.'
        ),
        'One municipality providing a service to the others: that is a service level agreement.',
    ),
    (
        'Een aparte organisatie is niet nodig als één gemeente de taak al uitvoert.',
        'A separate organisation is not needed if one municipality already carries out the task.',
    ),
    (
        'Een gezamenlijk orgaan voegt weinig toe als één gemeente de taak draagt.',
        'A joint body adds little if one municipality carries the task.',
    ),
    (
        'Een openbaar lichaam voegt een laag toe als één gemeente de taak al uitvoert.',
        'A public body adds a layer if one municipality already carries out the task.',
    ),
    (
        'Eén gemeente die levert is nog geen gezamenlijke ambtelijke organisatie.',
        'One providing municipality is not yet a joint civil service.',
    ),
    (
        'Een grote gemeente die voor kleinere levert, is geen reden om samen te voegen.',
        'A large municipality providing for smaller ones is no reason to merge.',
    ),
    (
        'Alleen colleges: een bedrijfsvoeringsorganisatie is een regeling van colleges.',
        'Only colleges: an operations organisation is an arrangement of colleges.',
    ),
    (
        'Mandaat van colleges is goed in een centrumgemeenteconstructie te regelen.',
        'A mandate from colleges is easy to arrange in a central municipality construction.',
    ),
    (
        'Colleges kunnen een dienstverleningsovereenkomst zelf aangaan.',
        'Colleges can enter into a service level agreement themselves.',
    ),
    (
        'Colleges kunnen samen een gemeenschappelijk orgaan instellen.',
        'Colleges can set up a joint body together.',
    ),
    (
        'Als ook de raden meedoen, biedt een openbaar lichaam hun de meeste invloed (Wgr 2022).',
        'If the councils take part too, a public body gives them the most influence (Wgr 2022).',
    ),
    (
        'Raden kunnen elkaar in een regeling zonder orgaan binden aan gezamenlijke afspraken.',
        'In an arrangement without a body, councils can bind each other to joint agreements.',
    ),
    (
        'Raden kunnen hun gezamenlijke ambities in een convenant vastleggen.',
        'Councils can record their joint ambitions in a covenant.',
    ),
    (
        'Bij een herindeling beslissen de raden over één nieuwe gemeente.',
        'In a municipal merger the councils decide on one new municipality.',
    ),
    (
        'Provincies en waterschappen kunnen meedoen in een openbaar lichaam (gemengde regeling).',
        'Provinces and water boards can take part in a public body (mixed arrangement).',
    ),
    (
        'Een gemengde regeling met een gemeenschappelijk orgaan is mogelijk.',
        'A mixed arrangement with a joint body is possible.',
    ),
    (
        'Ook andere overheden kunnen deelnemen in een regeling zonder orgaan.',
        'Other public bodies can also take part in an arrangement without a body.',
    ),
    (
        'Een convenant verbindt gemakkelijk verschillende overheden.',
        'A covenant easily connects different public bodies.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie met andere overheden is ongebruikelijk.',
        'An operations organisation with other public bodies is unusual.',
    ),
    (
        'Eén ambtelijke organisatie met provincie of waterschap ligt niet voor de hand.',
        'One civil service with a province or water board is not an obvious choice.',
    ),
    (
        'Een provincie of waterschap kan niet in een herindeling meegaan.',
        'A province or water board cannot join a municipal merger.',
    ),
    (
        'Private partijen kunnen wel deelnemen in een stichting, vereniging of vennootschap.',
        'Private parties can take part in a foundation, association or company.',
    ),
    (
        'Een convenant kan ook private partners binden.',
        'A covenant can bind private partners too.',
    ),
    (
        'In een netwerk kunnen private partijen gewoon meedoen.',
        'Private parties can simply take part in a network.',
    ),
    (
        (
            'Private partijen kunnen geen deel uitmaken van een gemeentelijke ambtelijke '
            'organisatie.'
        ),
        'Private parties cannot be part of a municipal civil service.',
    ),
    (
        'Private partijen spelen bij een herindeling geen rol.',
        'Private parties play no part in a municipal merger.',
    ),
    (
        'Medewerkers blijven bij hun gemeente: dat past bij een netwerk.',
        'Staff stay with their municipality: that fits a network.',
    ),
    (
        'Medewerkers blijven bij hun gemeente: dat past bij een convenant.',
        'Staff stay with their municipality: that fits a covenant.',
    ),
    (
        'Zonder eigen organisatie blijven medewerkers waar ze zijn.',
        'Without an organisation of its own, staff stay where they are.',
    ),
    (
        'Een gemeenschappelijk orgaan werkt met medewerkers van de gemeenten.',
        'A joint body works with staff of the municipalities.',
    ),
    (
        'Bij een dienstverleningsovereenkomst blijven de medewerkers bij de leverende gemeente.',
        'Under a service level agreement the staff stay with the providing municipality.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie heeft juist eigen personeel.',
        'An operations organisation has staff of its own, precisely.',
    ),
    (
        'Een openbaar lichaam zonder eigen personeel benut de vorm niet.',
        'A public body without staff of its own does not use what the form offers.',
    ),
    (
        'Een private rechtspersoon zonder eigen personeel is een lege huls.',
        'A private legal person without staff of its own is an empty shell.',
    ),
    (
        'Bij een ambtelijke fusie gaan alle medewerkers over; dat wilt u niet.',
        'With an official merger all staff move; you do not want that.',
    ),
    (
        'Bij een herindeling gaan alle medewerkers over naar de nieuwe gemeente.',
        'With a municipal merger all staff move to the new municipality.',
    ),
    (
        'Medewerkers naar één gemeente: die gemeente wordt de centrumgemeente.',
        'Staff to one municipality: that municipality becomes the central municipality.',
    ),
    (
        'Medewerkers naar de leverende gemeente: dat past bij een dienstverleningsovereenkomst.',
        'Staff to the providing municipality: that fits a service level agreement.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie neemt het personeel zelf in dienst, niet een gemeente.',
        'An operations organisation employs the staff itself, not a municipality.',
    ),
    (
        'Een openbaar lichaam neemt het personeel zelf in dienst, niet een gemeente.',
        'A public body employs the staff itself, not a municipality.',
    ),
    (
        'Een private rechtspersoon neemt het personeel zelf in dienst.',
        'A private legal person employs the staff itself.',
    ),
    (
        'Bij een ambtelijke fusie gaan de medewerkers naar de gezamenlijke organisatie.',
        'With an official merger the staff move to the joint organisation.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie is rechtspersoon en neemt het personeel zelf in dienst.',
        'An operations organisation is a legal person and employs the staff itself.',
    ),
    (
        'Een openbaar lichaam is rechtspersoon en neemt het personeel zelf in dienst.',
        'A public body is a legal person and employs the staff itself.',
    ),
    (
        'Een ambtelijke fusie brengt medewerkers in één nieuwe organisatie.',
        'An official merger brings staff into one new organisation.',
    ),
    (
        'Een stichting of vennootschap kan zelf werkgever zijn.',
        'A foundation or company can be an employer itself.',
    ),
    (
        'Bij een herindeling komen alle medewerkers bij de nieuwe gemeente.',
        'With a municipal merger all staff join the new municipality.',
    ),
    (
        (
            'Bij een centrumgemeente gaan medewerkers naar die gemeente, niet naar een nieuwe '
            'organisatie.'
        ),
        'With a central municipality staff move to that municipality, not to a new organisation.',
    ),
    (
        'Bij een dienstverleningsovereenkomst blijven medewerkers bij de leverende gemeente.',
        'Under a service level agreement staff stay with the providing municipality.',
    ),
    (
        (
            'Een bedrijfsvoeringsorganisatie heeft rechtspersoonlijkheid: ze kan werkgever en '
            'contractpartij zijn.'
        ),
        (
            'An operations organisation has legal personality: it can be an employer and a party '
            'to contracts.'
        ),
    ),
    (
        (
            'Een openbaar lichaam heeft rechtspersoonlijkheid: het kan werkgever, contractpartij '
            'en eigenaar zijn.'
        ),
        (
            'A public body has legal personality: it can be an employer, a party to contracts and'
            ' an owner.'
        ),
    ),
    (
        'Een private rechtspersoon kan werkgever, contractpartij en eigenaar zijn.',
        'A private legal person can be an employer, a party to contracts and an owner.',
    ),
    (
        'De nieuwe gemeente is zelf rechtspersoon.',
        'The new municipality is a legal person itself.',
    ),
    (
        'Bij een centrumgemeente sluit die gemeente de contracten, niet de samenwerking zelf.',
        (
            'With a central municipality, that municipality signs the contracts, not the '
            'cooperation itself.'
        ),
    ),
    (
        'Een dienstverleningsovereenkomst schept geen eigen rechtspersoon.',
        'A service level agreement creates no legal person of its own.',
    ),
    (
        'Geen eigen rechtspersoon nodig: een netwerk volstaat.',
        'No legal person of its own needed: a network is enough.',
    ),
    (
        'Geen eigen rechtspersoon nodig: afspraken in een convenant volstaan.',
        'No legal person of its own needed: agreements in a covenant are enough.',
    ),
    (
        'Een regeling zonder orgaan heeft geen eigen rechtspersoon nodig.',
        'An arrangement without a body needs no legal person of its own.',
    ),
    (
        'Een gemeenschappelijk orgaan werkt zonder eigen rechtspersoon.',
        'A joint body works without a legal person of its own.',
    ),
    (
        'Een centrumgemeente werkt zonder nieuwe rechtspersoon.',
        'A central municipality works without a new legal person.',
    ),
    (
        'Een dienstverleningsovereenkomst werkt zonder nieuwe rechtspersoon.',
        'A service level agreement works without a new legal person.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie is een nieuwe rechtspersoon; die is hier niet nodig.',
        'An operations organisation is a new legal person; that is not needed here.',
    ),
    (
        'Een openbaar lichaam is een nieuwe rechtspersoon; die is hier niet nodig.',
        'A public body is a new legal person; that is not needed here.',
    ),
    (
        (
            'Een stichting of vennootschap oprichten is niet nodig als de samenwerking zelf niets'
            ' hoeft te kunnen.'
        ),
        (
            'Setting up a foundation or company is not needed if the cooperation itself need not '
            'be able to act.'
        ),
    ),
    (
        'Een ambtelijke fusie vraagt meestal een drager met rechtspersoonlijkheid.',
        'An official merger usually needs a carrier with legal personality.',
    ),
    (
        'Een nieuwe gemeente is meer dan hier nodig is.',
        'A new municipality is more than is needed here.',
    ),
    (
        (
            'Wie ook voor de markt werkt, doet dat vaak in een private rechtspersoon; dat mag '
            'alleen als een zwaarwegend publiek belang het vraagt en een publiekrechtelijke vorm '
            'niet volstaat (art. 160 Gemeentewet).'
        ),
        (
            'Whoever also works for the market often does so in a private legal person; that is '
            'only allowed if a compelling public interest calls for it and a public-law form does'
            ' not suffice (art. 160 Gemeentewet).'
        ),
    ),
    (
        'Een gemeenschappelijke regeling is niet bedoeld om voor de markt te werken.',
        'A joint arrangement is not meant for working for the market.',
    ),
    (
        'Een centrumgemeente die voor de markt werkt, mengt publieke en private belangen.',
        'A central municipality that works for the market mixes public and private interests.',
    ),
    (
        'Een gemeenschappelijk orgaan is niet bedoeld om voor de markt te werken.',
        'A joint body is not meant for working for the market.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie werkt voor de colleges, niet voor de markt.',
        'An operations organisation works for the colleges, not for the market.',
    ),
    (
        (
            'Een openbaar lichaam dat voor de markt werkt, krijgt te maken met de regels voor '
            'overheden op de markt.'
        ),
        (
            'A public body that works for the market has to deal with the rules for public bodies'
            ' on the market.'
        ),
    ),
    (
        'Een ambtelijke organisatie is niet bedoeld om voor de markt te werken.',
        'A civil service is not meant for working for the market.',
    ),
    (
        (
            'Publiekrechtelijke vormen gaan voor (art. 160 Gemeentewet); zonder marktactiviteit '
            'is een private rechtspersoon moeilijk te rechtvaardigen.'
        ),
        (
            'Public-law forms come first (art. 160 Gemeentewet); without market activity a '
            'private legal person is hard to justify.'
        ),
    ),
    (
        'Een gezamenlijke organisatie maakt de taak minder afhankelijk van enkele medewerkers.',
        'A joint organisation makes the task less dependent on a few employees.',
    ),
    (
        'Bij de centrumgemeente ontstaat een groter team, dus minder kwetsbaarheid.',
        'The central municipality builds a larger team, so less vulnerability.',
    ),
    (
        'Inkopen bij een grotere buurgemeente vermindert de kwetsbaarheid.',
        'Buying from a larger neighbouring municipality reduces vulnerability.',
    ),
    (
        'Eén ambtelijke organisatie maakt alle gemeenten minder kwetsbaar.',
        'One civil service makes all municipalities less vulnerable.',
    ),
    (
        'Een grotere gemeente is minder kwetsbaar.',
        'A larger municipality is less vulnerable.',
    ),
    (
        'Kwaliteit groeit al door kennis te delen met vakgenoten; daar is een netwerk voor.',
        'Quality already grows by sharing knowledge with peers; that is what a network is for.',
    ),
    (
        'Een gespecialiseerde organisatie kan de kwaliteit verhogen.',
        'A specialised organisation can raise quality.',
    ),
    (
        'Een eigen organisatie kan specialisten in dienst nemen.',
        'An organisation of its own can employ specialists.',
    ),
    (
        'Gezamenlijke besluitvorming bundelt de kennis van de partners.',
        'Joint decision-making pools the partners’ knowledge.',
    ),
    (
        'Eén organisatie biedt ruimte voor specialisatie.',
        'One organisation makes room for specialisation.',
    ),
    (
        'Schaalvoordelen in de bedrijfsvoering leveren op termijn besparing op.',
        'Economies of scale in operations save money in the longer run.',
    ),
    (
        'Een dienst inkopen kan goedkoper zijn dan zelf organiseren.',
        'Buying a service can be cheaper than organising it yourself.',
    ),
    (
        'Eén uitvoerder voor meerdere gemeenten verlaagt de vaste kosten.',
        'One provider for several municipalities lowers the fixed costs.',
    ),
    (
        'Eén organisatie verlaagt de vaste kosten, na forse frictiekosten.',
        'One organisation lowers the fixed costs, after considerable transition costs.',
    ),
    (
        'Een netwerk levert weinig besparing op.',
        'A network saves little money.',
    ),
    (
        'Een herindeling versterkt de bestuurskracht het meest: één gemeente met één raad.',
        (
            'A municipal merger strengthens administrative strength the most: one municipality '
            'with one council.'
        ),
    ),
    (
        'Eén ambtelijke organisatie versterkt de bestuurskracht van kleine gemeenten.',
        'One civil service strengthens the administrative strength of small municipalities.',
    ),
    (
        'Een openbaar lichaam kan regionale slagkracht organiseren.',
        'A public body can organise regional clout.',
    ),
    (
        'Een netwerk voegt weinig bestuurskracht toe.',
        'A network adds little administrative strength.',
    ),
    (
        'Een dienst inkopen versterkt de eigen bestuurskracht niet.',
        'Buying a service does not strengthen your own administrative strength.',
    ),
    (
        'In een netwerk houdt elke gemeente volledig de eigen regie.',
        'In a network each municipality keeps full control of its own.',
    ),
    (
        'Een convenant laat de regie bij elke gemeente.',
        'A covenant leaves control with each municipality.',
    ),
    (
        'Als opdrachtgever houdt u de regie over de dienst die u afneemt.',
        'As the client you keep control of the service you buy.',
    ),
    (
        'De gemeenten blijven verantwoordelijk en houden zo de regie.',
        'The municipalities remain responsible and so keep control.',
    ),
    (
        'Een regeling zonder orgaan laat de uitvoering bij elke gemeente.',
        'An arrangement without a body leaves the execution with each municipality.',
    ),
    (
        'In een bedrijfsvoeringsorganisatie deelt u de regie met de andere colleges.',
        'In an operations organisation you share control with the other colleges.',
    ),
    (
        'Een openbaar lichaam zet de taak op afstand van elke afzonderlijke gemeente.',
        'A public body places the task at a distance from each individual municipality.',
    ),
    (
        (
            'Een private rechtspersoon staat op afstand; de gemeente stuurt alleen als '
            'aandeelhouder of lid.'
        ),
        (
            'A private legal person is at a distance; the municipality only steers as a '
            'shareholder or member.'
        ),
    ),
    (
        'In één ambtelijke organisatie stuurt elke gemeente niet meer alleen.',
        'In one civil service no municipality steers on its own any more.',
    ),
    (
        'Na een herindeling is er geen eigen regie van de oude gemeenten meer.',
        (
            'After a municipal merger the former municipalities have no control of their own any '
            'more.'
        ),
    ),
    (
        'In een gemeenschappelijk orgaan beslissen de gemeenten samen.',
        'In a joint body the municipalities decide together.',
    ),
    (
        'In het bestuur van een openbaar lichaam beslissen de gemeenten samen.',
        'On the board of a public body the municipalities decide together.',
    ),
    (
        'Een convenant legt vast wat de partners samen willen bereiken.',
        'A covenant records what the partners want to achieve together.',
    ),
    (
        'Een regeling zonder orgaan legt gezamenlijke afspraken publiekrechtelijk vast.',
        'An arrangement without a body lays down joint agreements in public law.',
    ),
    (
        'De colleges besturen de bedrijfsvoeringsorganisatie samen.',
        'The colleges govern the operations organisation together.',
    ),
    (
        'De colleges sturen samen op één ambtelijke organisatie.',
        'The colleges steer one civil service together.',
    ),
    (
        'Een openbaar lichaam voert de taak zelfstandig uit, binnen de regeling.',
        'A public body carries out the task independently, within the arrangement.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie voert de taak zelfstandig uit voor de colleges.',
        'An operations organisation carries out the task independently for the colleges.',
    ),
    (
        'Een private rechtspersoon staat het verst op afstand.',
        'A private legal person is furthest at a distance.',
    ),
    (
        'Een netwerk kan een taak niet op afstand uitvoeren.',
        'A network cannot carry out a task at a distance.',
    ),
    (
        'Een convenant zet niets op afstand; de gemeenten blijven zelf aan zet.',
        'A covenant places nothing at a distance; the municipalities stay in charge themselves.',
    ),
    (
        'Een regeling zonder orgaan heeft niets om de taak aan over te laten.',
        'An arrangement without a body has nothing to leave the task to.',
    ),
    (
        'Een openbaar lichaam is gebouwd voor samenwerking op de lange termijn.',
        'A public body is built for long-term cooperation.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie is bedoeld voor de lange termijn.',
        'An operations organisation is meant for the long term.',
    ),
    (
        'Een ambtelijke fusie is een keuze voor de lange termijn.',
        'An official merger is a choice for the long term.',
    ),
    (
        'Een herindeling is definitief.',
        'A municipal merger is final.',
    ),
    (
        'Een netwerk biedt weinig houvast voor de lange termijn.',
        'A network offers little to hold on to in the long term.',
    ),
    (
        'Uit een netwerk stapt u op elk moment zonder kosten.',
        'You can leave a network at any time at no cost.',
    ),
    (
        'Een convenant is eenvoudig op te zeggen.',
        'A covenant is easy to terminate.',
    ),
    (
        'Een dienstverleningsovereenkomst is op te zeggen, met een opzegtermijn.',
        'A service level agreement can be terminated, with a notice period.',
    ),
    (
        'Uit een regeling zonder organisatie treedt u uit zonder grote uittreedsom.',
        'You leave an arrangement without an organisation without a large exit fee.',
    ),
    (
        'Uittreden uit een gemeenschappelijke regeling kost meestal een uittreedsom.',
        'Leaving a joint arrangement usually costs an exit fee.',
    ),
    (
        'Uittreden uit een centrumgemeenteregeling kost meestal een uittreedsom.',
        'Leaving a central municipality arrangement usually costs an exit fee.',
    ),
    (
        (
            'Uittreden uit een bedrijfsvoeringsorganisatie kost een uittreedsom, vaak vijf jaar '
            'bijdragen.'
        ),
        (
            'Leaving an operations organisation costs an exit fee, often five years of '
            'contributions.'
        ),
    ),
    (
        'Uittreden uit een openbaar lichaam kost een uittreedsom, vaak vijf jaar bijdragen.',
        'Leaving a public body costs an exit fee, often five years of contributions.',
    ),
    (
        'Uitstappen uit een stichting of vennootschap is juridisch en financieel lastig.',
        'Leaving a foundation or company is legally and financially difficult.',
    ),
    (
        'Uit een ambtelijke fusie stappen betekent een eigen organisatie opnieuw opbouwen.',
        'Leaving an official merger means building up an organisation of your own again.',
    ),
    (
        'Een herindeling is niet terug te draaien.',
        'A municipal merger cannot be reversed.',
    ),
    (
        'Een tijdelijke samenwerking past bij een netwerk.',
        'A temporary cooperation fits a network.',
    ),
    (
        'Een convenant met een einddatum past goed bij een project of proef.',
        'A covenant with an end date fits a project or pilot well.',
    ),
    (
        'Een dienstverleningsovereenkomst kan voor bepaalde tijd worden gesloten.',
        'A service level agreement can be concluded for a fixed period.',
    ),
    (
        'Een gemeenschappelijk orgaan instellen is veel werk voor een tijdelijke taak.',
        'Setting up a joint body is a lot of work for a temporary task.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie oprichten loont niet voor een tijdelijke taak.',
        'Setting up an operations organisation does not pay off for a temporary task.',
    ),
    (
        'Een openbaar lichaam oprichten loont niet voor een tijdelijke taak.',
        'Setting up a public body does not pay off for a temporary task.',
    ),
    (
        'Een rechtspersoon oprichten loont niet voor een tijdelijke taak.',
        'Setting up a legal person does not pay off for a temporary task.',
    ),
    (
        'Een ambtelijke fusie is niet tijdelijk.',
        'An official merger is not temporary.',
    ),
    (
        'Een herindeling is niet tijdelijk.',
        'A municipal merger is not temporary.',
    ),
    (
        'Voor een blijvende taak is een regeling met een centrumgemeente stevig genoeg.',
        'For a lasting task an arrangement with a central municipality is solid enough.',
    ),
    (
        'Een gemeenschappelijk orgaan geeft een blijvende taak een vaste plek.',
        'A joint body gives a lasting task a permanent place.',
    ),
    (
        'Een blijvende taak rechtvaardigt een eigen organisatie.',
        'A lasting task justifies an organisation of its own.',
    ),
    (
        'Een regeling legt blijvende afspraken publiekrechtelijk vast.',
        'An arrangement lays down lasting agreements in public law.',
    ),
    (
        'Een ambtelijke fusie is bedoeld voor de lange duur.',
        'An official merger is meant for the long term.',
    ),
    (
        'Een herindeling is blijvend.',
        'A municipal merger is lasting.',
    ),
    (
        (
            'Sectorwetten schrijven meestal een gemeenschappelijke regeling met een openbaar '
            "lichaam voor, zoals bij veiligheidsregio's en omgevingsdiensten."
        ),
        (
            'Sector laws usually prescribe a joint arrangement with a public body, as for safety '
            'regions and environmental services.'
        ),
    ),
    (
        'Een wettelijke plicht is niet met een vrijblijvend netwerk te vervullen.',
        'A legal duty cannot be fulfilled with a non-committal network.',
    ),
    (
        'Een wettelijke plicht is niet met een convenant te vervullen.',
        'A legal duty cannot be fulfilled with a covenant.',
    ),
    (
        'Een wettelijke plicht vraagt een publiekrechtelijke vorm.',
        'A legal duty calls for a public-law form.',
    ),
    (
        (
            'Een wettelijk voorgeschreven samenwerking laat zich zelden met een '
            'dienstverleningsovereenkomst regelen.'
        ),
        'A cooperation prescribed by law can rarely be arranged with a service level agreement.',
    ),
    (
        'Een regeling zonder orgaan heeft geen organisatie om de wettelijke taak te dragen.',
        'An arrangement without a body has no organisation to carry the statutory task.',
    ),
    (
        'U staat open voor één ambtelijke organisatie: dat is de ambtelijke fusie.',
        'You are open to one civil service: that is the official merger.',
    ),
    (
        'Een bedrijfsvoeringsorganisatie is de gebruikelijke drager van een ambtelijke fusie.',
        'An operations organisation is the usual carrier of an official merger.',
    ),
    (
        'Een openbaar lichaam kan een ambtelijke fusie dragen.',
        'A public body can carry an official merger.',
    ),
    (
        'Alleen een herindeling levert één gemeente met één rechtstreeks gekozen raad op.',
        'Only a municipal merger produces one municipality with one directly elected council.',
    ),
    (
        'Bij weinig vertrouwen is een netwerk een veilige eerste stap.',
        'With little trust a network is a safe first step.',
    ),
    (
        'Bij weinig vertrouwen helpen heldere afspraken in een convenant.',
        'With little trust clear agreements in a covenant help.',
    ),
    (
        'Bij weinig vertrouwen geeft een overeenkomst met prestaties en prijs houvast.',
        'With little trust an agreement on performance and price gives something to hold on to.',
    ),
    (
        'Een ambtelijke fusie vraagt veel vertrouwen tussen de partners.',
        'An official merger calls for much trust between the partners.',
    ),
    (
        'Een herindeling zonder vertrouwen tussen de partners loopt vast.',
        'A municipal merger without trust between the partners gets stuck.',
    ),
    (
        'Met groot vertrouwen is één ambtelijke organisatie haalbaar.',
        'With strong trust one civil service is feasible.',
    ),
    (
        'Groot vertrouwen maakt een herindeling bestuurlijk haalbaar.',
        'Strong trust makes a municipal merger administratively feasible.',
    ),
    (
        'Groot vertrouwen maakt gezamenlijke bedrijfsvoering haalbaar.',
        'Strong trust makes shared operations feasible.',
    ),
    (
        'Groot vertrouwen maakt gezamenlijke besluitvorming haalbaar.',
        'Strong trust makes joint decision-making feasible.',
    ),
    (
        'Een gedeelde visie is een goede basis voor één ambtelijke organisatie.',
        'A shared vision is a good basis for one civil service.',
    ),
    (
        'Een gedeelde visie is een voorwaarde voor een herindeling van onderop.',
        'A shared vision is a precondition for a bottom-up municipal merger.',
    ),
    (
        'Een gedeelde visie geeft een openbaar lichaam richting.',
        'A shared vision gives a public body direction.',
    ),
    (
        'Zonder gedeelde visie is een herindeling van onderop niet haalbaar.',
        'Without a shared vision a bottom-up municipal merger is not feasible.',
    ),
    (
        'Zonder gedeelde visie is één ambtelijke organisatie moeilijk te vormen.',
        'Without a shared vision one civil service is hard to form.',
    ),
]
REASONS.update(_WEIGHT_PAIRS)


def _fill(rows, texts_for, fields):
    """Sets the English fields that are still empty; returns the rows that changed."""
    changed = []
    for row in rows:
        texts = texts_for(row)
        if texts is None:
            continue
        dirty = False
        for field, text in zip(fields, texts, strict=True):
            if text and not getattr(row, f"{field}_en"):
                setattr(row, f"{field}_en", text)
                dirty = True
        if dirty:
            changed.append(row)
    return changed


def load_english(get_model) -> None:
    """Fills the English texts of the published first version where they are still empty.

    ``get_model`` is ``apps.get_model`` (historical models in a migration, or django.apps).
    """

    def model(name):
        return get_model("modellentool", name)

    def fill(name, rows, texts_for, fields):
        rows = _fill(rows, texts_for, fields)
        model(name).objects.bulk_update(rows, [f"{f}_en" for f in fields])

    questionnaire = model("Questionnaire").objects.filter(slug="samenwerkingsvorm").first()
    fill(
        "CollaborationModel",
        model("CollaborationModel").objects.all(),
        lambda m: (MODEL_NAMES[m.key],) if m.key in MODEL_NAMES else None,
        ("name",),
    )
    if questionnaire is None:
        return
    fill(
        "Questionnaire",
        [questionnaire],
        lambda q: (QUESTIONNAIRE["title"], QUESTIONNAIRE["intro"]),
        ("title", "intro"),
    )
    version = (
        model("QuestionnaireVersion")
        .objects.filter(questionnaire=questionnaire, status="gepubliceerd")
        .first()
    )
    if version is None:
        return
    design, development = ROUTES["ontwerpaanpak"], ROUTES["ontwikkelaanpak"]
    fill(
        "QuestionnaireVersion",
        [version],
        lambda v: (*design, *development),
        (
            "design_name",
            "design_summary",
            "design_pitfall",
            "development_name",
            "development_summary",
            "development_pitfall",
        ),
    )
    fill(
        "Step",
        model("Step").objects.filter(version=version),
        lambda s: STEPS.get(s.number),
        ("title", "intro"),
    )
    fill(
        "Question",
        model("Question").objects.filter(step__version=version),
        lambda q: QUESTIONS.get(q.dimension),
        ("text", "help_text"),
    )
    fill(
        "Option",
        model("Option").objects.filter(question__step__version=version).select_related("question"),
        lambda o: OPTIONS.get((o.question.dimension, o.value)),
        ("label", "help_text"),
    )
    fill(
        "ModelDescription",
        model("ModelDescription")
        .objects.filter(version=version)
        .select_related("collaboration_model"),
        lambda d: MODEL_TEXTS.get(d.collaboration_model.key),
        ("summary", "legal_basis", "governance", "staff", "exit", "costs"),
    )
    for name in ("WeightRule", "KnockOut"):
        fill(
            name,
            model(name).objects.filter(version=version),
            lambda r: (REASONS[r.reason],) if r.reason in REASONS else None,
            ("reason",),
        )
    fill(
        "Factor",
        model("Factor").objects.filter(version=version),
        lambda f: FACTORS.get(f.code),
        ("title", "text"),
    )
    fill(
        "FactorTrigger",
        model("FactorTrigger").objects.filter(factor__version=version).select_related("factor"),
        lambda t: (
            (TRIGGERS[key],)
            if (key := (t.factor.code, t.dimension, t.operator, t.value)) in TRIGGERS
            else None
        ),
        ("note",),
    )


def fill_english(apps, schema_editor):
    load_english(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("modellentool", "0005_english_texts")]
    operations = [migrations.RunPython(fill_english, migrations.RunPython.noop)]
