"""`manage.py bench_load` (make bench-load): the site under concurrent load, as deployed.

1. Makes sure the search benchmark's corpus database for --items (default 250,000) is there
   (the same database `make bench` uses: configured name + "_bench_<items>"), with the
   netwerk register loaded for the region view.
2. Starts gunicorn as the README deploys it (`gunicorn portal.wsgi --workers 3`, DEBUG=0) on a
   free loopback port against that database.
3. Runs wrk (Debian's HTTP load generator) per scenario at 1, 8 and 32 concurrent clients for
   --duration seconds each: home, search (narrow, medium, broad: each a mix of queries of that
   class, so no single cached answer is measured), detail pages and the netwerk region view.
   Reports requests per second and p95 latency as wrk measures them (client side, the whole
   HTTP round trip), and fails if any answer is not 200.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.urls import reverse

from devtools.bench.search import RARE_SUBJECTS, bench_database_name, corpus_ready
from kennisbank.models import Item
from netwerk.register.opendata.loading import reference_data_load
from netwerk.register.services.regions import region_choices

LUA_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "load.lua"

MEDIUM_QUERIES = (
    "jeugdzorg",
    "afvalinzameling",
    '"inkoop van jeugdzorg"',
    "belastingen",
    "ondermijning",
    "woningbouw",
    "energietransitie",
    "GR",
)
BROAD_QUERIES = ("samenwerking", "gemeenten regio", "gemeenten", "samenwerking kosten")


def search_paths(queries) -> list[str]:
    return ["/kennisbank/?" + urlencode({"q": q}) for q in queries]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Command(BaseCommand):
    help = (
        "Belastingtest: gunicorn zoals in de README, wrk met 1, 8 en 32 gelijktijdige "
        "clients; verzoeken per seconde en p95 per paginasoort (standaard 250.000 items)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=250_000)
        parser.add_argument("--database-name", help="zoals bij bench_search (standaard _bench)")
        parser.add_argument("--clients", default="1,8,32", help="gelijktijdige clients")
        parser.add_argument("--duration", type=int, default=10, help="seconden per meting")
        parser.add_argument("--workers", type=int, default=3, help="gunicorn-workers")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--no-cache",
            action="store_true",
            help="zonder de leescache (kennisbank/read_cache.py), om voor en na te vergelijken",
        )

    def handle(self, *args, **options):
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError("wrk ontbreekt: apt-get install wrk (make bench-load doet dat).")
        clients = [int(c) for c in options["clients"].split(",") if c.strip()]
        size = options["items"]
        name = f"{options['database_name'] or bench_database_name('bench')}_{size}"
        if name == connection.settings_dict["NAME"]:
            raise CommandError("Geef een eigen database: de benchmark leegt de itemtabel.")
        corpus_ready(name=name, size=size, seed=options["seed"], log=self.stdout.write)
        reference_data_load()  # the region view needs the register; quick when current
        scenarios = self._scenarios()

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = self._start(port, name, options["workers"], cache=not options["no_cache"])
        try:
            self._wait(base_url)
            for _label, paths in scenarios:  # every path answers (and is warm) before timing
                for path in paths:
                    self._check(base_url + path)
            self.stdout.write(
                f"\ngunicorn portal.wsgi --workers {options['workers']} (DEBUG=0) op {base_url}, "
                f"leescache {'uit' if options['no_cache'] else 'aan'}, "
                f"{Item.objects.published().count():,} gepubliceerde items; wrk "
                f"{options['duration']} s per meting\n"
            )
            header = f"{'scenario':16} {'paden':>5}" + "".join(
                f" | {f'{c} client' + ('s' if c > 1 else ''):>19}" for c in clients
            )
            sub = f"{'':16} {'':>5}" + "".join(f" | {'req/s':>8} {'p95 ms':>10}" for _ in clients)
            self.stdout.write(header)
            self.stdout.write(sub)
            self.stdout.write("-" * len(sub))
            errors = []
            for label, paths in scenarios:
                cells = []
                for c in clients:
                    result = self._wrk(wrk, base_url, paths, c, options["duration"])
                    # wrk stops, but gunicorn still works through the requests queued at its
                    # socket; the next measurement starts only when they are done.
                    self._check(base_url + "/")
                    rps = result["requests"] / (result["duration_us"] / 1e6)
                    p95 = f"{result['p95_us'] / 1000:10.1f}" if result["requests"] else f"{'–':>10}"
                    cells.append(f" | {rps:8.1f} {p95}")
                    if result["status_errors"] or result["socket_errors"]:
                        errors.append(f"{label} bij {c}: {result}")
                self.stdout.write(f"{label:16} {len(paths):>5}" + "".join(cells))
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        self.stdout.write(
            "\nreq/s: afgehandelde verzoeken per seconde; p95: 95e percentiel van de responstijd "
            "zoals wrk die meet (hele HTTP-rondgang). Elk scenario wisselt tussen zijn paden. "
            "Op een gedeelde machine schommelen de cijfers: vergelijk alleen runs onder "
            "dezelfde omstandigheden."
        )
        if errors:
            raise CommandError("Niet elk antwoord was 200: " + "; ".join(errors))

    def _scenarios(self) -> list[tuple[str, list[str]]]:
        details = [
            item.get_absolute_url()
            for item in Item.objects.published().order_by("-published_on", "-id")[:20]
        ]
        regions = [reverse("netwerk:country")] + [
            reverse("netwerk:region", args=["provincie", code])
            for code, _ in region_choices()["provincie"][:4]
        ]
        return [
            ("home", ["/"]),
            ("zoeken smal", search_paths(RARE_SUBJECTS)),
            ("zoeken midden", search_paths(MEDIUM_QUERIES)),
            ("zoeken breed", search_paths(BROAD_QUERIES)),
            ("detailpagina", details),
            ("regio (netwerk)", regions),
        ]

    def _start(self, port: int, name: str, workers: int, *, cache: bool) -> subprocess.Popen:
        """gunicorn as the README deploys it: production settings after collectstatic."""
        params = connection.settings_dict
        user = quote(params.get("USER") or "")
        password = quote(params.get("PASSWORD") or "")
        auth = f"{user}:{password}@" if password else f"{user}@" if user else ""
        host = params.get("HOST") or "127.0.0.1"
        port_part = f":{params['PORT']}" if params.get("PORT") else ""
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"postgres://{auth}{host}{port_part}/{name}",
            "LOG_LEVEL": "WARNING",
            "KENNISBANK_READ_CACHE_SECONDS": "300" if cache else "0",
        }
        root = Path(__file__).resolve().parents[3]
        # The deploy steps that matter here: migrate (with production settings it also makes
        # the database cache's table) and collectstatic.
        for step in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
            subprocess.run(
                [sys.executable, "manage.py", *step, "-v0"], env=env, cwd=root, check=True
            )
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "portal.wsgi", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", str(workers), "--log-level", "warning"]
        return subprocess.Popen(command, env=env, cwd=root)

    @staticmethod
    def _request(url: str):
        request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
        return urllib.request.urlopen(request, timeout=300)

    def _wait(self, base_url: str) -> None:
        deadline = time.monotonic() + 60
        while True:
            try:
                self._request(base_url + "/").close()
                return
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    raise CommandError("gunicorn startte niet binnen 60 s") from None
                time.sleep(0.5)

    def _check(self, url: str) -> None:
        try:
            with self._request(url) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise CommandError(f"{url} gaf {error.code}") from None

    @staticmethod
    def _wrk(wrk: str, base_url: str, paths: list[str], clients: int, duration: int) -> dict:
        command = [wrk, "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{duration}s"]
        command += ["--timeout", "10s", "-s", str(LUA_SCRIPT), base_url + "/"]
        env = {**os.environ, "BENCH_PATHS": "|".join(paths)}
        output = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        return json.loads(output.stdout.strip().splitlines()[-1])
