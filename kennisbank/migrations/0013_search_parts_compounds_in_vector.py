"""Compound parts in the index: Item.search_parts (filled by kennisbank.services) joins the
stored search vector with weight D. PostgreSQL 15 cannot change a generated column's
expression, so the column and its GIN index are dropped and built again (the whole table is
rewritten once), and the vector keeps the in-row storage that migration 0005 gave it."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

STORAGE_MAIN = "ALTER TABLE kennisbank_item ALTER COLUMN search_vector SET STORAGE MAIN"


def vector(*fields):
    parts = [
        django.contrib.postgres.search.SearchVector(name, config="nl_unaccent", weight=weight)
        for name, weight in fields
    ]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined + part
    return models.GeneratedField(
        db_persist=True,
        expression=combined,
        output_field=django.contrib.postgres.search.SearchVectorField(),
    )


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0012_paraphrase_synonyms")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="search_parts",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RemoveIndex(model_name="item", name="item_search_vector_gin"),
        migrations.RemoveField(model_name="item", name="search_vector"),
        migrations.AddField(
            model_name="item",
            name="search_vector",
            field=vector(("title", "A"), ("summary", "B"), ("body", "C"), ("search_parts", "D")),
        ),
        migrations.AddIndex(
            model_name="item",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="item_search_vector_gin"
            ),
        ),
        migrations.RunSQL(STORAGE_MAIN, migrations.RunSQL.noop),
    ]
