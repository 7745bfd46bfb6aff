"""The first questionnaire version: questions, model texts, weights, knock-outs, factors, routes.

Pure data (no Django): the data migration writes it to the database, where editors take over;
the engine tests build a Ruleset from it without a database. Texts are our own, checked against
the facts in docs MODELLENTOOL.md (Wgr, Gemeentewet, Awb) and the route and factors of seed 004.
"""

from __future__ import annotations

from . import scoring
from .reference import MODELS

VERSION_NUMBER = 1
QUESTIONNAIRE = {
    "slug": "samenwerkingsvorm",
    "title": "Welke samenwerkingsvorm past bij uw opgave?",
    "intro": (
        "Vorm volgt functie: eerst bepaalt u wat de samenwerking voor een taak moet opleveren, "
        "daarna volgt de vorm. In zeven korte stappen beantwoordt u vragen over de taak, de "
        "bevoegdheden, de partners, het personeel en de sturing. U krijgt een rangorde van alle "
        "elf samenwerkingsvormen, met bij elke vorm waarom die wel of niet past, en een advies "
        "over de route. Weet u een antwoord niet, kies dan ‘Weet ik niet’: het advies komt er "
        "toch, met minder zekerheid."
    ),
}

# (dimension, question, help text, [(value, label, help text)])
STEPS = [
    (
        "De taak",
        "Om welke taak gaat het, en hoeveel beleidsruimte laat die taak?",
        [
            (
                "task_type",
                "Wat voor soort taak wilt u samen oppakken?",
                "We onderscheiden vier soorten gemeentelijke taken. Kies de soort die het beste "
                "past bij de taak waar het nu om gaat.",
                [
                    (
                        "uitvoering",
                        "Uitvoering",
                        "Beleid uitvoeren of beheren, zoals belastingen heffen, handhaven of "
                        "afval inzamelen.",
                    ),
                    (
                        "bedrijfsvoering",
                        "Bedrijfsvoering",
                        "Ondersteunende taken voor de eigen organisatie, zoals ICT, "
                        "personeelszaken, inkoop of financiën.",
                    ),
                    (
                        "dienstverlening",
                        "Dienstverlening",
                        "Werk in direct contact met inwoners, bedrijven en instellingen, "
                        "zoals het loket of vergunningen.",
                    ),
                    (
                        "beleid",
                        "Beleid en ontwikkeling",
                        "Beleid maken, plannen of projecten, zoals regionale woningbouwafspraken.",
                    ),
                ],
            ),
            (
                "policy_discretion",
                "Hoeveel beleidsruimte laat de taak?",
                "Beleidsruimte is de ruimte om bij de uitvoering zelf afwegingen te maken. Weinig "
                "ruimte: de regels liggen vast en het werk is vooral uitvoeren. Veel ruimte: er "
                "moeten steeds politiek gevoelige keuzes worden gemaakt.",
                [
                    (
                        "laag",
                        "Weinig",
                        "De regels en het beleid liggen vast; het gaat om goed uitvoeren.",
                    ),
                    ("middel", "Enige", "Er zijn af en toe afwegingen, binnen duidelijke kaders."),
                    ("hoog", "Veel", "De taak vraagt steeds beleidsmatige of politieke keuzes."),
                ],
            ),
        ],
    ),
    (
        "Bevoegdheden",
        "Welke publiekrechtelijke bevoegdheden gaan mee, en is samenwerken verplicht?",
        [
            (
                "powers",
                "Welke bevoegdheid moet de samenwerking minstens kunnen uitoefenen?",
                "Bij mandaat neemt een ander besluiten namens uw gemeente; uw gemeente blijft "
                "verantwoordelijk. Bij delegatie draagt uw gemeente de bevoegdheid over; de "
                "ontvanger besluit in eigen naam en is er zelf verantwoordelijk voor. "
                "Regelgeving is het vaststellen van verordeningen.",
                [
                    (
                        "geen",
                        "Geen",
                        "Er worden geen besluiten genomen voor de gemeenten; het gaat om "
                        "afstemming, kennis of ondersteuning.",
                    ),
                    (
                        "mandaat",
                        "Mandaat",
                        "Een ander mag namens de gemeenten besluiten nemen; de gemeenten "
                        "blijven verantwoordelijk.",
                    ),
                    (
                        "delegatie",
                        "Delegatie van besluiten",
                        "De samenwerking neemt besluiten (zoals vergunningen of "
                        "handhavingsbesluiten) in eigen naam.",
                    ),
                    (
                        "regelgeving",
                        "Regelgeving",
                        "De samenwerking moet ook verordeningen kunnen vaststellen.",
                    ),
                ],
            ),
            (
                "legally_required",
                "Schrijft een wet de samenwerking voor?",
                "Sommige wetten verplichten gemeenten om samen te werken, bijvoorbeeld in een "
                "omgevingsdienst of een veiligheidsregio.",
                [
                    ("ja", "Ja", "Een sectorwet schrijft de samenwerking voor."),
                    ("nee", "Nee", "De gemeenten kiezen zelf voor samenwerking."),
                ],
            ),
        ],
    ),
    (
        "De partners",
        "Met wie werkt u samen, en hoe verhouden de partners zich tot elkaar?",
        [
            (
                "partners",
                "Met hoeveel gemeenten werkt u samen, uw eigen gemeente meegeteld?",
                "Het aantal partners bepaalt mee welke vorm werkbaar is: een overeenkomst tussen "
                "twee gemeenten is eenvoudig, tussen tien wordt het een web van afspraken.",
                [
                    ("2", "Twee gemeenten", ""),
                    ("4", "Drie tot vijf gemeenten", ""),
                    ("8", "Zes tot tien gemeenten", ""),
                    ("15", "Meer dan tien gemeenten", ""),
                ],
            ),
            (
                "partner_structure",
                "Hoe verhouden de gemeenten zich tot elkaar in deze samenwerking?",
                "Soms doen alle partners gelijkwaardig mee; soms voert één gemeente de taak uit "
                "voor de andere.",
                [
                    (
                        "gelijkwaardig",
                        "Gelijkwaardig",
                        "Alle gemeenten dragen bij en beslissen samen.",
                    ),
                    (
                        "dominante_aanbieder",
                        "Eén gemeente levert aan de andere",
                        "Eén gemeente voert de taak uit of levert de dienst; de andere nemen af.",
                    ),
                ],
            ),
            (
                "participants",
                "Wie nemen namens de gemeenten deel?",
                "Het college van burgemeester en wethouders is bevoegd voor uitvoering en "
                "bedrijfsvoering; de gemeenteraad voor verordeningen, de begroting en de kaders.",
                [
                    (
                        "colleges",
                        "Alleen de colleges",
                        "Het gaat om bevoegdheden van burgemeester en wethouders.",
                    ),
                    (
                        "raden",
                        "Ook de gemeenteraden",
                        "Ook bevoegdheden of belangen van de raden zijn in het spel.",
                    ),
                ],
            ),
            (
                "other_partners",
                "Doen er naast gemeenten nog andere partijen mee?",
                "Andere overheden zijn bijvoorbeeld de provincie of een waterschap. Private "
                "partijen zijn bedrijven, stichtingen of verenigingen.",
                [
                    ("geen", "Nee, alleen gemeenten", ""),
                    (
                        "overheid",
                        "Ja, andere overheden",
                        "Bijvoorbeeld de provincie of een waterschap.",
                    ),
                    (
                        "privaat",
                        "Ja, private partijen",
                        "Bijvoorbeeld bedrijven, woningcorporaties of zorginstellingen.",
                    ),
                ],
            ),
        ],
    ),
    (
        "Personeel en organisatie",
        "Waar komen de medewerkers te werken, en moet de samenwerking zelf iets kunnen?",
        [
            (
                "staff",
                "Waar werken de medewerkers straks?",
                "Als medewerkers naar een andere werkgever gaan, verandert hun rechtspositie. "
                "Dat vraagt overleg met de ondernemingsraden.",
                [
                    ("blijft", "Ze blijven bij hun eigen gemeente", ""),
                    ("naar_een_gemeente", "Ze gaan naar één van de deelnemende gemeenten", ""),
                    (
                        "naar_nieuwe_organisatie",
                        "Ze gaan naar een nieuwe, gezamenlijke organisatie",
                        "",
                    ),
                ],
            ),
            (
                "legal_entity_needed",
                "Moet de samenwerking zelf personeel in dienst nemen, contracten sluiten of "
                "bezittingen hebben?",
                "Dat kan alleen een samenwerking met rechtspersoonlijkheid.",
                [
                    (
                        "ja",
                        "Ja",
                        "De samenwerking moet zelf werkgever, contractpartij of eigenaar "
                        "kunnen zijn.",
                    ),
                    ("nee", "Nee", "Dat kunnen de gemeenten zelf blijven doen."),
                ],
            ),
            (
                "market_activity",
                "Levert de samenwerking ook diensten aan de markt, zoals aan bedrijven?",
                "Wie ook voor de markt werkt, komt met andere regels te maken, zoals de regels "
                "voor overheden die economische activiteiten verrichten.",
                [
                    ("ja", "Ja", ""),
                    ("nee", "Nee, alleen aan de gemeenten en hun inwoners", ""),
                ],
            ),
        ],
    ),
    (
        "Sturing en flexibiliteit",
        "Hoeveel zeggenschap wilt u houden, en hoe makkelijk moet een partner kunnen stoppen?",
        [
            (
                "control",
                "Hoe wilt u de taak sturen?",
                "Op het continuüm van volledige eigen zeggenschap tot het geheel op afstand zetten "
                "van een taak: waar wilt u staan?",
                [
                    (
                        "eigen_regie",
                        "Eigen regie houden",
                        "Elke gemeente houdt zelf de touwtjes in handen.",
                    ),
                    ("gezamenlijk", "Samen beslissen", "De gemeenten besturen de taak samen."),
                    (
                        "op_afstand",
                        "Op afstand zetten",
                        "De taak wordt aan een zelfstandige organisatie overgelaten, binnen "
                        "afspraken.",
                    ),
                ],
            ),
            (
                "exit_flexibility",
                "Hoe makkelijk moet een gemeente kunnen uittreden?",
                "Uittreden uit een gemeenschappelijke regeling kost meestal een uittreedsom, vaak "
                "berekend op vijf jaar bijdragen. Lichte vormen zijn makkelijker op te zeggen.",
                [
                    (
                        "laag",
                        "Niet belangrijk",
                        "De samenwerking is voor de lange termijn bedoeld.",
                    ),
                    ("middel", "Redelijk belangrijk", ""),
                    (
                        "hoog",
                        "Heel belangrijk",
                        "Een gemeente moet zonder hoge kosten kunnen stoppen.",
                    ),
                ],
            ),
            (
                "horizon",
                "Voor hoe lang is de samenwerking bedoeld?",
                "",
                [
                    ("tijdelijk", "Tijdelijk", "Een project of proef met een einddatum."),
                    ("structureel", "Blijvend", "Een taak die jaren doorloopt."),
                ],
            ),
        ],
    ),
    (
        "Motieven en ambitie",
        "Waarom wilt u samenwerken, en hoe ver mag de samenwerking gaan?",
        [
            (
                "motives",
                "Waarom wilt u samenwerken? Kies alles wat geldt.",
                "Kwetsbaarheid: de taak hangt af van een of twee medewerkers. Bestuurskracht: het "
                "vermogen van de gemeente om haar opgaven nu en later waar te maken.",
                [
                    ("kwetsbaarheid", "Minder kwetsbaar worden", ""),
                    ("kwaliteit", "Betere kwaliteit", ""),
                    ("kosten", "Lagere kosten", ""),
                    ("bestuurskracht", "Meer bestuurskracht", ""),
                ],
            ),
            (
                "integration",
                "Hoe ver mag de samenwerking uiteindelijk gaan?",
                "Een ambtelijke fusie brengt alle medewerkers in één organisatie; de gemeenten "
                "houden elk hun raad en college. Bij een herindeling ontstaat één nieuwe gemeente "
                "met één gekozen raad.",
                [
                    ("geen", "Niet verder dan deze taak", ""),
                    ("ambtelijk", "Tot één ambtelijke organisatie", ""),
                    ("bestuurlijk", "Tot één gemeente met één gekozen raad", ""),
                ],
            ),
        ],
    ),
    (
        "De verhoudingen",
        "Hoe staan de partners nu tegenover elkaar? Dit bepaalt vooral de route.",
        [
            (
                "trust",
                "Hoe groot is het vertrouwen tussen de partners op dit moment?",
                "Denk aan eerdere samenwerking: werden afspraken nagekomen, ook als het tegenzat?",
                [
                    ("laag", "Nog beperkt", ""),
                    ("hoog", "Groot", ""),
                ],
            ),
            (
                "shared_vision",
                "Is er een breed gedragen intentie of visie op de samenwerking?",
                "Bijvoorbeeld een intentieverklaring die alle colleges en raden onderschrijven.",
                [
                    ("ja", "Ja", ""),
                    ("nee", "Nee, nog niet", ""),
                ],
            ),
        ],
    ),
]

