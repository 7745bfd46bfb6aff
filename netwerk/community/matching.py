"""Which members can best answer a question: a pure, explained and deterministic ranking.

No Django here: netwerk/community/services/experts.py maps profiles, kennisbank items and answers to
the frozen dataclasses below and back. Every point an expert gets comes with a reason: a code plus
what matched (the themes, the items' titles, the shared words), as data; the page words it
(netwerk/community/match_reasons.py, through gettext).

The score of an expert for a question adds up:

* expertise overlap: 3 per shared theme, divided by the square root of the number of themes
  the expert ticked (ticking every broad theme is not expertise), 2 per shared form of
  cooperation, 1 per shared task type, 2 per free tag of the expert that occurs in the question;
* evidence: 1 per kennisbank item they are the contact for on one of the question's themes or
  words (at most 3), 1 per earlier accepted (helpful) answer on such a theme (at most 3);
* text similarity: 8 × the cosine of TF-IDF vectors of the question and the expert's profile and
  contributions, over Dutch words without stopwords, folded and stemmed by the analysis search
  uses (``portal.dutch``: gemeenten ~ gemeente, but not gemeentelijk), and with the parts of
  compounds that the other texts know added (belastingsamenwerking also counts as belasting
  and samenwerking). The reason names the words that matched most;
* region: 1 for the same province;
* the expert's municipality: 1 when it takes part in a collaboration in a form the question is
  about (experience of the organisation, not of the person: like the region it only adds to a
  subject match);
* load: minus 2 × the share of their monthly limit already used this month.

Only experts who are open for questions, are not the asker, and have been asked fewer times this
month than their own limit are candidates: nobody is suggested beyond their limit. Experts
without any subject match (expertise, evidence or text) are never suggested just for their
region. Ties go to the less loaded expert, then the lower id.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from portal import dutch

WEIGHT_THEME = 3.0
WEIGHT_FORM = 2.0
WEIGHT_TASK = 1.0
WEIGHT_TAG = 2.0
WEIGHT_ITEM = 1.0
MAX_ITEMS = 3
WEIGHT_ANSWER = 1.0
MAX_ANSWERS = 3
WEIGHT_TEXT = 8.0
WEIGHT_REGION = 1.0
WEIGHT_MUNICIPALITY_FORM = 1.0
WEIGHT_LOAD = 2.0
MIN_TEXT_SIMILARITY = 0.05
TOP = 5

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Evidence:
    """A kennisbank item the expert is contact for, or a question they answered helpfully."""

    title: str
    themes: frozenset[str] = frozenset()
    text: str = ""
    kind: str = ""  # the item type, for the reason ("praktijkvoorbeeld")


@dataclass(frozen=True)
class Expert:
    id: int
    name: str
    themes: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    task_types: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    province: str = ""
    text: str = ""
    items: tuple[Evidence, ...] = ()
    # The expert's municipality and the forms of the collaborations it takes part in.
    municipality: str = ""
    municipality_forms: tuple[tuple[str, int], ...] = ()  # (form, number of collaborations)
    answers: tuple[Evidence, ...] = ()
    open_for_questions: bool = True
    monthly_limit: int = 3
    asked_this_month: int = 0

    @property
    def available(self) -> bool:
        return self.open_for_questions and self.asked_this_month < self.monthly_limit


@dataclass(frozen=True)
class QuestionProfile:
    text: str
    themes: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    task_types: frozenset[str] = frozenset()
    province: str = ""
    asker_id: int | None = None


# Reason codes. terms: what matched, as the data has it (theme and form names, task type keys,
# tags, the question's words, a province key); titles: the items or questions behind it.
THEME = "theme"
FORM = "form"
TASK = "task"
TAG = "tag"
ITEM = "item"
ANSWER = "answer"
PROFILE_WORDS = "profile_words"
CONTRIBUTION_WORDS = "contribution_words"
PROVINCE = "province"
MUNICIPALITY_FORM = "municipality_form"
LOAD = "load"


@dataclass(frozen=True)
class Reason:
    code: str
    points: float = 0.0
    terms: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    count: int = 0
    limit: int = 0


@dataclass(frozen=True)
class Match:
    expert_id: int
    name: str
    score: float
    reasons: tuple[Reason, ...] = field(default=())


def tokens(text: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Folded, stemmed words of three letters or more, stopwords removed."""
    words = (dutch.fold(w) for w in WORD.findall(text or ""))
    return [dutch.stem(w) for w in words if len(w) >= 3 and w not in stopwords]


