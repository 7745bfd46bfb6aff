"""The one kennisbank search: every item type, PostgreSQL full text, facets with counts.

Matching
    Every query runs against ``Item.search_vector`` (title weight A, summary B, body C) with the
    text search configuration ``nl_unaccent`` (unaccent, then Dutch Snowball stemming), always
    named explicitly because the server default is English. "coöperatie" and "cooperatie" meet;
    "samenwerkingen" finds "samenwerking". The user's text goes through
    ``websearch_to_tsquery``: ``"exact phrase"``, ``-exclude`` and ``OR`` work as on web search
    engines, and no input can make it raise. The tsquery is an OR of *variants* of that text:

    * the text itself;
    * synonyms: every abbreviation or synonym from the editors' ``Synonym`` list that occurs in
      the text as whole words (or as a whole quoted phrase) adds variants with the other side
      quoted in its place, so "GR jeugd" also searches ``"gemeenschappelijke regeling" jeugd``
      and the other way round. An excluded term (``-GR``) excludes both sides. Abbreviations
      marked ``exact_uppercase_only`` (GO, OD: also ordinary words) expand only when typed in
      capitals, and are not added for their expansion either: the index is lower case, so an
      added "GO" would also match "go-live". At most ``MAX_VARIANTS`` variants.
    * a prefix fallback for a single plain word (no quotes or operators, four letters or more):
      ``to_tsquery('samenwerking:*')``, stemmed to ``samenwerk:*``. Snowball does not split Dutch
      compounds, so without it "samenwerking" misses "samenwerkingsverband"; and "coöperatie"
      would miss "coöperaties", which Snowball leaves unstemmed. It is a *fallback*: when the
      word on its own already matches about ``PREFIX_FALLBACK_BELOW`` items or more (estimated
      by the probe below) it is dropped, as the compounds then add little but cost a wide index
      scan.

Dutch words (``expand_query``, analysis in ``portal.dutch``)
    A plain query (words only: no quotes, ``-`` or ``OR``, which keep their exact meaning) is
    also read word by word. Each word may match in any of its forms, checked against the
    vocabulary of published titles and summaries (``SearchTerm``): the plurals Snowball leaves
    alone (heffingsunies/heffingsunie, regio's, -iën); the compounds that contain the word
    (samenwerking -> belastingsamenwerking, inkoopsamenwerking; brandweer ->
    brandweerkazernes); its parts when it is a compound no more common than its parts
    (belastingsamenwerking -> belasting & samenwerking, linking s/e/en removed); and, for a word
    not in the vocabulary, the most used known word one edit away, swapped letters included
    (jeugdzrog -> jeugdzorg), whose results come straight away with "Bedoelde u …?". All words
    stay required; the added forms are listed under "Ook gezocht op". This costs two queries
    on the small vocabulary table, whatever the collection size.

Thesaurus (``NarrowerTerm``, ``expand_query``, ``_related_ids``)
    A run of words of a plain query that is a broader term of the editors' thesaurus may also
    be met by its narrower terms (and theirs, at most ``NARROWER_LIMIT``): "sociaal domein" ->
    jeugdzorg, Wmo, …, listed under "Ook gezocht op". The query without them is kept
    (``core_expression``) and alone decides the title and summary tiers, so an item found only
    through a narrower term ranks with the body matches. When the query's own words match
    ``NARROWER_BELOW`` or more titles and summaries (probe estimate), the narrower terms are
    dropped, like the prefix fallback. The other way, the broader terms of the query's words
    weigh in when the related items are chosen.

Partial matches ("met een deel van de woorden")
    When a plain query of several words (or one compound, read as its head and tail) finds
    fewer than a page, the items that match some of the words follow in their own list: most
    coverage first, each word weighted by its rarity (log(1 + pool / matches)) so that
    "belastingen" counts for more than "samenwerking"; then a title/summary match, ts_rank and
    date. Each word contributes at most ``PARTIAL_POOL`` of its newest matches (sizes from the
    probe), so a common word cannot make it slow. These items are not in the total or the facets.

Related items ("lijkt op de beste resultaten")
    A search with fewer than ``RELATED_BELOW`` hits also shows items like its best hits (see
    ``_related_ids``: pseudo-relevance feedback on the rarer title and summary words of the best
    three), before the partial matches. Two small queries, only for such narrow searches.

Relevance (title > summary > body)
    Results are ordered by *tier*: 1 = the query matches the title alone (``ts_filter`` of
    ``head_vector`` to weight A, GIN-indexed), 2 = it needs title and summary together
    (``head_vector``, title A + summary B, GIN-indexed), 3 = it needs the body. Within a tier:
    ``ts_rank`` (over ``head_vector`` for tiers 1-2, ``search_vector`` for tier 3), then newest
    first, then id. A title match therefore always ranks above a summary or body-only match.

    Ranking every match is what makes a broad query slow: at 250,000 items "samenwerking"
    matches nearly all of them. So each tier ranks a *pool*, its ``MAX_RESULTS`` newest matches:
    for a large tier found by walking the date index until the pool is full (items are stored
    roughly in date order), for a small one taken from the GIN index and sorted. A tier's pool is
    only built when the tiers before it do not fill the page. When a tier has fewer matches than
    ``MAX_RESULTS`` (every narrow query) its ranking is exact; for a very broad tier it is "the
    best of the most recent ``MAX_RESULTS``", which for one or two common words, whose ranks are
    nearly flat, loses little. Paging stops after ``MAX_RESULTS`` results in either order (the
    page says so and suggests refining), which also keeps OFFSETs cheap.

Facets
    ``Item.facets`` holds one token per facet value ("k:onderzoek", "t:3", "m:GM0363", …, see
    ``services.facet_tokens``) with a GIN index. Within a facet the chosen values are OR-ed
    (``facets && ARRAY[…]``), across facets AND-ed. All counts come from one statement over two
    row sets, unnested into their tokens: the *matching* rows (every filter passes) count for
    every token, and a pseudo token "*" counts them (the total); the *alternatives* (rows failing
    exactly one filter) count only for the tokens of the facet they fail. So each facet is counted
    with the other filters applied and its other values stay visible with what they would give.
    Values without matches are shown with 0; municipalities show the top ``MUNICIPALITY_TOP`` by
    count plus any chosen ones.

    That statement is linear in the rows it reads, so first a cheap *probe* counts matches (and
    tier sizes) in 4 of the 1024 sample buckets (``id % 1024``, indexed), about 1,000 rows at
    250,000 items. A row set of up to ``EXACT_COUNT_LIMIT`` estimated rows is counted exactly;
    a bigger one is read from only as many buckets as give about ``SAMPLE_TARGET`` rows, and its
    counts are scaled up and shown as estimates ("ca. 12.000"). A narrow query with a broad
    filter thus keeps an exact total and exact counts, with estimates only for the alternatives
    of the filtered facets. The hits themselves are never sampled. The alternatives are read
    once (a materialised CTE, which facet each row fails worked out per row, not per token),
    and when both sets come from one sample the matching rows come from that same read.

Suggestions
    ``SearchTerm`` holds the words of published titles and summaries with their stems (rebuilt by
    ``services.search_terms_refresh``). Each query word of four letters or more whose stem is not
    in that vocabulary is replaced by the most similar known word (pg_trgm ``%`` on a GIN trigram
    index, similarity ≥ ``SUGGEST_MIN_SIMILARITY``): "Bedoelde u …?", offered when the search
    finds fewer than ``SUGGEST_BELOW`` results. A word one edit (or one swap) from a known word
    is replaced by that word whatever the number of results, as it was searched for too. With
    enough results and no such correction nothing is offered, and the look-up is skipped.

Only published items appear: every query starts from ``Item.objects.published()``. The queries
of one search share a transaction with ``work_mem`` raised (exact bitmaps, in-memory hashing),
JIT off (compiling costs more than these short queries take) and a ``statement_timeout`` guard.
The statement that sets them also computes the query's tsqueries once; every later statement
carries them as literals (``TsQueryLiteral``) instead of the tree of calls that builds them.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import operator
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from urllib.parse import urlencode

from django.contrib.postgres.search import Lexeme, SearchHeadline, SearchQuery, SearchRank
from django.db import OperationalError, connection, connections, router, transaction
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
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat, Mod
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import dutch
from portal.constants import Motive, Province, TaskType
from portal.models import CollaborationModel, Municipality, Theme

from .constants import FACET_PREFIX, TYPE_PATHS, EvidenceLevel, ItemType
from .models import SEARCH_CONFIG, SEARCH_SAMPLE_BUCKETS, Item, NarrowerTerm, Synonym, title_vector
from .services import lexicon_frequencies

PAGE_SIZE = 20
MAX_RESULTS = 500  # per sort order; also the ranking pool per tier
MAX_PAGES = MAX_RESULTS // PAGE_SIZE
MAX_QUERY_LENGTH = 200
MAX_VARIANTS = 8
PREFIX_MIN_LENGTH = 4
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


# --- reference data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SynonymPair:
    term: str
    expansion: str
    exact_uppercase_only: bool


@dataclass(frozen=True)
class Reference:
    """Labels and valid values for the facets, plus the synonym list: small tables, one read."""

    themes: tuple[tuple[int, str, str], ...]  # id, slug, name
    models: tuple[tuple[str, str], ...]  # key, name
    municipalities: Mapping[str, str]  # CBS code -> name
    synonyms: tuple[SynonymPair, ...]
    narrower: tuple[tuple[str, str], ...] = ()  # thesaurus: (broader term, narrower term)

    @functools.cached_property
    def theme_ids(self) -> Mapping[str, int]:
        return {slug: pk for pk, slug, _ in self.themes}

    @property
    def thesaurus(self) -> Mapping[tuple[str, ...], tuple[str, ...]]:
        """Broader term (its words, stemmed) -> its narrower terms and theirs, at most
        ``NARROWER_LIMIT``: "sociaal domein" -> jeugdzorg, Wmo, …, jeugdhulp, …"""
        return _thesaurus_indexes(self.narrower)[0]

    @property
    def thesaurus_broader(self) -> Mapping[tuple[str, ...], tuple[str, ...]]:
        """Narrower term (its words, stemmed) -> its broader terms: "warmtetransitie" ->
        energietransitie. For the related items of a search that finds little."""
        return _thesaurus_indexes(self.narrower)[1]

    def choices(self, key: str) -> list[tuple[str, str]]:
        """(URL value, label) for every valid value of a facet, in display order."""
        if key == "type":
            return [(str(v), str(label)) for v, label in ItemType.choices]
        if key == "theme":
            return [(slug, name) for _, slug, name in self.themes]
        if key == "province":
            return [(str(v), str(label)) for v, label in Province.choices]
        if key == "municipality":
            return sorted(self.municipalities.items(), key=lambda kv: kv[1])
        if key == "model":
            return list(self.models)
        if key == "task_type":
            return [(str(v), str(label)) for v, label in TaskType.choices]
        if key == "motive":
            return [(str(v), str(label)) for v, label in Motive.choices]
        if key == "evidence":
            return [(str(v), str(label)) for v, label in EvidenceLevel.choices]
        if key == "year":
            return [(str(y), str(y)) for y in range(timezone.localdate().year + 1, 1979, -1)]
        raise KeyError(key)

    def token(self, key: str, value: str) -> str:
        """The Item.facets token for a facet value (see services.facet_tokens)."""
        if key == "theme":
            value = str(self.theme_ids[value])
        return f"{FACET_PREFIX[key]}:{value}"


def load_reference() -> Reference:
    return Reference(
        themes=tuple(Theme.objects.values_list("id", "slug", "name")),
        models=tuple(CollaborationModel.objects.values_list("key", "name")),
        municipalities=MappingProxyType(dict(Municipality.objects.values_list("code", "name"))),
        **_word_lists(),
    )


def _word_lists() -> dict[str, tuple]:
    """The synonym list and the thesaurus, in one query."""
    sql = (
        f"SELECT 's', term, expansion, exact_uppercase_only FROM {Synonym._meta.db_table} "
        f"UNION ALL SELECT 'n', term, narrower, false FROM {NarrowerTerm._meta.db_table}"
    )
    with connections[router.db_for_read(Synonym)].cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return {
        "synonyms": tuple(SynonymPair(*row[1:]) for row in rows if row[0] == "s"),
        "narrower": tuple((row[1], row[2]) for row in rows if row[0] == "n"),
    }


NARROWER_LIMIT = 24  # narrower terms searched for one broader term
NARROWER_BELOW = 2_000  # estimated title/summary matches of the query itself (see search())


@functools.lru_cache(maxsize=4)
def _thesaurus_indexes(
    pairs: tuple[tuple[str, str], ...],
) -> tuple[Mapping[tuple[str, ...], tuple[str, ...]], Mapping[tuple[str, ...], tuple[str, ...]]]:
    """(broader -> narrower, narrower -> broader) for a thesaurus. Stemming its ~1,000 terms
    takes longer than a narrow search itself, so it is done once per version of the list
    (like _synonym_patterns), not per request."""
    direct: dict[tuple[str, ...], list[str]] = {}
    up: dict[tuple[str, ...], list[str]] = {}
    for term, narrower in pairs:
        direct.setdefault(thesaurus_key(term), []).append(narrower)
        up.setdefault(thesaurus_key(narrower), []).append(term)
    down = {}
    for key, terms in direct.items():
        found = list(terms)
        for term in terms:
            found += direct.get(thesaurus_key(term), [])
        found = [t for t in dict.fromkeys(found) if thesaurus_key(t) != key]
        down[key] = tuple(found[:NARROWER_LIMIT])
    return (
        MappingProxyType(down),
        MappingProxyType({key: tuple(terms) for key, terms in up.items()}),
    )


def thesaurus_key(text: str) -> tuple[str, ...]:
    """How a thesaurus term and a run of query words are compared: folded, lightly stemmed
    words ("Gemeentelijke belastingen" = "gemeentelijke belasting")."""
    return tuple(dutch.stem(word) for word in dutch.words(text))


# --- query text ---------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SEGMENT = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<wneg>-?)(?P<word>[^\s"]+)')
_PLAIN_WORD = re.compile(r"^[^\W_]+$")


def clean_query(raw: str) -> tuple[str, list[str]]:
    """Make any input safe for the database and the page; returns (text, notices)."""
    notices: list[str] = []
    text = _CONTROL.sub(" ", raw)
    # Lone surrogates cannot be encoded; private-use characters are our headline markers.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cs", "Co"})
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        cut = text[:MAX_QUERY_LENGTH]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut
        notices.append(
            _("Uw zoekopdracht was te lang; we zoeken op de eerste %(n)s tekens.")
            % {"n": MAX_QUERY_LENGTH}
        )
    return text, notices


@dataclass(frozen=True)
class Segment:
    start: int  # span in the query text, including "-" and quotes
    end: int
    text_start: int  # span of the words themselves
    text_end: int
    kind: str  # "word", "phrase" or "or"
    negated: bool


def parse_segments(text: str) -> list[Segment]:
    """Split a query the way websearch_to_tsquery reads it: words, "phrases", -not, OR."""
    segments = []
    for m in _SEGMENT.finditer(text):
        if m.group("phrase") is not None:
            segments.append(
                Segment(
                    m.start(),
                    m.end(),
                    m.start("phrase"),
                    m.end("phrase"),
                    "phrase",
                    bool(m.group("neg")),
                )
            )
        else:
            word = m.group("word")
            kind = "or" if word.lower() == "or" and not m.group("wneg") else "word"
            segments.append(
                Segment(
                    m.start(), m.end(), m.start("word"), m.end("word"), kind, bool(m.group("wneg"))
                )
            )
    return segments


def plain_words(text: str, segments: Sequence[Segment]) -> list[str] | None:
    """The words of a plain query (no quotes, operators or punctuation), else None."""
    words = []
    for seg in segments:
        if seg.kind != "word" or seg.negated:
            return None
        word = text[seg.text_start : seg.text_end]
        if not _PLAIN_WORD.match(word):
            return None
        words.append(word)
    return words or None


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """Case- and accent-folded text, plus the original index of every folded character."""
    folded: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFKD", ch.casefold()):
            if not unicodedata.combining(part):
                folded.append(part)
                index.append(i)
    return "".join(folded), index


def _fold(text: str) -> str:
    return _fold_with_map(text)[0]


@dataclass(frozen=True)
class Expansion:
    typed: str  # as the user typed it
    added: tuple[str, ...]  # what the search also looked for


@functools.lru_cache(maxsize=4)
def _synonym_patterns(
    synonyms: tuple[SynonymPair, ...],
) -> list[tuple[re.Pattern, bool, str]]:
    """(pattern, case sensitive, what to add) for each direction of each synonym pair."""
    patterns = []
    for pair in synonyms:
        sides = [(pair.term, pair.expansion, pair.exact_uppercase_only)]
        if not pair.exact_uppercase_only:
            sides.append((pair.expansion, pair.term, False))
        for source, target, case_sensitive in sides:
            needle = source if case_sensitive else _fold(source)
            if needle.strip():
                pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
                patterns.append((pattern, case_sensitive, target))
    return patterns


def expand_synonyms(
    text: str, segments: Sequence[Segment], synonyms: Iterable[SynonymPair]
) -> tuple[list[str], list[Expansion]]:
    """Query variants with synonyms substituted (the original first), and what was expanded."""
    folded, index = _fold_with_map(text)
    identity = list(range(len(text)))
    # (first segment, last segment) -> alternatives; ranges found on whole-word boundaries.
    found: dict[tuple[int, int], list[str]] = {}
    for pattern, case_sensitive, target in _synonym_patterns(tuple(synonyms)):
        haystack, mapping = (text, identity) if case_sensitive else (folded, index)
        for m in pattern.finditer(haystack):
            start = mapping[m.start()]
            end = mapping[m.end() - 1] + 1
            span = _segment_range(segments, start, end)
            if span is not None:
                alternatives = found.setdefault(span, [])
                clean = target.replace('"', " ").strip()
                if clean and clean not in alternatives:
                    alternatives.append(clean)

    # Overlapping ranges: the longest wins ("gemeenschappelijke regeling" over "regeling").
    chosen: list[tuple[tuple[int, int], list[str]]] = []
    for span, alternatives in sorted(found.items(), key=lambda kv: kv[0][0] - kv[0][1]):
        if all(span[1] < other[0] or span[0] > other[1] for other, _ in chosen):
            chosen.append((span, alternatives))
    chosen.sort()

    expansions = [
        Expansion(text[segments[a].text_start : segments[b].text_end], tuple(alts))
        for (a, b), alts in chosen
    ]
    suffix = "".join(
        f' -"{alt}"' for (a, _b), alts in chosen if segments[a].negated for alt in alts
    )
    positive = [(span, alts) for span, alts in chosen if not segments[span[0]].negated]
    variants: list[str] = []
    for combo in itertools.product(*([None, *alts] for _span, alts in positive)):
        variant = text
        for (span, _alts), alt in sorted(zip(positive, combo, strict=True), reverse=True):
            if alt is not None:
                start, end = segments[span[0]].start, segments[span[1]].end
                variant = f'{variant[:start]}"{alt}"{variant[end:]}'
        variants.append(variant + suffix)
        if len(variants) >= MAX_VARIANTS:
            break
    return variants, expansions


def _segment_range(segments: Sequence[Segment], start: int, end: int) -> tuple[int, int] | None:
    """Which segments a match covers exactly: a whole phrase, or a run of whole words."""
    first = last = None
    for i, seg in enumerate(segments):
        if seg.kind == "phrase" and seg.text_start == start and seg.text_end == end:
            return (i, i)
        if seg.kind == "phrase" and seg.text_start <= start < seg.text_end:
            return None  # part of a phrase: the user asked for exactly those words
        if seg.kind == "word" and seg.text_start == start:
            first = i
        if seg.kind == "word" and seg.text_end == end:
            last = i
    if first is None or last is None or last < first:
        return None
    run = segments[first : last + 1]
    if any(seg.kind != "word" for seg in run) or any(seg.negated for seg in run[1:]):
        return None
    return (first, last)


@dataclass(frozen=True)
class BuiltQuery:
    expression: SearchQuery  # what the search uses
    exact_expression: SearchQuery  # the same without the prefix fallback
    has_negation: bool
    expansions: tuple[Expansion, ...]
    words: tuple[str, ...]  # plain words to check for typos
    # One condition per word of a plain query (the word or its other forms), or the parts of a
    # single compound: items matching some but not all of them are the partial matches.
    groups: tuple[SearchQuery, ...] = ()
    corrections: Mapping[str, str] = field(default_factory=dict)  # typed word -> known word
    # The same query without the thesaurus' narrower terms (None: none were added). Only its
    # matches can be title or summary matches (tiers 1-2): a narrower term ranks below the
    # query's own words.
    core_expression: SearchQuery | None = None
    core_exact_expression: SearchQuery | None = None
    narrower_expansions: tuple[Expansion, ...] = ()
    broader_terms: tuple[str, ...] = ()  # the thesaurus' broader terms of the query's words

    @property
    def has_prefix(self) -> bool:
        return self.expression is not self.exact_expression

    @property
    def tier_expression(self) -> SearchQuery:
        return self.expression if self.core_expression is None else self.core_expression

    def without_prefix(self) -> BuiltQuery:
        return replace(
            self, expression=self.exact_expression, core_expression=self.core_exact_expression
        )

    def without_narrower(self) -> BuiltQuery:
        if self.core_expression is None:
            return self
        return replace(
            self,
            expression=self.core_expression,
            exact_expression=self.core_exact_expression,
            core_expression=None,
            core_exact_expression=None,
            expansions=tuple(e for e in self.expansions if e not in self.narrower_expansions),
            narrower_expansions=(),
        )

    def expressions(self) -> list[SearchQuery]:
        """Every tsquery the search runs, for with_literals()."""
        core = [] if self.core_expression is None else [self.core_expression]
        core += [] if self.core_exact_expression is None else [self.core_exact_expression]
        return [self.expression, self.exact_expression, *core, *self.groups]

    def with_literals(self, texts: Sequence[str]) -> BuiltQuery:
        """The same query with each expression replaced by its computed text (same order as
        expressions()), keeping has_prefix."""
        exact = TsQueryLiteral(texts[1])
        core: dict[str, SearchQuery | None] = {}
        rest = 2
        if self.core_expression is not None:
            core_exact = TsQueryLiteral(texts[3])
            core = {
                "core_expression": TsQueryLiteral(texts[2]) if self.has_prefix else core_exact,
                "core_exact_expression": core_exact,
            }
            rest = 4
        return replace(
            self,
            expression=TsQueryLiteral(texts[0]) if self.has_prefix else exact,
            exact_expression=exact,
            groups=tuple(TsQueryLiteral(text) for text in texts[rest:]),
            **core,
        )


def build_query(text: str, synonyms: Iterable[SynonymPair]) -> BuiltQuery:
    segments = parse_segments(text)
    variants, expansions = expand_synonyms(text, segments, synonyms)
    exact = functools.reduce(
        operator.or_,
        (SearchQuery(v, search_type="websearch", config=SEARCH_CONFIG) for v in variants),
    )
    expression = exact
    words = plain_words(text, segments)
    if words and len(words) == 1 and len(words[0]) >= PREFIX_MIN_LENGTH:
        expression = exact | SearchQuery(Lexeme(words[0], prefix=True), config=SEARCH_CONFIG)
    typo_candidates = tuple(
        text[seg.text_start : seg.text_end]
        for seg in segments
        if seg.kind == "word"
        and not seg.negated
        and len(text[seg.text_start : seg.text_end]) >= PREFIX_MIN_LENGTH
        and text[seg.text_start : seg.text_end].isalpha()
    )
    return BuiltQuery(
        expression=expression,
        exact_expression=exact,
        has_negation=any(seg.negated for seg in segments),
        expansions=tuple(expansions),
        words=typo_candidates,
    )


# --- Dutch analysis against the vocabulary --------------------------------------------------------

CONTAINING_LIMIT = 100  # compounds looked up per query word, the most used first
SHOWN_ALTERNATIVES = 6  # of the added forms, shown under "Ook gezocht op"

# Per query word: its stem, and the vocabulary words containing it (see _part) - compounds.
_STEMS_SQL = """
SELECT w.s, w.stem, coalesce(c.words, '{}')
FROM (
    SELECT x.s, x.stem,
           CASE WHEN x.stem <> '' AND position(' ' in x.stem) = 0 AND starts_with(x.s, x.stem)
                THEN x.stem ELSE x.s END AS part
    FROM (
        SELECT s, coalesce(array_to_string(tsvector_to_array(to_tsvector(%s::regconfig, s)), ' '),
                           '') AS stem
        FROM unnest(%s::text[]) AS s
    ) AS x
) AS w
LEFT JOIN LATERAL (
    SELECT array_agg(t.word) AS words FROM (
        SELECT t.word FROM kennisbank_searchterm t
        WHERE length(w.part) > %s AND t.word LIKE '%%' || w.part || '%%' AND t.word <> w.s
        ORDER BY t.document_count DESC, t.word LIMIT %s
    ) AS t
) AS c ON true
"""


@dataclass(frozen=True)
class _WordForms:
    word: str
    alternatives: tuple[str, ...]  # words, or "head tail" for a split compound
    correction: str | None
    parts: tuple[str, str] | None = None  # a looser compound reading, for near matches


def _part(word: str, stem: str) -> str:
    """What a compound containing the word contains: its stem, or the word itself where
    Snowball changed more than the ending (brandweer -> brandwer). As in _STEMS_SQL."""
    part = stem if stem and " " not in stem and word.startswith(stem) else word
    return part if len(part) > dutch.MIN_PART else ""


def analyse_words(query_words: Sequence[str]) -> list[_WordForms]:
    """Per query word the forms the index should also accept (see portal.dutch).

    Two round trips whatever the query: stems with the compounds containing each word, and
    one look-up of every candidate form in the vocabulary.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _STEMS_SQL, [SEARCH_CONFIG, list(query_words), dutch.MIN_PART, CONTAINING_LIMIT]
        )
        stems, containing = {}, {}
        for word, stem, compounds in cursor.fetchall():
            stems[word], containing[word] = stem, compounds
        asked: set[str] = set(query_words)
        for word in query_words:
            asked.update(dutch.diminutive_bases(word))
            for head, tail in dutch.splits(word):
                asked.update((head, tail))
            part = _part(word, stems.get(word) or "")
            asked.update(dutch.substrings_to_check(containing.get(word, ()), part))
            if len(word) >= PREFIX_MIN_LENGTH:
                asked.update(dutch.edits(word))
    counts = lexicon_frequencies(asked)

    def known(text: str) -> bool:
        return text in counts

    forms = []
    for word in query_words:
        if not stems.get(word):
            continue  # a stop word: the index holds nothing for it
        alternatives = list(dutch.inflections(word))
        alternatives += [b for b in dutch.diminutive_bases(word) if known(b)]
        split = dutch.best_split(word, known)
        # Only a compound no more common than its parts is read as its parts: "samenwerking" is
        # not "samen" + "werking".
        if (
            split
            and min(len(split[0]), len(split[1])) > dutch.MIN_PART
            and counts.get(word, 0) <= min(counts[split[0]], counts[split[1]])
        ):
            alternatives.append(f"{split[0]} {split[1]}")
        part = _part(word, stems[word])
        alternatives += [w for w in containing.get(word, ()) if dutch.contains_part(w, part, known)]
        correction = None
        if word not in counts and len(word) >= PREFIX_MIN_LENGTH:
            candidates = [e for e in dutch.edits(word) if e in counts]
            if candidates:
                correction = max(candidates, key=lambda e: (counts[e], e))
                alternatives.append(correction)
        forms.append(
            _WordForms(
                word,
                tuple(dict.fromkeys(a for a in alternatives if a != word)),
                correction,
                dutch.head_split(word, known),
            )
        )
    return forms


