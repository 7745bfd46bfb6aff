"""Add the new rows of the synonym list (abbreviations and paraphrase families) to existing
installations; only pairs that are missing are added, so editors' rows stay.

Frozen: data/0012_synonyms.csv is the list as kennisbank.reference read it for this migration."""

import csv
from pathlib import Path

from django.db import migrations

SYNONYMS_CSV = Path(__file__).resolve().parent / "data" / "0012_synonyms.csv"


def seed(apps, schema_editor):
    Synonym = apps.get_model("kennisbank", "Synonym")
    with SYNONYMS_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            Synonym.objects.get_or_create(
                term=row["term"],
                expansion=row["expansion"],
                defaults={"exact_uppercase_only": row["expand_only_exact_uppercase"] == "yes"},
            )


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0011_event_end_index_with_statistics")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