def with_compound_parts(counts: Counter, split: Mapping[str, tuple[str, ...]]) -> Counter:
    """The token counts plus the parts of each compound token (see compound_splits)."""
    out = Counter(counts)
    for token, n in counts.items():
        for part in split.get(token, ()):
            out[part] += n
    return out


def compound_splits(vocabulary: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Compound tokens of the vocabulary and their parts: a known head and a tail (both
    known if possible; aanslagbiljet -> aanslag + biljet)."""
    known = set(vocabulary)

    def is_known(part: str) -> bool:
        return len(part) > dutch.MIN_PART and dutch.stem(part) in known

    result = {}
    for token in known:
        if len(token) >= 2 * (dutch.MIN_PART + 1):
            parts = dutch.head_split(token, is_known)
            if parts:
                result[token] = tuple(dutch.stem(p) for p in parts)
    return result


def _vector(counts: Counter, idf: Mapping[str, float]) -> dict[str, float]:
    vec = {t: (1 + math.log(n)) * idf.get(t, 0.0) for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def expert_document(expert: Expert) -> str:
    # Ticked themes are not text: they already count as themes, and in the text they made a
    # broad profile look like an answer to every question in those themes.
    parts = [expert.text, " ".join(expert.tags)]
    parts += [f"{e.title} {e.text}" for e in expert.items + expert.answers]
    return " ".join(parts)


def lower_first(name: str) -> str:
    """ "Belastingen en WOZ" → "belastingen en WOZ"; abbreviations ("ICT") stay as they are."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def score_expert(
    question: QuestionProfile,
    expert: Expert,
    *,
    similarity: float,
    question_tokens: frozenset[str],
    stopwords: frozenset[str] = frozenset(),
    shared_words: Sequence[str] = (),
    word_sources: Mapping[str, tuple[str, ...]] | None = None,
) -> Match:
    """One expert's score and reasons for one question (the expert must be a candidate).

    word_sources: for each shared word, the titles of the contributions it comes from; a word
    with no titles is in the expert's own profile.
    """
    score = 0.0
    subject = 0.0
    reasons: list[Reason] = []

    themes = sorted(question.themes & expert.themes)
    if themes:
        points = WEIGHT_THEME * len(themes) / math.sqrt(len(expert.themes))
        score += points
        reasons.append(Reason(THEME, points, terms=tuple(themes)))
    forms = sorted(question.forms & expert.forms)
    if forms:
        points = WEIGHT_FORM * len(forms)
        score += points
        reasons.append(Reason(FORM, points, terms=tuple(forms)))
    tasks = sorted(question.task_types & expert.task_types)
    if tasks:
        points = WEIGHT_TASK * len(tasks)
        score += points
        reasons.append(Reason(TASK, points, terms=tuple(tasks)))
    tags = sorted(t for t in expert.tags if set(tokens(t, stopwords)) & question_tokens)
    if tags:
        points = WEIGHT_TAG * len(tags)
        score += points
        reasons.append(Reason(TAG, points, terms=tuple(tags)))
    subject += score

    def relevant(e: Evidence) -> bool:
        return bool(e.themes & question.themes) or bool(
            set(tokens(e.title, stopwords)) & question_tokens
        )

    items = [e for e in expert.items if relevant(e)]
    if items:
        points = WEIGHT_ITEM * min(len(items), MAX_ITEMS)
        score += points
        subject += points
        about = sorted({t for e in items for t in e.themes & question.themes})
        reasons.append(
            Reason(
                ITEM,
                points,
                terms=tuple(about),
                titles=tuple(e.title for e in items),
                count=len(items),
            )
        )
    answers = [e for e in expert.answers if relevant(e)]
    if answers:
        points = WEIGHT_ANSWER * min(len(answers), MAX_ANSWERS)
        score += points
        subject += points
        reasons.append(
            Reason(ANSWER, points, titles=tuple(e.title for e in answers), count=len(answers))
        )
    if similarity >= MIN_TEXT_SIMILARITY:
        points = WEIGHT_TEXT * similarity
        score += points
        subject += points
        sources = word_sources or {}
        own = tuple(w for w in shared_words if not sources.get(w))
        elsewhere = tuple(w for w in shared_words if sources.get(w))
        titles = tuple(dict.fromkeys(t for w in elsewhere for t in sources[w]))
        # The points go with the first reason; both name what matched.
        if own or not elsewhere:
            reasons.append(Reason(PROFILE_WORDS, points, terms=own))
            points = 0.0
        if elsewhere:
            reasons.append(Reason(CONTRIBUTION_WORDS, points, terms=elsewhere, titles=titles))

    if subject <= 0:
        return Match(expert.id, expert.name, 0.0, ())

    if question.province and question.province == expert.province:
        score += WEIGHT_REGION
        reasons.append(Reason(PROVINCE, WEIGHT_REGION, terms=(expert.province,)))
    experience = sorted((f, n) for f, n in expert.municipality_forms if f in question.forms)
    if experience:
        score += WEIGHT_MUNICIPALITY_FORM
        reasons.append(
            Reason(
                MUNICIPALITY_FORM,
                WEIGHT_MUNICIPALITY_FORM,
                terms=tuple(f for f, _n in experience),
                titles=(expert.municipality,),
                count=sum(n for _f, n in experience),
            )
        )
    if expert.monthly_limit:
        load = expert.asked_this_month / expert.monthly_limit
        if load:
            score -= WEIGHT_LOAD * load
            reasons.append(
                Reason(
                    LOAD,
                    -WEIGHT_LOAD * load,
                    count=expert.asked_this_month,
                    limit=expert.monthly_limit,
                )
            )
    return Match(expert.id, expert.name, round(score, 4), tuple(reasons))


