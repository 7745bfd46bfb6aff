"""Members report an experience: drafts, attachments, sending for review, the editors' thread.

A Submission keeps the form as typed (``data``) so nothing is lost while the member writes.
Sending copies it into a kennisbank Item with status "ter beoordeling", which then follows the
editors' status workflow in the admin; while it is not published the member may revise and send
again, which updates the same item. The member's view of the state is derived from the item's
status (``submission_state``), never stored twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.mail import mail_editors, mail_render
from portal.members import profile_for

from ..constants import ItemType, Status
from ..models import Attachment, Item, Submission, SubmissionFile, SubmissionMessage
from .items import item_saved, item_unique_slug, items_set_status
from .uploads import CheckedUpload

_STORED_NAME = re.compile(r"^[0-9a-f]{32}")
NEW_DRAFT_REUSE_WINDOW = dt.timedelta(minutes=1)


class SubmissionState(models.TextChoices):
    DRAFT = "concept", _("Concept")
    IN_REVIEW = "ter_beoordeling", _("Ter beoordeling")
    RETURNED = "teruggestuurd", _("Teruggestuurd")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


_STATE_BY_ITEM_STATUS = {
    Status.DRAFT: SubmissionState.RETURNED,  # editors put a sent item back to draft
    Status.IN_REVIEW: SubmissionState.IN_REVIEW,
    Status.PUBLISHED: SubmissionState.PUBLISHED,
    Status.WITHDRAWN: SubmissionState.WITHDRAWN,
}
EDITABLE_STATES = {SubmissionState.DRAFT, SubmissionState.IN_REVIEW, SubmissionState.RETURNED}


class SubmissionLocked(Exception):
    """The item is published or withdrawn: the member can no longer change it."""


class TooManyFiles(Exception):
    pass


class SubmissionNotInReview(Exception):
    """Approving or returning needs a submission that waits for review (someone was quicker)."""


def submission_state(submission: Submission) -> SubmissionState:
    if submission.item_id is None:
        return SubmissionState.DRAFT
    return _STATE_BY_ITEM_STATUS[submission.item.status]


def submission_is_editable(submission: Submission) -> bool:
    return submission_state(submission) in EDITABLE_STATES


def submissions_of(user) -> models.QuerySet[Submission]:
    """The member's own submissions: the only ones they may see (views 404 on the rest)."""
    return Submission.objects.filter(submitter=user).select_related("item")


def submission_create(*, submitter: AbstractBaseUser, item_type: str = ItemType.PRACTICE):
    """A new, empty draft with the contact fields taken from the member's profile."""
    profile = profile_for(submitter)
    organisation = (
        profile.municipality.name if profile.municipality_id else profile.organisation_name
    )
    data = {
        "item_type": item_type,
        "contact_name": profile.name,
        "contact_organisation": organisation or "",
        "contact_email": submitter.email,
    }
    # A double click on "Beginnen" opens the same untouched draft instead of a second one.
    recent = (
        Submission.objects.filter(
            submitter=submitter,
            item__isnull=True,
            sent_at__isnull=True,
            created_at__gte=timezone.now() - NEW_DRAFT_REUSE_WINDOW,
        )
        .order_by("-id")
        .first()
    )
    if recent is not None and recent.data == data:
        return recent
    return Submission.objects.create(submitter=submitter, item_type=item_type, data=data)


def submission_save_draft(*, submission: Submission, data: dict) -> None:
    """Keep what the member typed, complete or not (the form's draft_data())."""
    if not submission_is_editable(submission):
        raise SubmissionLocked
    submission.data = data
    if data.get("item_type") in (ItemType.PRACTICE, ItemType.LESSON):
        submission.item_type = data["item_type"]
    submission.save(update_fields=["data", "item_type", "saved_at"])


def submission_add_file(
    *, submission: Submission, upload: UploadedFile, checked: CheckedUpload, max_files: int
) -> SubmissionFile:
    with transaction.atomic():
        # The lock makes the limit hold for two uploads at the same moment.
        Submission.objects.select_for_update().filter(pk=submission.pk).first()
        if submission.files.count() >= max_files:
            raise TooManyFiles
        stored = checked.stored_name()
        attached = SubmissionFile(
            submission=submission,
            stored_name=stored,
            original_name=checked.original_name,
            content_type=checked.kind.content_type,
            size=checked.size,
        )
        upload.seek(0)
        attached.file.save(stored, upload, save=False)
        attached.save()
    return attached


def submission_remove_files(*, submission: Submission, file_ids: Iterable[int]) -> int:
    ids = [int(i) for i in file_ids if str(i).isdigit() and len(str(i)) <= 12]
    files = list(submission.files.filter(pk__in=ids))
    for attached in files:
        storage, name = attached.file.storage, attached.file.name
        attached.delete()
        if name:
            _delete_after_commit(storage, name)
    return len(files)


def _delete_after_commit(storage, name: str) -> None:
    # A rolled-back change must still find its file: storage is not transactional.
    transaction.on_commit(lambda: storage.delete(name))


