"""Mail from the portal, sent through the Django Tasks API (settings.TASKS).

Task arguments must be JSON-serialisable, so attachments travel as (filename, text, mimetype)
and extra headers as a dict. Every app sends through here: one place for the sender address,
the site URL in templates and the List-Unsubscribe headers of digests.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string

from portal.text import single_line


@task
def send_portal_mail(
    *,
    subject: str,
    body: str,
    to: str,
    attachments: list[tuple[str, str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    message = EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, [to], headers=headers or None
    )
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()


def mail_render(
    *,
    template: str,
    context: dict,
    subject: str,
    to: str,
    attachments: list[tuple[str, str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Render a plain-text mail template and queue the mail."""
    body = render_to_string(template, {"site_url": settings.SITE_URL, **context})
    send_portal_mail.enqueue(
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
