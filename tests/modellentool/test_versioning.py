"""A published version never changes; a stored result recomputes the same after a new version."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from modellentool.models import (
    AdviceResult,
    ModelDescription,
    QuestionnaireVersion,
    VersionStatus,
    WeightRule,
)
from modellentool.services import (
    version_content,
    version_copy,
    version_problems,
    version_publish,
    version_published,
)

from .cases import CASES
from .conftest import complete

pytestmark = pytest.mark.django_db
CASE = CASES["ict-en-hr-in-een-organisatie"]["answers"]


def first_model(html: str) -> str:
    return html.split("Best passend: <strong>")[1].split("</strong>")[0]


def test_a_saved_result_is_reproducible_after_editors_change_the_weights(client):
    v1 = version_published()
    url = complete(client, version_content(v1), CASE)["Location"]
    before = Client().get(url).content.decode()
    assert first_model(before) == "Bedrijfsvoeringsorganisatie (BVO)"

    draft = version_copy(version=v1)
    # The editors decide that shared operations are no reason for a BVO any more.
    WeightRule.objects.filter(
        version=draft, collaboration_model__key="bedrijfsvoeringsorganisatie"
    ).update(points=-40)
    assert version_publish(version=draft) == []

    v1.refresh_from_db()
    assert v1.status == VersionStatus.ARCHIVED
    after = Client().get(url).content.decode()
    assert first_model(after) == "Bedrijfsvoeringsorganisatie (BVO)"
    assert AdviceResult.objects.get().version == v1

    fresh = client.post(
        "/modellentool/api/advies", json.dumps(CASE), content_type="application/json"
    )
    assert fresh.json()["version"] == draft.number
    assert fresh.json()["ranking"][0]["model"] != "bedrijfsvoeringsorganisatie"


def test_a_copy_has_everything_of_the_original():
    v1 = version_published()
    draft = version_copy(version=v1)
    original, copy = version_content(v1), version_content(draft)
    assert draft.number == v1.number + 1 and draft.is_draft and draft.based_on == v1
    assert set(copy.ruleset.weights) == set(original.ruleset.weights)
    assert set(copy.ruleset.knockouts) == set(original.ruleset.knockouts)
    assert copy.ruleset.factors == original.ruleset.factors
    assert [q.text for q in copy.questions] == [q.text for q in original.questions]
    assert version_problems(draft) == []


def test_rows_of_a_published_version_cannot_be_changed():
    rule = WeightRule.objects.filter(version=version_published()).first()
    rule.points = 1
    with pytest.raises(ValidationError, match="gepubliceerd en verandert niet meer"):
        rule.full_clean()


def test_a_draft_with_a_missing_description_is_not_published():
    draft = version_copy(version=version_published())
    ModelDescription.objects.filter(version=draft, collaboration_model__key="netwerk").delete()
    problems = version_publish(version=draft)
    assert any("netwerk" in p for p in problems)
    draft.refresh_from_db()
    assert draft.is_draft


def test_a_rule_with_a_value_that_does_not_exist_is_refused():
    draft = version_copy(version=version_published())
    rule = WeightRule.objects.filter(version=draft).first()
    rule.value = "misschien"
    with pytest.raises(ValidationError, match="bestaat niet"):
        rule.full_clean()


def test_only_one_version_is_published_at_a_time():
    draft = version_copy(version=version_published())
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionnaireVersion.objects.filter(pk=draft.pk).update(status=VersionStatus.PUBLISHED)


def test_a_person_halfway_keeps_the_version_they_started_with(client):
    v1 = version_published()
    content = version_content(v1)
    from .conftest import step_data

    client.post("/modellentool/stap/1/", step_data(content, 1, CASE))
    draft = version_copy(version=v1)
    assert version_publish(version=draft) == []
    complete(client, content, CASE)
    assert AdviceResult.objects.get().version == v1
