"""`manage.py eval_search` (make eval-search): search relevance on the judged set.

Switches to a separate database (default: the configured database's name + _eval_search, so
two checkouts with their own DATABASE_URL never share it), migrates it, loads the
reference data (synonyms) and replaces its kennisbank items by the judged collection
(fixtures/relevance/), then prints nDCG@10 and recall@10 per query and overall
(kennisbank/relevance.py).
"""

import io

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from devtools import evaluation
from devtools.bench.search import bench_database_name, database_use
from kennisbank import relevance


class Command(BaseCommand):
    help = "Meet de relevantie van het zoeken (nDCG@10, recall@10) op de beoordeelde set."

    def add_arguments(self, parser):
        parser.add_argument("--database-name", default=None)

    def handle(self, *args, **options):
        name = options["database_name"] or bench_database_name("eval_search")
        if name == connection.settings_dict["NAME"]:
            raise CommandError("De meting vervangt alle items; geef een eigen database.")
        database_use(name=name, log=self.stdout.write)
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_reference_data", verbosity=0, stdout=io.StringIO())

        from kennisbank.models import Item

        Item.objects.all().delete()
        items = relevance.read_items()
        queries = relevance.read_queries(items)
        keys = evaluation.load_collection(items)
        report = evaluation.evaluate(queries, keys)
        self.stdout.write(f"{len(items)} items, {len(queries)} zoekvragen\n")
        for line in report.lines():
            self.stdout.write(line)
