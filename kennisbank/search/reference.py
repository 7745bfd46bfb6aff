"""Reference data the search reads once: municipalities, themes, synonyms and the thesaurus."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from django.db import connections, router
from django.utils import timezone

from portal import dutch
from portal.constants import Motive, Province, TaskType
from portal.models import CollaborationModel, Municipality, Theme

from ..constants import FACET_PREFIX, EvidenceLevel, ItemType
from ..models import NarrowerTerm, Synonym

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
