"""Netwerkregie: bestuurlijke drukte per municipality, and whom to work with on a subject.

Pure Python over frozen dataclasses: no Django, no database. netwerk/register/services/ maps the
rows to these dataclasses and the pages show the results; every score comes with its reasons.

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

Partner advice ("Met wie kunnen we samenwerken op X?") comes in two parts, so that what the
official already knows is said once and the rest is news (netwerkregie's first lesson: see what
exists before building something new):

1. ``together``: the arrangements in domain X the asker already takes part in, each body once,
   with its partners, its form and the lighter route. Widening one of them (a task or a partner
   more) is lighter than a new arrangement: the governance exists. ``route`` says how light:
   ``light`` for a form of weight 3 or less (an agreement: amend it), ``body`` for a form with
   an organisation of its own (change the regeling, the members' councils decide), ``unknown``
   when the register does not know the form (ask for the regeling first).
   ``joinable`` lists the arrangements in X the asker is not in but that a neighbour (or a
   municipality in the same COROP area) takes part in: joining one is lighter than building.
2. ``candidates``: municipalities not yet together with the asker in any arrangement in X,
   ranked by points:

   * ties elsewhere: ``TIE_POINTS`` per active arrangement shared with the asker (at most
     ``TIE_CAP``); none of them is in X, by construction;
   * neighbourhood: ``NEIGHBOUR_POINTS`` for a shared border;
   * region: ``COROP_POINTS`` for the same COROP area, ``SAFETY_REGION_POINTS`` for the same
     safety region, ``PROVINCE_POINTS`` for the same province;
   * comparable size: ``SIZE_POINTS`` times the ratio of the smaller to the larger population
     (equal size gives all points, a partner twice as large half);
   * what they already do in X: ``EXPERIENCE_POINTS`` per active arrangement of the candidate
     in X (at most ``EXPERIENCE_CAP``), named, and each body once; ``JOIN_POINTS`` more when
     one of them is joinable for the asker (it works next door).

   The total decides the order (ties broken by name). A candidate whose only reasons are size
   and province is left out: that is no reason to call someone.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

from netwerk.register.opendata.names import sort_key

HEAVY_WEIGHT = 5
PEERS = 20

TIE_POINTS = 0.5
TIE_CAP = 5.0
DOMAIN_TIE_POINTS = 2.0
NEIGHBOUR_POINTS = 3.0
COROP_POINTS = 1.0
SAFETY_REGION_POINTS = 1.0
PROVINCE_POINTS = 0.5
SIZE_POINTS = 2.0
# Experience weighs less than ties and place: a tax office at the other end of the country is
# something to learn from, a neighbour outside one's own arrangements someone to call.
EXPERIENCE_POINTS = 0.5
EXPERIENCE_CAP = 1.5
JOIN_POINTS = 1.0
LIGHT_WEIGHT = 3  # forms up to this weight are agreements, not bodies
WEAK_REASONS = frozenset({"size", "province"})


@dataclass(frozen=True)
class Arrangement:
    """An active collaboration: its domain, the weight of its form (None: unknown), members."""

    id: int
    domain: str
    weight: int | None
    members: frozenset[str]  # CBS codes of today's municipalities
    name: str = ""
    form: str = ""  # the form's name ("" unknown)


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    population: int | None
    neighbours: frozenset[str] = frozenset()
    corop: str = ""
    safety_region: str = ""
    province: str = ""


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

    code: str  # "ties", "neighbour", "corop", "safety_region", "province", "size", "experience"
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


@dataclass(frozen=True)
class Together:
    """An arrangement in the domain the asker already takes part in."""

    arrangement: Arrangement
    partners: tuple[str, ...]  # the other municipalities, by name
    route: str  # "light", "body" or "unknown": how light widening it is


@dataclass(frozen=True)
class Joinable:
    """An arrangement in the domain next door that the asker could join."""

    arrangement: Arrangement
    neighbours: tuple[str, ...]  # members that border the asker, by name
    nearby: tuple[str, ...]  # other members in the asker's COROP area, by name


@dataclass(frozen=True)
class PartnerAdvice:
    together: tuple[Together, ...]
    joinable: tuple[Joinable, ...]
    candidates: tuple[Candidate, ...]


def route_of(arrangement: Arrangement) -> str:
    if arrangement.weight is None:
        return "unknown"
    return "light" if arrangement.weight <= LIGHT_WEIGHT else "body"


def partner_advice(
    asker: str,
    domain: str,
    places: dict[str, Place],
    arrangements: Iterable[Arrangement],
    limit: int | None = 10,
) -> PartnerAdvice:
    """What the asker already does in `domain`, what it could join, and new partners to call."""
    index = _by_member(arrangements)
    me = places[asker]
    mine = index.get(asker, [])
    in_domain = [a for a in mine if a.domain == domain]
    together_codes = set().union(*(a.members for a in in_domain)) - {asker}

    def names(codes: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted((places[c].name for c in codes if c in places), key=sort_key))

    together = tuple(
        Together(a, names(a.members - {asker}), route_of(a))
        for a in sorted(in_domain, key=lambda a: (-len(a.members), a.name))
    )
    seen: set[int] = {a.id for a in in_domain}
    joinable_list = []
    corop = {p.code for p in places.values() if me.corop and p.corop == me.corop} - {asker}
    for code in sorted(me.neighbours | corop):
        for a in index.get(code, []):
            if a.domain != domain or a.id in seen or asker in a.members:
                continue
            seen.add(a.id)
            near = a.members & me.neighbours
            joinable_list.append(Joinable(a, names(near), names((a.members & corop) - near)))
    joinable_list.sort(key=lambda j: (-len(j.neighbours), -len(j.nearby), j.arrangement.name))
    joinable = tuple(joinable_list)
    joinable_ids = {j.arrangement.id for j in joinable}

    candidates = []
    for place in places.values():
        if place.code == asker or place.code in together_codes:
            continue
        reasons: list[Reason] = []
        shared = [a for a in mine if place.code in a.members]
        if shared:
            points = min(TIE_CAP, TIE_POINTS * len(shared))
            shared_names = tuple(sorted(a.name for a in shared))
            reasons.append(Reason("ties", points, count=len(shared), names=shared_names))
        if place.code in me.neighbours:
            reasons.append(Reason("neighbour", NEIGHBOUR_POINTS))
        if me.corop and place.corop == me.corop:
            reasons.append(Reason("corop", COROP_POINTS))
        if me.safety_region and place.safety_region == me.safety_region:
            reasons.append(Reason("safety_region", SAFETY_REGION_POINTS))
        if me.province and place.province == me.province:
            reasons.append(Reason("province", PROVINCE_POINTS))
        if me.population and place.population:
            ratio = min(me.population, place.population) / max(me.population, place.population)
            reasons.append(Reason("size", round(SIZE_POINTS * ratio, 2), ratio=ratio))
        experience = sorted(
            (a for a in index.get(place.code, []) if a.domain == domain), key=lambda a: a.name
        )
        if experience:
            points = min(EXPERIENCE_CAP, EXPERIENCE_POINTS * len(experience))
            if any(a.id in joinable_ids for a in experience):
                points += JOIN_POINTS
            body_names = tuple(a.name for a in experience)
            reasons.append(Reason("experience", points, count=len(experience), names=body_names))
        score = round(sum(r.points for r in reasons), 2)
        if any(r.code not in WEAK_REASONS for r in reasons):
            candidates.append(Candidate(place.code, place.name, score, tuple(reasons)))
    candidates.sort(key=lambda c: (-c.score, sort_key(c.name)))
    return PartnerAdvice(
        together=together,
        joinable=joinable,
        candidates=tuple(candidates[:limit] if limit else candidates),
    )
