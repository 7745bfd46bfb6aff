"""`manage.py bench_contributions` (make bench-contributions): members' contributions at volume.

1. Switches to a separate database (default: the configured name + "_bench_contrib" on the same
   server), creates it if missing and migrates it; the configured database is never touched, nor
   the search benchmark's corpus (configured name + "_bench").
2. Builds the volume (devtools/bench/contributions.py): a discussion of 200 threaded replies,
   20,000 practice examples with 3,000 adoptions and 2,000 adoption marks, an event with 500
   registered and 300 waiting, 1,000 digest readers with 2 saved searches and 3 follows each
   and 500 items published since their previous digest.
3. Times the pages through the full Django stack (django.test.Client), one digest run with the
   locmem mail backend, and 100 concurrent registrations for 30 places.
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from devtools.bench import contributions as bench
from devtools.bench.search import bench_database_name, database_use


class Command(BaseCommand):
    help = (
        "Benchmark van de bijdragen van leden (discussie, meest overgenomen, bijeenkomst, "
        "digest, gelijktijdige aanmeldingen) op een aparte database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-name", help="standaard: naam van de ingestelde database + _bench_contrib"
        )
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--items",
            type=int,
            default=bench.Volume.practices,
            help="aantal praktijkvoorbeelden; de rest van het volume schaalt mee",
        )
        parser.add_argument(
            "--tiny", action="store_true", help="een heel klein volume, om de command te testen"
        )

    def handle(self, *args, **options):
        name = options["database_name"] or bench_database_name("bench_contrib")
        if name in (connection.settings_dict["NAME"], bench_database_name("bench")):
            raise CommandError(
                "De benchmark leegt de item- en gebruikerstabellen; geef een eigen database."
            )
        database_use(name=name, log=self.stdout.write)
        self.stdout.write(f"Database {name}: migreren …")
        call_command("migrate", verbosity=0, interactive=False)

        volume = bench.TINY if options["tiny"] else bench.volume_for(options["items"])
        # Production-like request handling: no query log, no debug templates.
        settings.DEBUG = False
        connection.force_debug_cursor = False
        # One INFO line per mail task would bury the table.
        logging.getLogger("django.tasks").setLevel(logging.WARNING)
        started = time.monotonic()
        self.stdout.write("Gegevens opbouwen …")
        results = bench.run(
            volume=volume, runs=options["runs"], seed=options["seed"], log=self.stdout.write
        )
        self.stdout.write("")
        for line in bench.table(results):
            self.stdout.write(line)
        self.stdout.write(
            f"\nTijden in ms over {options['runs']} verzoeken na 3 opwarmrondes (Client, hele "
            "Django-stack); queries van één verzoek. Digest en aanmeldingen: één run. "
            f"Totaal {time.monotonic() - started:.0f} s."
        )