# key: (summary, governance, staff, exit, costs); legal basis and name come from reference.py.
MODEL_TEXTS = {
    "netwerk": (
        "Vakgenoten of bestuurders van gemeenten ontmoeten elkaar, delen kennis en stemmen af, "
        "zonder bindende afspraken.",
        "Geen eigen bestuur; elke gemeente beslist zelf. Een trekker of voorzitter houdt het "
        "overleg gaande.",
        "Iedereen blijft bij de eigen gemeente in dienst.",
        "Stoppen kan op elk moment, zonder kosten.",
        "Vrijwel geen: tijd van de deelnemers en soms een kleine bijdrage voor bijeenkomsten.",
    ),
    "convenant": (
        "De gemeenten leggen een gezamenlijk doel en inspanningen schriftelijk vast in een "
        "convenant of samenwerkingsovereenkomst.",
        "Een stuurgroep of overleg van de ondertekenaars; de afspraken zijn vaak niet afdwingbaar.",
        "Medewerkers blijven bij hun eigen gemeente.",
        "Volgens de opzegbepaling in het convenant; meestal eenvoudig.",
        "Laag: de kosten van het overleg en eventuele projecten, zoals afgesproken.",
    ),
    "dvo": (
        "Eén gemeente levert een dienst aan een of meer andere gemeenten, tegen een vergoeding "
        "die in een dienstverleningsovereenkomst staat.",
        "De afnemende gemeenten sturen als opdrachtgever op prestaties en prijs; besluiten worden "
        "in mandaat genomen en blijven onder hun verantwoordelijkheid.",
        "Medewerkers blijven bij de leverende gemeente in dienst.",
        "Opzeggen volgens de overeenkomst; de leverancier zal een opzegtermijn en afbouwkosten "
        "vragen.",
        "Een tarief of kostprijs per dienst; de leverancier draagt het risico van de organisatie.",
    ),
    "regeling_zonder_meer": (
        "Een gemeenschappelijke regeling zonder eigen orgaan: publiekrechtelijke afspraken tussen "
        "gemeenten, bijvoorbeeld over afstemming van beleid.",
        "Geen eigen bestuur; de gemeenten voeren de afspraken elk zelf uit. Er kan geen mandaat "
        "of delegatie aan de regeling worden gegeven.",
        "Medewerkers blijven bij hun eigen gemeente.",
        "Uittreden volgens de regeling; omdat er geen organisatie is, zijn de kosten meestal "
        "gering.",
        "Laag: er is geen organisatie om te betalen.",
    ),
    "centrumgemeente": (
        "Eén gemeente voert een taak uit voor de andere, op basis van een gemeenschappelijke "
        "regeling. De andere gemeenten blijven zelf verantwoordelijk.",
        "De centrumgemeente besluit in mandaat namens de andere; die houden de zeggenschap en "
        "sturen via de regeling en de begroting.",
        "De medewerkers zijn in dienst van de centrumgemeente.",
        "Uittreden volgens de regeling; reken op een uittreedsom voor de kosten die de "
        "centrumgemeente voor u maakt.",
        "Een bijdrage per gemeente naar een verdeelsleutel; de centrumgemeente draagt de "
        "organisatie.",
    ),
    "gemeenschappelijk_orgaan": (
        "Een gezamenlijk orgaan zonder rechtspersoonlijkheid dat namens de gemeenten besluiten "
        "kan nemen.",
        "Een bestuur van vertegenwoordigers van de gemeenten; het orgaan kan beschikkingen nemen "
        "maar geen verordeningen vaststellen en geen belastingen heffen.",
        "Het orgaan kan zelf geen personeel in dienst nemen; medewerkers blijven bij de "
        "gemeenten of worden gedetacheerd.",
        "Uittreden volgens de regeling, meestal met een uittreedsom.",
        "Bijdragen van de gemeenten; de kosten van een eigen apparaat vallen weg omdat er geen is.",
    ),
    "bedrijfsvoeringsorganisatie": (
        "Een openbaar lichaam met één bestuur, speciaal voor uitvoerende en ondersteunende taken "
        "van colleges met weinig beleidsruimte, zoals ICT of belastingen.",
        "Eén bestuur, gevormd door leden van de colleges; de raden staan op afstand en sturen "
        "via begroting en zienswijzen. Alleen colleges kunnen deelnemen.",
        "De organisatie is rechtspersoon en neemt zelf personeel in dienst.",
        "Uittreden volgens de regeling; reken op een uittreedsom, vaak gebaseerd op vijf jaar "
        "bijdragen.",
        "Bijdragen per gemeente; oprichting en overgang van personeel kosten tijd en geld, de "
        "schaal levert op termijn besparing op.",
    ),
    "openbaar_lichaam": (
        "Een zelfstandige rechtspersoon op basis van een gemeenschappelijke regeling, met een "
        "algemeen bestuur, een dagelijks bestuur en een voorzitter.",
        "Het algemeen bestuur bestaat uit vertegenwoordigers van de gemeenten; raden hebben sinds "
        "de wijziging van de Wgr in 2022 meer invloed (zienswijzen, een gemeenschappelijke "
        "adviescommissie). Bevoegdheden kunnen worden gedelegeerd, ook regelgeving.",
        "De organisatie neemt zelf personeel in dienst.",
        "Uittreden is mogelijk volgens de regeling, maar kostbaar: een uittreedsom, vaak "
        "gebaseerd op vijf jaar bijdragen.",
        "Bijdragen per gemeente, een eigen begroting en een eigen organisatie met overheadkosten.",
    ),
    "privaatrechtelijk": (
        "Een stichting, vereniging, BV of NV waarin gemeenten deelnemen.",
        "Het bestuur of de aandeelhouders volgens de statuten. De raad kan vooraf wensen en "
        "bedenkingen uiten (art. 160 Gemeentewet); de gemeente moet aantonen dat een "
        "publiekrechtelijke vorm niet volstaat.",
        "De rechtspersoon neemt zelf personeel in dienst, onder het private arbeidsrecht.",
        "Uittreden volgens statuten of aandeelhoudersovereenkomst; verkoop van aandelen of "
        "ontbinding kan lang duren.",
        "Kapitaalinbreng of bijdragen, plus de kosten van een eigen organisatie; risico's kunnen "
        "bij de gemeente terugkomen.",
    ),
    "ambtelijke_fusie": (
        "Eén ambtelijke organisatie werkt voor meerdere gemeenten; elke gemeente houdt haar eigen "
        "raad, college en beleid.",
        "Meestal gedragen door een bedrijfsvoeringsorganisatie of openbaar lichaam; de directie "
        "werkt voor meerdere colleges tegelijk.",
        "Alle medewerkers gaan over naar de gezamenlijke organisatie.",
        "Uittreden is ingrijpend: een gemeente moet weer een eigen organisatie opbouwen en een "
        "uittreedsom betalen.",
        "Forse frictiekosten bij de start; daarna minder kwetsbaarheid en schaalvoordelen.",
    ),
    "herindeling": (
        "Gemeenten worden samengevoegd tot één nieuwe gemeente, bij wet.",
        "Eén rechtstreeks gekozen raad, één college en één burgemeester voor het hele gebied.",
        "Alle medewerkers gaan over naar de nieuwe gemeente.",
        "Niet omkeerbaar.",
        "Frictiekosten van de samenvoeging, deels vergoed door het Rijk; daarna één organisatie "
        "en één begroting.",
    ),
}