def suggest(
    question: QuestionProfile,
    experts: Sequence[Expert],
    *,
    stopwords: Iterable[str] = (),
    limit: int = TOP,
) -> list[Match]:
    """The best `limit` available experts for the question, best first, with reasons."""
    stop = frozenset(stopwords)
    candidates = [
        e
        for e in experts
        if e.available and (question.asker_id is None or e.id != question.asker_id)
    ]
    if not candidates:
        return []
    documents = [Counter(tokens(expert_document(e), stop)) for e in candidates]
    query_counts = Counter(tokens(question.text, stop))
    # The reasons name a matched word as the question wrote it, not as its stem.
    surface = {}
    for word in WORD.findall(question.text or ""):
        surface.setdefault(dutch.stem(dutch.fold(word)), word.lower())
    split = compound_splits({t for doc in documents for t in doc} | set(query_counts))
    documents = [with_compound_parts(doc, split) for doc in documents]
    query_counts = with_compound_parts(query_counts, split)
    df: Counter = Counter()
    for doc in documents:
        df.update(doc.keys())
    total = len(documents)
    idf = {t: math.log((1 + total) / (1 + n)) + 1 for t, n in df.items()}
    query_vector = _vector(query_counts, idf)
    question_tokens = frozenset(query_counts)
    matches = []
    for expert, doc in zip(candidates, documents, strict=True):
        doc_vector = _vector(doc, idf)
        similarity = _cosine(query_vector, doc_vector) if query_vector else 0.0
        shared = sorted(
            (t for t in query_vector if t in doc_vector),
            key=lambda t: (-query_vector[t] * doc_vector[t], t),
        )[:3]
        kwargs = {
            "similarity": similarity,
            "question_tokens": question_tokens,
            "stopwords": stop,
            "shared_words": [surface.get(t, t) for t in shared],
        }
        match = score_expert(question, expert, **kwargs)
        if match.score > 0:
            load = expert.asked_this_month / max(expert.monthly_limit, 1)
            matches.append((-match.score, load, expert.id, expert, shared, kwargs))
    matches.sort(key=lambda m: m[:3])
    # Where the shared words come from only matters for the few shown: worked out for them.
    return [
        score_expert(
            question,
            expert,
            word_sources=_word_sources(expert, shared, surface, split, stop),
            **kwargs,
        )
        for _s, _l, _i, expert, shared, kwargs in matches[:limit]
    ]


def _word_sources(
    expert: Expert,
    shared: Sequence[str],
    surface: Mapping[str, str],
    split: Mapping[str, tuple[str, ...]],
    stopwords: frozenset[str],
) -> dict[str, tuple[str, ...]]:
    """For each shared word (as the question wrote it): () when the expert's own profile has
    it, else the titles of the items and answers it comes from."""
    if not shared:
        return {}

    def has(text: str) -> set[str]:
        return set(with_compound_parts(Counter(tokens(text, stopwords)), split))

    own = has(f"{expert.text} {' '.join(expert.tags)}")
    result = {}
    for token in shared:
        if token in own:
            result[surface.get(token, token)] = ()
            continue
        result[surface.get(token, token)] = tuple(
            e.title for e in expert.items + expert.answers if token in has(f"{e.title} {e.text}")
        )
    return result


def precision_at_k(suggested: Sequence[int], relevant: Iterable[int], k: int = TOP) -> float:
    """Share of the first k suggestions that are relevant (k counts even if fewer suggested)."""
    wanted = set(relevant)
    return sum(1 for i in suggested[:k] if i in wanted) / k
