"""What a search returns: hits, facets with counts, the page, active filters and sort options."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .params import FACETS, SORT_DATE, SORT_RELEVANCE, SearchParams
from .query import Expansion

# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    id: int
    type: str
    type_label: str
    title: str
    title_html: SafeString
    url: str
    published_on: dt.date
    snippet: SafeString
    rank: float | None = None
    tier: int | None = None
    starts_at: dt.datetime | None = None  # events are listed by their date, not publication


def _format_count(count: int) -> str:
    return formats.number_format(count, force_grouping=True)


def _round_estimate(value: float) -> int:
    if value < 10:
        return max(1, round(value))
    digits = math.floor(math.log10(value)) - 1
    return int(round(value, -digits))


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    estimate_scale: float = 1.0  # > 1: estimated from a sample of one in this many rows

    @property
    def estimated(self) -> bool:
        return self.estimate_scale > 1

    @property
    def display_count(self) -> str:
        if not self.estimated:
            return _format_count(self.count)
        if self.count == 0:
            # Not in the sample: with ~95 % certainty fewer than three samples' worth.
            return "< " + _format_count(_round_estimate(3 * self.estimate_scale))
        return _("ca. %(n)s") % {"n": _format_count(_round_estimate(self.count))}


@dataclass(frozen=True)
class Facet:
    key: str
    param: str
    label: str
    values: tuple[FacetValue, ...]

    @property
    def selected_values(self) -> tuple[FacetValue, ...]:
        return tuple(v for v in self.values if v.selected)

    @property
    def shown_values(self) -> tuple[FacetValue, ...]:
        """Values worth a click: with results (or possibly some, when estimated) or chosen."""
        return tuple(v for v in self.values if v.count or v.selected or v.estimated)

    @property
    def empty_values(self) -> tuple[FacetValue, ...]:
        """Values that would give nothing: folded away on the page."""
        return tuple(v for v in self.values if not (v.count or v.selected or v.estimated))


@dataclass(frozen=True)
class ResultPage:
    """What templates/includes/pagination.html needs from a page."""

    number: int
    num_pages: int

    @property
    def paginator(self) -> ResultPage:
        return self

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass(frozen=True)
class SearchResult:
    params: SearchParams
    hits: tuple[Hit, ...]
    total: int
    total_estimated: bool
    page: ResultPage
    facets: tuple[Facet, ...]
    sort: str
    suggestion: str | None = None
    expansions: tuple[Expansion, ...] = ()
    notices: tuple[str, ...] = ()
    truncated: bool = False  # more results than paging reaches
    # A plain query of several words that finds fewer than a page: items with some of the words.
    partial_hits: tuple[Hit, ...] = ()
    # A search that finds fewer than ten: items like the best hits (see _related_ids).
    related_hits: tuple[Hit, ...] = ()

    @property
    def display_total(self) -> str:
        if self.total_estimated:
            return _("ca. %(n)s") % {"n": _format_count(_round_estimate(self.total))}
        return _format_count(self.total)

    @property
    def suggestion_query_string(self) -> str:
        return self.params.query_string(q=self.suggestion, page=1) if self.suggestion else ""

    @property
    def active_filters(self) -> list[ActiveFilter]:
        return [
            ActiveFilter(
                facet=facet.label,
                label=value.label,
                remove_query_string=self.params.without(facet.key, value.value).query_string(),
            )
            for facet in self.facets
            for value in facet.selected_values
        ]

    @property
    def clear_filters_query_string(self) -> str:
        return self.params.query_string(**{spec.field: () for spec in FACETS}, page=1)

    @property
    def sort_options(self) -> list[SortOption]:
        """Both orders, for a query; without one only the date order makes sense."""
        if not self.params.q:
            return []
        return [
            SortOption(
                key, str(label), self.params.query_string(sort=key, page=1), key == self.sort
            )
            for key, label in (
                (SORT_RELEVANCE, gettext_lazy("Relevantie")),
                (SORT_DATE, gettext_lazy("Datum (nieuwste eerst)")),
            )
        ]


@dataclass(frozen=True)
class ActiveFilter:
    facet: str
    label: str
    remove_query_string: str


@dataclass(frozen=True)
class SortOption:
    key: str
    label: str
    query_string: str
    current: bool
