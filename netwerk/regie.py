"""Netwerkregie: bestuurlijke drukte per municipality, and whom to work with on a subject.

Pure Python over frozen dataclasses: no Django, no database. netwerk/services.py maps the rows
to these dataclasses and the pages show the results; every score comes with its reasons.

Bestuurlijke drukte (administrative crowding) of a municipality, over the collaborations it
takes part in that have not ended:

* ``arrangements``: the number of collaborations;
* ``partner_sets``: the number of distinct sets of partner municipalities across them. Five
  arrangements with the same four neighbours are one table to sit at; five arrangements with
  five different groups are five. Arrangements without another municipality count no set;
* ``heavy_share``: of the arrangements whose form is known, the share in a heavy form (weight
  5 or more on the modellentool scale: bedrijfsvoeringsorganisatie, openbaar lichaam, private
  legal person, merged civil service). None when no form is known.

Each measure is compared with the municipalities of similar size: the ``PEERS`` municipalities
closest in population on a logarithmic scale (a town of 20,000 is compared with towns of
14,000-28,000, not with cities). The comparison gives the peers' median and how many peers score
lower.

Partner ranking ("Met wie kunnen we samenwerken op X?"): every other municipality gets points

* existing ties: ``TIE_POINTS`` per active arrangement shared with the asker (at most
  ``TIE_CAP`` points), plus ``DOMAIN_TIE_POINTS`` when one of them is in domain X;
* neighbourhood: ``NEIGHBOUR_POINTS`` for a shared border, ``COROP_POINTS`` for the same COROP
  area, ``SAFETY_REGION_POINTS`` for the same safety region;
* comparable size: ``SIZE_POINTS`` times the ratio of the smaller to the larger population
  (equal size gives all points, a partner twice as large half);
* what they already do in domain X: ``EXPERIENCE_POINTS`` per active arrangement of the
  candidate in X (at most ``EXPERIENCE_CAP`` points), so a partner with experience ranks higher.

The total decides the order (ties broken by name). A candidate whose only reason is its size
is left out: size alone is no reason to call someone.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

HEAVY_WEIGHT = 5
PEERS = 20

TIE_POINTS = 0.5
TIE_CAP = 5.0
DOMAIN_TIE_POINTS = 2.0
NEIGHBOUR_POINTS = 3.0
COROP_POINTS = 1.0
SAFETY_REGION_POINTS = 1.0
SIZE_POINTS = 2.0
EXPERIENCE_POINTS = 1.0
EXPERIENCE_CAP = 3.0


@dataclass(frozen=True)
class Arrangement:
    """An active collaboration: its domain, the weight of its form (None: unknown), members."""

    id: int
    domain: str
    weight: int | None
    members: frozenset[str]  # CBS codes of today's municipalities
    name: str = ""


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    population: int | None
    neighbours: frozenset[str] = frozenset()
    corop: str = ""
    safety_region: str = ""


@dataclass(frozen=True)
class Drukte:
    arrangements: int
    partner_sets: int
    known_form: int
    heavy: int

    @property
    def heavy_share(self) -> float | None:
        return self.heavy / self.known_form if self.known_form else None


@dataclass(frozen=True)
class Benchmark:
    """One measure of a municipality next to its peers'."""

    value: float | None
    peer_median: float | None
    peers_lower: int  # peers with a lower value
    peers_counted: int  # peers with a value at all


@dataclass(frozen=True)
class Comparison:
    peers: tuple[str, ...]
    arrangements: Benchmark
    partner_sets: Benchmark
    heavy_share: Benchmark


@dataclass(frozen=True)
class Reason:
    """Why a candidate got points: a code the page turns into a sentence, and the facts."""

    code: str  # "ties", "domain_tie", "neighbour", "corop", "safety_region", "size", "experience"
    points: float
    count: int = 0
    names: tuple[str, ...] = ()
    ratio: float = 0.0


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    score: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


def _by_member(arrangements: Iterable[Arrangement]) -> dict[str, list[Arrangement]]:
    index: dict[str, list[Arrangement]] = defaultdict(list)
    for arrangement in arrangements:
        for code in arrangement.members:
            index[code].append(arrangement)
    return index


