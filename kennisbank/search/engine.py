"""The search itself: plan, probe and count, rank and page, related items, suggestion, facets."""

from __future__ import annotations

import functools
import math
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from django.contrib.postgres.search import Lexeme, SearchHeadline, SearchQuery, SearchRank
from django.db import OperationalError, connections, router, transaction
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    CharField,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat, Mod
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portal import dutch

from ..constants import FACET_PREFIX, TYPE_PATHS, ItemType
from ..models import SEARCH_CONFIG, SEARCH_SAMPLE_BUCKETS, Item, title_vector
from .analysis import expand_query
from .params import (
    _MARK_START,
    _MARK_STOP,
    FACETS,
    MAX_PAGES,
    MAX_RESULTS,
    PAGE_SIZE,
    SORT_DATE,
    SORT_RELEVANCE,
    SearchParams,
)
from .query import BuiltQuery, _fold, build_query, parse_segments, plain_words
from .reference import NARROWER_BELOW, NARROWER_LIMIT, Reference, load_reference
from .results import Facet, FacetValue, Hit, ResultPage, SearchResult
from .sql import IsTrue, Matches, _markdown_as_text, _safe_headline, _sql, compile_expression

PREFIX_FALLBACK_BELOW = 2_000  # estimated matches of the word itself
MUNICIPALITY_TOP = 15
EXACT_COUNT_LIMIT = 5_000
SAMPLE_TARGET = 2_000
OPAQUE_SAMPLE_COST = 4  # checking a sampled row vs. reading a text index entry (measured)
DATE_WALK_FROM = 5_000  # estimated tier size from which its pool is found via the date index
PROBE_BUCKETS = 4  # of SEARCH_SAMPLE_BUCKETS: the probe looks at 1/256 of the items
SUGGEST_MIN_SIMILARITY = 0.5
SUGGEST_BELOW = 10  # offer "Bedoelde u …?" when fewer results than this
STATEMENT_TIMEOUT_MS = 5000
WORK_MEM = "32MB"

# --- the search ---------------------------------------------------------------------------------


@dataclass
class _Plan:
    """The pieces shared by the queries of one search."""

    params: SearchParams
    reference: Reference
    built: BuiltQuery | None
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet key -> tokens

    @property
    def active(self) -> list[str]:
        return list(self.filters)

    def condition(self, key: str) -> Q:
        return Q(facets__overlap=self.filters[key])

    def all_filters(self) -> Q:
        return functools.reduce(operator.and_, (self.condition(k) for k in self.active), Q())

    def near_filters(self) -> Q:
        """Rows that fail at most one active filter: the only rows any facet count needs."""
        if len(self.active) <= 1:
            return Q()
        return functools.reduce(
            operator.or_,
            (
                functools.reduce(operator.and_, (self.condition(o) for o in self.active if o != k))
                for k in self.active
            ),
        )

    def in_title(self) -> Matches:
        return Matches(title_vector(), self.built.tier_expression)

    def in_head(self) -> Matches:
        return Matches(F("head_vector"), self.built.tier_expression)

    def text(self) -> Q:
        """The text condition (nothing without a query)."""
        return Q(search_vector=self.built.expression) if self.built is not None else Q()