NW, CV, DVO, RZM = "netwerk", "convenant", "dvo", "regeling_zonder_meer"
CG, GO, BVO, OL = (
    "centrumgemeente",
    "gemeenschappelijk_orgaan",
    "bedrijfsvoeringsorganisatie",
    "openbaar_lichaam",
)
PR, AF, HI = "privaatrechtelijk", "ambtelijke_fusie", "herindeling"

# (dimension, operator, value) → {model: (points, reason)}
WEIGHTS: dict[tuple[str, str, str], dict[str, tuple[int, str]]] = {
    ("task_type", "eq", "uitvoering"): {
        CG: (10, "Een uitvoeringstaak laat zich goed door één gemeente voor de andere uitvoeren."),
        DVO: (5, "Uitvoering kan als dienst worden ingekocht bij een buurgemeente."),
        GO: (5, "Een gemeenschappelijk orgaan kan uitvoeringsbesluiten nemen."),
        BVO: (5, "Uitvoerende taken met vaste regels passen bij een bedrijfsvoeringsorganisatie."),
        OL: (5, "Een openbaar lichaam kan een uitvoeringstaak met eigen personeel dragen."),
        NW: (-10, "Een uitvoeringstaak vraagt meer dan overleg en kennis delen."),
        CV: (
            -5,
            "Voor uitvoering zijn afdwingbare afspraken nodig; een convenant is dat vaak niet.",
        ),
    },
    ("task_type", "eq", "bedrijfsvoering"): {
        BVO: (
            20,
            "De bedrijfsvoeringsorganisatie is juist bedoeld voor ondersteunende taken als "
            "ICT, personeelszaken en inkoop.",
        ),
        AF: (
            5,
            "Gedeelde bedrijfsvoering is vaak een eerste stap naar één ambtelijke organisatie.",
        ),
        DVO: (10, "Bedrijfsvoering kan als dienst bij een andere gemeente worden afgenomen."),
        CG: (5, "Een centrumgemeente kan ondersteunende taken voor de andere uitvoeren."),
        OL: (
            5,
            "Een openbaar lichaam kan bedrijfsvoering dragen, maar is daarvoor vaak zwaarder "
            "dan nodig.",
        ),
        NW: (-10, "Gedeelde bedrijfsvoering vraagt een organisatie, niet alleen overleg."),
        CV: (-10, "Voor gedeelde bedrijfsvoering is een convenant te vrijblijvend."),
        RZM: (
            -5,
            "Een regeling zonder orgaan heeft geen organisatie die de bedrijfsvoering kan doen.",
        ),
        HI: (-5, "Voor gedeelde bedrijfsvoering is samenvoegen van gemeenten niet nodig."),
    },
    ("task_type", "eq", "dienstverlening"): {
        DVO: (10, "Dienstverlening kan als product bij een buurgemeente worden afgenomen."),
        CG: (10, "Een centrumgemeente kan het loket of de backoffice voor de andere verzorgen."),
        BVO: (
            10,
            "Een bedrijfsvoeringsorganisatie kan dienstverlening met vaste regels uitvoeren.",
        ),
        GO: (5, "Een gemeenschappelijk orgaan kan besluiten voor inwoners nemen."),
        AF: (5, "Eén ambtelijke organisatie kan de dienstverlening voor alle gemeenten dragen."),
        NW: (-10, "Dienstverlening aan inwoners vraagt vaste afspraken, niet alleen overleg."),
    },
    ("task_type", "eq", "beleid"): {
        CV: (20, "Beleid afstemmen kan goed in een convenant met gezamenlijke doelen."),
        RZM: (
            20,
            "Een regeling zonder orgaan legt beleidsafstemming publiekrechtelijk vast, "
            "terwijl elke raad zijn eigen beleid houdt.",
        ),
        OL: (
            5,
            "Een openbaar lichaam kan gezamenlijk beleid voorbereiden als bevoegdheden meegaan.",
        ),
        BVO: (
            -20,
            "Een bedrijfsvoeringsorganisatie is bedoeld voor taken met weinig beleidsruimte, "
            "niet voor beleid.",
        ),
        DVO: (-10, "Beleid koop je niet in als dienst bij een andere gemeente."),
        CG: (
            -10,
            "Als één gemeente beleid maakt voor de andere, verliezen die hun eigen afweging.",
        ),
        AF: (-5, "Een ambtelijke fusie bundelt uitvoering; het beleid blijft bij elke gemeente."),
    },
    ("policy_discretion", "eq", "laag"): {
        BVO: (
            15,
            "Weinig beleidsruimte: precies het soort taak waarvoor de "
            "bedrijfsvoeringsorganisatie bestaat.",
        ),
        DVO: (10, "Een taak met vaste regels laat zich goed als dienst afspreken."),
        CG: (
            10,
            "Bij weinig beleidsruimte is uitvoering door één gemeente in mandaat goed te regelen.",
        ),
    },
    ("policy_discretion", "eq", "middel"): {
        GO: (5, "Een gemeenschappelijk orgaan laat ruimte voor gezamenlijke afwegingen."),
        OL: (5, "In een openbaar lichaam worden afwegingen door een gezamenlijk bestuur gemaakt."),
        CG: (5, "Enige beleidsruimte kan in het mandaat aan de centrumgemeente worden afgebakend."),
    },
    ("policy_discretion", "eq", "hoog"): {
        OL: (
            10,
            "Veel beleidsruimte vraagt een bestuur met eigen verantwoordelijkheid en invloed "
            "van de raden, zoals in een openbaar lichaam.",
        ),
        GO: (
            5,
            "Een gemeenschappelijk orgaan kan beleidsrijke besluiten nemen binnen de regeling.",
        ),
        CV: (5, "Beleidsgevoelige onderwerpen worden vaak eerst in een convenant afgestemd."),
        RZM: (5, "Een regeling zonder orgaan laat de beleidskeuzes bij elke gemeente."),
        DVO: (-10, "Beleidskeuzes passen slecht in een dienstverleningsovereenkomst."),
        CG: (
            -10,
            "Bij veel beleidsruimte moet de centrumgemeente steeds keuzes maken voor "
            "gemeenten die zelf verantwoordelijk blijven.",
        ),
        AF: (
            -5,
            "Beleidsrijke taken vragen politieke sturing die een ambtelijke fusie niet regelt.",
        ),
    },
    ("powers", "eq", "geen"): {
        NW: (15, "Er gaan geen bevoegdheden over: een netwerk volstaat dan vaak."),
        CV: (15, "Zonder bevoegdheden die overgaan, zijn afspraken in een convenant voldoende."),
        RZM: (
            15,
            "Een regeling zonder orgaan past bij afspraken zonder overdracht van bevoegdheden.",
        ),
        DVO: (5, "Een dienst afnemen kan zonder bevoegdheden over te dragen."),
        PR: (
            5,
            "Een privaatrechtelijke rechtspersoon kan werken zonder publiekrechtelijke "
            "bevoegdheden.",
        ),
        OL: (-5, "Een openbaar lichaam is zwaar als er geen bevoegdheden overgaan."),
        GO: (
            -10,
            "Een gemeenschappelijk orgaan is er om besluiten te nemen; zonder bevoegdheden "
            "heeft het weinig te doen.",
        ),
        CG: (
            -10,
            "De centrumgemeenteconstructie draait om mandaat; zonder bevoegdheden volstaat "
            "een lichtere vorm.",
        ),
        HI: (-10, "Er gaan geen bevoegdheden over: samenvoegen is dan buiten proportie."),
    },
    ("powers", "eq", "mandaat"): {
        CG: (
            20,
            "Mandaat is precies wat de centrumgemeente krijgt; de andere gemeenten blijven "
            "verantwoordelijk.",
        ),
        DVO: (
            15,
            "Bij een dienstverleningsovereenkomst besluit de leverancier in mandaat (art. "
            "10:4 Awb).",
        ),
        BVO: (10, "Een bedrijfsvoeringsorganisatie kan in mandaat besluiten voor de colleges."),
        AF: (5, "Een ambtelijke organisatie kan in mandaat voor meerdere colleges werken."),
        GO: (5, "Een gemeenschappelijk orgaan kan ook in mandaat besluiten."),
        OL: (5, "Een openbaar lichaam kan in mandaat besluiten, al is het daarvoor zwaar."),
    },
    ("powers", "eq", "delegatie"): {
        OL: (15, "Een openbaar lichaam kan gedelegeerde bevoegdheden in eigen naam uitoefenen."),
        GO: (
            15,
            "Een gemeenschappelijk orgaan kan gedelegeerde besluiten nemen, zolang het geen "
            "regelgeving is.",
        ),
        BVO: (
            10,
            "Een bedrijfsvoeringsorganisatie kan gedelegeerde bevoegdheden van colleges "
            "uitoefenen.",
        ),
        HI: (5, "Na een herindeling liggen alle bevoegdheden bij de nieuwe gemeente."),
    },
    ("powers", "eq", "regelgeving"): {
        OL: (
            25,
            "Alleen een openbaar lichaam kan gedelegeerde regelgevende bevoegdheid krijgen "
            "(art. 8 lid 1 Wgr).",
        ),
        HI: (10, "Na een herindeling stelt de nieuwe raad alle verordeningen vast."),
    },
    ("partners", "lte", "2"): {
        DVO: (
            10,
            "Tussen twee gemeenten is een dienstverleningsovereenkomst eenvoudig te regelen.",
        ),
        HI: (10, "Herindelingen gaan vaak over twee of drie gemeenten."),
        AF: (5, "Twee gemeenten kunnen betrekkelijk eenvoudig één ambtelijke organisatie vormen."),
        CG: (
            -5,
            "Met twee gemeenten is een dienstverleningsovereenkomst meestal lichter dan een "
            "centrumgemeente.",
        ),
    },
    ("partners", "gte", "3"): {
        CG: (
            5,
            "Met meerdere gemeenten is één centrumgemeente overzichtelijker dan losse "
            "overeenkomsten.",
        ),
        GO: (5, "Meerdere gemeenten kunnen in één gemeenschappelijk orgaan samen besluiten."),
        BVO: (5, "Een bedrijfsvoeringsorganisatie loont bij meerdere deelnemers."),
        OL: (5, "Een openbaar lichaam loont bij meerdere deelnemers."),
    },
    ("partners", "gte", "6"): {
        NW: (10, "Met veel gemeenten is een netwerk de lichtste manier om kennis te delen."),
        CV: (5, "Een convenant kan veel partners tegelijk binden."),
        OL: (5, "Met veel partners biedt een openbaar lichaam een duidelijke bestuursstructuur."),
        DVO: (-10, "Met veel gemeenten wordt een web van losse overeenkomsten onoverzichtelijk."),
        AF: (
            -10,
            "Eén ambtelijke organisatie voor zes of meer gemeenten is zeldzaam en moeilijk te "
            "besturen.",
        ),
        HI: (-20, "Een herindeling van zes of meer gemeenten tegelijk is uitzonderlijk."),
    },
    ("partner_structure", "eq", "gelijkwaardig"): {
        GO: (5, "Gelijkwaardige partners besturen een gemeenschappelijk orgaan samen."),
        BVO: (
            5,
            "In een bedrijfsvoeringsorganisatie hebben de gemeenten elk een plaats in het bestuur.",
        ),
        OL: (
            5,
            "In een openbaar lichaam hebben gelijkwaardige partners elk een plaats in het bestuur.",
        ),
        RZM: (5, "Een regeling zonder orgaan past bij gelijkwaardige afspraken."),
        AF: (5, "Eén ambtelijke organisatie werkt het best tussen gelijkwaardige partners."),
        HI: (5, "Gelijkwaardige partners kunnen samen een nieuwe gemeente vormen."),
        CG: (
            -10,
            "Bij een centrumgemeente is één gemeente de uitvoerder; dat past minder bij "
            "gelijkwaardige partners.",
        ),
        DVO: (-10, "Een dienstverleningsovereenkomst maakt van de partners leverancier en klant."),
    },
    ("partner_structure", "eq", "dominante_aanbieder"): {
        CG: (20, "Eén gemeente die voor de andere uitvoert: dat is de centrumgemeenteconstructie."),
        DVO: (
            20,
            "Eén gemeente die een dienst levert aan de andere: dat is een "
            "dienstverleningsovereenkomst.",
        ),
        BVO: (-5, "Een aparte organisatie is niet nodig als één gemeente de taak al uitvoert."),
        GO: (-5, "Een gezamenlijk orgaan voegt weinig toe als één gemeente de taak draagt."),
        OL: (-5, "Een openbaar lichaam voegt een laag toe als één gemeente de taak al uitvoert."),
        AF: (-5, "Eén gemeente die levert is nog geen gezamenlijke ambtelijke organisatie."),
        HI: (-10, "Een grote gemeente die voor kleinere levert, is geen reden om samen te voegen."),
    },
    ("participants", "eq", "colleges"): {
        BVO: (10, "Alleen colleges: een bedrijfsvoeringsorganisatie is een regeling van colleges."),
        CG: (5, "Mandaat van colleges is goed in een centrumgemeenteconstructie te regelen."),
        DVO: (5, "Colleges kunnen een dienstverleningsovereenkomst zelf aangaan."),
        GO: (5, "Colleges kunnen samen een gemeenschappelijk orgaan instellen."),
    },
    ("participants", "eq", "raden"): {
        OL: (
            10,
            "Als ook de raden meedoen, biedt een openbaar lichaam hun de meeste invloed (Wgr "
            "2022).",
        ),
        RZM: (
            5,
            "Raden kunnen elkaar in een regeling zonder orgaan binden aan gezamenlijke afspraken.",
        ),
        CV: (5, "Raden kunnen hun gezamenlijke ambities in een convenant vastleggen."),
        HI: (5, "Bij een herindeling beslissen de raden over één nieuwe gemeente."),
    },
    ("other_partners", "eq", "overheid"): {
        OL: (
            10,
            "Provincies en waterschappen kunnen meedoen in een openbaar lichaam (gemengde "
            "regeling).",
        ),
        GO: (5, "Een gemengde regeling met een gemeenschappelijk orgaan is mogelijk."),
        RZM: (5, "Ook andere overheden kunnen deelnemen in een regeling zonder orgaan."),
        CV: (5, "Een convenant verbindt gemakkelijk verschillende overheden."),
        BVO: (-5, "Een bedrijfsvoeringsorganisatie met andere overheden is ongebruikelijk."),
        AF: (-10, "Eén ambtelijke organisatie met provincie of waterschap ligt niet voor de hand."),
        HI: (-20, "Een provincie of waterschap kan niet in een herindeling meegaan."),
    },
    ("other_partners", "eq", "privaat"): {
        PR: (
            20,
            "Private partijen kunnen wel deelnemen in een stichting, vereniging of vennootschap.",
        ),
        CV: (10, "Een convenant kan ook private partners binden."),
        NW: (5, "In een netwerk kunnen private partijen gewoon meedoen."),
        AF: (
            -20,
            "Private partijen kunnen geen deel uitmaken van een gemeentelijke ambtelijke "
            "organisatie.",
        ),
        HI: (-20, "Private partijen spelen bij een herindeling geen rol."),
    },
    ("staff", "eq", "blijft"): {
        NW: (10, "Medewerkers blijven bij hun gemeente: dat past bij een netwerk."),
        CV: (5, "Medewerkers blijven bij hun gemeente: dat past bij een convenant."),
        RZM: (5, "Zonder eigen organisatie blijven medewerkers waar ze zijn."),
        GO: (5, "Een gemeenschappelijk orgaan werkt met medewerkers van de gemeenten."),
        DVO: (
            5,
            "Bij een dienstverleningsovereenkomst blijven de medewerkers bij de leverende "
            "gemeente.",
        ),
        BVO: (-10, "Een bedrijfsvoeringsorganisatie heeft juist eigen personeel."),
        OL: (-5, "Een openbaar lichaam zonder eigen personeel benut de vorm niet."),
        PR: (-10, "Een private rechtspersoon zonder eigen personeel is een lege huls."),
        AF: (-20, "Bij een ambtelijke fusie gaan alle medewerkers over; dat wilt u niet."),
        HI: (-15, "Bij een herindeling gaan alle medewerkers over naar de nieuwe gemeente."),
    },
    ("staff", "eq", "naar_een_gemeente"): {
        CG: (15, "Medewerkers naar één gemeente: die gemeente wordt de centrumgemeente."),
        DVO: (
            15,
            "Medewerkers naar de leverende gemeente: dat past bij een "
            "dienstverleningsovereenkomst.",
        ),
        BVO: (
            -10,
            "Een bedrijfsvoeringsorganisatie neemt het personeel zelf in dienst, niet een "
            "gemeente.",
        ),
        OL: (-10, "Een openbaar lichaam neemt het personeel zelf in dienst, niet een gemeente."),
        PR: (-10, "Een private rechtspersoon neemt het personeel zelf in dienst."),
        AF: (-5, "Bij een ambtelijke fusie gaan de medewerkers naar de gezamenlijke organisatie."),
    },
    ("staff", "eq", "naar_nieuwe_organisatie"): {
        BVO: (
            15,
            "Een bedrijfsvoeringsorganisatie is rechtspersoon en neemt het personeel zelf in "
            "dienst.",
        ),
        OL: (10, "Een openbaar lichaam is rechtspersoon en neemt het personeel zelf in dienst."),
        AF: (10, "Een ambtelijke fusie brengt medewerkers in één nieuwe organisatie."),
        PR: (10, "Een stichting of vennootschap kan zelf werkgever zijn."),
        HI: (5, "Bij een herindeling komen alle medewerkers bij de nieuwe gemeente."),
        CG: (
            -15,
            "Bij een centrumgemeente gaan medewerkers naar die gemeente, niet naar een nieuwe "
            "organisatie.",
        ),
        DVO: (
            -15,
            "Bij een dienstverleningsovereenkomst blijven medewerkers bij de leverende gemeente.",
        ),
    },
    ("legal_entity_needed", "eq", "ja"): {
        BVO: (
            10,
            "Een bedrijfsvoeringsorganisatie heeft rechtspersoonlijkheid: ze kan werkgever en "
            "contractpartij zijn.",
        ),
        OL: (
            15,
            "Een openbaar lichaam heeft rechtspersoonlijkheid: het kan werkgever, "
            "contractpartij en eigenaar zijn.",
        ),
        PR: (10, "Een private rechtspersoon kan werkgever, contractpartij en eigenaar zijn."),
        HI: (5, "De nieuwe gemeente is zelf rechtspersoon."),
        CG: (
            -5,
            "Bij een centrumgemeente sluit die gemeente de contracten, niet de samenwerking zelf.",
        ),
        DVO: (-5, "Een dienstverleningsovereenkomst schept geen eigen rechtspersoon."),
    },
    ("legal_entity_needed", "eq", "nee"): {
        NW: (5, "Geen eigen rechtspersoon nodig: een netwerk volstaat."),
        CV: (5, "Geen eigen rechtspersoon nodig: afspraken in een convenant volstaan."),
        RZM: (5, "Een regeling zonder orgaan heeft geen eigen rechtspersoon nodig."),
        GO: (10, "Een gemeenschappelijk orgaan werkt zonder eigen rechtspersoon."),
        CG: (10, "Een centrumgemeente werkt zonder nieuwe rechtspersoon."),
        DVO: (10, "Een dienstverleningsovereenkomst werkt zonder nieuwe rechtspersoon."),
        BVO: (
            -10,
            "Een bedrijfsvoeringsorganisatie is een nieuwe rechtspersoon; die is hier niet nodig.",
        ),
        OL: (-10, "Een openbaar lichaam is een nieuwe rechtspersoon; die is hier niet nodig."),
        PR: (
            -15,
            "Een stichting of vennootschap oprichten is niet nodig als de samenwerking zelf "
            "niets hoeft te kunnen.",
        ),
        AF: (-5, "Een ambtelijke fusie vraagt meestal een drager met rechtspersoonlijkheid."),
        HI: (-10, "Een nieuwe gemeente is meer dan hier nodig is."),
    },
    ("market_activity", "eq", "ja"): {
        PR: (
            20,
            "Wie ook voor de markt werkt, doet dat vaak in een private rechtspersoon; dat mag "
            "alleen als een zwaarwegend publiek belang het vraagt en een publiekrechtelijke "
            "vorm niet volstaat (art. 160 Gemeentewet).",
        ),
        RZM: (-10, "Een gemeenschappelijke regeling is niet bedoeld om voor de markt te werken."),
        CG: (
            -10,
            "Een centrumgemeente die voor de markt werkt, mengt publieke en private belangen.",
        ),
        GO: (-10, "Een gemeenschappelijk orgaan is niet bedoeld om voor de markt te werken."),
        BVO: (-10, "Een bedrijfsvoeringsorganisatie werkt voor de colleges, niet voor de markt."),
        OL: (
            -10,
            "Een openbaar lichaam dat voor de markt werkt, krijgt te maken met de regels voor "
            "overheden op de markt.",
        ),
        AF: (-10, "Een ambtelijke organisatie is niet bedoeld om voor de markt te werken."),
    },
    ("market_activity", "eq", "nee"): {
        PR: (
            -10,
            "Publiekrechtelijke vormen gaan voor (art. 160 Gemeentewet); zonder "
            "marktactiviteit is een private rechtspersoon moeilijk te rechtvaardigen.",
        ),
    },
    ("motives", "contains", "kwetsbaarheid"): {
        BVO: (
            5,
            "Een gezamenlijke organisatie maakt de taak minder afhankelijk van enkele medewerkers.",
        ),
        CG: (5, "Bij de centrumgemeente ontstaat een groter team, dus minder kwetsbaarheid."),
        DVO: (5, "Inkopen bij een grotere buurgemeente vermindert de kwetsbaarheid."),
        AF: (5, "Eén ambtelijke organisatie maakt alle gemeenten minder kwetsbaar."),
        HI: (5, "Een grotere gemeente is minder kwetsbaar."),
    },
    ("motives", "contains", "kwaliteit"): {
        NW: (
            15,
            "Kwaliteit groeit al door kennis te delen met vakgenoten; daar is een netwerk voor.",
        ),
        BVO: (5, "Een gespecialiseerde organisatie kan de kwaliteit verhogen."),
        OL: (5, "Een eigen organisatie kan specialisten in dienst nemen."),
        GO: (5, "Gezamenlijke besluitvorming bundelt de kennis van de partners."),
        AF: (5, "Eén organisatie biedt ruimte voor specialisatie."),
    },
    ("motives", "contains", "kosten"): {
        BVO: (10, "Schaalvoordelen in de bedrijfsvoering leveren op termijn besparing op."),
        DVO: (5, "Een dienst inkopen kan goedkoper zijn dan zelf organiseren."),
        CG: (5, "Eén uitvoerder voor meerdere gemeenten verlaagt de vaste kosten."),
        AF: (5, "Eén organisatie verlaagt de vaste kosten, na forse frictiekosten."),
        NW: (-5, "Een netwerk levert weinig besparing op."),
    },
    ("motives", "contains", "bestuurskracht"): {
        HI: (
            20,
            "Een herindeling versterkt de bestuurskracht het meest: één gemeente met één raad.",
        ),
        AF: (10, "Eén ambtelijke organisatie versterkt de bestuurskracht van kleine gemeenten."),
        OL: (5, "Een openbaar lichaam kan regionale slagkracht organiseren."),
        NW: (-5, "Een netwerk voegt weinig bestuurskracht toe."),
        DVO: (-5, "Een dienst inkopen versterkt de eigen bestuurskracht niet."),
    },
    ("control", "eq", "eigen_regie"): {
        NW: (15, "In een netwerk houdt elke gemeente volledig de eigen regie."),
        CV: (10, "Een convenant laat de regie bij elke gemeente."),
        DVO: (15, "Als opdrachtgever houdt u de regie over de dienst die u afneemt."),
        CG: (10, "De gemeenten blijven verantwoordelijk en houden zo de regie."),
        RZM: (5, "Een regeling zonder orgaan laat de uitvoering bij elke gemeente."),
        BVO: (-5, "In een bedrijfsvoeringsorganisatie deelt u de regie met de andere colleges."),
        OL: (-10, "Een openbaar lichaam zet de taak op afstand van elke afzonderlijke gemeente."),
        PR: (
            -10,
            "Een private rechtspersoon staat op afstand; de gemeente stuurt alleen als "
            "aandeelhouder of lid.",
        ),
        AF: (-10, "In één ambtelijke organisatie stuurt elke gemeente niet meer alleen."),
        HI: (-20, "Na een herindeling is er geen eigen regie van de oude gemeenten meer."),
    },
    ("control", "eq", "gezamenlijk"): {
        GO: (10, "In een gemeenschappelijk orgaan beslissen de gemeenten samen."),
        OL: (10, "In het bestuur van een openbaar lichaam beslissen de gemeenten samen."),
        CV: (10, "Een convenant legt vast wat de partners samen willen bereiken."),
        RZM: (10, "Een regeling zonder orgaan legt gezamenlijke afspraken publiekrechtelijk vast."),
        BVO: (5, "De colleges besturen de bedrijfsvoeringsorganisatie samen."),
        AF: (5, "De colleges sturen samen op één ambtelijke organisatie."),
    },
    ("control", "eq", "op_afstand"): {
        OL: (10, "Een openbaar lichaam voert de taak zelfstandig uit, binnen de regeling."),
        BVO: (
            10,
            "Een bedrijfsvoeringsorganisatie voert de taak zelfstandig uit voor de colleges.",
        ),
        PR: (15, "Een private rechtspersoon staat het verst op afstand."),
        NW: (-10, "Een netwerk kan een taak niet op afstand uitvoeren."),
        CV: (-10, "Een convenant zet niets op afstand; de gemeenten blijven zelf aan zet."),
        RZM: (-10, "Een regeling zonder orgaan heeft niets om de taak aan over te laten."),
    },
    ("exit_flexibility", "eq", "laag"): {
        OL: (5, "Een openbaar lichaam is gebouwd voor samenwerking op de lange termijn."),
        BVO: (5, "Een bedrijfsvoeringsorganisatie is bedoeld voor de lange termijn."),
        AF: (5, "Een ambtelijke fusie is een keuze voor de lange termijn."),
        HI: (5, "Een herindeling is definitief."),
        NW: (-5, "Een netwerk biedt weinig houvast voor de lange termijn."),
    },
    ("exit_flexibility", "eq", "hoog"): {
        NW: (15, "Uit een netwerk stapt u op elk moment zonder kosten."),
        CV: (10, "Een convenant is eenvoudig op te zeggen."),
        DVO: (10, "Een dienstverleningsovereenkomst is op te zeggen, met een opzegtermijn."),
        RZM: (5, "Uit een regeling zonder organisatie treedt u uit zonder grote uittreedsom."),
        GO: (-5, "Uittreden uit een gemeenschappelijke regeling kost meestal een uittreedsom."),
        CG: (-5, "Uittreden uit een centrumgemeenteregeling kost meestal een uittreedsom."),
        BVO: (
            -10,
            "Uittreden uit een bedrijfsvoeringsorganisatie kost een uittreedsom, vaak vijf "
            "jaar bijdragen.",
        ),
        OL: (
            -15,
            "Uittreden uit een openbaar lichaam kost een uittreedsom, vaak vijf jaar bijdragen.",
        ),
        PR: (
            -10,
            "Uitstappen uit een stichting of vennootschap is juridisch en financieel lastig.",
        ),
        AF: (
            -15,
            "Uit een ambtelijke fusie stappen betekent een eigen organisatie opnieuw opbouwen.",
        ),
        HI: (-30, "Een herindeling is niet terug te draaien."),
    },
    ("horizon", "eq", "tijdelijk"): {
        NW: (10, "Een tijdelijke samenwerking past bij een netwerk."),
        CV: (15, "Een convenant met een einddatum past goed bij een project of proef."),
        DVO: (5, "Een dienstverleningsovereenkomst kan voor bepaalde tijd worden gesloten."),
        GO: (-5, "Een gemeenschappelijk orgaan instellen is veel werk voor een tijdelijke taak."),
        BVO: (
            -10,
            "Een bedrijfsvoeringsorganisatie oprichten loont niet voor een tijdelijke taak.",
        ),
        OL: (-15, "Een openbaar lichaam oprichten loont niet voor een tijdelijke taak."),
        PR: (-10, "Een rechtspersoon oprichten loont niet voor een tijdelijke taak."),
        AF: (-15, "Een ambtelijke fusie is niet tijdelijk."),
        HI: (-30, "Een herindeling is niet tijdelijk."),
    },
    ("horizon", "eq", "structureel"): {
        CG: (5, "Voor een blijvende taak is een regeling met een centrumgemeente stevig genoeg."),
        GO: (5, "Een gemeenschappelijk orgaan geeft een blijvende taak een vaste plek."),
        BVO: (5, "Een blijvende taak rechtvaardigt een eigen organisatie."),
        OL: (5, "Een blijvende taak rechtvaardigt een eigen organisatie."),
        RZM: (5, "Een regeling legt blijvende afspraken publiekrechtelijk vast."),
        AF: (5, "Een ambtelijke fusie is bedoeld voor de lange duur."),
        HI: (5, "Een herindeling is blijvend."),
    },
    ("legally_required", "eq", "ja"): {
        OL: (
            15,
            "Sectorwetten schrijven meestal een gemeenschappelijke regeling met een openbaar "
            "lichaam voor, zoals bij veiligheidsregio's en omgevingsdiensten.",
        ),
        NW: (-20, "Een wettelijke plicht is niet met een vrijblijvend netwerk te vervullen."),
        CV: (-20, "Een wettelijke plicht is niet met een convenant te vervullen."),
        PR: (-20, "Een wettelijke plicht vraagt een publiekrechtelijke vorm."),
        DVO: (
            -10,
            "Een wettelijk voorgeschreven samenwerking laat zich zelden met een "
            "dienstverleningsovereenkomst regelen.",
        ),
        RZM: (
            -10,
            "Een regeling zonder orgaan heeft geen organisatie om de wettelijke taak te dragen.",
        ),
    },
    ("integration", "eq", "ambtelijk"): {
        AF: (25, "U staat open voor één ambtelijke organisatie: dat is de ambtelijke fusie."),
        BVO: (
            5,
            "Een bedrijfsvoeringsorganisatie is de gebruikelijke drager van een ambtelijke fusie.",
        ),
        OL: (5, "Een openbaar lichaam kan een ambtelijke fusie dragen."),
    },
    ("integration", "eq", "bestuurlijk"): {
        HI: (
            30,
            "Alleen een herindeling levert één gemeente met één rechtstreeks gekozen raad op.",
        ),
    },
    ("trust", "eq", "laag"): {
        NW: (5, "Bij weinig vertrouwen is een netwerk een veilige eerste stap."),
        CV: (5, "Bij weinig vertrouwen helpen heldere afspraken in een convenant."),
        DVO: (10, "Bij weinig vertrouwen geeft een overeenkomst met prestaties en prijs houvast."),
        AF: (-10, "Een ambtelijke fusie vraagt veel vertrouwen tussen de partners."),
        HI: (-10, "Een herindeling zonder vertrouwen tussen de partners loopt vast."),
    },
    ("trust", "eq", "hoog"): {
        AF: (5, "Met groot vertrouwen is één ambtelijke organisatie haalbaar."),
        HI: (5, "Groot vertrouwen maakt een herindeling bestuurlijk haalbaar."),
        BVO: (5, "Groot vertrouwen maakt gezamenlijke bedrijfsvoering haalbaar."),
        GO: (5, "Groot vertrouwen maakt gezamenlijke besluitvorming haalbaar."),
    },
    ("shared_vision", "eq", "ja"): {
        AF: (5, "Een gedeelde visie is een goede basis voor één ambtelijke organisatie."),
        HI: (5, "Een gedeelde visie is een voorwaarde voor een herindeling van onderop."),
        OL: (5, "Een gedeelde visie geeft een openbaar lichaam richting."),
    },
    ("shared_vision", "eq", "nee"): {
        HI: (-10, "Zonder gedeelde visie is een herindeling van onderop niet haalbaar."),
        AF: (-5, "Zonder gedeelde visie is één ambtelijke organisatie moeilijk te vormen."),
    },
}

