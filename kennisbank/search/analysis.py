"""Dutch analysis against the vocabulary: stems, compounds and parts, narrower terms."""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from django.contrib.postgres.search import SearchQuery
from django.db import connection

from portal import dutch

from ..models import SEARCH_CONFIG
from ..services.items import lexicon_frequencies
from .params import PREFIX_MIN_LENGTH
from .query import BuiltQuery, Expansion, parse_segments
from .reference import thesaurus_key

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
