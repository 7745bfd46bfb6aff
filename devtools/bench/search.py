"""The search benchmark: a synthetic corpus of Dutch kennisbank items and the timing helpers.

The corpus imitates the real collection at ten times the size of StadSPOORT (250,000 items):
titles, summaries and Markdown bodies generated from sentence templates about municipal
cooperation, with the facet data (themes, municipalities, form of cooperation, task type,
motives, year) filled in and the facet tokens set exactly as services.facet_tokens() would.

Term frequencies are shaped so the query mix has three classes:

* broad (> 50 % of items): "samenwerking", "gemeenten" appear in almost every body;
* medium (~10 %): one of fourteen topics per item ("jeugdzorg", "afvalinzameling", …), with
  occasional mentions elsewhere, and "gemeenschappelijke regeling" with the heavier models;
* narrow (< 1 %): rare subjects ("leerlingenvervoer", "archeologie") and place names.

The query mix, the naive raw-SQL comparison and the timing helpers live here too; the command
(manage.py bench_search) only switches to its own database and reports. Only that command calls
this module, and only against its own database: building starts with TRUNCATE of the items.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import psycopg
from django.db import connection, transaction
from django.utils import timezone
from psycopg import sql as pgsql

from kennisbank.constants import FACET_PREFIX, EventKind, ItemType, Status
from kennisbank.models import Item
from kennisbank.read_cache import content_changed
from kennisbank.search import FACETS, load_reference
from kennisbank.search.engine import PREFIX_FALLBACK_BELOW, tune_transaction
from kennisbank.search.query import build_query
from kennisbank.search.sql import compile_expression
from kennisbank.services.items import joined_parts, search_parts_by_word
from portal import dutch
from portal.constants import Motive, TaskType
from portal.models import CollaborationModel, Municipality, Theme

# --- vocabulary --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    theme: str  # Theme slug
    task_type: str
    weight: int  # relative frequency
    short: tuple[str, ...]  # for titles: "jeugdzorg"
    subjects: tuple[str, ...]  # for sentences: "de inkoop van jeugdzorg"
    words: tuple[str, ...]  # topic words sprinkled through the body


TOPICS = (
    Topic(
        "jeugd",
        TaskType.SERVICE,
        10,
        ("jeugdzorg", "jeugdhulp", "de inkoop van jeugdzorg"),
        ("de inkoop van jeugdzorg", "de jeugdhulp in de wijk", "specialistische jeugdzorg"),
        ("jeugdzorg", "jeugdhulp", "zorgaanbieders", "wijkteams", "jeugdbescherming"),
    ),
    Topic(
        "sociaal-domein",
        TaskType.SERVICE,
        10,
        ("het sociaal domein", "de Wmo", "maatschappelijke ondersteuning"),
        (
            "de uitvoering van de Wmo",
            "maatschappelijke ondersteuning",
            "het sociaal domein",
        ),
        ("Wmo", "mantelzorg", "welzijn", "keukentafelgesprek", "huishoudelijke hulp"),
    ),
    Topic(
        "werk-en-inkomen",
        TaskType.EXECUTION,
        7,
        ("werk en inkomen", "de Participatiewet", "re-integratie"),
        ("de uitvoering van de Participatiewet", "re-integratie naar werk", "werk en inkomen"),
        ("uitkeringen", "werkgeversdienstverlening", "sociale werkvoorziening", "bijstand"),
    ),
    Topic(
        "schuldhulpverlening",
        TaskType.SERVICE,
        4,
        ("schuldhulpverlening", "vroegsignalering van schulden"),
        ("de schuldhulpverlening", "vroegsignalering van schulden", "budgetbeheer"),
        ("schuldhulpverlening", "budgetbeheer", "vroegsignalering", "schuldeisers"),
    ),
    Topic(
        "belastingen-en-woz",
        TaskType.OPERATIONS,
        6,
        ("belastingen", "de WOZ", "belastingsamenwerking"),
        ("de heffing en invordering van belastingen", "de WOZ-waardebepaling", "de belastingen"),
        ("belastingen", "WOZ-waardebepaling", "invordering", "aanslagen", "OZB"),
    ),
    Topic(
        "ict-en-informatievoorziening",
        TaskType.OPERATIONS,
        9,
        ("ICT", "informatievoorziening", "informatiebeveiliging"),
        ("de ICT-dienstverlening", "de informatievoorziening", "het applicatiebeheer"),
        ("ICT", "informatiebeveiliging", "applicatiebeheer", "datacenter", "cloud"),
    ),
    Topic(
        "bedrijfsvoering",
        TaskType.OPERATIONS,
        8,
        ("bedrijfsvoering", "inkoop", "de salarisadministratie"),
        ("de bedrijfsvoering", "de inkoop en aanbesteding", "de salarisadministratie"),
        ("inkoop", "aanbesteding", "personeelszaken", "salarisadministratie", "financiën"),
    ),
    Topic(
        "omgeving-en-milieu",
        TaskType.EXECUTION,
        6,
        ("afvalinzameling", "grondstoffen", "de milieustraat"),
        ("de afvalinzameling", "het grondstoffenbeleid", "de inzameling van huishoudelijk afval"),
        ("afvalinzameling", "grondstoffen", "restafval", "milieustraat", "recycling"),
    ),
    Topic(
        "omgeving-en-milieu",
        TaskType.EXECUTION,
        6,
        ("vergunningverlening", "de omgevingsdienst", "de Omgevingswet"),
        ("vergunningverlening, toezicht en handhaving", "de invoering van de Omgevingswet"),
        ("omgevingsdienst", "vergunningverlening", "toezicht", "handhaving", "Omgevingswet"),
    ),
    Topic(
        "veiligheid",
        TaskType.EXECUTION,
        5,
        ("veiligheid", "ondermijning", "de veiligheidsregio"),
        ("de aanpak van ondermijning", "de openbare orde en veiligheid", "de crisisbeheersing"),
        ("ondermijning", "veiligheidsregio", "brandweer", "handhaving", "crisisbeheersing"),
    ),
    Topic(
        "wonen",
        TaskType.POLICY,
        4,
        ("wonen", "woningbouw", "de woonvisie"),
        ("de regionale woningbouwprogrammering", "de huisvesting van spoedzoekers"),
        ("woningbouw", "woonvisie", "huisvesting", "corporaties", "woningmarkt"),
    ),
    Topic(
        "klimaat-en-energie",
        TaskType.POLICY,
        5,
        ("de energietransitie", "klimaatadaptatie", "de warmtetransitie"),
        ("de regionale energiestrategie", "de warmtetransitie", "klimaatadaptatie"),
        ("energietransitie", "warmtevisie", "isolatie", "zonnevelden", "klimaatadaptatie"),
    ),
    Topic(
        "economie",
        TaskType.POLICY,
        4,
        ("economie", "bedrijventerreinen", "recreatie en toerisme"),
        ("de regionale economie", "de bedrijventerreinen", "recreatie en toerisme"),
        ("bedrijventerreinen", "toerisme", "arbeidsmarkt", "ondernemers", "vestigingsklimaat"),
    ),
    Topic(
        "dienstverlening",
        TaskType.SERVICE,
        6,
        ("dienstverlening", "het klantcontactcentrum", "burgerzaken"),
        ("de publieke dienstverlening", "het klantcontactcentrum", "burgerzaken"),
        ("klantcontact", "burgerzaken", "paspoorten", "telefonie", "digitale dienstverlening"),
    ),
)

# Narrow subjects: each lands in roughly 0.3-0.6 % of the items.
RARE_SUBJECTS = (
    "leerlingenvervoer",
    "archeologie",
    "begraafplaatsen",
    "zwerfafval",
    "laadpalen",
    "precariobelasting",
    "kinderboerderijen",
    "monumentenzorg",
    "gladheidsbestrijding",
    "lijkbezorging",
)

MODEL_PHRASES = {
    "netwerk": "een netwerk van ambtenaren",
    "convenant": "een convenant",
    "dvo": "een dienstverleningsovereenkomst",
    "regeling_zonder_meer": "een lichte gemeenschappelijke regeling",
    "centrumgemeente": "een centrumgemeenteconstructie",
    "gemeenschappelijk_orgaan": "een gemeenschappelijk orgaan",
    "bedrijfsvoeringsorganisatie": "een bedrijfsvoeringsorganisatie",
    "openbaar_lichaam": "een openbaar lichaam",
    "privaatrechtelijk": "een stichting",
    "ambtelijke_fusie": "een ambtelijke fusie",
    "herindeling": "een gemeentelijke herindeling",
}
# Models that rest on the Wgr: their texts mention the gemeenschappelijke regeling.
WGR_MODELS = {
    "regeling_zonder_meer",
    "centrumgemeente",
    "gemeenschappelijk_orgaan",
    "bedrijfsvoeringsorganisatie",
    "openbaar_lichaam",
    "ambtelijke_fusie",
}

TITLES = (
    "Samenwerking bij {short} in {region}",
    "{Short}: {g1} en {g2} werken samen",
    "Hoe {g1} en {g2} {short} samen organiseren",
    "Lessen uit {years} jaar samenwerking rond {short}",
    "{Short} in de regio {region}",
    "Samen sterker in {short}: de aanpak van {g1}",
    "Van {model} naar meer: {short} in {region}",
    "Onderzoek naar {short} bij kleine gemeenten",
    "Regionale samenwerking aan {short} in {region}",
    "{g1} neemt {short} over voor {g2}",
    "Evaluatie van {short} in {region}",
    "Gemeenten in {region} bundelen {short}",
)
EVENT_TITLES = (
    "Masterclass {short}",
    "Regiobijeenkomst {region} over {short}",
    "Congres samenwerking in {short}",
    "Training {short} voor raadsleden",
)
DOSSIER_TITLES = ("Themadossier {theme}", "Dossier: samenwerking in {theme}")

SUMMARIES = (
    "{g1}, {g2} en {g3} bundelen hun krachten bij {subject}.",
    "Hoe {n} gemeenten in {region} {subject} samen oppakken, en wat dat oplevert.",
    "{g1} voert {subject} uit voor {g2} en {g3} via {model}.",
    "Een verkenning van de samenwerking rond {subject} in de regio {region}.",
    "De gemeenten in {region} kozen voor {model} om {subject} minder kwetsbaar te maken.",
    "Wat kleine gemeenten leren van {n} jaar samenwerken aan {subject}.",
)

SENTENCES = (
    "De {n} gemeenten werken sinds {year} samen op het gebied van {subject}.",
    "De samenwerking tussen {g1} en {g2} begon met een verkenning naar {subject}.",
    "Bestuurders zagen vooral kansen om de kwetsbaarheid van kleine teams te verminderen.",
    "Een belangrijke les is dat de samenwerking pas werkt als de ambtelijke organisaties"
    " elkaar vertrouwen.",
    "De gemeenteraden van {g1}, {g2} en {g3} stemden in met {model}.",
    "De kosten worden verdeeld naar rato van het aantal inwoners.",
    "In {year} volgde een evaluatie door een extern bureau.",
    "Uit de evaluatie blijkt dat de kwaliteit van {subject} is verbeterd.",
    "Niet alles ging goed: de sturing door de gemeenteraden bleef lastig.",
    "De regio {region} kent een lange traditie van intergemeentelijke samenwerking.",
    "Medewerkers van {g1} werken nu ook voor {g2}, wat de continuïteit vergroot.",
    "Voor {word} is een gezamenlijk team opgezet met vaste contactpersonen per gemeente.",
    "De raden krijgen twee keer per jaar een rapportage over {word} en de financiën.",
    "Burgers merken weinig van de samenwerking, behalve dat de dienstverlening beter is.",
    "Het delen van kennis over {word} tussen de gemeenten kostte meer tijd dan verwacht.",
    "De wethouders van {g1} en {g2} trekken samen op richting provincie en Rijk.",
    "Een gezamenlijke aanbesteding leverde een besparing op van ruim {pct} procent.",
    "Kleinere gemeenten zoals {g3} zijn zo minder afhankelijk van één specialist.",
    "De afspraken over {word} zijn vastgelegd in een dienstverleningsovereenkomst.",
    "Ook de coöperatie met maatschappelijke partners kreeg een vaste plek.",
    "De samenwerking wordt elk jaar besproken in een bijeenkomst van de colleges.",
    "Andere gemeenten namen de aanpak van {g1} over.",
)
GR_SENTENCES = (
    "De taken zijn ondergebracht in een gemeenschappelijke regeling met een eigen"
    " algemeen bestuur.",
    "De gemeenschappelijke regeling is in {year} gewijzigd om de raden meer invloed te geven.",
    "Via de gemeenschappelijke regeling kunnen de colleges taken mandateren.",
)
RARE_SENTENCES = (
    "Ook {rare} kwam in de samenwerking aan bod.",
    "Een werkgroep keek naar de mogelijkheden voor {rare}.",
)
HEADINGS = ("## Aanleiding", "## Aanpak", "## Resultaat", "## Lessen")

TYPE_WEIGHTS = {
    ItemType.PRACTICE: 45,
    ItemType.RESEARCH: 20,
    ItemType.LESSON: 20,
    ItemType.EVENT: 12,
    ItemType.DOSSIER: 3,
}
STATUS_WEIGHTS = {
    Status.PUBLISHED: 96,
    Status.DRAFT: 2,
    Status.IN_REVIEW: 1,
    Status.WITHDRAWN: 1,
}
FIRST_YEAR = 2008


def item_columns() -> list[str]:
    """Every column the corpus writer fills: all stored, non-generated fields of Item.

    Built from the model, so a field added later cannot be forgotten (a NOT NULL column without
    a value broke the benchmark once); fields the generator does not set get the model's default.
    Fields with a db_default are left to the database.
    """
    return [
        field.column
        for field in Item._meta.concrete_fields
        if not field.generated and not getattr(field, "has_db_default", lambda: False)()
    ]


def item_row(values: dict, columns: list[str]) -> tuple:
    """One COPY row: the generator's values by column, the model's defaults for the rest."""
    fields = {field.column: field for field in Item._meta.concrete_fields}
    return tuple(
        values[column] if column in values else fields[column].get_default() for column in columns
    )


@dataclass(frozen=True)
class Place:
    id: int
    code: str
    name: str
    province: str
    region: str
    neighbours: tuple[int, ...]


class SampleLexicon:
    """Document frequencies of title and summary words in a sample of the corpus, matched by
    light stem: about what search_terms_refresh will hold, known before the corpus is written,
    so the corpus writer can fill Item.search_parts itself (services.search_parts)."""

    SAMPLE = 3_000

    def __init__(self, rows: Iterable[dict]):
        self.by_stem: Counter[str] = Counter()
        for row in rows:
            self.by_stem.update(
                {dutch.stem(w) for w in dutch.words(row["title"] + " " + row["summary"])}
            )

    def __call__(self, candidates: Iterable[str]) -> dict[str, int]:
        return {c: n for c in candidates if (n := self.by_stem.get(dutch.stem(c)))}


class CorpusGenerator:
    """Deterministic (seeded) rows for the item table and its two many-to-many tables."""

    def __init__(self, *, seed: int = 2026, parts: bool = True):
        self.seed = seed
        self.parts = parts
        self.part_cache: dict[str, str] = {}
        self.lexicon: SampleLexicon | None = None
        self.rng = random.Random(seed)
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.models = list(CollaborationModel.objects.order_by("order"))
        neighbours: dict[int, list[int]] = {}
        through = Municipality.neighbours.through
        for from_id, to_id in through.objects.values_list(
            "from_municipality_id", "to_municipality_id"
        ):
            neighbours.setdefault(from_id, []).append(to_id)
        self.places = {
            m.id: Place(m.id, m.code, m.name, m.province, m.corop_name or m.name, ())
            for m in Municipality.objects.current()
        }
        self.places = {
            pid: Place(
                p.id,
                p.code,
                p.name,
                p.province,
                p.region,
                tuple(n for n in neighbours.get(pid, ()) if n in self.places),
            )
            for pid, p in self.places.items()
        }
        self.place_ids = list(self.places)
        self.topic_weights = [t.weight for t in TOPICS]
        self.types = list(TYPE_WEIGHTS)
        self.type_weights = list(TYPE_WEIGHTS.values())
        self.statuses = list(STATUS_WEIGHTS)
        self.status_weights = list(STATUS_WEIGHTS.values())
        this_year = timezone.localdate().year
        self.years = list(range(FIRST_YEAR, this_year + 1))
        # More recent years hold more items, as in the real collection.
        self.year_weights = [1 + i for i in range(len(self.years))]
        self.motives = list(Motive.values)
        self.today = timezone.localdate()
        if parts:
            # Here, not in rows(): rows() runs inside a COPY, when the connection takes no query.
            sample = CorpusGenerator(seed=seed, parts=False)
            self.lexicon = SampleLexicon(row for row, _, _ in sample.rows(SampleLexicon.SAMPLE))

    def _places(self) -> list[Place]:
        rng = self.rng
        first = self.places[rng.choice(self.place_ids)]
        chosen = [first]
        pool = list(first.neighbours)
        rng.shuffle(pool)
        for pid in pool[: rng.choice((1, 1, 2, 2, 3, 4))]:
            chosen.append(self.places[pid])
        return chosen

    def _date(self) -> dt.date:
        year = self.rng.choices(self.years, self.year_weights)[0]
        day = dt.date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        return min(day, self.today)

    def rows(self, count: int, start_id: int = 1) -> Iterator[tuple[dict, list[int], list[int]]]:
        """Yield (item row, theme ids, municipality ids) for `count` items."""
        rng = self.rng
        choice = rng.choice
        p = FACET_PREFIX
        # Items arrive over the years, so ids (and the table's physical order) follow the
        # publication date, as they do in the real collection.
        dates = sorted(self._date() for _ in range(count))
        for item_id, published_on in enumerate(dates, start=start_id):
            topic = rng.choices(TOPICS, self.topic_weights)[0]
            item_type = rng.choices(self.types, self.type_weights)[0]
            status = rng.choices(self.statuses, self.status_weights)[0]
            places = self._places()
            names = [pl.name for pl in places]
            while len(names) < 3:
                names.append(self.places[choice(self.place_ids)].name)
            model = choice(self.models) if rng.random() < 0.85 else None
            year = published_on.year
            region = places[0].region
            slots = {
                "short": choice(topic.short),
                "subject": choice(topic.subjects),
                "region": region,
                "g1": names[0],
                "g2": names[1],
                "g3": names[2],
                "n": len(places) if len(places) > 1 else rng.randint(2, 9),
                "year": rng.randint(FIRST_YEAR - 10, year),
                "years": rng.randint(3, 15),
                "model": MODEL_PHRASES[model.key] if model else "vaste afspraken",
                "pct": rng.randint(3, 25),
                "theme": self.themes[topic.theme].name.lower(),
            }
            if item_type == ItemType.EVENT:
                template = choice(EVENT_TITLES)
            elif item_type == ItemType.DOSSIER:
                template = choice(DOSSIER_TITLES)
            else:
                template = choice(TITLES)
            slots["Short"] = slots["short"][:1].upper() + slots["short"][1:]
            title = template.format(**slots)
            if rng.random() < 0.002:
                title += f" en {choice(RARE_SUBJECTS)}"
            summary = " ".join(t.format(**slots) for t in rng.sample(SUMMARIES, rng.randint(1, 2)))
            body = self._body(topic, model, slots)

            themes = [self.themes[topic.theme].id]
            if rng.random() < 0.4:
                themes.append(self.themes[choice(list(self.themes))].id)
            if rng.random() < 0.3:
                themes.append(self.themes["bestuur-en-samenwerking"].id)
            themes = sorted(set(themes))
            motives = sorted(set(rng.sample(self.motives, rng.choice((1, 1, 2, 2, 3)))))
            task_type = topic.task_type if rng.random() < 0.9 else choice(TaskType.values)

            starts_at = ends_at = None
            event_kind = location = ""
            if item_type == ItemType.EVENT:
                event_kind = choice(EventKind.values)
                starts_at = dt.datetime.combine(
                    published_on + dt.timedelta(days=rng.randint(10, 90)),
                    dt.time(rng.choice((10, 13, 19))),
                    tzinfo=dt.UTC,
                )
                ends_at = starts_at + dt.timedelta(hours=rng.randint(2, 8))
                location = f"Gemeentehuis {names[0]}"

            municipality_ids = [pl.id for pl in places]
            tokens = [f"{p['type']}:{item_type}", f"{p['year']}:{published_on.year}"]
            tokens += [f"{p['theme']}:{tid}" for tid in themes]
            tokens += [f"{p['municipality']}:{pl.code}" for pl in places]
            tokens += [f"{p['province']}:{prov}" for prov in sorted({pl.province for pl in places})]
            if model:
                tokens.append(f"{p['model']}:{model.key}")
            tokens.append(f"{p['task_type']}:{task_type}")
            tokens += [f"{p['motive']}:{m}" for m in motives]

            created = dt.datetime.combine(published_on, dt.time(9), tzinfo=dt.UTC)
            row = {
                "id": item_id,
                "type": item_type,
                "title": title[:250],
                "slug": f"bench-{item_id}",
                "summary": summary[:1000],
                "body": body,
                "published_on": published_on,
                "status": status,
                "region": region,
                "task_type": task_type,
                "motives": motives,
                "featured": item_type == ItemType.DOSSIER,
                "event_kind": event_kind,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "location": location,
                "created_at": created,
                "updated_at": created,
                "published_at": created if status == Status.PUBLISHED else None,
                "facets": tokens,
                "collaboration_model_id": model.id if model else None,
            }
            if self.parts:
                row["search_parts"] = self._search_parts(row["title"], row["summary"], body)
            yield row, themes, municipality_ids

    def _search_parts(self, *texts: str) -> str:
        words = {w for text in texts for w in dutch.long_words(text)}
        missing = words - self.part_cache.keys()
        if missing:
            self.part_cache.update(search_parts_by_word(missing, self.lexicon))
        return joined_parts(words, self.part_cache)

    def _body(self, topic: Topic, model, slots: dict) -> str:
        rng = self.rng
        choice = rng.choice
        parts = []
        for heading in HEADINGS:
            sentences = []
            for _ in range(rng.randint(2, 4)):
                slots["word"] = choice(topic.words)
                sentences.append(choice(SENTENCES).format(**slots))
            parts.append(heading + "\n\n" + " ".join(sentences))
        if model is not None and model.key in WGR_MODELS and rng.random() < 0.2:
            parts.append(choice(GR_SENTENCES).format(**slots))
        if rng.random() < 0.04:
            # A cross-reference to another topic keeps medium terms from being topic-only.
            other = choice(TOPICS)
            parts.append(
                f"Er zijn raakvlakken met {choice(other.subjects)} ({choice(other.words)})."
            )
        if rng.random() < 0.03:
            parts.append(choice(RARE_SENTENCES).format(rare=choice(RARE_SUBJECTS)))
        return "\n\n".join(parts)


# --- building ----------------------------------------------------------------------------------


def corpus_size() -> int:
    return Item.objects.count()


def build_corpus(
    *, size: int, seed: int = 2026, log: Callable[[str], None] = print, batch: int = 25_000
) -> None:
    """Replace every item in the current database by `size` generated items (COPY in bulk).

    Indexes on the item table are dropped during the load and rebuilt afterwards: building a GIN
    index once is several times faster than maintaining it row by row. It all happens in one
    transaction (PostgreSQL's DDL is transactional), so a crash or Ctrl-C half-way rolls back to
    the previous corpus with every index in place; a half-built corpus without its GIN indexes
    would otherwise be measured as sequential scans by the next run.
    """
    generator = CorpusGenerator(seed=seed)
    item_table = Item._meta.db_table
    themes_table = Item.themes.through._meta.db_table
    places_table = Item.municipalities.through._meta.db_table
    columns = item_columns()
    started = time.monotonic()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {item_table} RESTART IDENTITY CASCADE")
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                [item_table],
            )
            indexes = cursor.fetchall()
            for name, _ in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        log(f"  {len(indexes)} indexen tijdelijk verwijderd (in één transactie)")

        done = 0
        rows = generator.rows(size)
        while done < size:
            n = min(batch, size - done)
            with connection.cursor() as cursor:
                pg = cursor.cursor
                theme_rows, place_rows = [], []
                with pg.copy(f"COPY {item_table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for _ in range(n):
                        values, theme_ids, place_ids = next(rows)
                        copy.write_row(item_row(values, columns))
                        theme_rows.extend((values["id"], t) for t in theme_ids)
                        place_rows.extend((values["id"], m) for m in place_ids)
                with pg.copy(f"COPY {themes_table} (item_id, theme_id) FROM STDIN") as copy:
                    for r in theme_rows:
                        copy.write_row(r)
                with pg.copy(f"COPY {places_table} (item_id, municipality_id) FROM STDIN") as copy:
                    for r in place_rows:
                        copy.write_row(r)
            done += n
            log(f"  {done:>7} items geladen ({time.monotonic() - started:.0f} s)")

        with connection.cursor() as cursor:
            # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: check the loaded rows now,
            # since PostgreSQL refuses CREATE INDEX on a table with pending trigger events.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for name, definition in indexes:
                t0 = time.monotonic()
                cursor.execute(definition)
                log(f"  index {name} opnieuw gebouwd ({time.monotonic() - t0:.0f} s)")
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{item_table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {item_table}), false)"
            )
    content_changed()  # COPY sends no signals: no cached answer about the old corpus survives
    log(f"  corpus klaar in {time.monotonic() - started:.0f} s")


def _index_columns() -> list[str]:
    """Index definitions of the item table, as PostgreSQL reports them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s",
            [Item._meta.db_table],
        )
        return cursor.fetchall()