def search(params: SearchParams, *, reference: Reference | None = None) -> SearchResult:
    """Run one search: the page of hits, the total, facet counts and a suggestion."""
    reference = reference or load_reference()
    notices: list[str] = []
    built = build_query(params.q, reference.synonyms) if params.q else None
    if built is not None:
        built = expand_query(built, params.q, reference.thesaurus, reference.thesaurus_broader)
    plan = _Plan(params=params, reference=reference, built=built)
    for spec in FACETS:
        values = params.selected(spec.key)
        if values:
            plan.filters[spec.key] = [reference.token(spec.key, v) for v in values]
    sort = params.effective_sort
    try:
        # On the read replica when the page reads from it (portal/routers.py).
        with transaction.atomic(using=router.db_for_read(Item)):
            if plan.built is not None:
                texts = tune_transaction(plan.built.expressions())
                plan.built = plan.built.with_literals(texts)
            else:
                tune_transaction()
            probe = _probe(plan)
            if plan.built and plan.built.has_prefix and probe.exact >= PREFIX_FALLBACK_BELOW:
                # The word is common enough on its own; its compounds would add cost and noise.
                plan.built = plan.built.without_prefix()
            if plan.built and sum(probe.tiers[:2]) >= NARROWER_BELOW:
                # The query's own words find plenty in titles and summaries: narrower terms
                # would add noise and cost.
                plan.built = plan.built.without_narrower()
            counted = _count(plan, probe)
            total = counted.total
            num_pages = max(1, min(math.ceil(total / PAGE_SIZE), MAX_PAGES))
            number = params.page
            if number > num_pages:
                if number > MAX_PAGES and total > MAX_RESULTS:
                    notices.append(
                        _("We tonen hoogstens %(n)s pagina's; u ziet de laatste.")
                        % {"n": MAX_PAGES}
                    )
                elif total:
                    notices.append(
                        _("Pagina %(page)s bestaat niet; u ziet pagina %(last)s.")
                        % {"page": number, "last": num_pages}
                    )
                number = num_pages
            ids = _page_ids(plan, sort, (number - 1) * PAGE_SIZE, probe)
            hits = _hits(plan, ids)
            partial: list[Hit] = []
            if plan.built and plan.built.groups and sort == SORT_RELEVANCE and total < PAGE_SIZE:
                partial = _hits(plan, _partial_ids(plan, probe, [pk for pk, _, _ in ids]))
            related: list[Hit] = []
            if (
                plan.built
                and sort == SORT_RELEVANCE
                and total < RELATED_BELOW
                and number == 1
                and not plan.built.has_negation
            ):
                related = _hits(
                    plan,
                    _related_ids(
                        plan,
                        probe,
                        [pk for pk, _, _ in ids],
                        [h.id for h in partial],
                        _names([h.title for h in (hits or partial)[:RELATED_SEEDS]], params.q),
                    ),
                )
                shown = {hit.id for hit in related}
                partial = [hit for hit in partial if hit.id not in shown]
            suggestion = _suggestion(plan, total)
    except OperationalError as exc:
        if "statement timeout" not in str(exc) and "canceling statement" not in str(exc):
            raise
        return SearchResult(
            params=params,
            hits=(),
            total=0,
            total_estimated=False,
            page=ResultPage(1, 1),
            facets=_facets(plan, _Counts({}, 1.0, 1.0)),
            sort=sort,
            expansions=built.expansions if built else (),
            notices=(
                *notices,
                _("Deze zoekopdracht duurde te lang. Maak hem specifieker of kies een filter."),
            ),
        )
    truncated = total > MAX_RESULTS and number == num_pages
    return SearchResult(
        params=replace(params, page=number),
        hits=tuple(hits),
        total=total,
        total_estimated=not counted.exact,
        page=ResultPage(number, num_pages),
        facets=_facets(plan, counted),
        sort=sort,
        suggestion=suggestion,
        expansions=plan.built.expansions if plan.built else (),
        notices=tuple(notices),
        truncated=truncated,
        partial_hits=tuple(partial),
        related_hits=tuple(related),
    )


def _connection():
    """The database this search reads from: the replica for the public search page, if any."""
    return connections[router.db_for_read(Item)]


def tune_transaction(queries: Sequence[SearchQuery] = ()) -> list[str]:
    """Session settings for the search queries, until the end of the current transaction; in
    the same round trip the text form of each of `queries` (see TsQueryLiteral)."""
    selects = [
        "set_config('work_mem', %s, true)",
        "set_config('jit', 'off', true)",
        "set_config('statement_timeout', %s, true)",
    ]
    params: list = [WORK_MEM, str(STATEMENT_TIMEOUT_MS)]
    for query in queries:
        sql, query_params = compile_expression(query)
        selects.append(f"({sql})::text")
        params.extend(query_params)
    with _connection().cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        return list(cursor.fetchone()[3:])


@dataclass(frozen=True)
class _Counts:
    """Facet counts from two row sets: rows passing every filter ("matching") and rows failing
    exactly one ("alternatives"), each counted exactly or from a sample scaled up."""

    tokens: dict[str, tuple[int, int]]  # token -> (matching rows, alternative rows) as counted
    matching_scale: float  # 1 = exact
    alternatives_scale: float

    def count(self, token: str) -> int:
        matching, alternatives = self.tokens.get(token, (0, 0))
        return round(matching * self.matching_scale + alternatives * self.alternatives_scale)

    def scale(self, facet_filtered: bool) -> float:
        """How coarse the counts of a facet are: alternatives only count for filtered facets."""
        return max(self.matching_scale, self.alternatives_scale if facet_filtered else 1.0)

    @property
    def total(self) -> int:
        return self.count("*")

    @property
    def exact(self) -> bool:
        return self.matching_scale == 1


