"""`manage.py bench_search` (make bench): search and every page type at one or more corpus sizes.

1. For each size in --items (default 25,000 and 250,000, ten times StadSPOORT) it switches to a
   separate database (the configured database's name + "_bench_<size>" on the same server; the
   configured database is never touched), creates and migrates it, and builds a corpus of that
   many generated items (devtools/bench/search.py) unless one of that size is already there
   (--rebuild forces it); missing indexes are rebuilt from the model, then VACUUM ANALYZE.
2. Times GET requests through the full Django stack (django.test.Client: middleware, view,
   template) for a fixed mix of narrow, medium and broad queries, next to the naive raw SQL for
   the same tsquery (ts_rank_cd over every match, LIMIT 20, plus four GROUP BY facet counts),
   and every public page type of the kennisbank.
3. Flags every goal that is missed: queries by class, pages p95 < 100 ms at the largest size,
   and with two sizes the 10× rule (10× more items may cost at most 2× the time).

`--items 2000 --runs 1` is the tiny run the test suite does (tests/test_bench_commands.py).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from devtools.bench.search import (
    BROAD_FROM,
    GOAL_BROAD_MS,
    GOAL_BROAD_RATIO,
    GOAL_NARROW_MS,
    GOAL_PAGE_MS,
    GROWTH_PER_DECADE,
    NARROW_BELOW,
    QUERY_MIX,
    bench_database_name,
    corpus_ready,
    goal_met,
    growth_allowed,
    measure,
    naive_search,
    parse_sizes,
    query_class,
)
from kennisbank.constants import ItemType
from kennisbank.models import Item

SEARCH_URL = "/kennisbank/"
PAGE_GOAL = "p95 < {} ms".format


class Command(BaseCommand):
    help = (
        "Zoek- en paginabenchmark op aparte databases met een gegenereerd corpus "
        "(standaard 25.000 en 250.000 items)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-name",
            help="begin van de databasenamen (standaard: ingestelde database + _bench); "
            "per grootte komt er _<aantal> achter",
        )
        parser.add_argument(
            "--items",
            "--size",
            dest="items",
            default="25000,250000",
            help="corpusgrootte(s), komma-gescheiden; met twee groottes ook de 10×-regel",
        )
        parser.add_argument("--rebuild", action="store_true", help="corpus altijd opnieuw bouwen")
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        base = options["database_name"] or bench_database_name("bench")
        try:
            sizes = parse_sizes(options["items"])
        except ValueError as error:
            raise CommandError(f"--items: geef aantallen, bijv. 25000,250000 ({error})") from None
        configured = connection.settings_dict["NAME"]
        if any(f"{base}_{size}" == configured for size in sizes):
            raise CommandError(
                "De benchmark leegt de itemtabel; geef een andere database dan de ingestelde."
            )
        runs = options["runs"]
        results = {}
        for size in sizes:
            corpus_ready(
                name=f"{base}_{size}",
                size=size,
                seed=options["seed"],
                rebuild=options["rebuild"],
                log=self.stdout.write,
            )
            # Production-like request handling: no query log, no debug templates. Without the
            # read cache (kennisbank/read_cache.py): this measures the search itself, which the
            # same few requests repeated would otherwise only measure once.
            settings.KENNISBANK_READ_CACHE_SECONDS = 0
            settings.DEBUG = False
            connection.force_debug_cursor = False
            self.stdout.write(f"\n=== {size:,} items ===")
            results[size] = self._run(runs, is_largest=size == sizes[-1])
            self.stdout.write("")
        failures = [label for label, ok in results[sizes[-1]].items() if not ok[1]]
        if len(sizes) > 1:
            failures += self._growth(sizes[0], sizes[-1], results)
        self.stdout.write(
            f"\nTijden in ms over {runs} verzoeken na opwarmrondes (django.test.Client, hele "
            f"Django-stack, één proces). Klasse naar aandeel: smal < {NARROW_BELOW:.0%}, breed ≥ "
            f"{BROAD_FROM:.0%}. Doelen bij de grootste omvang: smal en midden p95 < "
            f"{GOAL_NARROW_MS} ms; breed p95 < {GOAL_BROAD_MS} ms en hoogstens "
            f"{GOAL_BROAD_RATIO:.0%} van naïeve SQL (ratio = p95 / naïef p95); elke pagina p95 < "
            f"{GOAL_PAGE_MS} ms; 10× zoveel items mag hoogstens {GROWTH_PER_DECADE:g}× zo lang "
            "duren (p95). Metingen op een gedeelde machine schommelen: vergelijk alleen runs "
            "onder dezelfde omstandigheden."
        )
        if failures:
            self.stdout.write(self.style.WARNING(f"Niet gehaald: {', '.join(failures)}"))
        else:
            self.stdout.write(self.style.SUCCESS("Alle doelen gehaald."))

    def _run(self, runs: int, *, is_largest: bool) -> dict[str, tuple[float, bool]]:
        """Measure the query mix and the pages; {label: (p95, goal met)}."""
        client = Client(SERVER_NAME="localhost")
        warmup = min(3, runs)
        published = Item.objects.published().count()
        with connection.cursor() as cursor:
            cursor.execute("SELECT version(), current_setting('shared_buffers')")
            version, buffers = cursor.fetchone()
        self.stdout.write(f"{version.split(',')[0]}, shared_buffers {buffers}")
        self.stdout.write(f"{published:,} gepubliceerde items\n")

        header = (
            f"{'zoekvraag / pagina':34} {'klasse':7} {'treffers':>16} {'p50':>7} {'p95':>7} "
            f"{'naïef p50':>10} {'naïef p95':>10} {'ratio':>6}  doel"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        results = {}
        for label, params in QUERY_MIX:
            matches, naive_run = naive_search(params)
            kind = query_class(matches / published)
            ours = measure(
                lambda p=params: self._get(client, SEARCH_URL, p), runs=runs, warmup=warmup
            )
            naive = measure(naive_run, runs=runs, warmup=warmup)
            ratio = ours.p95 / naive.p95 if naive.p95 else 0
            ok = goal_met(kind, ours, ratio)
            results[label] = (ours.p95, ok)
            share = f"{matches:,} ({100 * matches / published:.1f}%)"
            verdict = "ok" if ok else "NIET GEHAALD"
            self.stdout.write(
                f"{label:34} {kind:7} {share:>16} {ours.p50:7.1f} {ours.p95:7.1f} "
                f"{naive.p50:10.1f} {naive.p95:10.1f} {ratio:6.2f}  {verdict}"
            )

        self.stdout.write("")
        for label, url in self._pages():
            timing = measure(lambda u=url: self._get(client, u, {}), runs=runs, warmup=warmup)
            ok = timing.p95 < GOAL_PAGE_MS
            results[label] = (timing.p95, ok)
            verdict = f"{'ok' if ok else 'NIET GEHAALD'} ({PAGE_GOAL(GOAL_PAGE_MS)})"
            self.stdout.write(
                f"{label:34} {'pagina':7} {'':>16} {timing.p50:7.1f} {timing.p95:7.1f} "
                f"{'':>10} {'':>10} {'':>6}  {verdict}"
            )
        return results

    @staticmethod
    def _pages() -> list[tuple[str, str]]:
        """Every public page type of the kennisbank that grows with the collection."""
        published = Item.objects.published().order_by("-published_on", "-id")
        pages = [("home", "/")]
        for item_type in ItemType:
            item = published.filter(type=item_type).first()
            if item is not None:
                pages.append((f"detail: {item_type.label.lower()}", item.get_absolute_url()))
        pages += [
            ("bijeenkomsten", "/kennisbank/bijeenkomsten/"),
            ("dossiers", "/kennisbank/dossiers/"),
            ("meest overgenomen", "/kennisbank/meest-overgenomen/"),
            ("feed", "/kennisbank/feed/"),
            ("zoeken zonder zoekterm", SEARCH_URL),
            ("zoeken zonder zoekterm, 2 filters", SEARCH_URL + "?thema=wonen&provincie=utrecht"),
        ]
        return pages

    def _growth(self, small: int, large: int, results) -> list[str]:
        """The 10× rule: p95 at the large size against the small one."""
        allowed = growth_allowed(small, large)
        self.stdout.write(
            f"Groei van {small:,} naar {large:,} items (toegestaan: ×{allowed:.1f} in p95)"
        )
        header = f"{'zoekvraag / pagina':34} {f'p95 {small:,}':>12} {f'p95 {large:,}':>12} {'×':>6}"
        self.stdout.write(header + "  regel")
        self.stdout.write("-" * (len(header) + 14))
        failures = []
        for label, (large_p95, _) in results[large].items():
            if label not in results[small]:
                continue
            small_p95 = results[small][label][0]
            factor = large_p95 / small_p95 if small_p95 else 0
            ok = factor <= allowed
            if not ok:
                failures.append(f"{label} (×{factor:.1f})")
            self.stdout.write(
                f"{label:34} {small_p95:12.1f} {large_p95:12.1f} {factor:6.1f}  "
                f"{'ok' if ok else 'NIET GEHAALD'}"
            )
        return failures

    @staticmethod
    def _get(client: Client, url: str, params: dict) -> None:
        response = client.get(url, params)
        if response.status_code != 200:
            raise CommandError(f"{url} {params} gaf {response.status_code}")
