"""Issue 15: the result starts with an overview, says when forms are close, one score per form,
a comparison that keeps the ticks, a PDF with a readable name, and the questionnaire in English."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from modellentool import scoring, seed
from modellentool.models import AdviceResult

from .cases import CASES
from .conftest import complete

pytestmark = pytest.mark.django_db
BVO_CASE = CASES["ict-en-hr-in-een-organisatie"]["answers"]
TAX_CASE = CASES["belastingen-voor-drie-buren"]["answers"]


def advice_for(answers: dict) -> scoring.Advice:
    return scoring.advise(scoring.parse_answers(answers), seed.ruleset())


# The engine: the close-call rule ------------------------------------------------------------


def test_close_forms_are_named_with_the_answers_that_separate_them():
    advice = advice_for(TAX_CASE)
    close = advice.close_call
    assert close is not None
    assert close.contenders[:2] == ("centrumgemeente", "dvo")
    assert close.gap <= scoring.CLOSE_GAP
    assert close.criteria, "what decides between them must be named"
    first, second = advice.score_of("centrumgemeente"), advice.score_of("dvo")
    for criterion in close.criteria:
        ours = sum(c.points for c in criterion.for_first)
        theirs = sum(c.points for c in criterion.for_second)
        assert abs(ours - theirs) == criterion.difference > 0
        assert criterion.favours == (first.model if ours > theirs else second.model)
    differences = [c.difference for c in close.criteria]
    assert differences == sorted(differences, reverse=True)


def test_a_clear_lead_is_not_a_close_call():
    advice = advice_for(BVO_CASE)
    viable = [s for s in advice.ranking if not s.excluded]
    assert viable[0].score - viable[1].score > scoring.CLOSE_GAP
    assert advice.close_call is None


def test_excluded_forms_are_never_contenders():
    # Everything but the openbaar lichaam and herindeling is out: nothing can be close to it.
    advice = advice_for({"powers": "regelgeving", "integration": "ambtelijk"})
    assert advice.close_call is None or all(
        not advice.score_of(key).excluded for key in advice.close_call.contenders
    )


@pytest.mark.parametrize(
    "points, strength", [(25, "zwaar"), (-20, "zwaar"), (10, "gemiddeld"), (-5, "licht")]
)
def test_each_reason_says_how_heavily_it_counts(points, strength):
    assert scoring.Contribution("powers", "geen", points, "x").strength == strength


# The result page ------------------------------------------------------------------------------


def test_the_result_starts_with_an_overview_of_all_eleven_forms(client, content):
    html = client.get(complete(client, content, BVO_CASE)["Location"]).content.decode()
    overview = html[html.index('id="overview-title"') : html.index('id="ranking-title"')]
    assert overview.count('class="overview__item') == 11
    assert overview.count('href="#vorm-') == 11
    # Excluded forms are marked, with why in a word.
    assert re.search(r"Uitgesloten</span> \((geen rechtspersoon|personeel)\)", overview)
    assert html.index('id="overview-title"') < html.index('id="ranking-title"')
    # The details are folded except the first form.
    assert len(re.findall(r'<details class="model__fold" open>', html)) == 1


def test_one_score_per_form_explained_once(client, content):
    html = client.get(complete(client, content, BVO_CASE)["Location"]).content.decode()
    assert "punten" not in html
    assert not re.search(r"\(\+?-?\d+\)", html), "raw points next to reasons"
    assert html.count("50 is neutraal") == 1
    assert "weegt zwaar" in html


def test_close_forms_say_both_are_viable_and_what_decides(client, content):
    html = client.get(complete(client, content, TAX_CASE)["Location"]).content.decode()
    assert "Twee vormen liggen dicht bij elkaar" in html
    assert "Centrumgemeente en Dienstverleningsovereenkomst (DVO)" in html
    assert "Wat de doorslag geeft tussen Centrumgemeente en Dienstverleningsovereenkomst" in html
    assert "pleit meer voor" in html
    # Both close forms are unfolded and ticked for comparison.
    assert len(re.findall(r'<details class="model__fold" open>', html)) == 2
    assert 'id="vergelijk-dvo" name="vorm" value="dvo" checked' in html


def test_a_clear_lead_says_nothing_about_close_forms(client, content):
    html = client.get(complete(client, content, BVO_CASE)["Location"]).content.decode()
    assert "dicht bij elkaar" not in html


# Comparison -------------------------------------------------------------------------------------


def test_four_forms_keep_their_ticks_and_say_the_limit(client, content):
    url = complete(client, content, BVO_CASE)["Location"]
    chosen = ["netwerk", "dvo", "convenant", "herindeling"]
    response = client.get(url + "vergelijken/?" + "&".join(f"vorm={k}" for k in chosen))
    html = response.content.decode()
    assert response.status_code == 200
    assert "U koos 4 vormen; u kunt er hoogstens drie tegelijk vergelijken." in html
    ticked = set(re.findall(r'name="vorm" value="([a-z_]+)" checked', html))
    assert ticked == set(chosen)
    assert "<table" not in html


def test_the_comparison_offers_to_change_the_choice(client, content):
    url = complete(client, content, BVO_CASE)["Location"]
    html = client.get(url + "vergelijken/?vorm=dvo&vorm=openbaar_lichaam").content.decode()
    assert "<table" in html
    assert set(re.findall(r'name="vorm" value="([a-z_]+)" checked', html)) == {
        "dvo",
        "openbaar_lichaam",
    }


# PDF ------------------------------------------------------------------------------------------


def test_the_pdf_is_named_for_its_date_and_first_form(client, content):
    cache.clear()
    url = complete(client, content, TAX_CASE)["Location"]
    result = AdviceResult.objects.get()
    response = client.get(url + "pdf/")
    day = timezone.localdate(result.created_at).isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="modellentool-advies-{day}-centrumgemeente.pdf"'
    )
    # A cached PDF keeps its name.
    again = client.get(url + "pdf/")
    assert again["Content-Disposition"] == response["Content-Disposition"]


def _text_boxes(box):
    if type(box).__name__ == "TextBox":
        yield box
    for child in getattr(box, "children", None) or []:
        yield from _text_boxes(child)


def test_pdf_list_bullets_stand_apart_from_the_text():
    """The PDF's layout (WeasyPrint, print stylesheets) puts space between "●" and "Mandaat"."""
    from weasyprint import HTML

    from modellentool.pdf import StaticFilesFetcher

    html = (
        '<html><head><link rel="stylesheet" href="/static/vendor/utrecht-components/index.css">'
        '<link rel="stylesheet" href="/static/css/modellentool.css"></head><body>'
        '<ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item">Mandaat</li>'
        "</ul></body></html>"
    )
    document = HTML(
        string=html, base_url="http://testserver/", url_fetcher=StaticFilesFetcher()
    ).render()
    boxes = list(_text_boxes(document.pages[0]._page_box))
    bullet = next(b for b in boxes if b.text in ("•", "●"))
    text = next(b for b in boxes if b.text == "Mandaat")
    gap = text.position_x - (bullet.position_x + bullet.width)
    assert gap >= 3, f"bullet glued to the text ({gap:.1f}pt)"