@dataclass(frozen=True)
class _Probe:
    """Estimated sizes from 1/256 of the published items, to choose how to count and rank."""

    near: float  # rows any facet count needs
    all: float  # rows passing every filter
    tiers: tuple[float, float, float]  # matches in the title, the summary, only the body
    exact: float  # matches without the prefix fallback
    rows: float  # published items
    text: float  # published items matching the text, whatever the filters
    groups: tuple[float, ...] = ()  # matches of each word of a plain query on its own
    facet_entries: float = 0  # index entries of the chosen facet values: items per filter, summed


def _bucket() -> Mod:
    # Integer output, or Django compares as float and the index on MOD(id, …) goes unused.
    return Mod("id", Value(SEARCH_SAMPLE_BUCKETS), output_field=BigIntegerField())


def _probe(plan: _Plan) -> _Probe:
    # Every condition sits in an aggregate FILTER, so the scan is just the sample buckets (about
    # a thousand rows at 250,000 items) whatever the query: no text index scan to pay for.
    near = plan.text() & plan.near_filters()
    every = near & plan.all_filters()
    aggregates = {
        "rows": Count("id"),
        "text": Count("id", filter=plan.text()),
        "near": Count("id", filter=near),
        "all": Count("id", filter=every),
        **{f"f_{key}": Count("id", filter=plan.condition(key)) for key in plan.active},
    }
    if plan.built is not None:
        aggregates["title"] = Count("id", filter=every & Q(plan.in_title()))
        aggregates["head"] = Count("id", filter=every & Q(plan.in_head()))
        if plan.built.has_prefix:
            exact = Matches(F("search_vector"), plan.built.exact_expression)
            aggregates["exact"] = Count("id", filter=every & Q(exact))
        for i, group in enumerate(plan.built.groups):
            in_group = Q(Matches(F("search_vector"), group))
            aggregates[f"g{i}"] = Count("id", filter=plan.all_filters() & in_group)
    counts = (
        Item.objects.published()
        .alias(sample_bucket=_bucket())
        .filter(sample_bucket__lt=PROBE_BUCKETS)
        .aggregate(**aggregates)
    )
    factor = SEARCH_SAMPLE_BUCKETS / PROBE_BUCKETS
    every_row = counts["all"] * factor
    title, head = counts.get("title", 0) * factor, counts.get("head", 0) * factor
    return _Probe(
        near=counts["near"] * factor,
        all=every_row,
        tiers=(title, head - title, every_row - head),
        exact=counts.get("exact", 0) * factor,
        rows=counts["rows"] * factor,
        text=counts["text"] * factor,
        groups=tuple(
            counts[f"g{i}"] * factor for i in range(len(plan.built.groups) if plan.built else 0)
        ),
        facet_entries=sum(counts[f"f_{key}"] for key in plan.active) * factor,
    )


