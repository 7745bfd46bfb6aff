"""The query text: cleaning, segments (words, phrases, exclusions), synonyms, the built tsquery."""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from django.contrib.postgres.search import Lexeme, SearchQuery
from django.utils.translation import gettext as _

from ..models import SEARCH_CONFIG
from .params import MAX_QUERY_LENGTH, MAX_VARIANTS, PREFIX_MIN_LENGTH
from .reference import SynonymPair
from .sql import TsQueryLiteral

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