_ONLY_OL = (
    "Regelgevende bevoegdheid kan alleen aan een openbaar lichaam worden gedelegeerd "
    "(art. 8 lid 1 Wgr); bij een herindeling gaat zij naar de nieuwe raad."
)
_NO_POWERS = "kan geen publiekrechtelijke bevoegdheden uitoefenen, ook geen mandaat."
_NO_ENTITY = (
    "heeft geen rechtspersoonlijkheid en kan dus geen personeel in dienst nemen, contracten "
    "sluiten of bezittingen hebben."
)
_MANDATE_ONLY = (
    "kan alleen in mandaat besluiten: de deelnemende gemeenten blijven zelf juridisch "
    "verantwoordelijk. Wie de verantwoordelijkheid wil overdragen, heeft delegatie nodig."
)
_NO_PRIVATE = (
    "is een gemeenschappelijke regeling (Wgr); private partijen kunnen daarin niet deelnemen."
)

# (dimension, operator, value) → {model: reason}
KNOCKOUTS: dict[tuple[str, str, str], dict[str, str]] = {
    ("powers", "eq", "regelgeving"): {
        key: _ONLY_OL for key in scoring.MODEL_KEYS if key not in (OL, HI)
    },
    ("powers", "ne", "geen"): {
        NW: "Een netwerk " + _NO_POWERS,
        CV: "Een convenant " + _NO_POWERS,
        RZM: "Een regeling zonder orgaan " + _NO_POWERS,
        PR: "Een privaatrechtelijke rechtspersoon "
        + _NO_POWERS
        + " Publiekrechtelijke taken horen in een publiekrechtelijke vorm.",
    },
    ("legal_entity_needed", "eq", "ja"): {
        GO: "Een gemeenschappelijk orgaan " + _NO_ENTITY,
        RZM: "Een regeling zonder orgaan " + _NO_ENTITY,
        NW: "Een netwerk " + _NO_ENTITY,
        CV: "Een convenant " + _NO_ENTITY,
    },
    ("staff", "eq", "naar_nieuwe_organisatie"): {
        GO: "Een gemeenschappelijk orgaan heeft geen rechtspersoonlijkheid en kan het personeel "
        "dus niet in dienst nemen.",
        RZM: "Een regeling zonder orgaan heeft geen organisatie en kan geen personeel in dienst "
        "nemen.",
        NW: "Een netwerk kan geen personeel in dienst nemen.",
        CV: "Een convenant schept geen organisatie die personeel in dienst kan nemen.",
    },
    ("policy_discretion", "eq", "hoog"): {
        BVO: "Een bedrijfsvoeringsorganisatie mag alleen taken uitvoeren met weinig beleidsruimte "
        "(art. 8 lid 3 Wgr); deze taak laat veel ruimte.",
    },
    ("participants", "eq", "raden"): {
        BVO: "Aan een bedrijfsvoeringsorganisatie kunnen alleen colleges deelnemen, geen "
        "gemeenteraden (art. 8 lid 3 Wgr).",
    },
    ("other_partners", "eq", "privaat"): {
        RZM: "Een regeling zonder orgaan " + _NO_PRIVATE,
        CG: "De centrumgemeenteconstructie " + _NO_PRIVATE,
        GO: "Een gemeenschappelijk orgaan " + _NO_PRIVATE,
        BVO: "Een bedrijfsvoeringsorganisatie " + _NO_PRIVATE,
        OL: "Een openbaar lichaam " + _NO_PRIVATE,
    },
    ("integration", "eq", "bestuurlijk"): {
        **{
            key: "Eén rechtstreeks gekozen raad ontstaat alleen door een herindeling; een "
            "gemeenschappelijke regeling of overeenkomst heeft geen eigen democratische "
            "legitimatie."
            for key in scoring.MODEL_KEYS
            if key not in (HI, AF)
        },
        AF: "Eén rechtstreeks gekozen raad ontstaat alleen door een herindeling. Een ambtelijke "
        "fusie kan wel een eerste stap op weg daarheen zijn.",
    },
    ("integration", "eq", "geen"): {
        AF: "U gaf aan dat de samenwerking niet verder mag gaan dan deze taak; een ambtelijke "
        "fusie gaat veel verder.",
        HI: "U gaf aan dat de samenwerking niet verder mag gaan dan deze taak; een herindeling "
        "gaat veel verder.",
    },
    ("integration", "eq", "ambtelijk"): {
        HI: "U gaf aan dat de samenwerking niet verder mag gaan dan één ambtelijke organisatie; "
        "een herindeling gaat verder.",
    },
    ("powers", "eq", "delegatie"): {
        CG: "Een centrumgemeente " + _MANDATE_ONLY,
        DVO: "Bij een dienstverleningsovereenkomst "
        + _MANDATE_ONLY.replace("kan alleen", "kan de leverancier alleen"),
    },
    ("control", "eq", "op_afstand"): {
        CG: "Een centrumgemeente " + _MANDATE_ONLY,
        DVO: "Bij een dienstverleningsovereenkomst "
        + _MANDATE_ONLY.replace("kan alleen", "kan de leverancier alleen"),
    },
}
KNOCKOUTS[("powers", "eq", "regelgeving")].update(
    {
        CG: "Een centrumgemeente kan alleen in mandaat besluiten; "
        + _ONLY_OL[0].lower()
        + _ONLY_OL[1:],
        DVO: "Bij een dienstverleningsovereenkomst besluit de leverancier alleen in mandaat; "
        + _ONLY_OL[0].lower()
        + _ONLY_OL[1:],
    }
)