def missing_indexes() -> list[str]:
    """The item table's indexes the model declares that are absent: Meta.indexes by name, and
    db_index fields by a b-tree index on that column alone."""
    present = _index_columns()
    names = {name for name, _ in present}
    missing = [index.name for index in Item._meta.indexes if index.name not in names]
    for field in Item._meta.concrete_fields:
        indexed = any(f"USING btree ({field.column})" in definition for _, definition in present)
        if field.db_index and not field.unique and not indexed:
            missing.append(field.column)
    return missing


def indexes_restore(log: Callable[[str], None] = print) -> list[str]:
    """Create the model's declared indexes that are missing, from the model's own definitions.

    A database left behind by an older benchmark (which dropped the indexes outside a
    transaction) would otherwise be measured without them.
    """
    missing = missing_indexes()
    if not missing:
        return []
    with connection.schema_editor() as editor:
        for index in Item._meta.indexes:
            if index.name in missing:
                editor.add_index(Item, index)
                log(f"  ontbrekende index {index.name} gebouwd")
        for field in Item._meta.concrete_fields:
            if field.column in missing:
                # The statement Django's migrations use for db_index=True (same name).
                editor.execute(editor._create_index_sql(Item, fields=[field]))
                log(f"  ontbrekende index op {field.column} gebouwd")
    return missing


