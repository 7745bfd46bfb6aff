"""Add the new rows of the synonym list (abbreviations and paraphrase families) to existing
installations; load_synonyms only adds pairs that are missing, so editors' rows stay."""

from django.db import migrations


def seed(apps, schema_editor):
    from kennisbank.reference import load_synonyms

    load_synonyms(apps.get_model("kennisbank", "Synonym"))


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0011_event_end_index_with_statistics")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
