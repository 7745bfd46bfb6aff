"""Editors' "te doen" overview on the admin home and one-click approve / return of submissions."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import ItemType, Status
from kennisbank.models import Submission
from kennisbank.permissions import EDITOR_GROUP
from kennisbank.services.submissions import SubmissionState, submission_state
from netwerk.models import Question, Suggestion
from tests.factories import ItemFactory, UserFactory
from tests.kennisbank.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def sent_submission(**item_fields):
    submitter = UserFactory(email="inzender@example.org")
    item = ItemFactory(**{"status": Status.IN_REVIEW, "submitted_by": submitter, **item_fields})
    return SubmissionFactory(submitter=submitter, item=item, sent_at=timezone.now())


def change_url(submission):
    return reverse("admin:kennisbank_submission_change", args=[submission.pk])


@pytest.fixture
def desk_editor(db):
    """A redacteur of the kennisbank who also works the netwerk desk and register."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    for group in Group.objects.exclude(name=EDITOR_GROUP):
        user.groups.add(group)
    return user


def test_admin_home_lists_what_waits_with_counts_and_filtered_links(client, desk_editor):
    sent_submission()
    sent_submission()
    ItemFactory(type=ItemType.EVENT, status=Status.IN_REVIEW, organiser=UserFactory())
    client.force_login(desk_editor)
    page = client.get(INDEX).content.decode()
    assert "Te doen" in page
    assert "Inzendingen ter beoordeling" in page
    submissions = reverse("admin:kennisbank_submission_changelist") + "?status=ter_beoordeling"
    assert f'<a href="{submissions}">Inzendingen ter beoordeling</a>' in page
    assert "Gemelde reacties" in page and "Correcties op het register" in page
    assert "Onbeantwoorde vragen bij de infodesk" in page
    listed = client.get(submissions)
    assert listed.context["cl"].result_count == 2


def test_todo_counts_cost_a_constant_number_of_queries(
    client, desk_editor, django_assert_max_num_queries
):
    client.force_login(desk_editor)
    client.get(INDEX)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(INDEX)
    for _ in range(5):
        sent_submission()
        ItemFactory(type=ItemType.EVENT, status=Status.IN_REVIEW, organiser=UserFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(INDEX)


def test_plain_editor_sees_only_the_lines_they_may_act_on(editor_client):
    page = editor_client.get(INDEX).content.decode()
    assert "Inzendingen ter beoordeling" in page
    assert "Correcties op het register" not in page


def test_approve_publishes_and_tells_the_submitter(editor_client):
    submission = sent_submission()
    page = editor_client.get(change_url(submission)).content.decode()
    assert "Goedkeuren en publiceren" in page and "Terugsturen met bericht" in page
    response = editor_client.post(
        reverse("admin:kennisbank_submission_approve", args=[submission.pk]), follow=True
    )
    assert "Gepubliceerd:" in response.content.decode()
    submission.item.refresh_from_db()
    assert submission.item.status == Status.PUBLISHED
    assert any("gepubliceerd" in m.subject for m in mail.outbox)
    assert "Goedkeuren en publiceren" not in response.content.decode()


def test_return_needs_a_message_and_sends_it(editor_client):
    submission = sent_submission()
    url = reverse("admin:kennisbank_submission_return", args=[submission.pk])
    response = editor_client.post(url, {"text": "  "}, follow=True)
    assert "dat bericht is verplicht" in response.content.decode()
    assert submission_state(Submission.objects.get(pk=submission.pk)) is SubmissionState.IN_REVIEW

    response = editor_client.post(url, {"text": "Graag de kosten noemen."}, follow=True)
    assert "Teruggestuurd:" in response.content.decode()
    submission = Submission.objects.get(pk=submission.pk)
    assert submission_state(submission) is SubmissionState.RETURNED
    assert submission.messages.get().text == "Graag de kosten noemen."
    assert mail.outbox[-1].to == ["inzender@example.org"]


def test_approving_twice_warns_instead_of_failing(editor_client):
    submission = sent_submission()
    url = reverse("admin:kennisbank_submission_approve", args=[submission.pk])
    editor_client.post(url)
    response = editor_client.post(url, follow=True)
    assert "wacht niet (meer) op beoordeling" in response.content.decode()


def test_approve_needs_post_and_the_publish_permission(client, editor_client):
    submission = sent_submission()
    url = reverse("admin:kennisbank_submission_approve", args=[submission.pk])
    assert editor_client.get(url).status_code == 405
    group = Group.objects.create(name="Zonder publicatierecht")
    group.permissions.set(
        Group.objects.get(name=EDITOR_GROUP).permissions.exclude(codename="publish_item")
    )
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    client.force_login(user)
    assert client.post(url).status_code == 403
    assert "Goedkeuren en publiceren" not in client.get(change_url(submission)).content.decode()


def test_bulk_approve_skips_those_no_longer_waiting(editor_client):
    waiting = [sent_submission(), sent_submission()]
    done = sent_submission(status=Status.PUBLISHED)
    response = editor_client.post(
        reverse("admin:kennisbank_submission_changelist"),
        {
            "action": "approve",
            "_selected_action": [str(s.pk) for s in [*waiting, done]],
            "index": 0,
        },
        follow=True,
    )
    assert "2 inzendingen gepubliceerd." in response.content.decode()


def test_desk_and_corrections_counts(client, desk_editor):
    asker = UserFactory()
    old = Question.objects.create(asker=asker, title="Wie weet iets van WOZ?", text="…")
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    Suggestion.objects.create(
        submitted_by=asker, name="Nieuwe GR", explanation="Bestaat sinds 2024"
    )
    client.force_login(desk_editor)
    todo = {line.label: line.count for line in client.get(INDEX).context["todo"]}
    assert todo["Onbeantwoorde vragen bij de infodesk"] == 1
    assert todo["Correcties op het register"] == 1