# Seed 004 §3, in our own words: (code, title, text, [(dimension, operator, value, note)])
FACTORS = [
    (
        "halen-en-brengen",
        "Geven en nemen, met dezelfde verwachtingen",
        "Samenwerken lukt als alle partners iets inbrengen en iets terugkrijgen. Spreek vooraf "
        "af wat ieder van de samenwerking verwacht; liefst dezelfde verwachtingen.",
        [
            (
                "partner_structure",
                "eq",
                "dominante_aanbieder",
                "Eén gemeente levert aan de andere: maak expliciet wat de leverancier ervoor "
                "terugkrijgt en wat de afnemers mogen verwachten.",
            ),
            (
                "motives",
                "contains",
                "kosten",
                "Besparing als motief: spreek af hoe de winst en de frictiekosten worden verdeeld.",
            ),
        ],
    ),
    (
        "elkaars-invalshoek",
        "Respecteer elkaars invalshoek",
        "Niet elke gemeente voelt dezelfde urgentie, en politieke afwegingen verschillen. Bij "
        "gevoelige taken helpt een groeimodel: eerst een basispakket waar de winst evident is, "
        "later een pluspakket.",
        [
            (
                "policy_discretion",
                "eq",
                "hoog",
                "Veel beleidsruimte: hier zullen de politieke invalshoeken het meest uiteenlopen.",
            ),
            (
                "task_type",
                "eq",
                "beleid",
                "Beleid is gevoelig: begin met onderwerpen waarover de partners het al eens zijn.",
            ),
            (
                "participants",
                "eq",
                "raden",
                "Ook de raden doen mee: elke raad weegt anders; geef ze vroeg een rol.",
            ),
        ],
    ),
    (
        "krachtig-en-zichtbaar",
        "Kies duidelijk en houd koers",
        "Een heldere keuze voor samenwerking moet ook standhouden bij tegenwind, zoals "
        "verkiezingen, nieuwe wetten of botsende prioriteiten in de eigen organisatie.",
        [
            (
                "horizon",
                "eq",
                "structureel",
                "Een blijvende samenwerking krijgt vroeg of laat tegenwind; spreek af hoe u "
                "dan met prioriteiten omgaat.",
            ),
            (
                "integration",
                "eq",
                "ambtelijk",
                "Eén ambtelijke organisatie vraagt een keuze die ook na de volgende "
                "verkiezingen overeind blijft.",
            ),
            (
                "integration",
                "eq",
                "bestuurlijk",
                "Een herindeling vraagt bestuurlijke vastberadenheid over een lange periode.",
            ),
        ],
    ),
    (
        "een-keuze",
        "Vrijwillig werkt beter dan gedwongen",
        "Samenwerking die uit eigen wil ontstaat, houdt beter stand dan samenwerking die alleen "
        "uit noodzaak of onder dwang begint. Soms blijkt een taak zich bij nader inzien niet te "
        "lenen voor samenwerking.",
        [
            (
                "legally_required",
                "eq",
                "ja",
                "De wet schrijft de samenwerking voor: zoek naast de plicht ook het eigen "
                "belang van elke partner, anders loopt het bij de eerste tegenslag vast.",
            ),
            (
                "motives",
                "contains",
                "kwetsbaarheid",
                "Kwetsbaarheid kan voelen als noodzaak; maak er ook een gedeelde ambitie van.",
            ),
        ],
    ),
    (
        "samen-werken",
        "Vertrouwen: handel naar de geest van de afspraken",
        "Onderling vertrouwen is nodig: handel naar de geest van de afspraken, niet alleen naar "
        "de letter, en vraag je steeds af wat je handelen betekent voor de partners.",
        [
            (
                "trust",
                "eq",
                "laag",
                "Het vertrouwen is nog beperkt: investeer in kleine, zichtbare successen en "
                "in persoonlijke contacten.",
            ),
            (
                "control",
                "eq",
                "gezamenlijk",
                "Samen beslissen werkt alleen als ieder zich aan de gezamenlijke besluiten houdt.",
            ),
        ],
    ),
    (
        "praktische-zaken",
        "Regel de praktische zaken op de werkvloer",
        "Verrekening van wederzijdse inzet, werkplekken en de aansturing van medewerkers lijken "
        "details, maar onduidelijkheid erover kan de samenwerking ondermijnen.",
        [
            (
                "staff",
                "eq",
                "naar_een_gemeente",
                "Medewerkers gaan naar een andere gemeente: regel rechtspositie, werkplek en "
                "aansturing vooraf.",
            ),
            (
                "staff",
                "eq",
                "naar_nieuwe_organisatie",
                "Medewerkers gaan naar een nieuwe organisatie: regel rechtspositie, werkplek, "
                "aansturing en de verrekening van kosten vooraf.",
            ),
            (
                "task_type",
                "eq",
                "bedrijfsvoering",
                "Bij gedeelde bedrijfsvoering hangt veel af van goede afspraken over de "
                "verrekening van diensten.",
            ),
        ],
    ),
]