def expand_query(
    built: BuiltQuery,
    text: str,
    thesaurus: Mapping[tuple[str, ...], tuple[str, ...]] = MappingProxyType({}),
    broader: Mapping[tuple[str, ...], tuple[str, ...]] = MappingProxyType({}),
) -> BuiltQuery:
    """Add the Dutch forms of the words of a plain query (no phrases, operators or -words).

    Each word becomes "the word or one of its forms" and all words are required; the original
    query (with its synonym variants) stays an alternative, so nothing it found is lost.
    A run of words that is a broader term of the thesaurus may also be met by one of its
    narrower terms ("sociaal domein samenwerking": Wmo or jeugdzorg … with samenwerking); the
    query without them is kept as ``core_expression`` for the tiers.
    """
    segments = parse_segments(text)
    if not segments or any(seg.kind != "word" or seg.negated for seg in segments):
        return built
    query_words = list(dict.fromkeys(dutch.words(text)))
    if not query_words or len(query_words) > 8:
        return built
    forms = analyse_words(query_words)
    if not forms:
        return built

    def plain(value: str) -> SearchQuery:
        return SearchQuery(value, search_type="plain", config=SEARCH_CONFIG)

    groups = tuple(
        functools.reduce(operator.or_, (plain(f.word), *(plain(a) for a in f.alternatives)))
        for f in forms
    )
    expanded = functools.reduce(operator.and_, groups)
    near = groups
    if len(forms) == 1 and forms[0].parts:
        # One compound: its parts, each on its own, are the near matches ("heffingsunies" ->
        # items on "heffingen"), below the items with the whole word.
        head, tail = forms[0].parts
        near = (groups[0] | plain(head), plain(tail))
    exact = built.exact_expression | expanded
    expression = exact if not built.has_prefix else exact | built.expression
    expansions = list(built.expansions)
    for f in forms:
        shown = [a for a in f.alternatives if a != f.correction][:SHOWN_ALTERNATIVES]
        if f.correction:
            shown.insert(0, f.correction)
        if shown:
            expansions.append(Expansion(f.word, tuple(shown)))
    corrections = {f.word: f.correction for f in forms if f.correction}
    result = replace(
        built,
        expression=expression,
        exact_expression=exact,
        expansions=tuple(expansions),
        groups=near if len(near) > 1 else (),
        corrections=corrections,
    )
    known_words = [corrections.get(w, w) for w in query_words]
    above = [t for _s, _e, terms in _narrower_spans(known_words, broader) for t in terms]
    # With their other narrower terms: the neighbours of "warmtetransitie" are RES and
    # energieloket as much as the word energietransitie. Not under a top term (a theme such
    # as bedrijfsvoering): ICT is no neighbour of belastingen.
    above += [
        n
        for t in list(above)
        if thesaurus_key(t) in broader
        for n in thesaurus.get(thesaurus_key(t), ())
    ]
    result = replace(result, broader_terms=tuple(dict.fromkeys(above)))
    spans = _narrower_spans(known_words, thesaurus)
    if not spans:
        return result
    by_word = {f.word: group for f, group in zip(forms, groups, strict=True)}
    units, added, near_by_word = [], [], dict(by_word)
    for start, end, terms in spans:
        inner = [by_word[w] for w in query_words[start:end] if w in by_word]
        broader = functools.reduce(
            operator.or_,
            (SearchQuery(t, search_type="phrase", config=SEARCH_CONFIG) for t in terms),
        )
        units.append(functools.reduce(operator.and_, inner) | broader if inner else broader)
        for w in query_words[start:end]:
            if w in by_word:
                near_by_word[w] = by_word.pop(w) | broader
        added.append(Expansion(" ".join(query_words[start:end]), terms[:SHOWN_ALTERNATIVES]))
    units += list(by_word.values())
    wide = built.exact_expression | functools.reduce(operator.and_, units)
    if result.groups and len(forms) > 1:
        # The partial matches count a narrower term as its word.
        result = replace(result, groups=tuple(near_by_word[f.word] for f in forms))
    return replace(
        result,
        expression=wide if not built.has_prefix else wide | built.expression,
        exact_expression=wide,
        core_expression=expression,
        core_exact_expression=exact,
        expansions=(*result.expansions, *added),
        narrower_expansions=tuple(added),
    )


