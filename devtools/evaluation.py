"""The relevance evaluation against the database: the judged items written as published items,
and the real search run on the judged queries (the metrics are the pure kennisbank.relevance)."""

from collections.abc import Sequence

from kennisbank import relevance
from kennisbank.constants import Status
from kennisbank.models import Item
from kennisbank.search import SearchParams, search
from kennisbank.services.items import search_terms_refresh


def load_collection(items: Sequence[relevance.JudgedItem]) -> dict[int, str]:
    """Write the judged items as published kennisbank items; returns item id -> key."""
    created = Item.objects.bulk_create(
        Item(
            type=item.type,
            title=item.title,
            slug=f"relevantie-{item.key}",
            summary=item.summary,
            body=item.body,
            published_on=item.published_on,
            status=Status.PUBLISHED,
            facets=[f"k:{item.type}", f"y:{item.published_on.year}"],
        )
        for item in items
    )
    search_terms_refresh()
    return {row.pk: item.key for row, item in zip(created, items, strict=True)}


def evaluate(queries: Sequence[relevance.JudgedQuery], keys: dict[int, str]) -> relevance.Report:
    return relevance.evaluate(queries, keys, run=lambda text: search(SearchParams(q=text)))
