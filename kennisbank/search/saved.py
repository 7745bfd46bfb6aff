"""Saved searches: a search's filters as one condition, for follows and digests."""

from __future__ import annotations

from django.db.models import (
    Q,
)

from .params import FACETS, SearchParams
from .query import build_query
from .reference import Reference

# --- saved searches ------------------------------------------------------------------------------


def matching_condition(params: SearchParams, reference: Reference) -> Q:
    """The items a search matches, as one condition, for digests and feeds of saved searches.

    The same text query and facet filters as search(), without ranking, counting or paging; the
    caller starts from Item.objects.published() and orders by the moment of publication.
    """
    condition = Q()
    if params.q:
        condition &= Q(search_vector=build_query(params.q, reference.synonyms).expression)
    for spec in FACETS:
        values = params.selected(spec.key)
        if values:
            condition &= Q(facets__overlap=[reference.token(spec.key, v) for v in values])
    return condition
