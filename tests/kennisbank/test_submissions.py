"""Members report an experience: drafts, failed uploads, sending, review, messages, publishing."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import EvidenceLevel, ItemType, Status
from kennisbank.models import Attachment, Item, Submission, SubmissionFile, SubmissionMessage
from kennisbank.services.submissions import submission_message_post, submission_remove_files
from tests.factories import ItemFactory, UserFactory
from tests.html import validate_html
from tests.kennisbank.submission_factories import EXE_BYTES, PDF_BYTES, SubmissionFactory
from tests.kennisbank.test_admin import CHANGELIST, post_change, selected_action
from tests.netwerk.member_factories import MemberFactory

pytestmark = pytest.mark.django_db

LIST = reverse("kennisbank:submission_list")
NEW = reverse("kennisbank:submission_new")
LOGIN = reverse("netwerk:login")
EDITOR_SUBMISSION_PERMISSIONS = [
    "view_submission",
    "change_submission",
    "view_submissionmessage",
    "add_submissionmessage",
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def profile():
    return MemberFactory(name="Vera Verteller", organisation_name="Gemeente Leiden")


@pytest.fixture
def member_client(client, profile):
    client.force_login(profile.user)
    return client


@pytest.fixture
def submission(profile):
    return SubmissionFactory(submitter=profile.user, data={})


@pytest.fixture
def reviewer(editor):
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="kennisbank", codename__in=EDITOR_SUBMISSION_PERMISSIONS
        )
    )
    return editor


def edit_url(submission):
    return reverse("kennisbank:submission_edit", args=[submission.pk])


def detail_url(submission):
    return reverse("kennisbank:submission_detail", args=[submission.pk])


def autosave_url(submission):
    return reverse("kennisbank:submission_autosave", args=[submission.pk])


def complete(**changes):
    data = {
        "item_type": ItemType.PRACTICE,
        "title": "Eén belastingkantoor voor drie gemeenten",
        "summary": "Leiden, Leiderdorp en Groningen heffen samen de gemeentelijke belastingen.",
        "task": "Drie kleine belastingafdelingen waren kwetsbaar bij ziekte en verloop.",
        "municipalities": ["GM0546", "GM0547"],
        "themes": ["belastingen-en-woz"],
        "collaboration_model": "centrumgemeente",
        "outcomes": "Besparing van 400.000 euro per jaar; bezwaren binnen 6 weken afgehandeld.",
        "what_went_wrong": "De koppeling van de drie belastingsystemen kostte een jaar extra.",
        "advice": "Regel eerst de ICT en pas daarna de formatie.",
        "contact_name": "Vera Verteller",
        "contact_organisation": "Gemeente Leiden",
        "contact_email": "vera@example.org",
        "action": "send",
    }
    data.update(changes)
    return data


def pdf(name="evaluatie.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def page(response):
    return response.content.decode()


# --- Permissions ----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client, submission):
    attached = SubmissionFile.objects.create(
        submission=submission,
        stored_name="a" * 32 + ".pdf",
        original_name="x.pdf",
        content_type="application/pdf",
        size=3,
    )
    for url in (
        LIST,
        NEW,
        edit_url(submission),
        detail_url(submission),
        reverse("kennisbank:submission_file", args=[submission.pk, attached.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(LOGIN), url
    response = client.post(autosave_url(submission), {"title": "x"})
    assert response.status_code == 401
    assert "niet meer ingelogd" in response.json()["message"]


def test_another_member_cannot_see_or_change_a_submission(client, submission):
    client.force_login(UserFactory())
    for url in (edit_url(submission), detail_url(submission)):
        assert client.get(url).status_code == 404
    assert client.post(edit_url(submission), complete()).status_code == 404
    response = client.post(autosave_url(submission), {"title": "Overgenomen"})
    assert response.status_code == 403 and response.json()["saved"] is False
    assert Submission.objects.get(pk=submission.pk).data == {}
    assert client.get(LIST).content.decode().count("<tr") == 0


def test_bad_ids_and_values_give_a_404_or_are_ignored(member_client, submission):
    huge = "9" * 30
    assert member_client.get(f"/kennisbank/inzenden/{huge}/").status_code == 404
    assert member_client.get(f"/kennisbank/inzenden/{huge}/bewerken/").status_code == 404
    file_url = f"/kennisbank/inzenden/{submission.pk}/bijlagen/{huge}/"
    assert member_client.get(file_url).status_code == 404
    response = member_client.post(
        edit_url(submission),
        complete(action="draft", remove_file=[huge, "-1", "x"], item_type="geen"),
    )
    assert response.status_code == 302
    response = member_client.post(NEW, {"item_type": "<b>"})
    assert Submission.objects.latest("pk").item_type == ItemType.PRACTICE


def test_autosave_answers_json_for_unknown_and_needs_post(member_client, submission):
    response = member_client.post(reverse("kennisbank:submission_autosave", args=[99999]))
    assert response.status_code == 404 and response.json()["saved"] is False
    assert member_client.get(autosave_url(submission)).status_code == 405


# --- Drafts ---------------------------------------------------------------------------------------


def test_a_new_submission_starts_with_the_members_contact_details(member_client, profile):
    response = member_client.post(NEW, {"item_type": ItemType.LESSON})
    submission = Submission.objects.get(submitter=profile.user)
    assert response.url == edit_url(submission)
    assert submission.item_type == ItemType.LESSON
    form = page(member_client.get(edit_url(submission)))
    assert 'value="Vera Verteller"' in form
    assert 'value="Gemeente Leiden"' in form
    assert f'value="{profile.user.email}"' in form
    assert 'value="praktijkles" id="id_item_type_1" checked' in form or (
        'value="praktijkles"' in form and "checked" in form
    )


def test_save_draft_keeps_incomplete_and_invalid_input(member_client, submission):
    typed = complete(
        action="draft",
        title="Half af",
        what_went_wrong="Te kort",
        contact_email="geen adres",
        summary="",
    )
    response = member_client.post(edit_url(submission), typed)
    assert response.status_code == 302 and response.url == edit_url(submission)
    submission.refresh_from_db()
    assert submission.data["title"] == "Half af"
    assert submission.data["what_went_wrong"] == "Te kort"
    assert submission.data["contact_email"] == "geen adres"
    assert submission.data["municipalities"] == ["GM0546", "GM0547"]
    assert submission.item is None and submission.sent_at is None
    form = page(member_client.get(edit_url(submission)))
    assert "Uw concept is bewaard." in form
    assert 'value="Half af"' in form and 'value="GM0546" selected' in form


def test_autosave_stores_the_text_and_says_when(member_client, submission):
    response = member_client.post(autosave_url(submission), complete(title="Tussenstand"))
    assert response.status_code == 200
    body = response.json()
    assert body["saved"] is True
    local = timezone.localtime(Submission.objects.get(pk=submission.pk).saved_at)
    assert body["message"] == f"Concept bewaard om {local:%H:%M}"
    assert Submission.objects.get(pk=submission.pk).data["title"] == "Tussenstand"


def test_autosave_survives_junk(member_client, submission):
    junk = {"title": "x" * 50_000, "municipalities": ["<script>", "GM9999"], "item_type": "\x00"}
    response = member_client.post(autosave_url(submission), junk)
    assert response.status_code == 200
    data = Submission.objects.get(pk=submission.pk).data
    assert len(data["title"]) == 20_000
    form = member_client.get(edit_url(submission))
    assert form.status_code == 200


def test_a_post_after_the_session_expired_is_kept_until_the_member_logs_in(client, profile):
    submission = SubmissionFactory(submitter=profile.user, data={"title": "Oud"})
    # The session is gone: the full form goes to the login page ...
    response = client.post(edit_url(submission), complete(action="draft", title="Net getypt"))
    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={edit_url(submission)}"
    # ... and after logging in the member is back on the form with the text intact.
    response = client.post(
        response.url,
        {"username": profile.user.username, "password": "correct-horse-battery-staple"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == edit_url(submission)
    form = page(response)
    assert 'value="Net getypt"' in form
    assert "voordat u opnieuw moest inloggen, is bewaard" in form
    assert Submission.objects.get(pk=submission.pk).data["title"] == "Net getypt"


def test_an_expired_session_does_not_let_anyone_else_write(client, profile):
    submission = SubmissionFactory(submitter=profile.user, data={"title": "Van Vera"})
    client.post(edit_url(submission), complete(action="draft", title="Kaping"))
    intruder = UserFactory()
    client.force_login(intruder)
    assert client.get(edit_url(submission)).status_code == 404
    assert Submission.objects.get(pk=submission.pk).data["title"] == "Van Vera"


# --- Attachments ----------------------------------------------------------------------------------


def test_a_refused_upload_keeps_everything_typed(member_client, submission):
    exe = SimpleUploadedFile("rapport.pdf", EXE_BYTES, content_type="application/pdf")
    typed = complete(action="draft", attachment=exe)
    response = member_client.post(edit_url(submission), typed)
    assert response.status_code == 400
    form = page(response)
    assert "geen document maar een Windows-programma" in form
    assert "Uw tekst is bewaard" in form
    assert typed["what_went_wrong"] in form and f'value="{typed["title"]}"' in form
    assert 'value="GM0547" selected' in form
    # Only the file failed, so no complaints about the draft's other fields.
    assert "Dit veld is verplicht" not in form
    submission.refresh_from_db()
    assert submission.data["advice"] == typed["advice"]
    assert not submission.files.exists()


def test_a_refused_upload_when_sending_does_not_send(member_client, submission):
    exe = SimpleUploadedFile("rapport.pdf", EXE_BYTES)
    response = member_client.post(edit_url(submission), complete(attachment=exe))
    assert response.status_code == 400
    assert not Item.objects.exists()
    assert Submission.objects.get(pk=submission.pk).data["title"] == complete()["title"]


def test_upload_is_stored_under_our_own_name_and_served_safely(member_client, submission, reviewer):
    member_client.post(edit_url(submission), complete(action="draft", attachment=pdf()))
    attached = submission.files.get()
    assert attached.original_name == "evaluatie.pdf"
    assert attached.content_type == "application/pdf" and attached.size == len(PDF_BYTES)
    assert "evaluatie" not in attached.file.name and attached.file.name.endswith(".pdf")
    url = reverse("kennisbank:submission_file", args=[submission.pk, attached.pk])
    response = member_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="evaluatie.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "no-store" in response["Cache-Control"]
    # Someone else: as if it did not exist.
    client = Client()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    # An editor: not while it is a draft ("de redactie ziet het pas als u het instuurt").
    client.force_login(reviewer)
    assert client.get(url).status_code == 404
    Submission.objects.filter(pk=submission.pk).update(sent_at=timezone.now())
    assert client.get(url).status_code == 200
    # A staff member without editor rights is not an editor.
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code == 404


def test_at_most_five_files_and_removing_one(
    member_client, submission, settings, django_capture_on_commit_callbacks
):
    for n in range(5):
        member_client.post(
            edit_url(submission), complete(action="draft", attachment=pdf(f"{n}.pdf"))
        )
    assert submission.files.count() == 5
    form = page(member_client.get(edit_url(submission)))
    assert "maximum van 5 bijlagen" in form and 'name="attachment"' not in form
    response = member_client.post(
        edit_url(submission), complete(action="draft", attachment=pdf("zes.pdf"))
    )
    assert response.status_code == 400 and "hoogstens 5 bijlagen" in page(response)
    first = submission.files.first()
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(edit_url(submission), complete(action="draft", remove_file=[first.pk]))
    assert submission.files.count() == 4
    assert not first.file.storage.exists(first.file.name)


def test_a_removal_that_is_rolled_back_keeps_the_file(member_client, submission):
    member_client.post(edit_url(submission), complete(action="draft", attachment=pdf("a.pdf")))
    attached = submission.files.get()
    with pytest.raises(RuntimeError), transaction.atomic():
        submission_remove_files(submission=submission, file_ids=[attached.pk])
        raise RuntimeError("crash after the removal, before the commit")
    assert submission.files.get() == attached
    assert attached.file.storage.exists(attached.file.name)


# --- Sending and review ---------------------------------------------------------------------------


def test_what_went_wrong_is_required_with_an_explanation(member_client, submission):
    for text in ("", "Niets."):
        response = member_client.post(edit_url(submission), complete(what_went_wrong=text))
        assert response.status_code == 400
        assert "Juist daarvan leren andere gemeenten het meest" in page(response)
    assert not Item.objects.exists()
    assert Submission.objects.get(pk=submission.pk).data["what_went_wrong"] == "Niets."


def test_sending_creates_an_item_for_review(member_client, submission, profile):
    member_client.post(edit_url(submission), complete(action="draft", attachment=pdf()))
    response = member_client.post(edit_url(submission), complete())
    assert response.status_code == 302 and response.url == detail_url(submission)
    submission.refresh_from_db()
    item = submission.item
    assert submission.sent_at is not None
    assert item.status == Status.IN_REVIEW and item.submitted_by == profile.user
    assert item.type == ItemType.PRACTICE
    assert item.title == "Eén belastingkantoor voor drie gemeenten"
    assert item.slug == "een-belastingkantoor-voor-drie-gemeenten"
    assert item.body == complete()["task"]
    assert item.what_went_wrong == complete()["what_went_wrong"]
    assert item.advice == complete()["advice"]
    assert item.published_on == timezone.localdate()
    assert item.collaboration_model.key == "centrumgemeente"
    assert sorted(item.municipalities.values_list("code", flat=True)) == ["GM0546", "GM0547"]
    assert "m:GM0546" in item.facets and "c:centrumgemeente" in item.facets
    assert list(item.themes.values_list("slug", flat=True)) == ["belastingen-en-woz"]
    copy = Attachment.objects.get(item=item)
    assert copy.title == "evaluatie.pdf" and copy.uploaded_by == profile.user
    assert copy.file.read() == PDF_BYTES
    # Not public until the editors publish it.
    assert not Item.objects.published().filter(pk=item.pk).exists()
    detail = page(member_client.get(detail_url(submission)))
    assert "Ter beoordeling" in detail and "ligt nu bij de redactie" in detail


def test_slug_is_unique_and_a_second_send_updates_the_same_item(member_client, submission):
    ItemFactory(slug="een-belastingkantoor-voor-drie-gemeenten")
    member_client.post(edit_url(submission), complete())
    item = Submission.objects.get(pk=submission.pk).item
    assert item.slug == "een-belastingkantoor-voor-drie-gemeenten-2"
    member_client.post(edit_url(submission), complete(title="Nieuwe titel", themes=["jeugd"]))
    item.refresh_from_db()
    assert Item.objects.filter(submitted_by__isnull=False).count() == 1
    assert item.title == "Nieuwe titel"
    assert list(item.themes.values_list("slug", flat=True)) == ["jeugd"]


def _sent(member_client, submission):
    member_client.post(edit_url(submission), complete())
    submission.refresh_from_db()
    return submission.item


def test_editor_message_mails_the_submitter_who_can_reply_and_revise(
    member_client, submission, reviewer, mailoutbox, profile
):
    item = _sent(member_client, submission)
    assert [m.to for m in mailoutbox] == [["redactie@example.org"]]  # the editors' notice
    mailoutbox.clear()
    client = Client()
    client.force_login(reviewer)
    change = reverse("admin:kennisbank_submission_change", args=[submission.pk])
    admin_page = client.get(change)
    assert admin_page.status_code == 200
    assert complete()["what_went_wrong"] in page(admin_page)
    response = client.post(
        change,
        {
            "messages-TOTAL_FORMS": "1",
            "messages-INITIAL_FORMS": "0",
            "messages-MIN_NUM_FORMS": "0",
            "messages-MAX_NUM_FORMS": "1000",
            "messages-0-text": "Kunt u de besparing onderbouwen met de begroting?",
        },
    )
    assert response.status_code == 302
    message = SubmissionMessage.objects.get()
    assert message.from_editors and message.author == reviewer
    assert [m.to for m in mailoutbox] == [[profile.user.email]]
    assert "onderbouwen met de begroting" in mailoutbox[0].body
    assert detail_url(submission) in mailoutbox[0].body
    # The editors send it back (status concept) ...
    post_change(client, item, status=Status.DRAFT)
    assert Item.objects.get(pk=item.pk).status == Status.DRAFT
    listing = page(member_client.get(LIST))
    assert "Teruggestuurd" in listing
    detail = page(member_client.get(detail_url(submission)))
    assert "onderbouwen met de begroting" in detail
    # ... the member answers and revises.
    member_client.post(detail_url(submission), {"text": "Ik voeg de begroting toe."})
    reply = SubmissionMessage.objects.get(from_editors=False)
    assert reply.author == profile.user
    member_client.post(edit_url(submission), complete(outcomes="Besparing: 412.000 euro."))
    item.refresh_from_db()
    assert item.status == Status.IN_REVIEW and item.outcomes == "Besparing: 412.000 euro."
    assert "Ter beoordeling" in page(member_client.get(LIST))
    assert "Ik voeg de begroting toe." in page(client.get(change))
    # From the item under review the editor reaches the thread.
    item_page = page(client.get(reverse("admin:kennisbank_item_change", args=[item.pk])))
    assert f'href="{change}"' in item_page


def test_review_queue_lists_sent_submissions_only(member_client, profile, reviewer):
    draft = SubmissionFactory(submitter=profile.user, data={"title": "Nog geheim concept"})
    sent = SubmissionFactory(submitter=profile.user, data={})
    _sent(member_client, sent)
    client = Client()
    client.force_login(reviewer)
    queue = page(client.get(reverse("admin:kennisbank_submission_changelist")))
    assert complete()["title"] in queue and "Nog geheim concept" not in queue
    assert (
        client.get(reverse("admin:kennisbank_submission_change", args=[draft.pk])).status_code
        == 302
    )
    filtered = page(client.get(CHANGELIST, {"ingezonden": "ja", "status__exact": "in_review"}))
    assert complete()["title"] in filtered
    ItemFactory(title="Redactioneel stuk", status=Status.IN_REVIEW)
    assert "Redactioneel stuk" not in filtered


@pytest.mark.parametrize("how", ["action", "change_form"])
def test_the_submitter_hears_when_it_is_published(
    member_client, submission, editor, mailoutbox, profile, how
):
    item = _sent(member_client, submission)
    client = Client()
    client.force_login(editor)
    if how == "action":
        selected_action(client, "publish", [item])
    else:
        post_change(client, item, status=Status.PUBLISHED, evidence_level=EvidenceLevel.MEASURED)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    mails = [m for m in mailoutbox if "gepubliceerd" in m.subject]
    assert len(mails) == 1 and mails[0].to == [profile.user.email]
    assert item.get_absolute_url() in mails[0].body
    # Publishing again later (after a withdrawal) is news again; saving unchanged is not.
    post_change(client, item, title=item.title)
    assert len([m for m in mailoutbox if "gepubliceerd" in m.subject]) == 1
    # Published: the member can no longer change it.
    assert "Gepubliceerd" in page(member_client.get(LIST))
    response = member_client.get(edit_url(submission))
    assert response.status_code == 302 and response.url == detail_url(submission)
    member_client.post(edit_url(submission), complete(title="Stiekem anders"))
    assert Item.objects.get(pk=item.pk).title != "Stiekem anders"
    assert member_client.post(autosave_url(submission), {"title": "x"}).status_code == 409


def test_items_without_a_submitter_send_no_mail(client, editor, mailoutbox):
    item = ItemFactory(status=Status.IN_REVIEW)
    client.force_login(editor)
    selected_action(client, "publish", [item])
    assert mailoutbox == []


# --- Pages: HTML, query counts --------------------------------------------------------------------


def test_pages_are_valid_html(member_client, submission, profile):
    documents = {"nieuw": page(member_client.get(NEW))}
    documents["formulier leeg"] = page(member_client.get(edit_url(submission)))
    response = member_client.post(edit_url(submission), complete(what_went_wrong="kort"))
    documents["formulier met fouten"] = page(response)
    exe = SimpleUploadedFile("rapport.pdf", EXE_BYTES)
    documents["formulier met bestandsfout"] = page(
        member_client.post(edit_url(submission), complete(action="draft", attachment=exe))
    )
    member_client.post(edit_url(submission), complete(action="draft", attachment=pdf()))
    documents["formulier met bijlage"] = page(member_client.get(edit_url(submission)))
    member_client.post(edit_url(submission), complete())
    SubmissionMessage.objects.create(submission=submission, text="Graag cijfers.")
    documents["inzending"] = page(member_client.get(detail_url(submission)))
    documents["mijn inzendingen"] = page(member_client.get(LIST))
    assert validate_html(documents) == {}


def test_my_submissions_uses_constant_queries(member_client, profile, django_assert_num_queries):
    def make(n):
        for _ in range(n):
            item = ItemFactory(submitted_by=profile.user, status=Status.IN_REVIEW)
            SubmissionFactory(submitter=profile.user, item=item, sent_at=timezone.now())

    make(1)
    with django_assert_num_queries(4) as one:  # session, user, count, page
        assert member_client.get(LIST).status_code == 200
    make(19)
    with django_assert_num_queries(len(one.captured_queries)):
        response = member_client.get(LIST)
    assert page(response).count("Ter beoordeling") == 20


def test_home_and_profile_link_to_sharing_an_experience(member_client):
    assert NEW in page(member_client.get(reverse("home")))
    profile_page = page(member_client.get(reverse("netwerk:profile")))
    assert NEW in profile_page and LIST in profile_page


def test_old_drafts_sort_after_recent_ones(member_client, profile):
    old = SubmissionFactory(submitter=profile.user, data={"title": "Oud concept"})
    Submission.objects.filter(pk=old.pk).update(saved_at=timezone.now() - dt.timedelta(days=3))
    SubmissionFactory(submitter=profile.user, data={"title": "Nieuw concept"})
    listing = page(member_client.get(LIST))
    assert listing.index("Nieuw concept") < listing.index("Oud concept")


def test_the_editors_hear_of_a_new_submission_and_of_a_reply(
    member_client, submission, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EDITORS_EMAIL = "redactie@gemeente.example"
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(edit_url(submission), complete())
    notice = mailoutbox[-1]
    assert notice.to == ["redactie@gemeente.example"]
    assert "Eén belastingkantoor voor drie gemeenten" in notice.subject
    assert f"/admin/kennisbank/submission/{submission.pk}/change/" in notice.body

    submission.refresh_from_db()
    submission_message_post(
        submission=submission,
        author=submission.submitter,
        text="Cijfers volgen.",
        from_editors=False,
    )
    assert mailoutbox[-1].to == ["redactie@gemeente.example"]
    assert "Cijfers volgen." in mailoutbox[-1].body
