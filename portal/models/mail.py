"""The outbox: every mail the portal sends is first a row here, written in the same transaction
as the action that causes it, and then delivered by a task (portal.mail.mail_deliver).

A row is "pending" until an SMTP server accepted it ("sent"), or until it failed
settings.MAIL_MAX_ATTEMPTS times ("failed"); failed rows stay for the editors to see and retry in
the admin. Nothing is deleted here automatically.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Wacht op verzending")
        SENT = "sent", _("Verzonden")
        FAILED = "failed", _("Mislukt")

    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    to = models.CharField(_("aan"), max_length=254)
    subject = models.TextField(_("onderwerp"))
    body = models.TextField(_("tekst"))
    # [filename, text, mimetype] triples and extra headers, as the callers pass them.
    attachments = models.JSONField(_("bijlagen"), default=list, blank=True)
    headers = models.JSONField(_("extra kopregels"), default=dict, blank=True)
    # Stable over retries, so a receiver can drop the copy of the one re-delivery we cannot rule
    # out (accepted by the server, worker gone before it could mark the row).
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"), default=timezone.now)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    last_error = models.TextField(_("laatste fout"), blank=True)

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The sweep asks for due pending rows every minute; the sent ones pile up.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="outgoing_mail_due_idx",
            ),
            models.Index(fields=["status", "-created_at"], name="outgoing_mail_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
