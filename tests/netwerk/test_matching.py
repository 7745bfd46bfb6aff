"""netwerk/community/matching.py without a database: rules, explanations, the judged set, load
spreading."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from netwerk.community import matching
from netwerk.community.matching import (
    TOP,
    Evidence,
    Expert,
    QuestionProfile,
    precision_at_k,
    suggest,
    tokens,
)
from tests.netwerk import judged_matching

STOPWORDS = frozenset(
    (Path(__file__).resolve().parents[2] / "fixtures/reference/stopwords-nl_iso.txt")
    .read_text(encoding="utf-8")
    .split()
)
# The judged set: 24 questions, 5 relevant available experts each among 84. Measured 2026-11.
PRECISION_THRESHOLD = 0.8

TAX = "Belastingen en WOZ"
BVO = "Bedrijfsvoeringsorganisatie"


def tax_expert(**fields) -> Expert:
    defaults = {
        "id": 1,
        "name": "Anna",
        "themes": frozenset({TAX}),
        "forms": frozenset({BVO}),
        "province": "utrecht",
        "items": tuple(Evidence(f"Belastingsamenwerking {n}", frozenset({TAX})) for n in range(3)),
    }
    return Expert(**{**defaults, **fields})


QUESTION = QuestionProfile(
    text="Hoe regelen we samen de belastingen in een bedrijfsvoeringsorganisatie?",
    themes=frozenset({TAX}),
    forms=frozenset({BVO}),
    province="utrecht",
)


def test_tokens_leave_out_stopwords_and_stem_without_colliding():
    assert tokens("De belastingen en de belastingsamenwerking", STOPWORDS) == [
        "belasting",
        "belastingsamenwerking",
    ]
    # Cutting to six letters made these one word; a stem keeps them apart.
    assert tokens("gemeentelijke") != tokens("gemeenten")
    assert tokens("kostenverdeelsleutel") != tokens("kosten")
    assert tokens("gemeenten") == tokens("gemeente")


def test_a_compound_matches_its_parts_and_the_reason_names_the_words():
    expert = Expert(
        id=1, name="Heffer", text="Ik leid een belastingsamenwerking van zes gemeenten."
    )
    question = QuestionProfile(text="Wie weet hoe je belastingen samen int?")
    [match] = suggest(question, [expert, Expert(id=2, name="Ander", text="Afval ophalen")])
    assert match.expert_id == 1
    [reason] = match.reasons
    assert (reason.code, reason.terms) == (matching.PROFILE_WORDS, ("belastingen",))


def test_ticking_every_theme_does_not_beat_a_profile_that_answers_the_question():
    broad = Expert(
        id=1,
        name="Breed",
        themes=frozenset({TAX, "Jeugd", "Wonen", "Economie", "Sociaal domein"}),
        text="Algemeen adviseur regionale samenwerking.",
    )
    specialist = Expert(
        id=2, name="Specialist", text="Ik regel heffing en invordering van belastingen en de WOZ."
    )
    question = QuestionProfile(
        text="Hoe innen we samen belastingen en de WOZ?", themes=frozenset({TAX})
    )
    assert suggest(question, [broad, specialist])[0].expert_id == 2


def by_code(match) -> dict[str, matching.Reason]:
    return {r.code: r for r in match.reasons}


def test_reasons_name_what_matched_and_add_up_to_the_score():
    expert = tax_expert(municipality="Utrecht", municipality_forms=((BVO, 2), ("Lichte GR", 1)))
    [match] = suggest(QUESTION, [expert], stopwords=STOPWORDS)
    reasons = by_code(match)
    assert reasons[matching.THEME].terms == (TAX,)
    assert reasons[matching.FORM].terms == (BVO,)
    assert reasons[matching.ITEM].titles == tuple(f"Belastingsamenwerking {n}" for n in range(3))
    assert reasons[matching.ITEM].terms == (TAX,)
    assert reasons[matching.PROVINCE].terms == ("utrecht",)
    # The municipality's experience with the form the question is about, not with every form.
    experience = reasons[matching.MUNICIPALITY_FORM]
    assert (experience.terms, experience.titles, experience.count) == ((BVO,), ("Utrecht",), 2)
    assert round(sum(r.points for r in match.reasons), 4) == match.score


def test_shared_words_say_whether_the_profile_or_a_contribution_has_them():
    expert = Expert(
        id=1,
        name="Schrijver",
        text="Adviseur afvalinzameling",
        items=(Evidence("Samen de WOZ-taxatie", text="Hoe vijf gemeenten de taxatie deelden"),),
    )
    question = QuestionProfile(text="Wie deelt de taxatie en de afvalinzameling?")
    [match] = suggest(question, [expert, Expert(id=2, name="Ander", text="Jeugdzorg")])
    reasons = by_code(match)
    assert reasons[matching.PROFILE_WORDS].terms == ("afvalinzameling",)
    words = reasons[matching.CONTRIBUTION_WORDS]
    assert "taxatie" in words.terms
    assert words.titles == ("Samen de WOZ-taxatie",)


def test_municipality_experience_alone_suggests_nobody():
    expert = Expert(id=1, name="Buur", municipality="Zeist", municipality_forms=((BVO, 3),))
    question = QuestionProfile(text="Afvalinzameling", forms=frozenset({BVO}))
    assert suggest(question, [expert]) == []


def test_ranking_is_deterministic_and_prefers_the_less_loaded_expert_on_a_tie():
    a = tax_expert(id=2, name="B", asked_this_month=1)
    b = tax_expert(id=3, name="C")
    first = suggest(QUESTION, [a, b], stopwords=STOPWORDS)
    assert [m.expert_id for m in first] == [3, 2]
    assert suggest(QUESTION, [b, a], stopwords=STOPWORDS) == first
    assert matching.Reason(matching.LOAD, -2 / 3, count=1, limit=3) in first[1].reasons


def test_closed_full_asker_and_unrelated_experts_are_not_suggested():
    experts = [
        tax_expert(id=1, open_for_questions=False),
        tax_expert(id=2, monthly_limit=2, asked_this_month=2),
        tax_expert(id=3),
        Expert(id=4, name="Alleen regio", province="utrecht", text="Archief en erfgoed"),
    ]
    question = QuestionProfile(
        text=QUESTION.text, themes=QUESTION.themes, province="utrecht", asker_id=3
    )
    assert suggest(question, experts, stopwords=STOPWORDS) == []


def test_text_alone_can_find_an_expert_who_ticked_nothing():
    expert = Expert(
        id=7, name="Tekst", text="Ik ken de WOZ-taxatie en de invordering door en door."
    )
    question = QuestionProfile(text="Wie weet iets van WOZ-taxatie bij buurgemeenten?")
    [match] = suggest(question, [expert, Expert(id=8, name="Ander", text="Afval")])
    assert match.expert_id == 7
    assert [r.code for r in match.reasons] == [matching.PROFILE_WORDS]
    assert "woz" in match.reasons[0].terms


def test_at_most_five_suggestions():
    experts = [tax_expert(id=n, name=f"E{n}") for n in range(1, 12)]
    assert len(suggest(QUESTION, experts)) == TOP


def test_judged_set_precision_at_five():
    experts = judged_matching.experts()
    cases = judged_matching.questions()
    assert len(experts) >= 50 and len(cases) >= 20
    scores = []
    for question, relevant in cases:
        suggested = [m.expert_id for m in suggest(question, experts, stopwords=STOPWORDS)]
        scores.append(precision_at_k(suggested, relevant))
    mean = sum(scores) / len(scores)
    print(f"\nprecision@5 over {len(cases)} vragen × {len(experts)} deskundigen: {mean:.3f}")
    assert mean >= PRECISION_THRESHOLD


# --- Load spreading under generated histories --------------------------------------------------

themes = st.sampled_from(["Jeugd", "Afval", "Wonen", TAX])
expert_strategy = st.builds(
    Expert,
    id=st.integers(1, 10_000),
    name=st.just("x"),
    themes=st.frozensets(themes, max_size=3),
    tags=st.frozensets(st.sampled_from(["WOZ", "afval", "jeugdzorg"]), max_size=2),
    text=st.sampled_from(["", "woz belasting", "afvalinzameling", "jeugdhulp inkoop"]),
    open_for_questions=st.booleans(),
    monthly_limit=st.integers(0, 5),
    asked_this_month=st.integers(0, 8),
)


@settings(max_examples=200, deadline=None)
@given(
    experts=st.lists(expert_strategy, max_size=25, unique_by=lambda e: e.id),
    question_themes=st.frozensets(themes, max_size=2),
)
def test_nobody_is_suggested_beyond_their_monthly_limit(experts, question_themes):
    question = QuestionProfile(text="woz afval jeugdhulp", themes=question_themes)
    by_id = {e.id: e for e in experts}
    for match in suggest(question, experts):
        expert = by_id[match.expert_id]
        assert expert.open_for_questions
        assert expert.asked_this_month < expert.monthly_limit


@settings(max_examples=100, deadline=None)
@given(
    limits=st.lists(st.integers(0, 4), min_size=1, max_size=12),
    rounds=st.integers(1, 60),
)
def test_asking_the_top_suggestion_round_after_round_never_exceeds_a_limit(limits, rounds):
    """A month of questions, each sent to the first suggestion: the load spreads out."""
    asked = dict.fromkeys(range(1, len(limits) + 1), 0)
    question = QuestionProfile(text="woz", themes=frozenset({TAX}))
    for _ in range(rounds):
        experts = [
            Expert(
                id=i,
                name=str(i),
                themes=frozenset({TAX}),
                monthly_limit=limit,
                asked_this_month=asked[i],
            )
            for i, limit in enumerate(limits, start=1)
        ]
        found = suggest(question, experts)
        if not found:
            break
        asked[found[0].expert_id] += 1
    for i, limit in enumerate(limits, start=1):
        assert asked[i] <= limit
    # Spread: while anyone has room, nobody is asked twice more than another with room left.
    if rounds >= sum(limits):
        assert all(asked[i] == limit for i, limit in enumerate(limits, start=1))