def _count(plan: _Plan, probe: _Probe) -> _Counts:
    """Facet counts in one statement over the matching rows and the alternatives."""
    every = plan.all_filters()
    parts = [
        # Matching rows count for every token, and "*" counts them: the total.
        (plan.text(), every, probe.all, Value(None, output_field=CharField()), "m"),
    ]
    if plan.active:
        # A row failing one facet's filter counts only for that facet's tokens: each facet is
        # counted with the other filters applied, so its alternatives show what they would give.
        failed = Case(
            *(When(~plan.condition(k), then=Value(FACET_PREFIX[k] + ":")) for k in plan.active),
            default=Value(None),
            output_field=CharField(),
        )
        parts.append(
            (plan.text(), plan.near_filters() & ~every, probe.near - probe.all, failed, "a")
        )

    def sample_buckets(size: float) -> int:
        if size <= EXACT_COUNT_LIMIT:
            return SEARCH_SAMPLE_BUCKETS
        wanted = math.ceil(SEARCH_SAMPLE_BUCKETS * SAMPLE_TARGET / size)
        return max(1, min(SEARCH_SAMPLE_BUCKETS, wanted))

    # Too many matching rows: one sample for both sets (about SAMPLE_TARGET rows in all).
    # Otherwise the matching rows are counted exactly, and only the alternatives sampled.
    shared = sample_buckets(probe.near) if probe.all > EXACT_COUNT_LIMIT else None
    if shared and plan.active:
        # The same sample for both sets: read its rows once (see below), matching ones too.
        parts = [(plan.text(), plan.near_filters(), probe.near, parts[1][3], "ma")]
    scales, selects, params, ctes, cte_params = [], [], [], [], []
    for text, filters, size, failed, part in parts:
        buckets = shared or sample_buckets(size)
        rows = Item.objects.published()
        if buckets == SEARCH_SAMPLE_BUCKETS:
            rows = rows.filter(text & filters)
        else:
            rows = rows.alias(sample_bucket=_bucket()).filter(sample_bucket__lt=buckets)
            # Checking a sampled row costs a few times more than reading an index entry. A small
            # sample of a common word: check the rows one by one (the conditions hidden from the
            # planner), except that selective facet filters may narrow the sample down through
            # their index first; broad ones would cost more to read than the sample. A large
            # sample of a rarer word, or only facet filters: let the indexes narrow it down.
            sampled = probe.rows * buckets / SEARCH_SAMPLE_BUCKETS
            index_entries = probe.text if plan.built is not None else probe.near
            if sampled * OPAQUE_SAMPLE_COST >= index_entries:
                rows = rows.filter(text & filters)
            elif filters and probe.facet_entries < sampled * OPAQUE_SAMPLE_COST:
                rows = rows.filter(_opaque(text), filters)
            else:
                rows = rows.filter(_opaque(text & filters))
        if part == "m":
            sql, sql_params = _sql(rows.order_by().values("facets"))
            # Every token of a matching row, and "*" once per row: the total.
            selects.append(
                "SELECT u.tok, count(*), 0 FROM (SELECT"
                " unnest(r.facets || ARRAY['*']::varchar(40)[])"
                f" AS tok FROM ({sql}) AS r) AS u GROUP BY u.tok"
            )
        else:
            sql, sql_params = _sql(
                rows.annotate(failed=failed).order_by().values("facets", "failed")
            )
            # Only the tokens of the one facet the row fails. The rows are read once, and which
            # facet a row fails is worked out once per row, not once per token: then one
            # aggregate per facet picks its rows and its tokens by constant prefixes.
            ctes.append(f"a AS MATERIALIZED ({sql})")
            cte_params.extend(sql_params)
            sql_params = ()
            if part == "ma":  # rows failing no filter are the matching rows
                selects.append(
                    "SELECT u.tok, count(*), 0 FROM (SELECT"
                    " unnest(a.facets || ARRAY['*']::varchar(40)[]) AS tok FROM a"
                    " WHERE a.failed IS NULL) AS u GROUP BY u.tok"
                )
                scales.append(SEARCH_SAMPLE_BUCKETS / buckets)
            for key in plan.active:
                selects.append(
                    "SELECT u.tok, 0, count(*) FROM (SELECT unnest(a.facets) AS tok FROM a"
                    " WHERE a.failed = %s) AS u WHERE starts_with(u.tok, %s) GROUP BY u.tok"
                )
                sql_params += (FACET_PREFIX[key] + ":",) * 2
        scales.append(SEARCH_SAMPLE_BUCKETS / buckets)
        params.extend(sql_params)

    # Separate aggregates, each planned for its own rows (a hash aggregate over every token of
    # the matching rows; one combined statement misjudged the token count and sorted them all).
    tokens: dict[str, tuple[int, int]] = {}
    with _connection().cursor() as cursor:
        with_ctes = f"WITH {', '.join(ctes)} " if ctes else ""
        cursor.execute(with_ctes + " UNION ALL ".join(selects), [*cte_params, *params])
        for tok, matching, alternatives in cursor:
            before = tokens.get(tok, (0, 0))
            tokens[tok] = (before[0] + matching, before[1] + alternatives)
    return _Counts(tokens, scales[0], scales[1] if len(scales) > 1 else 1.0)


def _opaque(condition: Q) -> Q:
    """The same rows, but no index can serve the condition (see IsTrue)."""
    if not condition:
        return condition
    return Q(IsTrue(ExpressionWrapper(condition, output_field=BooleanField())))


def _newest_first(condition: Q, size: float) -> QuerySet:
    """Published items meeting a condition, newest first, planned for the expected size.

    Many matches: walk the date index and stop once enough are found (cheap, items are stored
    roughly in date order). The planner tends to misjudge combined text conditions and pick the
    GIN indexes instead, then fetching every match, so the condition is made opaque to it.
    Few matches: fetch them through the GIN indexes and sort; a date walk would read the whole
    table looking for rows that are not there, so "+ 0" keeps the planner off the date index.
    """
    published = Item.objects.published()
    if size >= DATE_WALK_FROM:
        return published.filter(_opaque(condition)).order_by("-published_on", "-id")
    newest = ExpressionWrapper(F("published_on") + Value(0), output_field=DateField())
    return published.filter(condition).order_by(newest.desc(), F("id").desc())


