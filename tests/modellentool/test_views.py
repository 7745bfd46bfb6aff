"""The questionnaire pages and the result as a person uses them (no JavaScript)."""

import re

import pytest
from django.test import Client

from kennisbank.constants import ItemType, Status
from modellentool.models import AdviceResult, ChosenOption
from tests.factories import ItemFactory, UserFactory, collaboration_model

from .cases import CASES
from .conftest import complete, option_for, step_data

pytestmark = pytest.mark.django_db
CASE = CASES["ict-en-hr-in-een-organisatie"]["answers"]


def checked_values(html: str, name: str) -> set[str]:
    return {
        m.group(1)
        for m in re.finditer(rf'<input[^>]*name="{name}" value="([^"]+)"[^>]*\bchecked\b', html)
    }


def test_the_start_page_explains_and_lists_the_seven_steps(client):
    response = client.get("/modellentool/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vorm volgt functie" in html
    assert html.count('class="utrecht-ordered-list__item"') == 7
    assert 'href="/modellentool/stap/1/"' in html


def test_a_step_shows_progress_help_and_weet_ik_niet_on_every_question(client, content):
    html = client.get("/modellentool/stap/3/").content.decode()
    assert "Stap 3 van 7" in html
    assert '<progress class="progress__bar" max="7" value="3"' in html
    questions = content.steps[2].questions_list
    assert html.count("<fieldset") == len(questions)
    assert html.count(">Weet ik niet</label>") == len(questions)
    assert 'aria-describedby="q' in html  # help text tied to its question


def test_back_and_forward_keep_the_answers(client, content):
    client.post("/modellentool/stap/1/", step_data(content, 1, CASE))
    client.post("/modellentool/stap/2/", step_data(content, 2, CASE, direction="vorige"))
    q_task = content.question_for("task_type")
    html = client.get("/modellentool/stap/1/").content.decode()
    assert checked_values(html, f"q{q_task.pk}") == {
        option_for(content, "task_type", "bedrijfsvoering")
    }
    # a reload of a later step keeps its answer too
    client.post("/modellentool/stap/3/", step_data(content, 3, CASE))
    q_partners = content.question_for("partners")
    html = client.get("/modellentool/stap/3/").content.decode()
    assert checked_values(html, f"q{q_partners.pk}") == {option_for(content, "partners", 4)}


def test_the_answers_of_other_steps_travel_in_hidden_fields(client, content):
    client.post("/modellentool/stap/1/", step_data(content, 1, CASE))
    html = client.get("/modellentool/stap/2/").content.decode()
    q_task = content.question_for("task_type")
    expected = option_for(content, "task_type", "bedrijfsvoering")
    assert f'<input type="hidden" name="q{q_task.pk}" value="{expected}">' in html


def test_an_expired_session_loses_nothing_that_was_in_the_form(content):
    fresh = Client()
    q_task = content.question_for("task_type")
    data = step_data(content, 3, CASE)
    data[f"q{q_task.pk}"] = option_for(content, "task_type", "bedrijfsvoering")
    response = fresh.post("/modellentool/stap/3/", data, follow=True)
    assert "Uw sessie was verlopen" in response.content.decode()
    html = fresh.get("/modellentool/stap/1/").content.decode()
    assert checked_values(html, f"q{q_task.pk}") == {data[f"q{q_task.pk}"]}


def test_a_later_step_without_a_session_says_so(client):
    response = client.get("/modellentool/stap/4/")
    assert response.status_code == 200
    assert "geen eerdere antwoorden" in response.content.decode()


@pytest.mark.parametrize("number", [0, 8, 99])
def test_an_unknown_step_is_a_dutch_404(client, number):
    response = client.get(f"/modellentool/stap/{number}/")
    assert response.status_code == 404
    assert "bestaat niet" in response.content.decode()


def test_a_tampered_answer_is_a_clear_message_not_a_crash(client, content):
    q_task = content.question_for("task_type")
    other = option_for(content, "powers", "mandaat")  # belongs to another question
    response = client.post("/modellentool/stap/1/", {f"q{q_task.pk}": other})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Controleer uw antwoorden" in html
    assert "Selecteer een geldige keuze" in html


def test_a_tampered_hidden_field_is_dropped_with_a_warning(client, content):
    q_task = content.question_for("task_type")
    data = step_data(content, 2, CASE) | {f"q{q_task.pk}": ["999999", "<script>"]}
    response = client.post("/modellentool/stap/2/", data, follow=True)
    assert response.status_code == 200
    assert "niet geldig en zijn weggelaten" in response.content.decode()


def test_weet_ik_niet_together_with_a_motive_is_refused(client, content):
    q = content.question_for("motives")
    step = next(s.number for s in content.steps if q in s.questions_list)
    response = client.post(
        f"/modellentool/stap/{step}/",
        {f"q{q.pk}": [option_for(content, "motives", "kosten"), "onbekend"]},
    )
    assert "niet allebei" in response.content.decode()


def test_completing_gives_a_result_with_all_eleven_models(client, content):
    response = complete(client, content, CASE)
    result = AdviceResult.objects.get()
    assert response["Location"] == f"/modellentool/advies/{result.token}/"
    assert len(result.token) >= 32
    assert result.owner is None
    assert result.answers["task_type"] == "bedrijfsvoering"
    html = client.get(response["Location"]).content.decode()
    assert html.count('class="model-ranking__item') == 11
    assert "Best passend: <strong>Bedrijfsvoeringsorganisatie (BVO)</strong>" in html
    assert "Art. 8 lid 3 Wgr" in html
    assert "Uitgesloten" in html and "kan het personeel dus niet in dienst nemen" in html
    assert "Route:" in html and "Let op de valkuil" in html
    assert "Wat zou het advies veranderen?" in html
    assert 'role="img" aria-label="Score ' in html
    assert ' style="' not in html  # the CSP allows no inline styles


def test_the_chosen_options_are_kept_anonymously(client, content):
    complete(client, content, CASE)
    chosen = set(ChosenOption.objects.values_list("option__question__dimension", flat=True))
    assert chosen == set(CASE)


def test_the_permanent_link_works_in_a_fresh_browser(client, content):
    url = complete(client, content, CASE)["Location"]
    response = Client().get(url)
    assert response.status_code == 200
    assert "Bedrijfsvoeringsorganisatie (BVO)" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "token", ["bestaatniet-bestaatniet-1234", "kort", "ongeldig!teken-van-voldoende-lengte"]
)
def test_an_unknown_token_is_a_404(client, token):
    response = client.get(f"/modellentool/advies/{token}/")
    assert response.status_code == 404
    assert "bestaat niet" in response.content.decode()


