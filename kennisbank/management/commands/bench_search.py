"""`manage.py bench_search` (make bench): the search at ten times StadSPOORT, in its own database.

1. Switches to a separate database (default: the configured database's name + "_bench" on the
   same server), creates it if missing and migrates it; the configured database is never touched.
2. Builds a corpus of --size generated items (kennisbank/bench.py), unless one of that size is
   already there (--rebuild forces it), then VACUUM ANALYZE.
3. Times GET requests through the full Django stack (django.test.Client: middleware, view,
   template) for a fixed mix of narrow, medium and broad queries, next to the naive raw SQL for
   the same tsquery (ts_rank_cd over every match, LIMIT 20, plus four GROUP BY facet counts), and
   a detail page, the events list and the search page without a query.
"""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from kennisbank.bench import (
    BROAD_FROM,
    GOAL_BROAD_MS,
    GOAL_BROAD_RATIO,
    GOAL_NARROW_MS,
    NARROW_BELOW,
    QUERY_MIX,
    bench_database_name,
    build_corpus,
    corpus_size,
    database_use,
    goal_met,
    indexes_restore,
    measure,
    naive_search,
    query_class,
    vacuum_analyze,
)
from kennisbank.models import Item
from kennisbank.services import search_terms_refresh

SEARCH_URL = "/kennisbank/"


class Command(BaseCommand):
    help = "Zoekbenchmark op een aparte database met een gegenereerd corpus (standaard 250.000)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-name", help="standaard: naam van de ingestelde database + _bench"
        )
        parser.add_argument("--items", "--size", dest="size", type=int, default=250_000)
        parser.add_argument("--rebuild", action="store_true", help="corpus altijd opnieuw bouwen")
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        name = options["database_name"] or bench_database_name("bench")
        if name == connection.settings_dict["NAME"]:
            raise CommandError(
                "De benchmark leegt de itemtabel; geef een andere database dan de ingestelde."
            )
        database_use(name=name, log=self.stdout.write)
        self.stdout.write(f"Database {name}: migreren …")
        call_command("migrate", verbosity=0, interactive=False)

        size, existing = options["size"], corpus_size()
        if options["rebuild"] or existing != size:
            self.stdout.write(f"Corpus bouwen: {size:,} items (nu {existing:,}) …")
            started = time.monotonic()
            build_corpus(size=size, seed=options["seed"], log=self.stdout.write)
            words = search_terms_refresh()
            self.stdout.write(f"  {words:,} zoekwoorden voor suggesties")
            vacuum_analyze()
            self.stdout.write(f"Corpus klaar in {time.monotonic() - started:.0f} s")
        else:
            self.stdout.write(f"Bestaand corpus van {existing:,} items hergebruikt (--rebuild)")
            indexes_restore(log=self.stdout.write)
            vacuum_analyze()

        # Production-like request handling: no query log, no debug templates.
        settings.DEBUG = False
        connection.force_debug_cursor = False
        self._run(options["runs"])

    def _run(self, runs: int) -> None:
        client = Client(SERVER_NAME="localhost")
        published = Item.objects.published().count()
        with connection.cursor() as cursor:
            cursor.execute("SELECT version(), current_setting('shared_buffers')")
            version, buffers = cursor.fetchone()
        self.stdout.write(f"{version.split(',')[0]}, shared_buffers {buffers}")
        self.stdout.write(f"{published:,} gepubliceerde items\n")

        header = (
            f"{'zoekvraag':34} {'klasse':7} {'treffers':>16} {'p50':>7} {'p95':>7} "
            f"{'naïef p50':>10} {'naïef p95':>10} {'ratio':>6}  doel"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        failures = []
        for label, params in QUERY_MIX:
            matches, naive_run = naive_search(params)
            kind = query_class(matches / published)
            ours = measure(lambda p=params: self._get(client, SEARCH_URL, p), runs=runs)
            naive = measure(naive_run, runs=runs)
            ratio = ours.p95 / naive.p95 if naive.p95 else 0
            ok = goal_met(kind, ours, ratio)
            if not ok:
                failures.append(label)
            share = f"{matches:,} ({100 * matches / published:.1f}%)"
            verdict = "ok" if ok else "NIET GEHAALD"
            self.stdout.write(
                f"{label:34} {kind:7} {share:>16} {ours.p50:7.1f} {ours.p95:7.1f} "
                f"{naive.p50:10.1f} {naive.p95:10.1f} {ratio:6.2f}  {verdict}"
            )

        self.stdout.write("")
        item = Item.objects.published().order_by("-published_on").first()
        pages = [
            ("detailpagina", item.get_absolute_url()),
            ("bijeenkomsten", "/kennisbank/bijeenkomsten/"),
            ("zoeken zonder zoekterm", SEARCH_URL),
            ("zoeken zonder zoekterm, 2 filters", SEARCH_URL + "?thema=wonen&provincie=utrecht"),
        ]
        for label, url in pages:
            timing = measure(lambda u=url: self._get(client, u, {}), runs=runs)
            self.stdout.write(f"{label:34} {'':7} {'':>16} {timing.p50:7.1f} {timing.p95:7.1f}")

        self.stdout.write(
            f"\nTijden in ms over {runs} verzoeken na 3 opwarmrondes. Klasse naar aandeel: smal "
            f"< {NARROW_BELOW:.0%}, breed ≥ {BROAD_FROM:.0%}. Doelen: smal en midden "
            f"p95 < {GOAL_NARROW_MS} ms; breed p95 < {GOAL_BROAD_MS} ms en hoogstens "
            f"{GOAL_BROAD_RATIO:.0%} van naïeve SQL (ratio = p95 / naïef p95)."
        )
        if failures:
            self.stdout.write(self.style.WARNING(f"Niet gehaald: {', '.join(failures)}"))
        else:
            self.stdout.write(self.style.SUCCESS("Alle doelen gehaald."))

    @staticmethod
    def _get(client: Client, url: str, params: dict) -> None:
        response = client.get(url, params)
        if response.status_code != 200:
            raise CommandError(f"{url} {params} gaf {response.status_code}")