def _page_ids(
    plan: _Plan, sort: str, offset: int, probe: _Probe
) -> list[tuple[int, float | None, int | None]]:
    """(id, rank, tier) of the hits on the page, in order."""
    every = plan.all_filters()
    if plan.built is not None:
        every &= Q(search_vector=plan.built.expression)
    if sort == SORT_DATE or plan.built is None:
        ids = _newest_first(every, probe.all).values_list("id", flat=True)
        return [(pk, None, None) for pk in ids[offset : offset + PAGE_SIZE]]

    query = plan.built.expression
    # For positive queries a title/summary match implies a full match; with "-word" the body
    # may still hold the excluded word, so the full vector must agree too.
    head = plan.all_filters()
    if plan.built.has_negation:
        head &= Q(search_vector=query)
    in_title, in_head = Q(plan.in_title()), Q(plan.in_head())
    pools = [
        (head & in_title, "head_vector"),  # a title match is a head match
        (head & in_head & ~in_title, "head_vector"),
        (every & ~in_head, "search_vector"),
    ]
    query_sql, query_params = compile_expression(query)
    score_sql, score_params = _score_sql(plan, query_sql, query_params)
    need = offset + PAGE_SIZE
    ctes, params = [], []
    for tier, ((condition, vector), size) in enumerate(zip(pools, probe.tiers, strict=True), 1):
        pool = _newest_first(condition, size).values("id", "published_on", "type", vector)
        pool_sql, pool_params = _sql(pool[:MAX_RESULTS])
        if tier == 1:
            limit = "%s"
            limit_params: tuple = (need,)
        else:
            earlier = " UNION ALL ".join(f"SELECT 1 FROM t{t}" for t in range(1, tier))
            limit = f"(SELECT greatest(%s - count(*), 0) FROM ({earlier}) AS e)"
            limit_params = (need,)
        ctes.append(
            f"t{tier} AS (SELECT {tier} AS tier, p.id, p.published_on, "
            f"{score_sql.replace('{vector}', f'p.{vector}')} AS rank FROM ({pool_sql}) AS p "
            f"ORDER BY rank DESC, p.published_on DESC, p.id DESC LIMIT {limit})"
        )
        params.extend([*score_params, *pool_params, *limit_params])
    union = " UNION ALL ".join(f"SELECT * FROM t{t}" for t in range(1, len(pools) + 1))
    sql = (
        f"WITH {', '.join(ctes)} SELECT r.id, r.rank, r.tier FROM ({union}) AS r "
        "ORDER BY r.tier, r.rank DESC, r.published_on DESC, r.id DESC OFFSET %s LIMIT %s"
    )
    params.extend([offset, PAGE_SIZE])
    with _connection().cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, rank, tier) for pk, rank, tier in cursor.fetchall()]


PHRASE_BOOST = 1.0  # rank x 2 when a plain query's words stand together, in that order
# A practice example from today ranks x 1.2, shrinking linearly to x 1 at three years old.
RECENT_PRACTICE_BOOST = 0.2
RECENT_PRACTICE_DAYS = 3 * 365


def _score_sql(plan: _Plan, query_sql: str, query_params: tuple) -> tuple[str, tuple]:
    """The rank of a pool row within its tier ("{vector}" to be filled in), with parameters.

    ts_rank (weights: title 1.0, summary 0.4, body 0.2, compound parts 0.1), doubled when the
    words of a plain query of several words occur as a phrase, and raised slightly for recent
    practice examples: among equally good matches, what a municipality did lately is most
    useful. Both factors only reorder items within a tier (see the module docstring).
    """
    sql = "ts_rank({vector}, " + query_sql + ")"
    params = [*query_params]
    words = plain_words(plan.params.q, parse_segments(plan.params.q)) if plan.params.q else None
    if words and len(words) > 1:
        sql += " * (1 + %s * ({vector} @@ phraseto_tsquery(%s::regconfig, %s))::int)"
        params += [PHRASE_BOOST, SEARCH_CONFIG, " ".join(words)]
    sql += (
        " * (1 + CASE WHEN p.type = %s THEN %s * greatest(0, 1 - greatest(current_date"
        " - p.published_on, 0) / %s::float) ELSE 0 END)"
    )
    params += [str(ItemType.PRACTICE), RECENT_PRACTICE_BOOST, RECENT_PRACTICE_DAYS]
    return sql, tuple(params)