def _narrower_spans(
    words: Sequence[str], thesaurus: Mapping[tuple[str, ...], tuple[str, ...]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, narrower terms) for the runs of query words that are broader terms of the
    thesaurus, longest first, not overlapping."""
    if not thesaurus:
        return []
    longest = max(len(key) for key in thesaurus)
    keys = [thesaurus_key(w)[:1] or ("",) for w in words]
    spans, start = [], 0
    while start < len(words):
        for end in range(min(len(words), start + longest), start, -1):
            terms = thesaurus.get(tuple(k[0] for k in keys[start:end]))
            if terms:
                spans.append((start, end, terms))
                start = end
                break
        else:
            start += 1
    return spans


# --- SQL helpers --------------------------------------------------------------------------------


class Matches(Func):
    """vector @@ query, as a condition."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class IsTrue(Func):
    """(condition) IS TRUE: the same rows, but no index can serve it."""

    template = "((%(expressions)s) IS TRUE)"
    output_field = BooleanField()


class TsQueryLiteral(SearchQuery):
    """A tsquery given as its text form (``'jeugdzorg' | 'jeugdhulp':*``), computed once per search.

    The query of a search is a tree of many ``websearch_to_tsquery``/``plainto_tsquery`` calls
    (synonym variants, a hundred compounds for "samenwerking"). Repeated in every statement and
    every aggregate of the probe, that tree cost more Python time to build and more PostgreSQL
    time to plan than the matching itself; one literal costs neither. The text form of a tsquery
    reads back as the same tsquery.
    """

    def __init__(self, text: str):
        super().__init__(Value(text, output_field=TextField()))

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = compiler.compile(self.source_expressions[0])
        sql = f"{sql}::tsquery"
        return (f"!!({sql})" if self.invert else sql), params


class RegexpReplace(Func):
    function = "regexp_replace"
    output_field = TextField()


def _markdown_as_text(field_name: str) -> RegexpReplace:
    """Markdown punctuation out (links keep their text), so snippets read as prose."""
    without_urls = RegexpReplace(F(field_name), Value(r"\]\([^)]*\)"), Value(" "), Value("g"))
    return RegexpReplace(without_urls, Value(r"[#*_`>|~\[\]]+"), Value(""), Value("g"))


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def compile_expression(expression) -> tuple[str, tuple]:
    """SQL and parameters of an expression (a tsquery), for raw SQL around the ORM's."""
    query = Item.objects.all().query
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.compile(expression.resolve_expression(query))
    return sql, tuple(params)


def _safe_headline(text: str) -> SafeString:
    escaped = escape(text)
    escaped = re.sub(f"{_MARK_START}(.*?){_MARK_STOP}", r"<mark>\1</mark>", escaped, flags=re.S)
    # Safe: everything was escaped above; only our own <mark> tags are HTML.
    return mark_safe(escaped.replace(_MARK_START, "").replace(_MARK_STOP, ""))


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