def vacuum_analyze() -> None:
    tables = [
        Item._meta.db_table,
        Item.themes.through._meta.db_table,
        Item.municipalities.through._meta.db_table,
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")


# --- timing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    p50: float  # milliseconds
    p95: float


def measure(run: Callable[[], object], *, runs: int, warmup: int = 3) -> Timing:
    for _ in range(warmup):
        run()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        samples.append((time.perf_counter() - t0) * 1000)
    return percentiles(samples)


def percentiles(samples: list[float]) -> Timing:
    ordered = sorted(samples)
    # Nearest-rank p95: with 30 runs that is the 29th value, so one outlier does not decide it.
    rank = max(1, -(-95 * len(ordered) // 100))
    return Timing(p50=statistics.median(ordered), p95=ordered[rank - 1])


# --- the query mix and the naive comparison ---------------------------------------------------

# (label, GET parameters). The class (narrow, medium, broad) follows from the share of published
# items a query really matches, so the table cannot claim a class the corpus does not support.
QUERY_MIX = (
    ("leerlingenvervoer", {"q": "leerlingenvervoer"}),
    ("archeologie OR begraafplaatsen", {"q": "archeologie OR begraafplaatsen"}),
    (
        "samenwerking +thema +gemeente",
        {"q": "samenwerking", "thema": "jeugd", "gemeente": "GM0344"},
    ),
    ("jeugdzorg", {"q": "jeugdzorg"}),
    ("afvalinzameling", {"q": "afvalinzameling"}),
    ("GR (synoniem: woordgroep)", {"q": "GR"}),
    ('"inkoop van jeugdzorg"', {"q": '"inkoop van jeugdzorg"'}),
    (
        "samenwerking +soort +provincie",
        {"q": "samenwerking", "soort": "praktijkvoorbeeld", "provincie": "gelderland"},
    ),
    ("samenwerking", {"q": "samenwerking"}),
    ("gemeenten regio", {"q": "gemeenten regio"}),
    ("samenwerking +soort", {"q": "samenwerking", "soort": "praktijkvoorbeeld"}),
)
NARROW_BELOW = 0.01  # share of published items
BROAD_FROM = 0.25
GOAL_NARROW_MS = 100
GOAL_BROAD_MS = 500
GOAL_BROAD_RATIO = 0.5


def query_class(share: float) -> str:
    return "smal" if share < NARROW_BELOW else "breed" if share >= BROAD_FROM else "midden"


def goal_met(kind: str, timing: Timing, ratio: float) -> bool:
    if kind == "breed":
        return timing.p95 < GOAL_BROAD_MS and ratio <= GOAL_BROAD_RATIO
    return timing.p95 < GOAL_NARROW_MS


def naive_search(params: dict) -> tuple[int, Callable[[], None]]:
    """The match count, and a callable running the naive SQL for the same query and filters:
    rank every match with ts_rank_cd, sort, LIMIT 20; then four facets, each its own GROUP BY
    over all matches (type, year, theme and municipality through their link tables)."""
    reference = load_reference()
    built = build_query(params["q"], reference.synonyms)
    if built.has_prefix:
        # The search drops the prefix fallback for common words; so does the comparison.
        exact = Item.objects.published().filter(search_vector=built.exact_expression)
        if exact.count() >= PREFIX_FALLBACK_BELOW:
            built = built.without_prefix()
    query_sql, query_params = compile_expression(built.expression)
    filters, filter_params = [], []
    for spec in FACETS:
        values = params.get(spec.param)
        if values:
            values = [values] if isinstance(values, str) else values
            filters.append("i.facets && %s::varchar(40)[]")
            filter_params.append([reference.token(spec.key, v) for v in values])
    where = " AND ".join(["i.status = 'published'", f"i.search_vector @@ {query_sql}", *filters])
    where_params = [*query_params, *filter_params]
    statements = [
        (
            f"SELECT i.id, ts_rank_cd(i.search_vector, {query_sql}) AS rank "
            f"FROM kennisbank_item i WHERE {where} ORDER BY rank DESC LIMIT 20",
            [*query_params, *where_params],
        ),
        (
            f"SELECT i.type, count(*) FROM kennisbank_item i WHERE {where} GROUP BY 1",
            where_params,
        ),
        (
            "SELECT date_part('year', i.published_on), count(*) FROM kennisbank_item i "
            f"WHERE {where} GROUP BY 1",
            where_params,
        ),
        (
            "SELECT it.theme_id, count(*) FROM kennisbank_item i "
            f"JOIN kennisbank_item_themes it ON it.item_id = i.id WHERE {where} GROUP BY 1",
            where_params,
        ),
        (
            "SELECT im.municipality_id, count(*) FROM kennisbank_item i JOIN "
            "kennisbank_item_municipalities im ON im.item_id = i.id "
            f"WHERE {where} GROUP BY 1 ORDER BY 2 DESC",
            where_params,
        ),
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM kennisbank_item i WHERE {where}", where_params)
        matches = cursor.fetchone()[0]

    def run():
        # Same session settings as the search itself (work_mem, JIT off), for a fair match.
        with transaction.atomic(), connection.cursor() as cursor:
            tune_transaction()
            for statement, statement_params in statements:
                cursor.execute(statement, statement_params)
                cursor.fetchall()

    return matches, run


def bench_database_name(suffix: str) -> str:
    """The benchmark's own database, derived from the configured one (kennisplatform →
    kennisplatform_bench), so two checkouts with their own DATABASE_URL do not share a corpus."""
    return f"{connection.settings_dict['NAME']}_{suffix}"


def database_use(*, name: str, log: Callable[[str], None] = print) -> None:
    """Point Django's connection at database `name` on the same server, creating it if needed.

    Threads opened later (the concurrency run) connect there too: they read the same dict.
    """
    params = connection.settings_dict
    conninfo = {
        "host": params.get("HOST") or None,
        "port": params.get("PORT") or None,
        "user": params.get("USER") or None,
        "password": params.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(name)))
            log(f"Database {name} aangemaakt")
    connection.close()
    connection.settings_dict["NAME"] = name


def corpus_ready(
    *,
    name: str,
    size: int,
    seed: int = 2026,
    rebuild: bool = False,
    log: Callable[[str], None] = print,
) -> None:
    """Switch to database `name`, migrate it and make sure it holds a `size`-item corpus with
    every index the model declares, analysed; shared by bench_search and bench_load."""
    from django.core.management import call_command

    from kennisbank.services.items import search_terms_refresh

    database_use(name=name, log=log)
    log(f"Database {name}: migreren …")
    call_command("migrate", verbosity=0, interactive=False)
    existing = corpus_size()
    if rebuild or existing != size:
        log(f"Corpus bouwen: {size:,} items (nu {existing:,}) …")
        started = time.monotonic()
        build_corpus(size=size, seed=seed, log=log)
        # The corpus writer filled the compound parts itself (CorpusGenerator._search_parts).
        log(f"  {search_terms_refresh(parts=False):,} zoekwoorden voor suggesties")
        vacuum_analyze()
        log(f"Corpus klaar in {time.monotonic() - started:.0f} s")
    else:
        log(f"Bestaand corpus van {existing:,} items hergebruikt (--rebuild bouwt opnieuw)")
        indexes_restore(log=log)
        vacuum_analyze()


def parse_sizes(text: str) -> list[int]:
    """ "25000,250000" → [25000, 250000] (sorted; at least 1 item each)."""
    sizes = sorted({int(part.replace("_", "")) for part in str(text).split(",") if part.strip()})
    if not sizes or sizes[0] < 1:
        raise ValueError(text)
    return sizes


# --- goals -------------------------------------------------------------------------------------

GOAL_PAGE_MS = 100  # p95 of every page type at the full size (250,000 items)
GROWTH_PER_DECADE = 2.0  # 10× more items may cost at most 2× the time


def growth_allowed(small: int, large: int) -> float:
    """The time factor the 10× rule allows between two corpus sizes (2× per factor 10)."""
    return GROWTH_PER_DECADE ** math.log10(large / small)
