"""Measured search relevance: a judged collection, judged queries, nDCG@10 and recall@10.

The collection (fixtures/relevance/search_items.txt) and the queries with their graded
judgements (search_queries.txt) were written for this purpose, not taken from the demo content
that the search rules were tuned on. Judgements are by meaning: each item carries topic labels
that are never searched, and a query grades topics or single items 2 (answers the question) or
1 (useful, related); everything else is 0.

Metrics, over the first ``CUTOFF`` results of what the search page shows, in order:

* nDCG@10: DCG = sum over ranks i of (2^grade - 1) / log2(i + 1), divided by the DCG of the
  ideal order of all judged items;
* recall@10: the share of the items graded 1 or 2 that appear in the first ten, out of at most
  ten (a query with fourteen relevant items is perfect with ten of them on top).

``load_collection`` writes the items into the current database (tests, or the separate database
of ``manage.py eval_search``); ``evaluate`` runs every query through ``search.search``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "relevance"
ITEMS_FILE = DATA_DIR / "search_items.txt"
QUERIES_FILE = DATA_DIR / "search_queries.txt"
CUTOFF = 10
TYPES = {
    "p": "praktijkvoorbeeld",
    "o": "onderzoek",
    "l": "praktijkles",
    "d": "themadossier",
}


@dataclass(frozen=True)
class JudgedItem:
    key: str
    type: str
    published_on: dt.date
    topics: tuple[str, ...]
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    grades: dict[str, int]  # item key -> 1 or 2


def _lines(path: Path) -> Iterable[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


def read_items(path: Path = ITEMS_FILE) -> list[JudgedItem]:
    items = []
    for line in _lines(path):
        key, kind, date, topics, title, summary, body = (p.strip() for p in line.split("|"))
        items.append(
            JudgedItem(
                key=key,
                type=TYPES[kind],
                published_on=dt.date.fromisoformat(date),
                topics=tuple(t.strip() for t in topics.split(",")),
                title=title,
                summary=summary,
                body=body,
            )
        )
    return items


def read_queries(items: Sequence[JudgedItem], path: Path = QUERIES_FILE) -> list[JudgedQuery]:
    by_topic: dict[str, list[str]] = {}
    for item in items:
        for topic in item.topics:
            by_topic.setdefault(topic, []).append(item.key)
    keys = {item.key for item in items}
    queries = []
    for line in _lines(path):
        text, two, one = (p.strip() for p in line.split("|"))
        grades: dict[str, int] = {}
        for grade, labels in ((1, one), (2, two)):
            for label in labels.split():
                if label in keys:
                    members = [label]
                elif label in by_topic:
                    members = by_topic[label]
                else:
                    raise ValueError(f"onbekend onderwerp of item {label!r} bij {text!r}")
                for key in members:
                    grades[key] = max(grades.get(key, 0), grade)
        queries.append(JudgedQuery(text=text, grades=grades))
    return queries


def ndcg(ranked: Sequence[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    def dcg(gains: Iterable[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))

    ideal = dcg(sorted(grades.values(), reverse=True)[:cutoff])
    if not ideal:
        return 1.0
    return dcg(grades.get(key, 0) for key in ranked[:cutoff]) / ideal


def recall(ranked: Sequence[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    relevant = {key for key, g in grades.items() if g > 0}
    if not relevant:
        return 1.0
    found = len(relevant & set(ranked[:cutoff]))
    return found / min(len(relevant), cutoff)


@dataclass(frozen=True)
class QueryScore:
    query: str
    ndcg: float
    recall: float
    ranked: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    scores: tuple[QueryScore, ...]

    @property
    def ndcg(self) -> float:
        return sum(s.ndcg for s in self.scores) / len(self.scores)

    @property
    def recall(self) -> float:
        return sum(s.recall for s in self.scores) / len(self.scores)

    @property
    def zero(self) -> list[str]:
        return [s.query for s in self.scores if s.ndcg == 0]

    def lines(self) -> list[str]:
        width = max(len(s.query) for s in self.scores)
        out = [f"{'zoekvraag':<{width}}  nDCG@10  recall@10"]
        out += [f"{s.query:<{width}}  {s.ndcg:7.3f}  {s.recall:9.3f}" for s in self.scores]
        out.append(f"{'gemiddeld':<{width}}  {self.ndcg:7.3f}  {self.recall:9.3f}")
        out.append(f"vragen op nul: {len(self.zero)} {self.zero if self.zero else ''}".rstrip())
        return out


def ranked_keys(result, keys: dict[int, str]) -> list[str]:
    """The judged keys of a result page in the order the page shows them."""
    hits = [
        *result.hits,
        *getattr(result, "related_hits", ()),
        *getattr(result, "partial_hits", ()),
    ]
    return [keys[hit.id] for hit in hits if hit.id in keys]


def evaluate(
    queries: Sequence[JudgedQuery],
    keys: dict[int, str],
    run: Callable[[str], object],
) -> Report:
    """Score `run` (a query text -> a search result) on the judged queries."""
    scores = []
    for query in queries:
        ranked = ranked_keys(run(query.text), keys)
        scores.append(
            QueryScore(
                query=query.text,
                ndcg=ndcg(ranked, query.grades),
                recall=recall(ranked, query.grades),
                ranked=tuple(ranked[:CUTOFF]),
            )
        )
    return Report(tuple(scores))
