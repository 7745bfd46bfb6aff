"""Member identity: the profile behind a member account, shared by the kennisbank (who wrote,
who registered) and the members' network (questions, matching, follows)."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..constants import DigestFrequency, Province, TaskType, Visibility
from .places import Municipality


class MemberProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one visibility rule for profiles: public for all, members-only for members."""
        if user is not None and user.is_authenticated:
            return self.filter(
                models.Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS])
                | models.Q(user=user)
            )
        return self.filter(visibility=Visibility.PUBLIC)

    def experts(self):
        return self.filter(open_for_questions=True, user__is_active=True)


class MemberProfile(models.Model):
    """A member of the network. Contact details (the account e-mail and phone) stay private."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    name = models.CharField(_("naam"), max_length=150)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text=_("De gemeente waar u werkt; leeg als u bij een andere organisatie werkt."),
    )
    organisation_name = models.CharField(
        _("andere organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld een provincie, samenwerkingsverband of adviesbureau."),
    )
    role = models.CharField(_("functie"), max_length=150, blank=True)
    province = models.CharField(_("regio (provincie)"), max_length=20, choices=Province.choices)
    bio = models.TextField(_("over mij"), max_length=2000, blank=True)
    themes = models.ManyToManyField(
        "Theme", verbose_name=_("thema's"), blank=True, related_name="+"
    )
    collaboration_models = models.ManyToManyField(
        "CollaborationModel",
        verbose_name=_("samenwerkingsvormen"),
        blank=True,
        related_name="+",
    )
    task_types = ArrayField(
        models.CharField(max_length=20, choices=TaskType.choices),
        verbose_name=_("taaktypen"),
        default=list,
        blank=True,
    )
    tags = ArrayField(
        models.CharField(max_length=50),
        verbose_name=_("trefwoorden"),
        default=list,
        blank=True,
    )
    languages = ArrayField(
        models.CharField(max_length=30), verbose_name=_("talen"), default=list, blank=True
    )
    phone = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        help_text=_("Alleen zichtbaar voor wie een contactverzoek van u aanneemt of u het zijne."),
    )
    open_for_questions = models.BooleanField(_("open voor vragen"), default=False)
    max_questions_per_month = models.PositiveSmallIntegerField(
        _("hoogstens vragen per maand"), default=3
    )
    visibility = models.CharField(
        _("zichtbaarheid"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
    )
    digest_frequency = models.CharField(
        _("e-mail met nieuws"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
        help_text=_(
            "Over wat u volgt en uw bewaarde zoekopdrachten; alleen als er iets nieuws is."
        ),
    )
    # Everything up to this moment has been in a digest (or was there before the member
    # followed it); the next digest lists only what came after.
    digest_covered_until = models.DateTimeField(_("nieuws gemeld tot"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    class Meta:
        db_table = "netwerk_memberprofile"
        verbose_name = _("lid")
        verbose_name_plural = _("leden")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_questions_per_month__lte=50),
                name="memberprofile_monthly_limit_sane",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("netwerk:member", args=[self.pk])

    @property
    def organisation_label(self) -> str:
        return self.municipality.name if self.municipality_id else self.organisation_name