PARTIAL_POOL = 200  # newest matches per word considered for the partial matches


def _partial_ids(
    plan: _Plan, probe: _Probe, exclude: Iterable[int]
) -> list[tuple[int, float | None, int | None]]:
    """Items matching some words of a plain query but not all, most words first.

    Within the same number of words: a match in the title or summary first, then ts_rank, then
    newest. Each word contributes at most its ``PARTIAL_POOL`` newest matches, so a very common
    word cannot make this slow.
    """
    groups = plan.built.groups
    pool_ids: set[int] = set()
    for group, size in zip(groups, probe.groups, strict=True):
        condition = plan.all_filters() & Q(search_vector=group)
        pool_ids.update(_newest_first(condition, size).values_list("id", flat=True)[:PARTIAL_POOL])
    pool_ids.difference_update(exclude)
    if not pool_ids:
        return []
    any_word = functools.reduce(operator.or_, groups)
    flags = {
        f"g{i}": Case(When(Matches(F("search_vector"), g), then=Value(1)), default=Value(0))
        for i, g in enumerate(groups)
    }
    rows = list(
        Item.objects.filter(id__in=pool_ids)
        .annotate(
            **flags,
            in_head=Case(
                When(Matches(F("head_vector"), any_word), then=Value(1)), default=Value(0)
            ),
            rank=SearchRank(F("search_vector"), any_word),
        )
        .values_list("id", "in_head", "rank", "published_on", *flags)
    )
    # A word's weight is its rarity in the pool (inverse document frequency): matching
    # "belastingen" says more than matching "samenwerking", which nearly every item has.
    matched = [sum(row[4 + i] for row in rows) for i in range(len(groups))]
    weights = [math.log(1 + len(rows) / n) if n else 0.0 for n in matched]

    def score(row) -> tuple:
        covered = sum(w for w, hit in zip(weights, row[4:], strict=True) if hit)
        return (round(covered, 6), row[1], row[2], row[3], row[0])

    rows.sort(key=score, reverse=True)
    return [(row[0], row[2], None) for row in rows[:PAGE_SIZE] if any(row[4:])]


RELATED_BELOW = 10  # fewer hits than this: items like the best ones fill the first ten
RELATED_SEEDS = 3  # the best hits whose words describe what the searcher is after
RELATED_TERMS = 10  # of their title and summary words, the most telling ones
RELATED_MAX_SHARE = 0.03  # a telling word is in at most this share of the items (and in 2+)
RELATED_PARTIAL_BONUS = 1.0  # score x 2 for an item that also has some of the query's words


_FEEDBACK_SQL = """
SELECT s.lexeme, count(*) AS seeds,
       (SELECT sum(t.document_count) FROM kennisbank_searchterm t WHERE t.lexeme = s.lexeme)
FROM (
    SELECT unnest(tsvector_to_array(i.head_vector)) AS lexeme
    FROM kennisbank_item i WHERE i.id = ANY(%s)
) AS s
GROUP BY s.lexeme
"""


