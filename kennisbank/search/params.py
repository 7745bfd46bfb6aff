"""Search parameters: the limits, the facets and the validated request (`SearchParams`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

PAGE_SIZE = 20
MAX_RESULTS = 500  # per sort order; also the ranking pool per tier
MAX_PAGES = MAX_RESULTS // PAGE_SIZE
MAX_QUERY_LENGTH = 200
MAX_VARIANTS = 8
PREFIX_MIN_LENGTH = 4

SORT_RELEVANCE = "relevantie"
SORT_DATE = "datum"

# Headline markers: private-use characters that survive ts_headline; the text around them is
# escaped before they become <mark> tags, so no HTML from the source can get through.
_MARK_START = "\ue000"
_MARK_STOP = "\ue001"


# --- parameters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetSpec:
    key: str  # FACET_PREFIX key
    param: str  # GET parameter
    field: str  # SearchParams attribute
    label: Promise


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec("type", "soort", "types", gettext_lazy("Soort")),
    FacetSpec("theme", "thema", "themes", gettext_lazy("Thema")),
    FacetSpec("province", "provincie", "provinces", gettext_lazy("Provincie")),
    FacetSpec("municipality", "gemeente", "municipalities", gettext_lazy("Gemeente")),
    FacetSpec("model", "vorm", "models", gettext_lazy("Samenwerkingsvorm")),
    FacetSpec("task_type", "taaktype", "task_types", gettext_lazy("Taaktype")),
    FacetSpec("motive", "motief", "motives", gettext_lazy("Motief")),
    FacetSpec("evidence", "bewijs", "evidence_levels", gettext_lazy("Bewijskracht")),
    FacetSpec("year", "jaar", "years", gettext_lazy("Jaar")),
)
FACETS_BY_KEY = {spec.key: spec for spec in FACETS}


@dataclass(frozen=True)
class SearchParams:
    """A validated search request; facet values are the URL values (slugs, codes, keys)."""

    q: str = ""
    types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    task_types: tuple[str, ...] = ()
    motives: tuple[str, ...] = ()
    evidence_levels: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    sort: str = ""  # "" = the default for the query
    page: int = 1

    def selected(self, key: str) -> tuple[str, ...]:
        return getattr(self, FACETS_BY_KEY[key].field)

    @property
    def effective_sort(self) -> str:
        if not self.q:
            return SORT_DATE
        return self.sort or SORT_RELEVANCE

    def without(self, key: str, value: str | None = None) -> SearchParams:
        """These parameters minus one facet value (or the whole facet), back on page 1."""
        spec = FACETS_BY_KEY[key]
        kept = () if value is None else tuple(v for v in self.selected(key) if v != value)
        return replace(self, **{spec.field: kept}, page=1)

    def query_string(self, **changes: object) -> str:
        """The canonical URL query for these parameters ("?q=…&soort=…"), with changes."""
        params = replace(self, **changes) if changes else self
        pairs: list[tuple[str, str]] = []
        if params.q:
            pairs.append(("q", params.q))
        for spec in FACETS:
            pairs.extend((spec.param, value) for value in params.selected(spec.key))
        if params.sort:
            pairs.append(("sorteer", params.sort))
        if params.page > 1:
            pairs.append(("page", str(params.page)))
        return "?" + urlencode(pairs) if pairs else "?"
