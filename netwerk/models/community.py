"""The members' community: item contacts, questions, contact requests, answers, rate events,
saved searches and follows.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netwerk.constants import (
    FollowKind,
    RequestStatus,
    Urgency,
)
from portal.constants import Province
from portal.models import MemberProfile, Municipality


class ItemContact(models.Model):
    """A member is the contact for a kennisbank item: evidence of expertise, set by editors."""

    member = models.ForeignKey(
        MemberProfile, on_delete=models.CASCADE, related_name="item_contacts"
    )
    item = models.ForeignKey("kennisbank.Item", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("contactpersoon van kennisitem")
        verbose_name_plural = _("contactpersonen van kennisitems")
        constraints = [models.UniqueConstraint(fields=["member", "item"], name="itemcontact_once")]

    def __str__(self):
        return f"{self.member} – {self.item}"


class Question(models.Model):
    """A member's question to the network; the asker is kept private from public pages."""

    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vraagsteller"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="netwerk_questions",
        help_text=_("Leeg als de vraagsteller zijn account heeft verwijderd."),
    )
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("vraag"), max_length=5000)
    themes = models.ManyToManyField(
        "portal.Theme", verbose_name=_("thema's"), blank=True, related_name="+"
    )
    collaboration_models = models.ManyToManyField(
        "portal.CollaborationModel",
        verbose_name=_("samenwerkingsvormen"),
        blank=True,
        related_name="+",
        help_text=_(
            "Gaat uw vraag over een bepaalde vorm? Dan zoeken we ook collega's met "
            "ervaring in die vorm."
        ),
    )
    province = models.CharField(
        _("regio (provincie)"), max_length=20, choices=Province.choices, blank=True
    )
    urgency = models.CharField(
        _("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    created_at = models.DateTimeField(_("gesteld op"), auto_now_add=True, db_index=True)
    helpful_answer = models.OneToOneField(
        "Answer",
        verbose_name=_("nuttigste antwoord"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    promoted_item = models.ForeignKey(
        "kennisbank.Item",
        verbose_name=_("praktijkles"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("netwerk:question", args=[self.pk])


class ContactRequest(models.Model):
    """The asker asks one expert to help; contact details are shared only once accepted."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="contact_requests"
    )
    expert = models.ForeignKey(
        MemberProfile, on_delete=models.CASCADE, related_name="contact_requests"
    )
    message = models.TextField(_("bericht"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
        db_index=True,
    )
    reasons = models.JSONField(_("redenen van de suggestie"), default=list, blank=True)
    routed_by_editor = models.BooleanField(_("doorgestuurd door de redactie"), default=False)
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True, db_index=True)
    responded_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("contactverzoek")
        verbose_name_plural = _("contactverzoeken")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "expert"], name="contactrequest_once")
        ]

    def __str__(self):
        return f"{self.question} → {self.expert}"

    def get_absolute_url(self):
        return reverse("netwerk:contact_request", args=[self.pk])


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="netwerk_answers",
    )
    text = models.TextField(_("antwoord"), max_length=5000)
    created_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.question}: {self.text[:40]}"


class RateEvent(models.Model):
    """One counted action (registration, question, contact request) for the rate limits."""

    action = models.CharField(max_length=30)
    key = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["action", "key", "created_at"])]

    def __str__(self):
        return f"{self.action}:{self.key}"


# --- Following: saved searches and follows, for the digest e-mail and feeds ------------------


class SavedSearch(models.Model):
    """A kennisbank search (query string with filters) a member wants to hear about."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("naam"), max_length=150)
    query_string = models.CharField(_("zoekopdracht"), max_length=1000)
    # Secret part of the Atom feed address, so a feed reader needs no login.
    feed_token = models.CharField(max_length=40, unique=True, editable=False)
    created_at = models.DateTimeField(_("bewaard op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "query_string"], name="savedsearch_once_per_member"
            )
        ]

    def __str__(self):
        return self.name


class Follow(models.Model):
    """A member follows a theme, a dossier, a municipality or the discussion under an item."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(_("soort"), max_length=10, choices=FollowKind.choices)
    theme = models.ForeignKey(
        "portal.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    item = models.ForeignKey(
        "kennisbank.Item", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("gevolgd sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("volgen")
        verbose_name_plural = _("gevolgd")
        ordering = ["kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind=FollowKind.THEME,
                        theme__isnull=False,
                        item__isnull=True,
                        municipality__isnull=True,
                    )
                    | models.Q(
                        kind__in=[FollowKind.DOSSIER, FollowKind.DISCUSSION],
                        theme__isnull=True,
                        item__isnull=False,
                        municipality__isnull=True,
                    )
                    | models.Q(
                        kind=FollowKind.MUNICIPALITY,
                        theme__isnull=True,
                        item__isnull=True,
                        municipality__isnull=False,
                    )
                ),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "theme", "item", "municipality"],
                nulls_distinct=False,
                name="follow_once",
            ),
        ]

    def __str__(self):
        target = self.theme or self.item or self.municipality
        return f"{self.get_kind_display()}: {target}"