ROUTE_TEXTS = {
    "ontwerpaanpak": (
        "Ontwerpaanpak",
        "Van het algemene naar het bijzondere: de partners leggen eerst samen de richting en de "
        "voorwaarden vast, bijvoorbeeld in een intentieverklaring, en toetsen daarna per taakveld "
        "of samenwerking past.",
        "Valkuil: het proces blijft hangen in abstracte beschouwingen en vergezichten, zonder "
        "merkbaar resultaat. Zonder echte overeenstemming over het streefbeeld verzandt het "
        "voordat de uitvoering begint.",
    ),
    "ontwikkelaanpak": (
        "Ontwikkelaanpak",
        "Van het bijzondere naar het algemene: de partners beginnen met concrete, weinig gevoelige "
        "taken (een basispakket), doen ervaring op en breiden daarna uit (een pluspakket). Uit "
        "die ervaring groeit een gezamenlijke visie.",
        "Valkuil: het proces komt in handen van specialisten. De discussies worden zo technisch "
        "dat bestuurders niet meer overzien waar ze ja tegen zeggen, en op de rem gaan staan.",
    ),
}


def weight_rows() -> list[tuple[str, str, str, str, int, str]]:
    """(dimension, operator, value, model, points, reason), in a stable order."""
    return [
        (dimension, operator, value, model, points, reason)
        for (dimension, operator, value), per_model in WEIGHTS.items()
        for model, (points, reason) in per_model.items()
    ]


