"""The modellentool as data: questionnaire versions, their questions and rules, and results.

A questionnaire version is edited as a draft and then published; a published version is never
changed again (editors copy it to a new draft), so a stored result recomputes to the same
advice for as long as it exists. The rules themselves are evaluated by scoring.py.

Every text a visitor reads has an English twin (``<field>_en``), kept by the editors in the
same row so a version's two languages are published together; an empty English field falls
back to the Dutch text (services.version_content picks the language).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import CollaborationModel

from . import scoring

DIMENSION_LABELS = {
    "task_type": _("soort taak"),
    "policy_discretion": _("beleidsruimte"),
    "powers": _("bevoegdheden"),
    "partners": _("aantal gemeenten"),
    "partner_structure": _("verhouding tussen de partners"),
    "participants": _("deelnemers"),
    "other_partners": _("andere partners"),
    "staff": _("personeel"),
    "legal_entity_needed": _("eigen rechtspersoon nodig"),
    "motives": _("motieven"),
    "control": _("sturing"),
    "exit_flexibility": _("uittreden"),
    "horizon": _("duur"),
    "legally_required": _("wettelijk verplicht"),
    "market_activity": _("werk voor de markt"),
    "integration": _("verdergaande integratie"),
    "trust": _("vertrouwen"),
    "shared_vision": _("gedeelde visie"),
}
DIMENSION_CHOICES = [(d.key, f"{d.key} – {DIMENSION_LABELS[d.key]}") for d in scoring.DIMENSIONS]


class Operator(models.TextChoices):
    EQ = "eq", _("is")
    NE = "ne", _("is niet")
    CONTAINS = "contains", _("bevat")
    GTE = "gte", _("is ten minste")
    LTE = "lte", _("is ten hoogste")


class VersionStatus(models.TextChoices):
    DRAFT = "concept", _("Concept")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    ARCHIVED = "gearchiveerd", _("Gearchiveerd")


class Questionnaire(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    intro = models.TextField(_("inleiding"), blank=True)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    intro_en = models.TextField(_("inleiding (Engels)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")

    def __str__(self):
        return self.title


class QuestionnaireVersion(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("vragenlijst"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("versienummer"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    note = models.TextField(_("wat is er veranderd"), blank=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("gebaseerd op"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True, editable=False)
    design_name = models.CharField(_("naam ontwerpaanpak"), max_length=100)
    design_summary = models.TextField(_("ontwerpaanpak"))
    design_pitfall = models.TextField(_("valkuil ontwerpaanpak"))
    development_name = models.CharField(_("naam ontwikkelaanpak"), max_length=100)
    development_summary = models.TextField(_("ontwikkelaanpak"))
    development_pitfall = models.TextField(_("valkuil ontwikkelaanpak"))
    design_name_en = models.CharField(_("naam ontwerpaanpak (Engels)"), max_length=100, blank=True)
    design_summary_en = models.TextField(_("ontwerpaanpak (Engels)"), blank=True)
    design_pitfall_en = models.TextField(_("valkuil ontwerpaanpak (Engels)"), blank=True)
    development_name_en = models.CharField(
        _("naam ontwikkelaanpak (Engels)"), max_length=100, blank=True
    )
    development_summary_en = models.TextField(_("ontwikkelaanpak (Engels)"), blank=True)
    development_pitfall_en = models.TextField(_("valkuil ontwikkelaanpak (Engels)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("versie van de vragenlijst")
        verbose_name_plural = _("versies van de vragenlijst")
        ordering = ["questionnaire", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "number"], name="unique_questionnaire_version_number"
            ),
            # One version is what visitors get; the others are drafts or history.
            models.UniqueConstraint(
                fields=["questionnaire"],
                condition=models.Q(status=VersionStatus.PUBLISHED),
                name="one_published_version_per_questionnaire",
            ),
        ]

    def __str__(self):
        return f"{self.questionnaire} – versie {self.number} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class VersionPart(models.Model):
    """Rows that belong to one version: editable only while that version is a draft."""

    class Meta:
        abstract = True

    def owning_version(self) -> QuestionnaireVersion | None:
        return self.version if self.version_id else None

    def clean(self):
        super().clean()
        version = self.owning_version()
        if version is not None and not version.is_draft:
            raise ValidationError(
                _(
                    "Versie %(number)s is gepubliceerd en verandert niet meer. Maak een nieuwe "
                    "conceptversie om iets aan te passen."
                )
                % {"number": version.number}
            )


class Step(VersionPart):
    version = models.ForeignKey(
        QuestionnaireVersion,
        verbose_name=_("versie"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    number = models.PositiveSmallIntegerField(_("stap"))
    title = models.CharField(_("thema"), max_length=120)
    intro = models.TextField(_("inleiding"), blank=True)
    title_en = models.CharField(_("thema (Engels)"), max_length=120, blank=True)
    intro_en = models.TextField(_("inleiding (Engels)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="unique_step_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="step_number_from_1"),
        ]

    def __str__(self):
        return f"{_('Stap')} {self.number}: {self.title}"


class Question(VersionPart):
    step = models.ForeignKey(
        Step, verbose_name=_("stap"), on_delete=models.CASCADE, related_name="questions"
    )
    dimension = models.CharField(
        _("dimensie"),
        max_length=30,
        choices=DIMENSION_CHOICES,
        help_text=_("Het vaste antwoordveld waar deze vraag op uitkomt (zie de handleiding)."),
    )
    text = models.CharField(_("vraag"), max_length=250)
    help_text = models.TextField(_("uitleg"), blank=True)
    text_en = models.CharField(_("vraag (Engels)"), max_length=250, blank=True)
    help_text_en = models.TextField(_("uitleg (Engels)"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["step__number", "order", "id"]

    def __str__(self):
        return self.text

    def owning_version(self):
        return self.step.version if self.step_id else None

    @property
    def kind(self) -> str:
        return scoring.DIMENSION_BY_KEY[self.dimension].kind

    def clean(self):
        super().clean()
        if self.step_id and self.dimension:
            clash = Question.objects.filter(
                step__version=self.step.version_id, dimension=self.dimension
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"dimension": _("Deze versie heeft al een vraag voor deze dimensie.")}
                )


class Option(VersionPart):
    question = models.ForeignKey(
        Question, verbose_name=_("vraag"), on_delete=models.CASCADE, related_name="options"
    )
    label = models.CharField(_("antwoord"), max_length=200)
    help_text = models.CharField(_("uitleg"), max_length=300, blank=True)
    label_en = models.CharField(_("antwoord (Engels)"), max_length=200, blank=True)
    help_text_en = models.CharField(_("uitleg (Engels)"), max_length=300, blank=True)
    value = models.CharField(
        _("waarde"),
        max_length=40,
        help_text=_("De vaste waarde op de dimensie van de vraag, zoals ‘mandaat’ of ‘4’."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("antwoordmogelijkheid")
        verbose_name_plural = _("antwoordmogelijkheden")
        ordering = ["question", "order", "id"]

    def __str__(self):
        return self.label

    def owning_version(self):
        return self.question.step.version if self.question_id else None

    def clean(self):
        super().clean()
        if self.question_id and self.value:
            dimension = scoring.DIMENSION_BY_KEY[self.question.dimension]
            if not dimension.accepts(self.value):
                allowed = (
                    ", ".join(dimension.values)
                    if dimension.kind != "integer"
                    else f"{dimension.minimum}–{dimension.maximum}"
                )
                raise ValidationError(
                    {
                        "value": _("Geen geldige waarde; kies uit: %(allowed)s.")
                        % {"allowed": allowed}
                    }
                )


class ModelDescription(VersionPart):
    """What a form of cooperation means in practice, as this version tells it."""

    version = models.ForeignKey(
        QuestionnaireVersion,
        verbose_name=_("versie"),
        on_delete=models.CASCADE,
        related_name="descriptions",
    )
    collaboration_model = models.ForeignKey(
        CollaborationModel, verbose_name=_("samenwerkingsvorm"), on_delete=models.PROTECT
    )
    summary = models.TextField(_("omschrijving"))
    legal_basis = models.CharField(_("juridische basis"), max_length=250)
    governance = models.TextField(_("bestuur en zeggenschap"))
    staff = models.TextField(_("personeel"))
    exit = models.TextField(_("uittreden"))
    costs = models.TextField(_("kosten"))
    summary_en = models.TextField(_("omschrijving (Engels)"), blank=True)
    legal_basis_en = models.CharField(_("juridische basis (Engels)"), max_length=250, blank=True)
    governance_en = models.TextField(_("bestuur en zeggenschap (Engels)"), blank=True)
    staff_en = models.TextField(_("personeel (Engels)"), blank=True)
    exit_en = models.TextField(_("uittreden (Engels)"), blank=True)
    costs_en = models.TextField(_("kosten (Engels)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beschrijving van een samenwerkingsvorm")
        verbose_name_plural = _("beschrijvingen van de samenwerkingsvormen")
        ordering = ["version", "collaboration_model__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "collaboration_model"], name="unique_description_per_version"
            )
        ]

    def __str__(self):
        return str(self.collaboration_model)


class Rule(VersionPart):
    """A condition on one answer dimension."""

    version = models.ForeignKey(
        QuestionnaireVersion, verbose_name=_("versie"), on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.CharField(_("dimensie"), max_length=30, choices=DIMENSION_CHOICES)
    operator = models.CharField(
        _("bewerking"), max_length=10, choices=Operator.choices, default=Operator.EQ
    )
    value = models.CharField(_("waarde"), max_length=40)
    collaboration_model = models.ForeignKey(
        CollaborationModel, verbose_name=_("samenwerkingsvorm"), on_delete=models.PROTECT
    )
    reason = models.TextField(_("toelichting"), help_text=_("Zo staat het in het advies."))
    reason_en = models.TextField(
        _("toelichting (Engels)"), blank=True, help_text=_("Zo staat het in het Engelse advies.")
    )

    class Meta:
        abstract = True

    def condition(self) -> scoring.Condition:
        return scoring.Condition(self.dimension, self.operator, self.value)

    def clean(self):
        super().clean()
        if self.dimension and self.operator and self.value:
            problems = self.condition().problems()
            if problems:
                raise ValidationError("; ".join(problems))


class WeightRule(Rule):
    version = models.ForeignKey(
        QuestionnaireVersion,
        verbose_name=_("versie"),
        on_delete=models.CASCADE,
        related_name="weight_rules",
    )
    points = models.SmallIntegerField(
        _("punten"), help_text=_("Positief: pleit voor deze vorm; negatief: pleit ertegen.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("weging")
        verbose_name_plural = _("wegingen")
        ordering = ["version", "dimension", "value", "collaboration_model__order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(points__gte=-50, points__lte=50) & ~models.Q(points=0),
                name="weight_points_in_range",
            )
        ]

    def __str__(self):
        condition = f"{self.dimension} {self.operator} {self.value}"
        return f"{condition} → {self.collaboration_model}: {self.points:+d}"


class KnockOut(Rule):
    version = models.ForeignKey(
        QuestionnaireVersion,
        verbose_name=_("versie"),
        on_delete=models.CASCADE,
        related_name="knockouts",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uitsluiting")
        verbose_name_plural = _("uitsluitingen")
        ordering = ["version", "dimension", "value", "collaboration_model__order"]

    def __str__(self):
        condition = f"{self.dimension} {self.operator} {self.value}"
        return f"{condition} → {self.collaboration_model} {_('uitgesloten')}"


class Factor(VersionPart):
    """A success or failure factor of cooperation (seed 004) that certain answers touch."""

    version = models.ForeignKey(
        QuestionnaireVersion,
        verbose_name=_("versie"),
        on_delete=models.CASCADE,
        related_name="factors",
    )
    code = models.SlugField(_("code"), max_length=40)
    title = models.CharField(_("titel"), max_length=150)
    text = models.TextField(_("tekst"))
    title_en = models.CharField(_("titel (Engels)"), max_length=150, blank=True)
    text_en = models.TextField(_("tekst (Engels)"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("succes- of faalfactor")
        verbose_name_plural = _("succes- en faalfactoren")
        ordering = ["version", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="unique_factor_code")
        ]

    def __str__(self):
        return self.title


class FactorTrigger(VersionPart):
    factor = models.ForeignKey(
        Factor, verbose_name=_("factor"), on_delete=models.CASCADE, related_name="triggers"
    )
    dimension = models.CharField(_("dimensie"), max_length=30, choices=DIMENSION_CHOICES)
    operator = models.CharField(
        _("bewerking"), max_length=10, choices=Operator.choices, default=Operator.EQ
    )
    value = models.CharField(_("waarde"), max_length=40)
    note = models.TextField(_("wat dit antwoord betekent voor deze factor"))
    note_en = models.TextField(_("wat dit antwoord betekent (Engels)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aanleiding")
        verbose_name_plural = _("aanleidingen")
        ordering = ["factor", "id"]

    def __str__(self):
        return f"{self.dimension} {self.operator} {self.value}"

    def owning_version(self):
        return self.factor.version if self.factor_id else None

    def clean(self):
        super().clean()
        if self.dimension and self.operator and self.value:
            problems = scoring.Condition(self.dimension, self.operator, self.value).problems()
            if problems:
                raise ValidationError("; ".join(problems))


class AdviceResult(models.Model):
    """One computed advice, reachable by its unguessable token; nothing personal unless saved."""

    token = models.CharField(_("kenmerk"), max_length=64, unique=True, editable=False)
    version = models.ForeignKey(
        QuestionnaireVersion,
        verbose_name=_("versie"),
        on_delete=models.PROTECT,
        related_name="results",
    )
    answers = models.JSONField(_("antwoorden"), default=dict)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bewaard door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modellentool_results",
    )
    saved_at = models.DateTimeField(_("bewaard op"), null=True, blank=True)

    class Meta:
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{_('Advies')} {self.token[:8]}…"

    def get_absolute_url(self):
        return reverse("modellentool:result", args=[self.token])


class ChosenOption(models.Model):
    """Which option an advice was based on: anonymous counts per option for the editors."""

    result = models.ForeignKey(AdviceResult, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(Option, on_delete=models.PROTECT, related_name="choices")

    class Meta:
        verbose_name = _("gekozen antwoord")
        verbose_name_plural = _("gekozen antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["result", "option"], name="unique_chosen_option")
        ]

    def __str__(self):
        return str(self.option)
