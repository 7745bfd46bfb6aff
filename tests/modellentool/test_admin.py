"""The editors' side: option counts per question, read-only published versions, new drafts."""

import re

import pytest
from django.test import Client

from modellentool.models import QuestionnaireVersion, WeightRule
from modellentool.services import version_content, version_published
from tests.factories import EditorFactory, UserFactory

from .cases import CASES
from .conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db):
    user = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    return client


def statistics(html: str) -> dict[str, int]:
    table = html.split('class="option-statistics"')[1].split("</table>")[0]
    return {
        label: int(count)
        for label, count in re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td></tr>", table)
    }


def test_the_question_page_counts_how_often_each_option_was_chosen(admin_client, content):
    base = CASES["ict-en-hr-in-een-organisatie"]["answers"]
    complete(Client(), content, base)
    complete(Client(), content, base | {"task_type": "uitvoering"})
    complete(Client(), content, {k: v for k, v in base.items() if k != "task_type"})
    question = content.question_for("task_type")
    html = admin_client.get(f"/admin/modellentool/question/{question.pk}/change/").content.decode()
    counts = statistics(html)
    assert counts["Bedrijfsvoering"] == 1
    assert counts["Uitvoering"] == 1
    assert counts["Dienstverlening"] == 0
    assert counts["Weet ik niet"] == 1


def test_a_published_version_is_read_only_in_the_admin(admin_client):
    rule = WeightRule.objects.filter(version=version_published()).first()
    url = f"/admin/modellentool/weightrule/{rule.pk}/change/"
    assert 'name="_save"' not in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"points": 1})
    assert response.status_code == 403
    rule.refresh_from_db()
    assert rule.points != 1


def test_editors_make_a_draft_edit_it_and_publish_it(admin_client):
    v1 = version_published()
    changelist = "/admin/modellentool/questionnaireversion/"
    admin_client.post(changelist, {"action": "make_draft", "_selected_action": [v1.pk]})
    draft = QuestionnaireVersion.objects.get(number=v1.number + 1)
    rule = WeightRule.objects.filter(version=draft).select_related("collaboration_model").first()
    response = admin_client.post(
        f"/admin/modellentool/weightrule/{rule.pk}/change/",
        {
            "version": draft.pk,
            "dimension": rule.dimension,
            "operator": rule.operator,
            "value": rule.value,
            "collaboration_model": rule.collaboration_model_id,
            "points": 7,
            "reason": "Aangepast door de redactie.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert rule.history.count() >= 1
    admin_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    assert version_published() == draft
    assert version_content(draft).ruleset.weights  # the engine reads the edited version


def test_editor_in_redacteur_group_can_open_the_questionnaire_admin(client):
    client.force_login(EditorFactory())
    for url in (
        "/admin/modellentool/questionnaireversion/",
        "/admin/modellentool/question/",
        "/admin/modellentool/weightrule/",
        "/admin/modellentool/knockout/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/auth/user/").status_code == 403


def test_the_admin_shows_the_dutch_and_english_texts_side_by_side(admin_client, content):
    from modellentool.models import Question
    from modellentool.services import version_copy

    draft = version_copy(version=content.version)
    question = Question.objects.get(step__version=draft, dimension="powers")
    html = admin_client.get(f"/admin/modellentool/question/{question.pk}/change/").content.decode()
    for name in ("text", "text_en", "help_text", "help_text_en", "options-0-label_en"):
        assert f'name="{name}"' in html, name
    assert "Which power must the cooperation at least be able to exercise?" in html
    assert "Welke bevoegdheid moet de samenwerking minstens kunnen uitoefenen?" in html
    version = admin_client.get(
        f"/admin/modellentool/questionnaireversion/{draft.pk}/change/"
    ).content.decode()
    assert 'name="design_name_en"' in version and 'value="Design approach"' in version


def test_an_editor_changes_an_english_reason_and_english_visitors_read_it(admin_client):
    from django.conf import settings

    v1 = version_published()
    changelist = "/admin/modellentool/questionnaireversion/"
    admin_client.post(changelist, {"action": "make_draft", "_selected_action": [v1.pk]})
    draft = QuestionnaireVersion.objects.get(number=v1.number + 1)
    rule = WeightRule.objects.get(
        version=draft,
        dimension="powers",
        value="regelgeving",
        collaboration_model__key="herindeling",
    )
    response = admin_client.post(
        f"/admin/modellentool/weightrule/{rule.pk}/change/",
        {
            "version": draft.pk,
            "dimension": rule.dimension,
            "operator": rule.operator,
            "value": rule.value,
            "collaboration_model": rule.collaboration_model_id,
            "points": rule.points,
            "reason": rule.reason,
            "reason_en": "Edited by the editors in English.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    admin_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    visitor = Client()
    visitor.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    content = version_content(draft)
    url = complete(visitor, content, {"powers": "regelgeving"})["Location"]
    html = visitor.get(url).content.decode()
    assert "Edited by the editors in English." in html
    assert rule.reason not in html
