"""Probable duplicates in the register: two entries that may be one body.

Pure Python (no Django). Two active entries are a probable duplicate when one of these holds,
each giving a reason an editor can check:

* ``same_name``: the names are equal once case, accents, punctuation and parenthesised
  additions are left out ("GGD Zuid Limburg" and "GGD Zuid-Limburg");
* ``near_name``: the names are very alike (difflib ratio at least ``NEAR_NAME``), or one name
  is the other with a prefix such as "Stadsregio" ("Parkstad Limburg", "Stadsregio Parkstad
  Limburg");
* ``abbreviation``: one name is, or ends in, an abbreviation that the other's abbreviation or
  initials match, letters in any order (so a typing error such as "BsWG" for "BsGW" is found);
* ``members``: the member sets overlap at least ``MEMBER_OVERLAP`` (Jaccard).

Only entries in the same domain (or one of them still "overig") are compared: the regional
divisions (Wmo-regio, RMC-regio, Veilig Thuis) often have the same members and names that
differ in one word, yet are different bodies. A name reason only counts with some member
overlap (at least ``NAME_OVERLAP``); the member reason alone only when one entry is still
"overig" (the loader could not place it: the typical trace of a second spelling). Editors
decide; nothing here merges anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from netwerk.register.opendata.names import normalise

NEAR_NAME = 0.85
MEMBER_OVERLAP = 0.9
NAME_OVERLAP = 0.5
PREFIXES = (
    "stadsregio ",
    "regio ",
    "gemeenschappelijke regeling ",
    "gr ",
    "samenwerkingsverband ",
    "samenwerking ",
)


@dataclass(frozen=True)
class Entry:
    id: int
    name: str
    domain: str
    members: frozenset[str]


@dataclass(frozen=True)
class Duplicate:
    keep: Entry  # the entry with more members (then the lower id): the one to keep by default
    other: Entry
    reasons: tuple[str, ...]
    overlap: float


def name_key(name: str) -> str:
    return normalise(re.sub(r"\([^)]*\)", " ", name))


def abbreviations(name: str) -> set[str]:
    """Abbreviations a name carries or forms, as sorted letters (order-free, lower case)."""
    found = set()
    for part in re.findall(r"\(([^)]*)\)", name):
        if 2 <= len(part.replace(" ", "")) <= 8:
            found.add(part)
    bare = re.sub(r"\([^)]*\)", " ", name).strip()
    if re.fullmatch(r"[A-Za-z]{2,8}", bare) and sum(ch.isupper() for ch in bare) >= 2:
        found.add(bare)
    return {"".join(sorted(normalise(a).replace(" ", ""))) for a in found if a}


def _strip_prefix(key: str) -> str:
    for prefix in PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def reasons_for(a: Entry, b: Entry) -> tuple[tuple[str, ...], float]:
    overlap = jaccard(a.members, b.members)
    reasons: list[str] = []
    unplaced = "overig" in (a.domain, b.domain)
    if a.domain != b.domain and not unplaced:
        return (), overlap
    ka, kb = name_key(a.name), name_key(b.name)
    if overlap >= NAME_OVERLAP:
        if ka == kb:
            reasons.append("same_name")
        elif (
            _strip_prefix(ka) == _strip_prefix(kb)
            or SequenceMatcher(None, ka, kb).ratio() >= NEAR_NAME
        ):
            reasons.append("near_name")
        if abbreviations(a.name) & abbreviations(b.name):
            reasons.append("abbreviation")
    if overlap >= MEMBER_OVERLAP and len(a.members) > 1 and (reasons or unplaced):
        reasons.append("members")
    return tuple(reasons), overlap


def probable_duplicates(entries: list[Entry]) -> list[Duplicate]:
    """Pairs with at least one reason, the strongest first (most reasons, then overlap)."""
    found = []
    for a, b in combinations(entries, 2):
        if not a.members & b.members:
            continue
        reasons, overlap = reasons_for(a, b)
        if reasons:
            keep, other = sorted((a, b), key=lambda e: (-len(e.members), e.id))
            found.append(Duplicate(keep, other, reasons, round(overlap, 2)))
    found.sort(key=lambda d: (-len(d.reasons), -d.overlap, d.keep.name, d.other.name))
    return found
