"""Mail from the portal: an outbox in PostgreSQL, delivered through the Django Tasks API.

Every app sends through here: one place for the sender address, the site URL in templates and
the List-Unsubscribe headers of digests.

Guarantees
    ``send_portal_mail`` writes the mail to the outbox (``OutgoingMail``) and enqueues its
    delivery, both in the caller's transaction: with the database queue (django-tasks-db) the
    task row is part of that transaction too, so a rolled-back action leaves neither mail nor
    task behind, and a committed one cannot lose its mail.

    ``mail_deliver`` claims the row with ``SELECT ... FOR UPDATE SKIP LOCKED`` and keeps that
    lock while it talks SMTP, then marks the row sent in the same transaction. So two workers
    never send one row, and a worker that dies mid-send (killed, machine gone) leaves the row
    pending: PostgreSQL rolls its transaction back as the connection drops, and the next sweep
    (``deliver_due_mails``, every minute, portal/tasks.py) sends it. The one window in which a
    mail can go twice: the SMTP server accepted it and the worker died (or lost the database)
    before the COMMIT that marks it sent — milliseconds. The Message-ID stays the same over
    every attempt, so a receiver can drop the copy.

    A failed send counts an attempt and waits 1, 2, 4, ... minutes (capped at
    MAIL_RETRY_MAX_DELAY); after MAIL_MAX_ATTEMPTS the row is "failed" and stays visible in the
    admin, where an editor can try it again. Nothing is silently dropped.

Task arguments must be JSON-serialisable, so attachments travel as (filename, text, mimetype)
and extra headers as a dict.
"""

import datetime as dt
import logging
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from .models import OutgoingMail
from .text import single_line

logger = logging.getLogger(__name__)

SWEEP_BATCH = 200


def send_portal_mail(
    *,
    subject: str,
    body: str,
    to: str,
    attachments: list[tuple[str, str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingMail:
    """Put a mail in the outbox and queue its delivery (in the caller's transaction)."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "kennisplatform.local"
    with transaction.atomic():
        mail = OutgoingMail.objects.create(
            to=to,
            subject=subject,
            body=body,
            attachments=[list(a) for a in attachments or []],
            headers=dict(headers or {}),
            message_id=make_msgid(domain=domain),
        )
        deliver_mail.enqueue(mail_id=mail.pk)
    return mail


def mail_render(
    *,
    template: str,
    context: dict,
    subject: str,
    to: str,
    attachments: list[tuple[str, str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingMail:
    """Render a plain-text mail template and queue the mail."""
    body = render_to_string(template, {"site_url": settings.SITE_URL, **context})
    return send_portal_mail(
        # Subjects carry titles members typed; a line break there is a header injection.
        subject=single_line(subject),
        body=body,
        to=to,
        attachments=attachments,
        headers=headers,
    )


def mail_editors(*, subject: str, text: str, path: str) -> None:
    """A short notice to the editors' mailbox (settings.EDITORS_EMAIL) with a link to act on."""
    if not settings.EDITORS_EMAIL:
        return
    mail_render(
        template="mail/editors_notice.txt",
        context={"text": text, "path": path},
        subject=subject,
        to=settings.EDITORS_EMAIL,
    )


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait after the n-th failed attempt: doubling from MAIL_RETRY_BASE_DELAY, capped."""
    seconds = settings.MAIL_RETRY_BASE_DELAY * 2 ** max(attempts - 1, 0)
    return dt.timedelta(seconds=min(seconds, settings.MAIL_RETRY_MAX_DELAY))


def _message(mail: OutgoingMail) -> EmailMessage:
    message = EmailMessage(
        mail.subject,
        mail.body,
        settings.DEFAULT_FROM_EMAIL,
        [mail.to],
        headers={**mail.headers, "Message-ID": mail.message_id},
    )
    for filename, content, mimetype in mail.attachments:
        message.attach(filename, content, mimetype)
    return message


def mail_deliver(*, mail_id: int) -> bool:
    """Send one due outbox row if no one else is; True if this call sent it."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(
                pk=mail_id,
                status=OutgoingMail.Status.PENDING,
                next_attempt_at__lte=timezone.now(),
            )
            .first()
        )
        if mail is None:
            return False  # sent, failed, waiting for its next attempt, or in another worker
        mail.attempts += 1
        try:
            _message(mail).send()
        except Exception as exc:
            mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if mail.attempts >= settings.MAIL_MAX_ATTEMPTS:
                mail.status = OutgoingMail.Status.FAILED
                logger.error(
                    "Mail %s to %s failed for good after %s attempts: %s",
                    mail.pk,
                    mail.to,
                    mail.attempts,
                    mail.last_error,
                )
            else:
                mail.next_attempt_at = timezone.now() + retry_delay(mail.attempts)
                logger.warning(
                    "Mail %s to %s not sent (attempt %s), next at %s: %s",
                    mail.pk,
                    mail.to,
                    mail.attempts,
                    mail.next_attempt_at,
                    mail.last_error,
                )
            mail.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return False
        mail.status = OutgoingMail.Status.SENT
        mail.sent_at = timezone.now()
        mail.save(update_fields=["attempts", "status", "sent_at"])
        return True


def mails_deliver_due(*, limit: int = SWEEP_BATCH) -> int:
    """Send the pending rows whose time has come (retries, and any a dead worker left)."""
    due = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.PENDING, next_attempt_at__lte=timezone.now()
    ).order_by("next_attempt_at", "id")
    return sum(mail_deliver(mail_id=pk) for pk in due.values_list("pk", flat=True)[:limit])


def mails_retry(*, mail_ids: list[int]) -> int:
    """An editor's "try again": failed or waiting rows become due now, with a fresh count."""
    updated = OutgoingMail.objects.filter(
        pk__in=mail_ids,
        status__in=[OutgoingMail.Status.FAILED, OutgoingMail.Status.PENDING],
    ).update(status=OutgoingMail.Status.PENDING, attempts=0, next_attempt_at=timezone.now())
    for pk in mail_ids:
        deliver_mail.enqueue(mail_id=pk)
    return updated


@task
def deliver_mail(*, mail_id: int) -> bool:
    return mail_deliver(mail_id=mail_id)
