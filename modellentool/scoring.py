"""The modellentool's advice: which form of cooperation fits, and why ("vorm volgt functie").

Pure Python over frozen dataclasses; nothing here imports Django, so the rules can be tested
without a database and the same code serves the web pages, the API and the command.

The model of the domain
-----------------------
Every answer is a value on one of the canonical dimensions (``DIMENSIONS``; see
docs MODELLENTOOL.md). A questionnaire version (``Ruleset``) connects answers to the eleven
forms of cooperation with two kinds of rows, both written by editors:

* a ``WeightRule`` adds or subtracts points for one model when its condition holds
  ("bedrijfsvoering" → BVO +20). Rules are independent and additive, so every point on the
  result page can be traced to one answer.
* a ``KnockOut`` rules a model out when its condition holds, for a legal reason ("regelgeving
  must move" → everything but the openbaar lichaam and herindeling is out).

Score: each model starts at 0 points; matching rules add their points. The score shown is the
points on a 0–100 scale, ``100 / (1 + e^(-points / 40))``: 0 points is 50 (neutral), and the
scale flattens towards 0 and 100 so that no model "maxes out". An excluded model scores 0.

Ranking and tie-break (deterministic): models that are not excluded always come first. Within
each group the order is: more points first; on equal points the lighter form first (its place
on the continuum from light to heavy, ``ModelInfo.heaviness``: vorm volgt functie prefers the
lightest form that does the job); then the model key alphabetically. Excluded models are
ordered the same way by the points they would have had, so the strongest alternative to a
ruled-out route is named first.

Close calls: when another form that is not excluded scores within ``CLOSE_GAP`` of the first
on the 0–100 scale (94 against 90, say), the advice does not pretend to know better than the
answers: it names both (or all three) as viable and lists the answered questions whose rules
separate the first two the most (``CloseCall.criteria``), so the reader knows what to weigh.
The gap is measured on the scale people see, so "close" means what it looks like.

Missing answers ("weet ik niet") never fail: the rules on that dimension just do not apply.
They lower the certainty, and ``advise`` tries the alternatives for them to tell which one or
two answers would change the top of the ranking.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

Value = str | int | tuple[str, ...]
Kind = Literal["choice", "multi", "integer"]

# --------------------------------------------------------------------------------------------
# The canonical answers (the machine interface)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dimension:
    key: str
    kind: Kind
    values: tuple[str, ...] = ()
    # Ordered low → high (laag, middel, hoog): a middle answer is "borderline".
    ordinal: bool = False
    minimum: int = 0
    maximum: int = 0
    # Integer dimensions: the values tried when the answer is missing.
    probes: tuple[int, ...] = ()

    def operators(self) -> tuple[str, ...]:
        return {"choice": ("eq", "ne"), "multi": ("contains",), "integer": ("eq", "gte", "lte")}[
            self.kind
        ]

    def accepts(self, text: str) -> bool:
        """Is ``text`` one canonical value (as stored in a rule or an option)?"""
        if self.kind == "integer":
            return text.isdigit() and self.minimum <= int(text) <= self.maximum
        return text in self.values


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "task_type", "choice", ("uitvoering", "bedrijfsvoering", "dienstverlening", "beleid")
    ),
    Dimension("policy_discretion", "choice", ("laag", "middel", "hoog"), ordinal=True),
    Dimension("powers", "choice", ("geen", "mandaat", "delegatie", "regelgeving"), ordinal=True),
    Dimension("partners", "integer", minimum=2, maximum=400, probes=(2, 4, 8)),
    Dimension("partner_structure", "choice", ("gelijkwaardig", "dominante_aanbieder")),
    Dimension("participants", "choice", ("colleges", "raden")),
    Dimension("other_partners", "choice", ("geen", "overheid", "privaat")),
    Dimension("staff", "choice", ("blijft", "naar_een_gemeente", "naar_nieuwe_organisatie")),
    Dimension("legal_entity_needed", "choice", ("ja", "nee")),
    Dimension("motives", "multi", ("kwetsbaarheid", "kwaliteit", "kosten", "bestuurskracht")),
    Dimension("control", "choice", ("eigen_regie", "gezamenlijk", "op_afstand"), ordinal=True),
    Dimension("exit_flexibility", "choice", ("laag", "middel", "hoog"), ordinal=True),
    Dimension("horizon", "choice", ("tijdelijk", "structureel")),
    Dimension("legally_required", "choice", ("ja", "nee")),
    Dimension("market_activity", "choice", ("ja", "nee")),
    Dimension("integration", "choice", ("geen", "ambtelijk", "bestuurlijk"), ordinal=True),
    Dimension("trust", "choice", ("laag", "hoog")),
    Dimension("shared_vision", "choice", ("ja", "nee")),
)
DIMENSION_BY_KEY: Mapping[str, Dimension] = MappingProxyType({d.key: d for d in DIMENSIONS})
DIMENSION_ORDER: Mapping[str, int] = MappingProxyType({d.key: i for i, d in enumerate(DIMENSIONS)})

MODEL_KEYS: tuple[str, ...] = (
    "netwerk",
    "convenant",
    "dvo",
    "regeling_zonder_meer",
    "centrumgemeente",
    "gemeenschappelijk_orgaan",
    "bedrijfsvoeringsorganisatie",
    "openbaar_lichaam",
    "privaatrechtelijk",
    "ambtelijke_fusie",
    "herindeling",
)
ROUTES: tuple[str, ...] = ("ontwerpaanpak", "ontwikkelaanpak")


class InvalidAnswers(ValueError):
    """An answers document that does not fit the canonical dimensions; says which key."""

    def __init__(self, key: str | None, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


@dataclass(frozen=True)
class Answers:
    """The answered dimensions only; a missing key means "weet ik niet"."""

    values: Mapping[str, Value] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ordered = dict(sorted(self.values.items(), key=lambda kv: DIMENSION_ORDER[kv[0]]))
        object.__setattr__(self, "values", MappingProxyType(ordered))

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str) -> Value | None:
        return self.values.get(key)

    def with_value(self, key: str, value: Value) -> Answers:
        return Answers({**self.values, key: value})

    def as_dict(self) -> dict[str, Value | list[str]]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.values.items()}


def parse_answers(data: object) -> Answers:
    """Checks a JSON-like answers document and returns it as ``Answers``.

    The one validation shared by the command, the HTTP endpoint and the questionnaire. Missing
    keys and ``null`` mean "weet ik niet". Raises ``InvalidAnswers`` with a Dutch message that
    names the offending key.
    """
    if not isinstance(data, Mapping):
        raise InvalidAnswers(
            None, 'De antwoorden moeten een JSON-object zijn, zoals {"powers": "geen"}.'
        )
    values: dict[str, Value] = {}
    for key, raw in data.items():
        dimension = DIMENSION_BY_KEY.get(key) if isinstance(key, str) else None
        if dimension is None:
            known = ", ".join(DIMENSION_BY_KEY)
            raise InvalidAnswers(str(key), f"Onbekende sleutel ‘{key}’. Bekende sleutels: {known}.")
        if raw is None:
            continue
        values[key] = _parse_value(dimension, raw)
    return Answers(values)


def _parse_value(dimension: Dimension, raw: object) -> Value:
    key = dimension.key
    if dimension.kind == "integer":
        # JSON Schema (and so the OpenAPI document) counts 34.0 as the integer 34.
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise InvalidAnswers(key, f"‘{key}’ moet een geheel getal zijn (het aantal gemeenten).")
        if not dimension.minimum <= raw <= dimension.maximum:
            raise InvalidAnswers(
                key,
                f"‘{key}’ moet tussen {dimension.minimum} en {dimension.maximum} liggen "
                "(het aantal gemeenten, de vrager meegeteld).",
            )
        return raw
    allowed = ", ".join(dimension.values)
    if dimension.kind == "multi":
        if not isinstance(raw, list | tuple):
            raise InvalidAnswers(key, f"‘{key}’ moet een lijst zijn met waarden uit: {allowed}.")
        for item in raw:
            if not isinstance(item, str) or item not in dimension.values:
                raise InvalidAnswers(
                    key, f"Onbekende waarde ‘{item}’ bij ‘{key}’. Toegestaan: {allowed}."
                )
        return tuple(sorted(set(raw), key=dimension.values.index))
    if not isinstance(raw, str) or raw not in dimension.values:
        raise InvalidAnswers(key, f"Onbekende waarde ‘{raw}’ bij ‘{key}’. Toegestaan: {allowed}.")
    return raw


# --------------------------------------------------------------------------------------------
# A questionnaire version as data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    dimension: str
    operator: str  # eq, ne (choice); contains (multi); eq, gte, lte (integer)
    value: str  # canonical value as text

    def matches(self, answers: Answers) -> bool:
        answer = answers.get(self.dimension)
        if answer is None:
            return False
        if self.operator == "contains":
            return isinstance(answer, tuple) and self.value in answer
        if self.operator in ("gte", "lte"):
            if not isinstance(answer, int):
                return False
            limit = int(self.value)
            return answer >= limit if self.operator == "gte" else answer <= limit
        if isinstance(answer, int):
            return (answer == int(self.value)) == (self.operator == "eq")
        return (answer == self.value) == (self.operator == "eq")

    def problems(self) -> list[str]:
        dimension = DIMENSION_BY_KEY.get(self.dimension)
        if dimension is None:
            return [f"onbekende dimensie ‘{self.dimension}’"]
        found = []
        if self.operator not in dimension.operators():
            found.append(f"bewerking ‘{self.operator}’ past niet bij ‘{self.dimension}’")
        if not dimension.accepts(self.value):
            found.append(f"waarde ‘{self.value}’ bestaat niet bij ‘{self.dimension}’")
        return found


@dataclass(frozen=True)
class ModelInfo:
    key: str
    name: str
    heaviness: int  # 1 (light) … 10 (heavy): the continuum of seed 004


@dataclass(frozen=True)
class WeightRule:
    condition: Condition
    model: str
    points: int
    reason: str


@dataclass(frozen=True)
class KnockOut:
    condition: Condition
    model: str
    reason: str


@dataclass(frozen=True)
class FactorTrigger:
    condition: Condition
    note: str


@dataclass(frozen=True)
class Factor:
    """A success or failure factor of cooperation (seed 004 §3) and the answers that touch it."""

    code: str
    title: str
    text: str
    triggers: tuple[FactorTrigger, ...]


@dataclass(frozen=True)
class Route:
    key: str  # ontwerpaanpak | ontwikkelaanpak
    name: str
    summary: str
    pitfall: str


@dataclass(frozen=True)
class Ruleset:
    version: int
    models: tuple[ModelInfo, ...]
    weights: tuple[WeightRule, ...]
    knockouts: tuple[KnockOut, ...]
    factors: tuple[Factor, ...] = ()
    routes: tuple[Route, ...] = ()

    def problems(self) -> list[str]:
        """What keeps this version from being published (empty when it is sound)."""
        found: list[str] = []
        keys = [m.key for m in self.models]
        if sorted(keys) != sorted(MODEL_KEYS):
            found.append("de versie moet precies de elf vaste samenwerkingsvormen bevatten")
        for rule in (*self.weights, *self.knockouts):
            found += [f"{rule.model}: {p}" for p in rule.condition.problems()]
            if rule.model not in MODEL_KEYS:
                found.append(f"onbekende samenwerkingsvorm ‘{rule.model}’")
            if not rule.reason.strip():
                found.append(f"{rule.model}: een regel zonder toelichting")
        for factor in self.factors:
            for trigger in factor.triggers:
                found += [f"{factor.code}: {p}" for p in trigger.condition.problems()]
        if sorted(r.key for r in self.routes) != sorted(ROUTES):
            found.append("beide aanpakken (ontwerpaanpak, ontwikkelaanpak) moeten beschreven zijn")
        # A value that both supports and rules out a model would make the advice contradict itself.
        knocked = {(k.condition, k.model) for k in self.knockouts}
        for rule in self.weights:
            if rule.points > 0 and (rule.condition, rule.model) in knocked:
                found.append(
                    f"{rule.model}: ‘{rule.condition.dimension} = {rule.condition.value}’ "
                    "geeft pluspunten én sluit uit"
                )
        return found


# --------------------------------------------------------------------------------------------
# The advice
# --------------------------------------------------------------------------------------------

SCALE = 40.0


def score_for(points: int) -> int:
    """Points on the 0–100 scale: 0 points is 50; monotone, never quite 0 or 100."""
    return math.floor(100.0 / (1.0 + math.exp(-points / SCALE)) + 0.5)


# Weight of one reason, in words: the page shows one number per form (the score) and says how
# heavily each reason counts instead of showing the raw points behind it.
STRONG_POINTS = 20
MODERATE_POINTS = 10


@dataclass(frozen=True)
class Contribution:
    dimension: str
    value: str
    points: int
    reason: str

    @property
    def strength(self) -> Literal["zwaar", "gemiddeld", "licht"]:
        size = abs(self.points)
        if size >= STRONG_POINTS:
            return "zwaar"
        return "gemiddeld" if size >= MODERATE_POINTS else "licht"


@dataclass(frozen=True)
class Exclusion:
    dimension: str
    value: str
    reason: str


@dataclass(frozen=True)
class ModelScore:
    model: str
    name: str
    heaviness: int
    points: int
    excluded: bool
    contributions: tuple[Contribution, ...]
    exclusions: tuple[Exclusion, ...]

    @property
    def score(self) -> int:
        return 0 if self.excluded else score_for(self.points)

    @property
    def supports(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.contributions if c.points > 0)

    @property
    def objections(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.contributions if c.points < 0)

    def reasons(self) -> list[str]:
        texts = [f"Uitgesloten: {e.reason}" for e in self.exclusions]
        texts += [f"{c.reason} ({c.points:+d})" for c in self.contributions]
        return texts

    def sort_key(self) -> tuple[bool, int, int, str]:
        return (self.excluded, -self.points, self.heaviness, self.model)


@dataclass(frozen=True)
class Certainty:
    level: Literal["hoog", "middel", "laag"]
    answered: int
    total: int
    margin: int | None  # points between the first and the second model that is not excluded


@dataclass(frozen=True)
class ChangeHint:
    """An answer that, given instead of the current one, would reorder the top."""

    dimension: str
    value: Value
    current: Value | None  # None: the question was not answered
    new_top: tuple[str, ...]  # the first three models after the change
    changes_first: bool  # True: another model comes first; False: the order below it changes


@dataclass(frozen=True)
class FactorHit:
    code: str
    title: str
    text: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Approach:
    route: str
    name: str
    summary: str
    pitfall: str
    reasons: tuple[str, ...]
    factors: tuple[FactorHit, ...]


# Forms within this many points of the first on the 0–100 scale are "close": both viable.
CLOSE_GAP = 5
# How many separating criteria a close call names.
CLOSE_CRITERIA = 3


@dataclass(frozen=True)
class Criterion:
    """One answered question whose rules separate two close forms."""

    dimension: str
    favours: str  # the model key this answer speaks for, relative to the other
    difference: int  # points between the two forms on this dimension (positive)
    for_first: tuple[Contribution, ...]
    for_second: tuple[Contribution, ...]


@dataclass(frozen=True)
class CloseCall:
    """The top forms are close: which ones, how close, and what decides between them."""

    contenders: tuple[str, ...]  # the first and every viable form within CLOSE_GAP of it
    gap: int  # score difference between the first and the second (0–100 scale)
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Advice:
    version: int
    answers: Answers
    ranking: tuple[ModelScore, ...]
    approach: Approach
    certainty: Certainty
    changes: tuple[ChangeHint, ...]
    close_call: CloseCall | None = None

    @property
    def first(self) -> ModelScore:
        return self.ranking[0]

    def score_of(self, model: str) -> ModelScore:
        return next(s for s in self.ranking if s.model == model)


def rank(answers: Answers, ruleset: Ruleset) -> tuple[ModelScore, ...]:
    """All models, best first (see the module docstring for the order)."""
    contributions: dict[str, list[Contribution]] = {m.key: [] for m in ruleset.models}
    exclusions: dict[str, list[Exclusion]] = {m.key: [] for m in ruleset.models}
    for rule in ruleset.weights:
        if rule.model in contributions and rule.points and rule.condition.matches(answers):
            contributions[rule.model].append(
                Contribution(
                    rule.condition.dimension, rule.condition.value, rule.points, rule.reason
                )
            )
    for knockout in ruleset.knockouts:
        if knockout.model in exclusions and knockout.condition.matches(answers):
            exclusions[knockout.model].append(
                Exclusion(knockout.condition.dimension, knockout.condition.value, knockout.reason)
            )
    scores = []
    for info in ruleset.models:
        found = sorted(
            contributions[info.key],
            key=lambda c: (-abs(c.points), DIMENSION_ORDER[c.dimension], c.value),
        )
        scores.append(
            ModelScore(
                model=info.key,
                name=info.name,
                heaviness=info.heaviness,
                points=sum(c.points for c in found),
                excluded=bool(exclusions[info.key]),
                contributions=tuple(found),
                exclusions=tuple(exclusions[info.key]),
            )
        )
    return tuple(sorted(scores, key=ModelScore.sort_key))


def advise(answers: Answers, ruleset: Ruleset, *, explore: bool = True) -> Advice:
    """The full advice: ranking, route, certainty and what would change it."""
    ranking = rank(answers, ruleset)
    return Advice(
        version=ruleset.version,
        answers=answers,
        ranking=ranking,
        approach=approach(answers, ruleset),
        certainty=certainty(answers, ranking),
        changes=what_would_change(answers, ruleset, ranking) if explore else (),
        close_call=close_call(ranking),
    )


def close_call(ranking: tuple[ModelScore, ...]) -> CloseCall | None:
    """The documented rule for "both are viable" (module docstring); None when one form leads."""
    viable = [s for s in ranking if not s.excluded]
    if len(viable) < 2:
        return None
    first, second = viable[0], viable[1]
    gap = first.score - second.score
    if gap > CLOSE_GAP:
        return None
    contenders = tuple(s.model for s in viable if first.score - s.score <= CLOSE_GAP)
    return CloseCall(contenders=contenders, gap=gap, criteria=separating(first, second))


def separating(first: ModelScore, second: ModelScore) -> tuple[Criterion, ...]:
    """The answered dimensions whose rules differ most between two forms, largest first."""
    dimensions = {c.dimension for c in (*first.contributions, *second.contributions)}
    found = []
    for dimension in dimensions:
        ours = tuple(c for c in first.contributions if c.dimension == dimension)
        theirs = tuple(c for c in second.contributions if c.dimension == dimension)
        difference = sum(c.points for c in ours) - sum(c.points for c in theirs)
        if difference == 0:
            continue
        found.append(
            Criterion(
                dimension=dimension,
                favours=first.model if difference > 0 else second.model,
                difference=abs(difference),
                for_first=ours,
                for_second=theirs,
            )
        )
    found.sort(key=lambda c: (-c.difference, DIMENSION_ORDER[c.dimension]))
    return tuple(found[:CLOSE_CRITERIA])


def certainty(answers: Answers, ranking: tuple[ModelScore, ...]) -> Certainty:
    """Fewer answers or a narrow lead means less certainty."""
    answered = len(answers.values)
    total = len(DIMENSIONS)
    open_models = [s for s in ranking if not s.excluded]
    margin = open_models[0].points - open_models[1].points if len(open_models) > 1 else None
    share = answered / total
    decisive = margin is None or margin >= 15
    if share >= 0.75 and decisive:
        level = "hoog"
    elif share < 0.4 or (margin is not None and margin < 5):
        level = "laag"
    else:
        level = "middel"
    return Certainty(level=level, answered=answered, total=total, margin=margin)


def _candidates(answers: Answers) -> Iterable[tuple[str, Value, Value | None]]:
    """Alternative answers to try: every value of an open question, neighbours of a middle one."""
    for dimension in DIMENSIONS:
        current = answers.get(dimension.key)
        if current is None:
            if dimension.kind == "integer":
                yield from ((dimension.key, n, None) for n in dimension.probes)
            elif dimension.kind == "multi":
                yield from ((dimension.key, (v,), None) for v in dimension.values)
            else:
                yield from ((dimension.key, v, None) for v in dimension.values)
        elif dimension.ordinal and isinstance(current, str):
            i = dimension.values.index(current)
            if 0 < i < len(dimension.values) - 1:  # a middle answer is borderline
                for j in (i - 1, i + 1):
                    yield dimension.key, dimension.values[j], current


def what_would_change(
    answers: Answers,
    ruleset: Ruleset,
    ranking: tuple[ModelScore, ...] | None = None,
    limit: int = 2,
) -> tuple[ChangeHint, ...]:
    """The one or two open or borderline answers that would reorder the top, found by trying.

    An answer that puts another model first beats one that only reorders the top three; a model
    from the current top three taking over beats an outsider; an open question beats a
    borderline answer; then the larger lead of the new first model; then the order of the
    dimensions. At most one hint per dimension.
    """
    ranking = ranking or rank(answers, ruleset)
    top = tuple(s.model for s in ranking[:3])
    found: list[tuple[tuple, ChangeHint]] = []
    for key, value, current in _candidates(answers):
        alternative = rank(answers.with_value(key, value), ruleset)
        new_top = tuple(s.model for s in alternative[:3])
        if new_top == top:
            continue
        changes_first = new_top[0] != top[0]
        lead = alternative[0].points - alternative[1].points
        # A contender from the current top taking over is more telling than an outsider
        # brought in by an answer that rules out everything else.
        outsider = new_top[0] not in top
        order = (not changes_first, outsider, current is not None, -lead, DIMENSION_ORDER[key])
        found.append((order, ChangeHint(key, value, current, new_top, changes_first)))
    hints: list[ChangeHint] = []
    for _, hint in sorted(found, key=lambda pair: pair[0]):
        if all(h.dimension != hint.dimension for h in hints):
            hints.append(hint)
        if len(hints) == limit:
            break
    return tuple(hints)


def approach(answers: Answers, ruleset: Ruleset) -> Approach:
    """Ontwerpaanpak when a shared vision exists and trust is not thin; ontwikkelaanpak otherwise.

    Seed 004: the design route starts from a broadly supported intention and applies it to the
    tasks; the development route starts with concrete, low-sensitivity tasks (a basic package,
    then a plus package) and distils a shared vision from experience.
    """
    vision, trust = answers.get("shared_vision"), answers.get("trust")
    reasons: list[str] = []
    if vision == "ja" and trust != "laag":
        route = "ontwerpaanpak"
        reasons.append(
            "Er is een breed gedragen intentie of visie: daar kunt u de taken aan toetsen."
        )
        if trust == "hoog":
            reasons.append(
                "Het vertrouwen tussen de partners is groot genoeg om eerst samen de richting "
                "vast te leggen."
            )
        else:
            reasons.append(
                "Over het onderlinge vertrouwen gaf u geen antwoord; toets het voordat u de "
                "visie uitwerkt."
            )
    else:
        route = "ontwikkelaanpak"
        if trust == "laag":
            reasons.append(
                "Het vertrouwen tussen de partners is nog dun: begin met concrete taken die "
                "weinig gevoelig liggen en bouw zo vertrouwen op."
            )
        if vision == "nee":
            reasons.append(
                "Er is (nog) geen gedeelde visie; een gezamenlijk streefbeeld zou nu te vaag "
                "of voor sommigen te ambitieus worden."
            )
        if vision == "ja" and trust == "laag":
            reasons.append(
                "Er is wel een intentie op papier, maar zonder vertrouwen blijft die hangen: "
                "laat eerst resultaten zien."
            )
        if vision is None and trust is None:
            reasons.append(
                "Over visie en vertrouwen gaf u geen antwoord; beginnen met concrete taken is "
                "dan de veilige route."
            )
    if route == "ontwikkelaanpak" and (
        answers.get("task_type") == "beleid" or answers.get("policy_discretion") == "hoog"
    ):
        reasons.append(
            "De taak is beleidsgevoelig: begin met een basispakket van taken waar de winst "
            "evident is en voeg later een pluspakket toe."
        )
    text = {r.key: r for r in ruleset.routes}.get(route, Route(route, route, "", ""))
    return Approach(
        route=route,
        name=text.name,
        summary=text.summary,
        pitfall=text.pitfall,
        reasons=tuple(reasons),
        factors=factors_touched(answers, ruleset),
    )


def factors_touched(answers: Answers, ruleset: Ruleset) -> tuple[FactorHit, ...]:
    hits = []
    for factor in ruleset.factors:
        notes = tuple(t.note for t in factor.triggers if t.condition.matches(answers))
        if notes:
            hits.append(FactorHit(factor.code, factor.title, factor.text, notes))
    return tuple(hits)


def advice_as_dict(advice: Advice) -> dict:
    """The advice JSON of MODELLENTOOL.md (``ranking``, ``approach``) plus explanatory keys."""
    return {
        "version": advice.version,
        "ranking": [
            {
                "model": s.model,
                "name": s.name,
                "score": s.score,
                "points": s.points,
                "excluded": s.excluded,
                "reasons": s.reasons(),
            }
            for s in advice.ranking
        ],
        "approach": {
            "route": advice.approach.route,
            "reasons": list(advice.approach.reasons),
            "pitfall": advice.approach.pitfall,
            "factors": [
                {"code": f.code, "title": f.title, "notes": list(f.notes)}
                for f in advice.approach.factors
            ],
        },
        "certainty": {
            "level": advice.certainty.level,
            "answered": advice.certainty.answered,
            "total": advice.certainty.total,
        },
        "what_would_change": [
            {
                "key": h.dimension,
                "value": list(h.value) if isinstance(h.value, tuple) else h.value,
                "current": list(h.current) if isinstance(h.current, tuple) else h.current,
                "new_first": h.new_top[0],
                "changes_first": h.changes_first,
            }
            for h in advice.changes
        ],
        "answers": advice.answers.as_dict(),
    }