def drukte(code: str, arrangements: Iterable[Arrangement]) -> Drukte:
    """The measures for one municipality (only the arrangements it is a member of count)."""
    own = [a for a in arrangements if code in a.members]
    partner_sets = {a.members - {code} for a in own if len(a.members) > 1}
    known = [a for a in own if a.weight is not None]
    heavy = [a for a in known if a.weight >= HEAVY_WEIGHT]
    return Drukte(len(own), len(partner_sets), len(known), len(heavy))


def drukte_all(codes: Iterable[str], arrangements: Iterable[Arrangement]) -> dict[str, Drukte]:
    """The measures for many municipalities in one pass over the arrangements."""
    index = _by_member(arrangements)
    return {code: drukte(code, index.get(code, [])) for code in codes}


def peers_of(code: str, places: dict[str, Place], k: int = PEERS) -> tuple[str, ...]:
    """The k municipalities closest in population on a log scale (not the municipality itself)."""
    own = places[code].population
    if not own:
        return ()
    distances = sorted(
        (abs(math.log(p.population) - math.log(own)), p.name, p.code)
        for p in places.values()
        if p.code != code and p.population
    )
    return tuple(c for _, _, c in distances[:k])


def _benchmark(value: float | None, peer_values: list[float | None]) -> Benchmark:
    counted = [v for v in peer_values if v is not None]
    return Benchmark(
        value=value,
        peer_median=median(counted) if counted else None,
        peers_lower=sum(1 for v in counted if value is not None and v < value),
        peers_counted=len(counted),
    )


def compare(
    code: str, places: dict[str, Place], profiles: dict[str, Drukte], k: int = PEERS
) -> Comparison:
    """The municipality's measures next to those of its k peers in size."""
    peers = peers_of(code, places, k)
    own = profiles.get(code, Drukte(0, 0, 0, 0))
    theirs = [profiles.get(p, Drukte(0, 0, 0, 0)) for p in peers]
    return Comparison(
        peers=peers,
        arrangements=_benchmark(own.arrangements, [d.arrangements for d in theirs]),
        partner_sets=_benchmark(own.partner_sets, [d.partner_sets for d in theirs]),
        heavy_share=_benchmark(own.heavy_share, [d.heavy_share for d in theirs]),
    )


def rank_partners(
    asker: str,
    domain: str,
    places: dict[str, Place],
    arrangements: Iterable[Arrangement],
    limit: int | None = 10,
) -> list[Candidate]:
    """Other municipalities ranked as partners for `asker` in `domain`, each with its reasons."""
    index = _by_member(arrangements)
    me = places[asker]
    mine = index.get(asker, [])
    candidates = []
    for place in places.values():
        if place.code == asker:
            continue
        reasons: list[Reason] = []
        shared = [a for a in mine if place.code in a.members]
        if shared:
            points = min(TIE_CAP, TIE_POINTS * len(shared))
            names = tuple(sorted(a.name for a in shared))
            reasons.append(Reason("ties", points, count=len(shared), names=names))
            in_domain = tuple(sorted(a.name for a in shared if a.domain == domain))
            if in_domain:
                reasons.append(
                    Reason("domain_tie", DOMAIN_TIE_POINTS, count=len(in_domain), names=in_domain)
                )
        if place.code in me.neighbours:
            reasons.append(Reason("neighbour", NEIGHBOUR_POINTS))
        if me.corop and place.corop == me.corop:
            reasons.append(Reason("corop", COROP_POINTS))
        if me.safety_region and place.safety_region == me.safety_region:
            reasons.append(Reason("safety_region", SAFETY_REGION_POINTS))
        if me.population and place.population:
            ratio = min(me.population, place.population) / max(me.population, place.population)
            reasons.append(Reason("size", round(SIZE_POINTS * ratio, 2), ratio=ratio))
        experience = [a for a in index.get(place.code, []) if a.domain == domain]
        if experience:
            points = min(EXPERIENCE_CAP, EXPERIENCE_POINTS * len(experience))
            names = tuple(sorted(a.name for a in experience))
            reasons.append(Reason("experience", points, count=len(experience), names=names))
        score = round(sum(r.points for r in reasons), 2)
        # Size alone (every municipality has a size) is no reason to call someone.
        if any(r.code != "size" for r in reasons):
            candidates.append(Candidate(place.code, place.name, score, tuple(reasons)))
    candidates.sort(key=lambda c: (-c.score, c.name))
    return candidates[:limit] if limit else candidates
