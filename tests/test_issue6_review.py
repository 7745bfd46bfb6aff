"""Defects found in the review of issue 6 (members contribute and follow), each with its fix."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisbank.constants import RegistrationStatus, Status
from kennisbank.models import Comment, Registration, SubmissionFile
from tests.factories import EditorFactory, ItemFactory
from tests.kennisbank.event_factories import (
    OrganiserFactory,
    RegistrableEventFactory,
    RegistrationFactory,
)
from tests.kennisbank.submission_factories import PDF_BYTES, SubmissionFactory
from tests.kennisbank.test_event_proposals import proposal
from tests.netwerk.member_factories import MemberFactory

pytestmark = pytest.mark.django_db


# --- Discussion: a double click on "Reactie plaatsen" posts the reply once ----------------------


def test_a_double_submitted_reply_is_placed_once(client):
    item = ItemFactory()
    profile = MemberFactory()
    client.force_login(profile.user)
    url = reverse("kennisbank:comment_create", args=[item.pk])
    text = "Bij ons in Zeist werkte het precies zo."

    first = client.post(url, {"text": text})
    second = client.post(url, {"text": text})

    assert first.status_code == second.status_code == 302
    assert Comment.objects.filter(item=item).count() == 1
    assert first.url == second.url  # both clicks end at the one reply
    # A different reply, or the same words later in the thread as an answer, still counts.
    parent = Comment.objects.get()
    client.post(reverse("kennisbank:comment_reply", args=[parent.pk]), {"text": text})
    assert Comment.objects.filter(item=item).count() == 2


# --- Events: an organiser's revision may not take seats away from registered members -------------


def test_organiser_cannot_drop_capacity_below_the_registered_members(client):
    organiser = OrganiserFactory()
    event = RegistrableEventFactory(organiser=organiser, capacity=3)
    for _n in range(3):
        RegistrationFactory(event=event)
    # The editors sent the published event back to the organiser (status concept).
    type(event).objects.filter(pk=event.pk).update(status=Status.DRAFT)
    client.force_login(organiser)
    url = reverse("kennisbank:event_edit", args=[event.slug])

    for capacity in ("1", ""):
        response = client.post(url, proposal(capacity=capacity))
        assert response.status_code == 400, capacity
        assert "Er zijn al" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 3
    registered = Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
    assert registered.count() == 3

    assert client.post(url, proposal(capacity="5")).status_code == 302
    event.refresh_from_db()
    assert event.capacity == 5


# --- Submissions: an unsent draft's files are the member's own, not the editors' -----------------


def test_editors_cannot_download_files_of_a_draft_that_was_never_sent(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    profile = MemberFactory()
    submission = SubmissionFactory(submitter=profile.user, data={})
    client.force_login(profile.user)
    client.post(
        reverse("kennisbank:submission_edit", args=[submission.pk]),
        {"action": "draft", "attachment": SimpleUploadedFile("plan.pdf", PDF_BYTES)},
    )
    attached = SubmissionFile.objects.get(submission=submission)
    url = reverse("kennisbank:submission_file", args=[submission.pk, attached.pk])
    assert client.get(url).status_code == 200  # the submitter

    editor = EditorFactory()
    editor.user_permissions.add(Permission.objects.get(codename="view_item"))
    client.force_login(editor)
    assert client.get(url).status_code == 404

    submission.sent_at = submission.saved_at
    submission.save(update_fields=["sent_at"])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


# --- Account: the data export and deletion know the members' contributions ----------------------


def test_the_data_export_includes_the_members_contributions(client):
    from kennisbank.models import AdoptionMark
    from netwerk.community.services.follows import saved_search_create
    from tests.factories import municipality, theme
    from tests.netwerk.follow_factories import follow

    profile = MemberFactory()
    user = profile.user
    SubmissionFactory(submitter=user, data={"title": "Samen de WOZ"})
    RegistrationFactory(user=user, name="Anna op de lijst")
    Comment.objects.create(item=ItemFactory(), author=user, text="Mijn reactie hier.")
    AdoptionMark.objects.create(
        item=ItemFactory(), member=user, municipality=municipality("GM0344"), note="Ook bij ons"
    )
    saved_search_create(user=user, query_string="q=jeugd")
    follow(user, profile.created_at, theme=theme("belastingen-en-woz"))
    client.force_login(user)

    text = client.get(reverse("netwerk:profile_export")).content.decode()

    for expected in (
        "Samen de WOZ",
        "Anna op de lijst",
        "Mijn reactie hier.",
        "Ook bij ons",
        "q=jeugd",
        "Belastingen",
        profile.digest_frequency,
    ):
        assert expected in text, expected


def test_deleting_an_account_gives_its_seat_to_the_first_on_the_waiting_list(
    mailoutbox, django_capture_on_commit_callbacks
):
    from netwerk.community.services.members import member_delete

    event = RegistrableEventFactory(capacity=1)
    leaving = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        member_delete(user=leaving.user)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED
    assert [m.to for m in mailoutbox] == [[waiting.user.email]]


# --- Follow: a follow of an item that was withdrawn later can still be stopped --------------------


def test_a_member_can_stop_following_an_item_that_was_withdrawn(client):
    from netwerk.constants import FollowKind
    from netwerk.models import Follow

    profile = MemberFactory()
    item = ItemFactory()
    Follow.objects.create(user=profile.user, kind=FollowKind.DISCUSSION, item=item)
    type(item).objects.filter(pk=item.pk).update(status=Status.WITHDRAWN)
    client.force_login(profile.user)
    settings_url = reverse("netwerk:follow_settings")
    assert item.title in client.get(settings_url).content.decode()

    response = client.post(
        reverse("netwerk:unfollow"),
        {"kind": FollowKind.DISCUSSION, "target": item.pk, "next": settings_url},
    )

    assert response.status_code == 302
    assert not Follow.objects.filter(user=profile.user).exists()
    # Starting to follow it stays impossible.
    response = client.post(
        reverse("netwerk:follow"), {"kind": FollowKind.DISCUSSION, "target": item.pk}
    )
    assert response.status_code == 400
    assert not Follow.objects.exists()


def test_unfollowing_a_draft_one_never_followed_does_not_tell_its_title(client):
    from netwerk.constants import FollowKind

    draft = ItemFactory(status=Status.DRAFT, title="Geheim concept over de fusie")
    client.force_login(MemberFactory().user)

    data = {"kind": FollowKind.DISCUSSION, "target": draft.pk}
    response = client.post(reverse("netwerk:unfollow"), data, follow=True)

    assert response.status_code == 400
    assert "Geheim concept" not in response.content.decode()


# --- Submissions: a double click on "Beginnen" opens one new draft --------------------------------


def test_a_double_click_on_begin_makes_one_draft(client):
    from kennisbank.models import Submission

    profile = MemberFactory()
    client.force_login(profile.user)
    url = reverse("kennisbank:submission_new")

    first = client.post(url, {"item_type": "praktijkvoorbeeld"})
    second = client.post(url, {"item_type": "praktijkvoorbeeld"})

    assert first.url == second.url
    assert Submission.objects.filter(submitter=profile.user).count() == 1
    # Once the member typed in it, "Beginnen" starts a new one.
    draft = Submission.objects.get()
    draft.data = {**draft.data, "title": "Samen de WOZ"}
    draft.save()
    client.post(url, {"item_type": "praktijkvoorbeeld"})
    assert Submission.objects.filter(submitter=profile.user).count() == 2