_NUMBERS = frozenset(
    ["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]
)
_TITLE_START = re.compile(r"(?:^|[:.?!]\s+)(\w+)")


def _names(titles: Iterable[str], query: str) -> frozenset[str]:
    """The folded proper names (capitalised, not starting the title or a sentence) and number
    words of titles: they say where or how many, not what about, so feedback leaves them out
    ("Gouwe-Rijnland int voor acht gemeenten" is not like "Holland Rijnland", nor like
    "Rivierenland beheert archieven van acht gemeenten"). Unless the query names something
    itself (Waddeneilanden, Achterhoek): then the places of its best hits are what it is after.
    """
    if any(w[:1].isupper() and not w.isupper() for w in query.split()):
        return frozenset()
    out: set[str] = set()
    for title in titles:
        starts = {m.start(1) for m in _TITLE_START.finditer(title)}
        for m in re.finditer(r"[^\W\d_]+", title):
            word = _fold(m.group(0))
            if (m.group(0)[0].isupper() and m.start() not in starts) or word in _NUMBERS:
                out.add(word)
    return frozenset(out)


def _related_ids(
    plan: _Plan,
    probe: _Probe,
    hit_ids: Sequence[int],
    partial_ids: Sequence[int],
    names: frozenset[str] = frozenset(),
) -> list[tuple[int, float | None, int | None]]:
    """Items like the best hits, for a search that finds little (pseudo-relevance feedback).

    The words of the best hits' titles and summaries that few items share (each weighted by
    its rarity, log(items / items with it), and by how many of the best hits have it) are
    searched in titles and summaries; an item scores the weights of the words it has, doubled
    when it also has some of the query's words (a partial match). "Belastingen samenwerking"
    thus also finds the heffingsunie and the invordering items that never say "belasting".
    Two small queries: the words of at most three items with their counts from the vocabulary
    (SearchTerm), and one index scan for at most ten rare words.
    """
    seeds = list(hit_ids[:RELATED_SEEDS]) or list(partial_ids[:1])
    limit = RELATED_BELOW - len(hit_ids)
    if not seeds or limit <= 0:
        return []
    # The probe's sample estimates a large collection well; a small one is counted.
    items = probe.rows if probe.rows >= EXACT_COUNT_LIMIT else Item.objects.published().count()
    items = max(items, 1)
    most = max(2, int(items * RELATED_MAX_SHARE))
    with _connection().cursor() as cursor:
        cursor.execute(_FEEDBACK_SQL, [seeds])
        rows = cursor.fetchall()
    weights = sorted(
        (
            (seeds_with * math.log(items / count), lexeme)
            for lexeme, seeds_with, count in rows
            if count and 2 <= count <= most and not any(name.startswith(lexeme) for name in names)
        ),
        reverse=True,
    )[:RELATED_TERMS]
    terms = [(weight, SearchQuery(Lexeme(lexeme), config="simple")) for weight, lexeme in weights]
    if plan.built.broader_terms:
        # The thesaurus' broader terms of the query ("warmtetransitie" -> energietransitie)
        # name its neighbourhood: they weigh as much as the best word of the best hits.
        terms.append(
            (
                max((w for w, _ in weights), default=1.0),
                functools.reduce(
                    operator.or_,
                    (
                        SearchQuery(t, search_type="phrase", config=SEARCH_CONFIG)
                        for t in plan.built.broader_terms[:NARROWER_LIMIT]
                    ),
                ),
            )
        )
    if not terms:
        return []
    any_term = functools.reduce(operator.or_, (query for _, query in terms))
    score = functools.reduce(
        operator.add,
        (
            Case(When(Matches(F("head_vector"), query), then=Value(weight)), default=Value(0.0))
            for weight, query in terms
        ),
    )
    bonus = Case(
        When(id__in=list(partial_ids), then=Value(1.0 + RELATED_PARTIAL_BONUS)),
        default=Value(1.0),
    )
    rows = (
        Item.objects.published()
        .filter(plan.all_filters() & Q(Matches(F("head_vector"), any_term)))
        .exclude(id__in=list(hit_ids))
        .annotate(related_score=ExpressionWrapper(score * bonus, output_field=FloatField()))
        .order_by("-related_score", "-published_on", "-id")
        .values_list("id", "related_score")[:limit]
    )
    return [(pk, None, None) for pk, _ in rows]


def _hits(plan: _Plan, ranked: list[tuple[int, float | None, int | None]]) -> list[Hit]:
    if not ranked:
        return []
    fields = ["id", "type", "title", "slug", "published_on", "starts_at", "summary"]
    rows = Item.objects.published().filter(id__in=[pk for pk, _, _ in ranked])
    if plan.built is not None:
        options = {
            "config": SEARCH_CONFIG,
            "start_sel": _MARK_START,
            "stop_sel": _MARK_STOP,
        }
        rows = rows.annotate(
            title_html=SearchHeadline(
                "title", plan.built.expression, highlight_all=True, **options
            ),
            snippet=SearchHeadline(
                Concat(
                    "summary", Value("\n\n"), _markdown_as_text("body"), output_field=TextField()
                ),
                plan.built.expression,
                max_words=22,
                min_words=10,
                max_fragments=2,
                fragment_delimiter=" … ",
                **options,
            ),
        )
        fields += ["title_html", "snippet"]
    by_id = {row["id"]: row for row in rows.values(*fields)}
    labels = dict(ItemType.choices)
    hits = []
    for pk, rank, tier in ranked:
        row = by_id.get(pk)
        if row is None:  # withdrawn between the two queries
            continue
        if "snippet" in row:
            title_html, snippet = _safe_headline(row["title_html"]), _safe_headline(row["snippet"])
        else:
            title_html = escape(row["title"])
            snippet = escape(Truncator(row["summary"]).words(40))
        hits.append(
            Hit(
                id=pk,
                type=row["type"],
                type_label=str(labels.get(row["type"], row["type"])),
                title=row["title"],
                title_html=title_html,
                url=reverse("kennisbank:detail", args=[TYPE_PATHS[row["type"]], row["slug"]]),
                published_on=row["published_on"],
                starts_at=row["starts_at"] if row["type"] == ItemType.EVENT else None,
                snippet=snippet,
                rank=rank,
                tier=tier,
            )
        )
    return hits


_SUGGEST_SQL = """
SELECT w.word,
       w.stem = '' OR EXISTS (SELECT 1 FROM kennisbank_searchterm t WHERE t.lexeme = w.stem),
       best.word, best.score
FROM (
    SELECT lower(word) AS word, pos,
           coalesce(array_to_string(tsvector_to_array(to_tsvector(%s::regconfig, word)), ' '), '')
               AS stem
    FROM unnest(%s::text[]) WITH ORDINALITY AS x(word, pos)
) AS w
LEFT JOIN LATERAL (
    SELECT t.word, similarity(t.word, w.word) AS score
    FROM kennisbank_searchterm t
    WHERE t.word %% w.word
    ORDER BY score DESC, t.document_count DESC, t.word
    LIMIT 1
) AS best ON true
ORDER BY w.pos
"""


def _suggestion(plan: _Plan, total: int) -> str | None:
    """ "Bedoelde u …?": the query with unknown words replaced by the closest known word."""
    if plan.built is None or not plan.built.words:
        return None
    # A word one edit from a known word was searched as that word too: say so however many
    # results that gave ("jeugdzrog" finds thousands at 250,000 items, all through "jeugdzorg").
    corrections = plan.built.corrections
    many = total >= SUGGEST_BELOW
    if many and not corrections:
        return None  # before the look-up: most searches need none
    with _connection().cursor() as cursor:
        cursor.execute(_SUGGEST_SQL, [SEARCH_CONFIG, list(plan.built.words)])
        rows = cursor.fetchall()
    text = plan.params.q
    changed = False
    for typed, (word, known, best, score) in zip(plan.built.words, rows, strict=True):
        if many and dutch.fold(typed) not in corrections:
            continue
        if not known and dutch.fold(typed) in corrections:
            # One edit away from a known word (also a swap: "jeugdzrog"), which trigrams miss.
            best, score = corrections[dutch.fold(typed)], 1.0
        if known or best is None or score < SUGGEST_MIN_SIMILARITY or best == word:
            continue
        text = re.sub(r"(?<!\w)" + re.escape(typed) + r"(?!\w)", best, text, count=1)
        changed = True
    return text if changed else None


def _facets(plan: _Plan, counted: _Counts) -> tuple[Facet, ...]:
    reference = plan.reference
    facets = []
    by_prefix: dict[str, dict[str, int]] = {}  # one pass over the tokens, not one per facet
    for token in counted.tokens:
        by_prefix.setdefault(token.partition(":")[0], {})[token] = counted.count(token)
    for spec in FACETS:
        selected = set(plan.params.selected(spec.key))
        prefix = FACET_PREFIX[spec.key] + ":"
        scale = counted.scale(facet_filtered=spec.key in plan.filters)
        counts = by_prefix.get(FACET_PREFIX[spec.key], {})

        def value(val: str, label: str) -> FacetValue:
            return FacetValue(
                value=val,
                label=label,
                count=counts.get(reference.token(spec.key, val), 0),  # noqa: B023
                selected=val in selected,  # noqa: B023
                estimate_scale=scale,  # noqa: B023
            )

        if spec.key == "municipality":
            by_count = sorted(
                (
                    (count, token[len(prefix) :])
                    for token, count in counts.items()
                    if count and token[len(prefix) :] in reference.municipalities
                ),
                key=lambda cc: (-cc[0], reference.municipalities[cc[1]]),
            )
            codes = [code for _, code in by_count[:MUNICIPALITY_TOP]]
            codes += [code for code in plan.params.municipalities if code not in codes]
            values = [value(code, reference.municipalities[code]) for code in codes]
        elif spec.key == "year":
            years = {
                int(token[len(prefix) :])
                for token, count in counts.items()
                if count and token[len(prefix) :].isdigit()
            }
            years |= {int(y) for y in selected}
            if years:
                last = max(max(years), timezone.localdate().year)
                values = [value(str(y), str(y)) for y in range(last, min(years) - 1, -1)]
            else:
                values = []
        else:
            values = [value(val, label) for val, label in reference.choices(spec.key)]
        facets.append(Facet(spec.key, spec.param, str(spec.label), tuple(values)))
    return tuple(facets)
