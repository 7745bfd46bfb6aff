"""The engine without a database: knock-outs, monotonicity, determinism, missing answers."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modellentool import scoring, seed
from modellentool.scoring import Answers, InvalidAnswers, advise, parse_answers, rank
from portal.constants import Motive, TaskType

from .cases import CASES, check_advice

RULESET = seed.ruleset()
ALL = set(scoring.MODEL_KEYS)
WGR = {
    "regeling_zonder_meer",
    "centrumgemeente",
    "gemeenschappelijk_orgaan",
    "bedrijfsvoeringsorganisatie",
    "openbaar_lichaam",
}


def excluded(answers: dict) -> set[str]:
    return {s.model for s in rank(parse_answers(answers), RULESET) if s.excluded}


def by_model(answers: dict) -> dict[str, scoring.ModelScore]:
    return {s.model: s for s in rank(parse_answers(answers), RULESET)}


def test_the_seeded_version_is_sound():
    assert RULESET.problems() == []


# Knock-outs (MODELLENTOOL.md) ----------------------------------------------------------------

KNOCKOUTS = [
    ({"powers": "regelgeving"}, ALL - {"openbaar_lichaam", "herindeling"}),
    ({"powers": "mandaat"}, {"netwerk", "convenant", "regeling_zonder_meer", "privaatrechtelijk"}),
    (
        {"powers": "delegatie"},
        {"netwerk", "convenant", "regeling_zonder_meer", "privaatrechtelijk"},
    ),
    (
        {"legal_entity_needed": "ja"},
        {"gemeenschappelijk_orgaan", "regeling_zonder_meer", "netwerk", "convenant"},
    ),
    (
        {"staff": "naar_nieuwe_organisatie"},
        {"gemeenschappelijk_orgaan", "regeling_zonder_meer", "netwerk", "convenant"},
    ),
    ({"policy_discretion": "hoog"}, {"bedrijfsvoeringsorganisatie"}),
    ({"participants": "raden"}, {"bedrijfsvoeringsorganisatie"}),
    ({"other_partners": "privaat"}, WGR),
    ({"integration": "bestuurlijk"}, ALL - {"herindeling"}),
    ({"powers": "delegatie"}, {"centrumgemeente", "dvo"}),
]


@pytest.mark.parametrize(("answers", "out"), KNOCKOUTS)
def test_each_knockout_rules_the_models_out_with_a_reason(answers, out):
    scores = by_model(answers)
    for model in out:
        assert scores[model].excluded, model
        assert scores[model].exclusions[0].reason.strip()
        assert scores[model].score == 0
        assert scores[model].reasons()[0].startswith("Uitgesloten: ")


def test_rule_making_leaves_only_the_openbaar_lichaam_and_herindeling():
    assert ALL - excluded({"powers": "regelgeving"}) == {"openbaar_lichaam", "herindeling"}
    assert rank(parse_answers({"powers": "regelgeving"}), RULESET)[0].model == "openbaar_lichaam"


def test_private_partners_leave_contracts_and_private_law_open():
    out = excluded({"other_partners": "privaat"})
    assert {"convenant", "privaatrechtelijk", "netwerk", "dvo"}.isdisjoint(out)


def test_market_activity_favours_private_law_and_states_article_160():
    before, after = by_model({}), by_model({"market_activity": "ja"})
    assert after["privaatrechtelijk"].points > before["privaatrechtelijk"].points
    for model in WGR:
        assert after[model].points < before[model].points, model
    assert any("art. 160" in r for r in after["privaatrechtelijk"].reasons())


def test_being_relieved_of_responsibility_rules_out_mandate_only_forms():
    for answers in ({"powers": "delegatie"}, {"control": "op_afstand"}):
        scores = by_model(answers)
        for model in ("centrumgemeente", "dvo"):
            assert scores[model].excluded
            assert "verantwoordelijk" in scores[model].exclusions[0].reason


def test_easy_exit_penalises_heavy_forms_and_mentions_the_exit_fee():
    scores = by_model({"exit_flexibility": "hoog"})
    for heavy in (
        "openbaar_lichaam",
        "bedrijfsvoeringsorganisatie",
        "ambtelijke_fusie",
        "herindeling",
    ):
        assert scores[heavy].points < 0, heavy
    for light in ("netwerk", "convenant", "dvo"):
        assert scores[light].points > 0, light
    assert any("uittreedsom" in c.reason for c in scores["openbaar_lichaam"].objections)
    assert scores["herindeling"].points < scores["openbaar_lichaam"].points


def test_one_elected_council_is_only_a_merger_and_names_the_civil_service_as_a_first_step():
    scores = by_model({"integration": "bestuurlijk"})
    assert [m for m, s in scores.items() if not s.excluded] == ["herindeling"]
    assert "eerste stap" in scores["ambtelijke_fusie"].exclusions[0].reason


# Properties ----------------------------------------------------------------------------------


def _value(dimension: scoring.Dimension):
    if dimension.kind == "integer":
        return st.integers(dimension.minimum, 40)
    if dimension.kind == "multi":
        return st.lists(st.sampled_from(dimension.values), unique=True, max_size=4)
    return st.sampled_from(dimension.values)


answer_documents = st.fixed_dictionaries(
    {}, optional={d.key: _value(d) for d in scoring.DIMENSIONS}
)


@settings(max_examples=300, deadline=None)
@given(answer_documents)
def test_an_excluded_model_never_ranks_above_one_that_is_not(document):
    ranking = rank(parse_answers(document), RULESET)
    flags = [s.excluded for s in ranking]
    assert flags == sorted(flags)  # all False first, then all True
    scores = [s.score for s in ranking]
    assert scores == sorted(scores, reverse=True)
    assert sorted(s.model for s in ranking) == sorted(scoring.MODEL_KEYS)


def _net_points(dimension: str, value, model: str) -> int:
    answers = Answers({dimension: value})
    return sum(
        r.points for r in RULESET.weights if r.model == model and r.condition.matches(answers)
    )


def _knocks_out(dimension: str, value, model: str) -> bool:
    answers = Answers({dimension: value})
    return any(k.model == model and k.condition.matches(answers) for k in RULESET.knockouts)


@settings(max_examples=300, deadline=None)
@given(answer_documents, st.sampled_from(scoring.MODEL_KEYS), st.data())
def test_adding_support_for_a_model_never_lowers_its_score(document, model, data):
    answers = parse_answers(document)
    open_dimensions = [d for d in scoring.DIMENSIONS if d.key not in answers and d.kind != "multi"]
    if not open_dimensions:
        return
    dimension = data.draw(st.sampled_from(open_dimensions))
    value = data.draw(_value(dimension))
    support = _net_points(dimension.key, value, model)
    if support <= 0 or _knocks_out(dimension.key, value, model):
        return
    before = {s.model: s for s in rank(answers, RULESET)}[model]
    after = {s.model: s for s in rank(answers.with_value(dimension.key, value), RULESET)}[model]
    assert after.points == before.points + support
    assert after.score >= before.score
    assert after.excluded == before.excluded


@settings(max_examples=150, deadline=None)
@given(
    answer_documents,
    st.sampled_from(scoring.MODEL_KEYS),
    st.sampled_from(scoring.DIMENSION_BY_KEY["motives"].values),
)
def test_adding_a_supporting_motive_never_lowers_a_score(document, model, motive):
    answers = parse_answers(document)
    current = answers.get("motives") or ()
    if motive in current or _net_points("motives", (motive,), model) <= 0:
        return
    before = {s.model: s for s in rank(answers, RULESET)}[model]
    extended = answers.with_value("motives", (*current, motive))
    after = {s.model: s for s in rank(extended, RULESET)}[model]
    assert after.score >= before.score


@settings(max_examples=100, deadline=None)
@given(answer_documents)
def test_the_advice_is_deterministic(document):
    reordered = dict(reversed(list(document.items())))
    first = scoring.advice_as_dict(advise(parse_answers(document), RULESET))
    again = scoring.advice_as_dict(advise(parse_answers(reordered), RULESET))
    assert first == again


@settings(max_examples=100, deadline=None)
@given(answer_documents)
def test_every_hint_really_changes_the_top(document):
    answers = parse_answers(document)
    advice = advise(answers, RULESET)
    assert len(advice.changes) <= 2
    top = [s.model for s in advice.ranking[:3]]
    for hint in advice.changes:
        assert hint.current is None or scoring.DIMENSION_BY_KEY[hint.dimension].ordinal
        changed = rank(answers.with_value(hint.dimension, hint.value), RULESET)
        assert [s.model for s in changed[:3]] != top
        assert (changed[0].model != top[0]) == hint.changes_first


def test_ties_are_broken_by_lightness_then_key():
    ranking = [s.model for s in rank(Answers(), RULESET)]
    assert ranking == [
        "netwerk",
        "convenant",
        "regeling_zonder_meer",
        "dvo",
        "centrumgemeente",
        "gemeenschappelijk_orgaan",
        "bedrijfsvoeringsorganisatie",
        "openbaar_lichaam",
        "ambtelijke_fusie",
        "privaatrechtelijk",
        "herindeling",
    ]


# Missing answers -----------------------------------------------------------------------------


def test_no_answers_at_all_still_gives_an_advice_with_low_certainty():
    advice = advise(Answers(), RULESET)
    assert len(advice.ranking) == 11
    assert advice.certainty.level == "laag"
    assert advice.certainty.answered == 0
    assert advice.changes  # it says which answers would matter
    assert advice.approach.route == "ontwikkelaanpak"


def test_more_answers_mean_more_certainty():
    full = CASES["ict-en-hr-in-een-organisatie"]["answers"] | {
        "control": "gezamenlijk",
        "exit_flexibility": "laag",
        "horizon": "structureel",
        "legally_required": "nee",
        "market_activity": "nee",
        "other_partners": "geen",
        "integration": "geen",
        "trust": "hoog",
        "shared_vision": "ja",
    }
    few = {"task_type": "bedrijfsvoering"}
    assert advise(parse_answers(full), RULESET).certainty.level == "hoog"
    assert advise(parse_answers(few), RULESET).certainty.level == "laag"


def test_an_open_question_that_decides_the_top_is_named():
    answers = {"powers": "geen", "staff": "blijft"}  # netwerk, convenant and co. are close
    advice = advise(parse_answers(answers), RULESET)
    assert advice.changes
    assert all(h.current is None for h in advice.changes)
    assert advice.changes[0].dimension not in answers


def test_a_middle_answer_counts_as_borderline():
    advice = advise(parse_answers({"policy_discretion": "middel"}), RULESET)
    candidates = list(scoring._candidates(advice.answers))
    assert ("policy_discretion", "laag", "middel") in candidates
    assert ("policy_discretion", "hoog", "middel") in candidates


# Route ---------------------------------------------------------------------------------------


def test_a_shared_vision_and_trust_lead_to_the_design_route_with_its_pitfall():
    approach = advise(parse_answers({"shared_vision": "ja", "trust": "hoog"}), RULESET).approach
    assert approach.route == "ontwerpaanpak"
    assert "abstract" in approach.pitfall


def test_thin_trust_leads_to_the_development_route_and_touches_the_trust_factor():
    approach = advise(parse_answers({"shared_vision": "ja", "trust": "laag"}), RULESET).approach
    assert approach.route == "ontwikkelaanpak"
    assert "specialisten" in approach.pitfall
    assert "samen-werken" in {f.code for f in approach.factors}


def test_imposed_cooperation_touches_the_choice_factor():
    approach = advise(parse_answers({"legally_required": "ja"}), RULESET).approach
    assert "een-keuze" in {f.code for f in approach.factors}


# The six example cases (engine level; the public interfaces are tested in test_examples) -----


@pytest.mark.parametrize("name", CASES)
def test_example_case(name):
    case = CASES[name]
    check_advice(case, scoring.advice_as_dict(advise(parse_answers(case["answers"]), RULESET)))


# Validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "key"),
    [
        ({"bevoegdheden": "geen"}, "bevoegdheden"),
        ({"powers": "alles"}, "powers"),
        ({"partners": "vier"}, "partners"),
        ({"partners": True}, "partners"),
        ({"partners": 1}, "partners"),
        ({"motives": "kosten"}, "motives"),
        ({"motives": ["kosten", "geld"]}, "motives"),
        ({"task_type": 3}, "task_type"),
    ],
)
def test_invalid_answers_name_the_key_in_dutch(document, key):
    with pytest.raises(InvalidAnswers) as caught:
        parse_answers(document)
    assert caught.value.key == key
    assert f"‘{key}’" in caught.value.message


def test_a_list_is_not_an_answers_document():
    with pytest.raises(InvalidAnswers, match="JSON-object"):
        parse_answers([1, 2])


def test_null_means_not_answered():
    assert parse_answers({"powers": None, "trust": "hoog"}).values == {"trust": "hoog"}


def test_the_score_scale_is_neutral_at_zero_and_monotone():
    assert scoring.score_for(0) == 50
    values = [scoring.score_for(p) for p in range(-300, 301, 5)]
    assert values == sorted(values)
    assert values[0] >= 0 and values[-1] <= 100


def test_the_version_check_finds_a_contradicting_rule():
    clash = scoring.WeightRule(
        scoring.Condition("policy_discretion", "eq", "hoog"),
        "bedrijfsvoeringsorganisatie",
        10,
        "past",
    )
    broken = scoring.Ruleset(
        version=9,
        models=RULESET.models,
        weights=(*RULESET.weights, clash),
        knockouts=RULESET.knockouts,
        factors=RULESET.factors,
        routes=RULESET.routes,
    )
    assert any("pluspunten én sluit uit" in p for p in broken.problems())


def test_the_engine_knows_the_same_task_types_and_motives_as_the_shared_vocabulary():
    # scoring.py imports no Django, so it spells the values out; they must stay those of
    # portal.constants, which the kennisbank and netwerk store.
    dimensions = {d.key: d for d in scoring.DIMENSIONS}
    assert set(dimensions["task_type"].values) == set(TaskType.values)
    assert set(dimensions["motives"].values) == set(Motive.values)
