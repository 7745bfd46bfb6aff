"""The netwerkregie benchmark: server time and queries of the region view on the real register."""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netwerk.models import Collaboration, Membership
from netwerk.register.opendata.loading import reference_data_load
from netwerk.register.services.regions import region_choices
from portal.models import Municipality

GOAL_SECONDS = 1.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


class Command(BaseCommand):
    help = (
        "Meet de regiopagina voor alle 342 gemeenten (heel Nederland) op het echte register: "
        "servertijd p50/p95 en aantal queries; daarnaast elke provincie, COROP-gebied en "
        "veiligheidsregio en de gemeentepagina's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=30, help="metingen van heel Nederland")
        parser.add_argument(
            "--pages",
            type=int,
            default=None,
            help="hoeveel regio- en gemeentepagina's (standaard alle); klein voor een snelle test",
        )
        parser.add_argument(
            "--strict", action="store_true", help="fout als het doel (< 1 s) niet gehaald wordt"
        )

    def handle(self, *args, runs=30, strict=False, pages=None, **options):
        reference_data_load()  # quick when the register is current
        self.stdout.write(
            f"Register: {Municipality.objects.current().count()} gemeenten, "
            f"{Collaboration.objects.active().count()} lopende samenwerkingsverbanden, "
            f"{Membership.objects.count()} deelnemers."
        )
        client = Client(HTTP_HOST="localhost")
        country = reverse("netwerk:country")
        times, queries, size = self.measure(client, [country] * runs, warm=3)
        self.report("Heel Nederland (342 gemeenten)", times, queries, size)

        regions = region_choices()
        urls = [
            reverse("netwerk:region", args=[kind, code])
            for kind in ("provincie", "corop", "veiligheidsregio")
            for code, _ in regions[kind]
        ]
        urls = urls[:pages] if pages else urls
        region_times, region_queries, _ = self.measure(client, urls, warm=1)
        self.report(
            f"{len(urls)} provincies, COROP-gebieden en veiligheidsregio's",
            region_times,
            region_queries,
        )

        municipalities = Municipality.objects.current().order_by("code")[:pages]
        urls = [m.get_network_url() for m in municipalities]
        page_times, page_queries, _ = self.measure(client, urls, warm=1)
        self.report(f"{len(urls)} gemeentepagina's", page_times, page_queries)

        p95 = percentile(times, 0.95)
        constant = len(set(queries) | set(region_queries)) == 1
        verdict = "gehaald" if p95 < GOAL_SECONDS and constant else "NIET gehaald"
        self.stdout.write(
            f"Doel: heel Nederland p95 < {GOAL_SECONDS:.0f} s met een vast aantal queries "
            f"(gelijk voor elke regio): {verdict}."
        )
        if strict and verdict != "gehaald":
            raise CommandError("Het doel van de benchmark is niet gehaald.")

    def measure(self, client, urls, warm):
        for url in urls[:warm]:
            client.get(url, secure=True)
        times, queries, size = [], [], 0
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url, secure=True)
                times.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise CommandError(f"{url} gaf {response.status_code}")
            queries.append(len(captured))
            size = max(size, len(response.content))
        return times, queries, size

    def report(self, label, times, queries, size=None):
        line = (
            f"{label}: {len(times)} metingen, p50 {statistics.median(times) * 1000:.0f} ms, "
            f"p95 {percentile(times, 0.95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; "
            f"queries {min(queries)}–{max(queries)}"
        )
        if size:
            line += f"; pagina {size / 1024:.0f} kB"
        self.stdout.write(line)