def _sync_attachments(*, submission: Submission, item: Item) -> None:
    """Copy the submission's files to the item (the public copies live next to the editors')."""
    wanted = {f.stored_name[:32]: f for f in submission.files.all()}
    for attachment in item.attachments.filter(uploaded_by=submission.submitter):
        key = PurePosixPath(attachment.file.name).name[:32]
        if _STORED_NAME.match(key) and key not in wanted:
            storage, name = attachment.file.storage, attachment.file.name
            attachment.delete()
            _delete_after_commit(storage, name)
        else:
            wanted.pop(key, None)
    for order, attached in enumerate(wanted.values(), start=item.attachments.count()):
        copy = Attachment(
            item=item,
            title=attached.original_name,
            order=order,
            uploaded_by=submission.submitter,
        )
        with attached.file.open("rb") as source:
            copy.file.save(attached.stored_name, source, save=False)
        copy.save()


def submission_send(*, submission: Submission, cleaned: dict) -> Item:
    """Send for review: create or update the submission's item, status "ter beoordeling"."""
    with transaction.atomic():
        # Locked, so a double click cannot make two items.
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("item", "submitter")
            .get(pk=submission.pk)
        )
        if not submission_is_editable(submission):
            raise SubmissionLocked
        item = submission.item or Item(
            submitted_by=submission.submitter,
            published_on=timezone.localdate(),
            status=Status.DRAFT,
        )
        previous = item.status if item.pk else None
        item.type = cleaned["item_type"]
        item.title = cleaned["title"]
        if not item.slug:
            item.slug = item_unique_slug(cleaned["title"], fallback="inzending")
        item.summary = cleaned["summary"]
        item.body = cleaned["task"]
        item.outcomes = cleaned["outcomes"]
        item.what_went_wrong = cleaned["what_went_wrong"]
        item.advice = cleaned["advice"]
        item.collaboration_model = cleaned.get("collaboration_model")
        item.contact_name = cleaned["contact_name"]
        item.contact_organisation = cleaned.get("contact_organisation", "")
        item.contact_email = cleaned["contact_email"]
        item.status = Status.IN_REVIEW
        item.save()
        item.themes.set(cleaned["themes"])
        item.municipalities.set(cleaned["municipalities"])
        item_saved(item=item, previous=previous)
        _sync_attachments(submission=submission, item=item)
        submission.item = item
        submission.item_type = item.type
        submission.sent_at = timezone.now()
        submission.save(update_fields=["item", "item_type", "sent_at", "saved_at"])
        # In the same transaction: the outbox row commits with the submission, or neither does.
        mail_editors(
            subject=gettext("Nieuwe inzending ter beoordeling: %(title)s") % {"title": item.title},
            text=gettext("Een lid heeft een ervaring ingestuurd (of aangepast): %(title)s")
            % {"title": item.title},
            path=reverse("admin:kennisbank_submission_change", args=[submission.pk]),
        )
    return item


def submission_message_post(
    *, submission: Submission, author, text: str, from_editors: bool
) -> SubmissionMessage:
    """A note in the thread between editors and submitter; the submitter hears of editors' notes."""
    message = SubmissionMessage.objects.create(
        submission=submission, author=author, text=text, from_editors=from_editors
    )
    if from_editors:
        submission_message_notify(message=message)
    else:
        mail_editors(
            subject=gettext("Antwoord van een inzender: %(title)s") % {"title": submission},
            text=text,
            path=reverse("admin:kennisbank_submission_change", args=[submission.pk]),
        )
    return message


def submission_message_notify(*, message: SubmissionMessage) -> None:
    submission = message.submission
    email = submission.submitter.email
    if not email:
        return
    mail_render(
        template="kennisbank/mail/submission_message.txt",
        context={
            "title": str(submission),
            "text": message.text,
            "path": reverse("kennisbank:submission_detail", args=[submission.pk]),
        },
        subject=gettext("Bericht van de redactie over uw inzending"),
        to=email,
    )


# --- The editors' review ------------------------------------------------------------------------


def submissions_waiting() -> models.QuerySet[Submission]:
    """Sent submissions whose item waits for the editors (the "te doen" count and filter)."""
    return Submission.objects.filter(sent_at__isnull=False, item__status=Status.IN_REVIEW)


def _lock_in_review(submission: Submission) -> Item:
    item = Item.objects.select_for_update().filter(pk=submission.item_id).first()
    if item is None or item.status != Status.IN_REVIEW:
        raise SubmissionNotInReview
    return item


def submission_approve(*, submission: Submission) -> Item:
    """Publish the submission's item; the submitter hears it is online (item_status_changed)."""
    with transaction.atomic():
        item = _lock_in_review(submission)
        items_set_status(items=[item], status=Status.PUBLISHED)
    return item


def submissions_approve(*, submissions: Iterable[Submission]) -> int:
    """Bulk approve; those no longer waiting are skipped. Returns how many were published."""
    approved = 0
    for submission in submissions:
        try:
            submission_approve(submission=submission)
        except SubmissionNotInReview:
            continue
        approved += 1
    return approved


def submission_return(*, submission: Submission, editor, text: str) -> SubmissionMessage:
    """Back to the member as a draft to revise, with the editors' message (mailed to them)."""
    text = text.strip()
    if not text:
        raise ValueError("a returned submission needs a message")
    with transaction.atomic():
        item = _lock_in_review(submission)
        items_set_status(items=[item], status=Status.DRAFT)
        return submission_message_post(
            submission=submission, author=editor, text=text, from_editors=True
        )