def test_practice_examples_with_that_form_and_task_are_linked(client, content):
    bvo = collaboration_model("bedrijfsvoeringsorganisatie")
    same = ItemFactory(
        title="ICT-samenwerking Noord", collaboration_model=bvo, task_type="bedrijfsvoering"
    )
    ItemFactory(title="Verborgen concept", collaboration_model=bvo, status=Status.DRAFT)
    ItemFactory(title="Onderzoek BVO", collaboration_model=bvo, type=ItemType.RESEARCH)
    html = client.get(complete(client, content, CASE)["Location"]).content.decode()
    assert f'href="{same.get_absolute_url()}">ICT-samenwerking Noord</a>' in html
    assert "zelfde soort taak" in html
    assert "Verborgen concept" not in html
    assert "Onderzoek BVO" not in html


def test_the_pdf_is_a_pdf(client, content):
    url = complete(client, content, CASE)["Location"]
    response = client.get(url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_two_models_side_by_side(client, content):
    url = complete(client, content, CASE)["Location"]
    response = client.get(
        url + "vergelijken/?vorm=bedrijfsvoeringsorganisatie&vorm=openbaar_lichaam"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<th class="utrecht-table__header-cell" scope="col">Openbaar lichaam</th>' in html
    assert "Art. 8 lid 1 Wgr" in html and "Art. 8 lid 3 Wgr" in html


@pytest.mark.parametrize(
    "query",
    [
        "?vorm=netwerk",
        "?vorm=netwerk&vorm=dvo&vorm=convenant&vorm=herindeling",
        "?vorm=kasteel&vorm=dvo",
        "",
    ],
)
def test_a_wrong_comparison_asks_again_in_dutch(client, content, query):
    url = complete(client, content, CASE)["Location"]
    response = client.get(url + "vergelijken/" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies " in html and "<table" not in html


def test_changing_an_answer_changes_the_ranking(client, content):
    first = client.get(complete(client, content, CASE)["Location"]).content.decode()
    token = AdviceResult.objects.get().token
    response = client.post(f"/modellentool/advies/{token}/aanpassen/")
    assert response["Location"] == "/modellentool/stap/1/"
    q_task = content.question_for("task_type")
    html = client.get("/modellentool/stap/1/").content.decode()
    assert checked_values(html, f"q{q_task.pk}") == {
        option_for(content, "task_type", "bedrijfsvoering")
    }
    changed = CASE | {
        "staff": "naar_een_gemeente",
        "partner_structure": "dominante_aanbieder",
        "legal_entity_needed": "nee",
    }
    second = client.get(complete(client, content, changed)["Location"]).content.decode()
    assert "Best passend: <strong>Bedrijfsvoeringsorganisatie (BVO)</strong>" in first
    assert "Best passend: <strong>Bedrijfsvoeringsorganisatie (BVO)</strong>" not in second


def test_saving_needs_a_login_and_then_keeps_it_in_the_account(client, content):
    complete(client, content, CASE)
    result = AdviceResult.objects.get()
    anonymous = client.post(f"/modellentool/advies/{result.token}/bewaren/")
    assert anonymous.status_code == 302 and "/netwerk/leden/inloggen/" in anonymous["Location"]
    member = UserFactory()
    client.force_login(member)
    client.post(f"/modellentool/advies/{result.token}/bewaren/")
    result.refresh_from_db()
    assert result.owner == member and result.saved_at is not None
    assert result.get_absolute_url() in client.get("/modellentool/mijn-adviezen/").content.decode()
    other = Client()
    other.force_login(UserFactory())
    response = other.post(f"/modellentool/advies/{result.token}/bewaren/", follow=True)
    assert "al door iemand anders bewaard" in response.content.decode()
    client.post(f"/modellentool/advies/{result.token}/bewaren/", {"actie": "vergeten"})
    result.refresh_from_db()
    assert result.owner is None


def test_starting_again_forgets_the_session_answers(client, content):
    client.post("/modellentool/stap/1/", step_data(content, 1, CASE))
    assert "Verder met uw antwoorden" in client.get("/modellentool/").content.decode()
    client.post("/modellentool/")
    assert "Begin de vragenlijst" in client.get("/modellentool/").content.decode()


def test_the_main_menu_links_to_the_modellentool(client):
    html = client.get("/modellentool/").content.decode()
    assert 'href="/modellentool/" aria-current="page">Modellentool</a>' in html
