"""Which members can best answer a question: a pure, explained and deterministic ranking.

No Django here: netwerk/members.py maps profiles, kennisbank items and answers to the frozen
dataclasses below and back. Every point an expert gets comes with a Dutch reason.

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


@dataclass(frozen=True)
class Match:
    expert_id: int
    name: str
    score: float
    reasons: tuple[str, ...] = field(default=())


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


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def score_expert(
    question: QuestionProfile,
    expert: Expert,
    *,
    similarity: float,
    question_tokens: frozenset[str],
    stopwords: frozenset[str] = frozenset(),
    province_labels: Mapping[str, str] | None = None,
    shared_words: Sequence[str] = (),
) -> Match:
    """One expert's score and reasons for one question (the expert must be a candidate)."""
    score = 0.0
    subject = 0.0
    reasons: list[str] = []

    themes = sorted(question.themes & expert.themes)
    if themes:
        score += WEIGHT_THEME * len(themes) / math.sqrt(len(expert.themes))
        reasons.append("kent " + ", ".join(lower_first(t) for t in themes))
    forms = sorted(question.forms & expert.forms)
    if forms:
        score += WEIGHT_FORM * len(forms)
        reasons.append("kent " + ", ".join(lower_first(f) for f in forms))
    tasks = sorted(question.task_types & expert.task_types)
    if tasks:
        score += WEIGHT_TASK * len(tasks)
        reasons.append("werkt aan " + ", ".join(tasks))
    tags = sorted(t for t in expert.tags if set(tokens(t, stopwords)) & question_tokens)
    if tags:
        score += WEIGHT_TAG * len(tags)
        reasons.append("trefwoord " + ", ".join(tags))
    subject += score

    def relevant(e: Evidence) -> bool:
        return bool(e.themes & question.themes) or bool(
            set(tokens(e.title, stopwords)) & question_tokens
        )

    items = [e for e in expert.items if relevant(e)]
    if items:
        n = min(len(items), MAX_ITEMS)
        score += WEIGHT_ITEM * n
        subject += WEIGHT_ITEM * n
        about = sorted({t for e in items for t in e.themes & question.themes})
        text = f"is contactpersoon van {len(items)} " + _plural(
            len(items), "kennisitem", "kennisitems"
        )
        if about:
            text += " over " + ", ".join(lower_first(t) for t in about)
        reasons.append(text)
    answers = [e for e in expert.answers if relevant(e)]
    if answers:
        n = min(len(answers), MAX_ANSWERS)
        score += WEIGHT_ANSWER * n
        subject += WEIGHT_ANSWER * n
        reasons.append(
            f"gaf {len(answers)} "
            + _plural(len(answers), "gewaardeerd antwoord", "gewaardeerde antwoorden")
            + " op verwante vragen"
        )
    if similarity >= MIN_TEXT_SIMILARITY:
        score += WEIGHT_TEXT * similarity
        subject += WEIGHT_TEXT * similarity
        reason = "profiel en bijdragen lijken op de vraag"
        if shared_words:
            reason += " (" + ", ".join(shared_words) + ")"
        reasons.append(reason)

    if subject <= 0:
        return Match(expert.id, expert.name, 0.0, ())

    if question.province and question.province == expert.province:
        score += WEIGHT_REGION
        labels = province_labels or {}
        reasons.append(f"zelfde provincie ({labels.get(expert.province, expert.province)})")
    if expert.monthly_limit:
        load = expert.asked_this_month / expert.monthly_limit
        if load:
            score -= WEIGHT_LOAD * load
            reasons.append(
                f"deze maand al {expert.asked_this_month} van {expert.monthly_limit} "
                + _plural(expert.monthly_limit, "vraag", "vragen")
            )
    return Match(expert.id, expert.name, round(score, 4), tuple(reasons))


def suggest(
    question: QuestionProfile,
    experts: Sequence[Expert],
    *,
    stopwords: Iterable[str] = (),
    limit: int = TOP,
    province_labels: Mapping[str, str] | None = None,
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
        shared = [
            surface.get(t, t)
            for t in sorted(
                (t for t in query_vector if t in doc_vector),
                key=lambda t: (-query_vector[t] * doc_vector[t], t),
            )[:3]
        ]
        match = score_expert(
            question,
            expert,
            similarity=similarity,
            question_tokens=question_tokens,
            stopwords=stop,
            province_labels=province_labels,
            shared_words=shared,
        )
        if match.score > 0:
            load = expert.asked_this_month / max(expert.monthly_limit, 1)
            matches.append((-match.score, load, expert.id, match))
    matches.sort(key=lambda m: m[:3])
    return [m[3] for m in matches[:limit]]


def precision_at_k(suggested: Sequence[int], relevant: Iterable[int], k: int = TOP) -> float:
    """Share of the first k suggestions that are relevant (k counts even if fewer suggested)."""
    wanted = set(relevant)
    return sum(1 for i in suggested[:k] if i in wanted) / k