# English ----------------------------------------------------------------------------------------


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_questionnaire_speaks_english_when_chosen(english, content):
    start = english.get("/modellentool/").content.decode()
    assert "Which form of cooperation fits your task?" in start
    step = english.get("/modellentool/stap/1/").content.decode()
    assert "What kind of task do you want to take on together?" in step
    assert "Operations" in step and "Bedrijfsvoering" not in step


def test_the_advice_speaks_english_when_chosen(english, content):
    html = english.get(complete(english, content, BVO_CASE)["Location"]).content.decode()
    assert "Operations organisation (BVO)" in html
    assert "has no legal personality and so cannot employ the staff" in html
    assert "All eleven forms at a glance" in html
    assert "Design approach" in html or "Development approach" in html


def test_the_api_keeps_answering_in_dutch(english):
    response = english.post(
        "/modellentool/api/advies", {"powers": "regelgeving"}, content_type="application/json"
    )
    assert response.status_code == 200
    ranking = response.json()["ranking"]
    assert ranking[0]["name"] == "Openbaar lichaam"


def test_an_empty_english_text_falls_back_to_dutch(english, content):
    from modellentool.models import Question

    Question.objects.filter(dimension="task_type").update(text_en="")
    step = english.get("/modellentool/stap/1/").content.decode()
    assert "Wat voor soort taak wilt u samen oppakken?" in step


def test_a_new_draft_keeps_the_english_texts(content):
    from modellentool.models import Question
    from modellentool.services import version_copy

    draft = version_copy(version=content.version)
    question = Question.objects.get(step__version=draft, dimension="powers")
    assert question.text_en == "Which power must the cooperation at least be able to exercise?"