def knockout_rows() -> list[tuple[str, str, str, str, str]]:
    return [
        (dimension, operator, value, model, reason)
        for (dimension, operator, value), per_model in KNOCKOUTS.items()
        for model, reason in per_model.items()
    ]


def ruleset() -> scoring.Ruleset:
    """The seeded version as the engine sees it (for tests without a database)."""
    return scoring.Ruleset(
        version=VERSION_NUMBER,
        models=tuple(scoring.ModelInfo(key, name, weight) for key, name, weight, _, _ in MODELS),
        weights=tuple(
            scoring.WeightRule(scoring.Condition(d, o, v), m, p, r)
            for d, o, v, m, p, r in weight_rows()
        ),
        knockouts=tuple(
            scoring.KnockOut(scoring.Condition(d, o, v), m, r) for d, o, v, m, r in knockout_rows()
        ),
        factors=tuple(
            scoring.Factor(
                code,
                title,
                text,
                tuple(
                    scoring.FactorTrigger(scoring.Condition(d, o, v), note)
                    for d, o, v, note in triggers
                ),
            )
            for code, title, text, triggers in FACTORS
        ),
        routes=tuple(
            scoring.Route(key, name, summary, pitfall)
            for key, (name, summary, pitfall) in ROUTE_TEXTS.items()
        ),
    )
