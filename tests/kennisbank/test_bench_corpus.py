"""The search benchmark's corpus writer (devtools/bench/search.py): new fields cannot break it,
and a build that dies half-way never leaves the item table without its indexes."""

import pytest
from django.db import connection

from devtools.bench.search import (
    CorpusGenerator,
    build_corpus,
    indexes_restore,
    item_columns,
    missing_indexes,
)
from kennisbank.models import Item
from tests.reference import ensure_reference_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference():
    ensure_reference_data()


def test_every_stored_field_gets_a_value_from_the_generator_or_the_model_default(reference):
    stored = {f.column for f in Item._meta.concrete_fields if not f.generated}
    assert set(item_columns()) == stored

    build_corpus(size=20, log=str)

    item = Item.objects.get(pk=1)
    assert item.slug == "bench-1"
    assert item.advice == "" and item.evidence_level == ""  # fields the generator never heard of
    assert item.discussion_public is False
    assert missing_indexes() == []


def test_a_crash_half_way_keeps_the_previous_corpus_with_every_index(reference, monkeypatch):
    build_corpus(size=30, log=str)
    rows = CorpusGenerator.rows

    def crashing(self, count, start_id=1):
        for n, row in enumerate(rows(self, count, start_id)):
            if n == 40:
                raise KeyboardInterrupt  # Ctrl-C while the rows stream in
            yield row

    monkeypatch.setattr(CorpusGenerator, "rows", crashing)
    with pytest.raises(KeyboardInterrupt):
        build_corpus(size=60, log=str, batch=25)

    assert missing_indexes() == []
    assert Item.objects.count() == 30


def test_a_missing_index_is_rebuilt_from_the_model(reference):
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX item_search_vector_gin")
        cursor.execute('DROP INDEX "kennisbank_item_published_on_df9107b6"')
    assert set(missing_indexes()) == {"item_search_vector_gin", "published_on"}

    assert indexes_restore(log=str)
    assert missing_indexes() == []
