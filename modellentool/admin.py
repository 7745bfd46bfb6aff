"""The editors' side of the modellentool: questionnaire versions, questions, rules, statistics.

A published version is read-only here; "Nieuwe conceptversie" copies it, editors change the
copy, and "Publiceren" checks it and puts it live. Results keep the version they were made with.
Every text has its English twin beside it (``…_en``; empty falls back to Dutch), so both
languages of a version are edited and published together.
"""

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from portal.models import CollaborationModel

from .models import (
    AdviceResult,
    Factor,
    FactorTrigger,
    KnockOut,
    ModelDescription,
    Option,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Step,
    VersionStatus,
    WeightRule,
)
from .services import option_counts, version_copy, version_problems, version_publish


@admin.register(CollaborationModel)
class CollaborationModelAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "key", "weight", "order"]
    list_editable = ["order"]
    search_fields = ["name", "key"]
    ordering = ["order", "weight"]

    def get_readonly_fields(self, request, obj=None):
        # Keys are referenced by code (scoring, facet tokens); only the texts are content.
        if obj is not None:
            return ["key"]
        return []


class DraftOnly:
    """Rows of a published or archived version can be viewed, never changed."""

    def _locked(self, obj) -> bool:
        if obj is None:
            return False
        version = obj if isinstance(obj, QuestionnaireVersion) else obj.owning_version()
        return version is not None and not version.is_draft

    def has_change_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_delete_permission(request, obj)


class DraftOnlyInline(DraftOnly):
    def has_add_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_add_permission(request, obj)


@admin.register(Questionnaire)
class QuestionnaireAdmin(SimpleHistoryAdmin):
    list_display = ["title", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title"]}


class StepInline(DraftOnlyInline, admin.TabularInline):
    model = Step
    fields = ["number", "title", "title_en", "intro", "intro_en", "questions_link"]
    readonly_fields = ["questions_link"]
    extra = 0

    @admin.display(description=_("vragen"))
    def questions_link(self, obj):
        if obj.pk is None:
            return "–"
        url = reverse("admin:modellentool_question_changelist") + f"?step__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Vragen van deze stap"))


class ModelDescriptionInline(DraftOnlyInline, admin.StackedInline):
    model = ModelDescription
    fields = [
        "collaboration_model",
        ("summary", "summary_en"),
        ("legal_basis", "legal_basis_en"),
        ("governance", "governance_en"),
        ("staff", "staff_en"),
        ("exit", "exit_en"),
        ("costs", "costs_en"),
    ]
    extra = 0


@admin.register(QuestionnaireVersion)
class QuestionnaireVersionAdmin(DraftOnly, SimpleHistoryAdmin):
    list_display = ["__str__", "status", "published_at", "result_count", "rules_link"]
    list_filter = ["questionnaire", "status"]
    readonly_fields = ["status", "published_at", "based_on", "publish_check", "rules_link"]
    inlines = [StepInline, ModelDescriptionInline]
    actions = ["make_draft", "publish"]
    fieldsets = [
        (None, {"fields": ["questionnaire", "number", "status", "based_on", "published_at"]}),
        (_("Wijzigingen"), {"fields": ["note", "publish_check", "rules_link"]}),
        (
            _("Route (seed 004)"),
            {
                "fields": [
                    ("design_name", "design_name_en"),
                    ("design_summary", "design_summary_en"),
                    ("design_pitfall", "design_pitfall_en"),
                    ("development_name", "development_name_en"),
                    ("development_summary", "development_summary_en"),
                    ("development_pitfall", "development_pitfall_en"),
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("questionnaire")
            .annotate(result_total=Count("results"))
        )

    @admin.display(description=_("adviezen"), ordering="result_total")
    def result_count(self, obj):
        return obj.result_total

    @admin.display(description=_("wegingen en uitsluitingen"))
    def rules_link(self, obj):
        if obj.pk is None:
            return "–"
        query = f"?version__id__exact={obj.pk}"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:modellentool_weightrule_changelist") + query,
            _("Wegingen"),
            reverse("admin:modellentool_knockout_changelist") + query,
            _("Uitsluitingen"),
            reverse("admin:modellentool_factor_changelist") + query,
            _("Succes- en faalfactoren"),
        )

    @admin.display(description=_("klaar om te publiceren?"))
    def publish_check(self, obj):
        if obj.pk is None or not obj.is_draft:
            return "–"
        problems = version_problems(obj)
        if not problems:
            return _("Ja: deze conceptversie kan worden gepubliceerd.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((p,) for p in problems))
        )

    @admin.action(description=_("Nieuwe conceptversie maken op basis van de gekozen versie"))
    def make_draft(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Kies precies één versie."), messages.ERROR)
            return
        draft = version_copy(version=queryset.get())
        self.message_user(
            request,
            _("Conceptversie %(number)s is gemaakt; pas die aan en publiceer haar daarna.")
            % {"number": draft.number},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publiceren (de huidige versie wordt gearchiveerd)"))
    def publish(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Kies precies één versie."), messages.ERROR)
            return
        version = queryset.get()
        problems = version_publish(version=version)
        if problems:
            self.message_user(
                request,
                _("Niet gepubliceerd: %(problems)s") % {"problems": "; ".join(problems)},
                messages.ERROR,
            )
        else:
            self.message_user(
                request,
                _("Versie %(number)s is gepubliceerd.") % {"number": version.number},
                messages.SUCCESS,
            )


class OptionInline(DraftOnlyInline, admin.TabularInline):
    model = Option
    fields = ["label", "label_en", "value", "help_text", "help_text_en", "order", "times_chosen"]
    readonly_fields = ["times_chosen"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(times=Count("choices"))

    @admin.display(description=_("keer gekozen"))
    def times_chosen(self, obj):
        return getattr(obj, "times", 0)


class VersionFilter(admin.SimpleListFilter):
    title = _("versie")
    parameter_name = "versie"

    def lookups(self, request, model_admin):
        return [
            (str(v.pk), str(v))
            for v in QuestionnaireVersion.objects.select_related("questionnaire")
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(step__version=int(self.value()))
        return queryset


@admin.register(Question)
class QuestionAdmin(DraftOnly, SimpleHistoryAdmin):
    list_display = ["text", "dimension", "step", "version_number"]
    list_filter = [VersionFilter, "dimension"]
    list_select_related = ["step__version"]
    search_fields = ["text", "help_text"]
    inlines = [OptionInline]
    readonly_fields = ["statistics"]
    fields = [
        "step",
        "dimension",
        ("text", "text_en"),
        ("help_text", "help_text_en"),
        "order",
        "statistics",
    ]

    @admin.display(description=_("versie"), ordering="step__version__number")
    def version_number(self, obj):
        return obj.step.version.number

    @admin.display(description=_("hoe vaak gekozen"))
    def statistics(self, obj):
        if obj.pk is None:
            return "–"
        rows = option_counts(obj)
        body = format_html_join("", "<tr><td>{}</td><td>{}</td></tr>", rows)
        return format_html(
            '<table class="option-statistics"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("antwoord"),
            _("aantal adviezen"),
            body,
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "step":
            kwargs["queryset"] = Step.objects.filter(
                version__status=VersionStatus.DRAFT
            ).select_related("version")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class RuleAdmin(DraftOnly, SimpleHistoryAdmin):
    list_display = ["dimension", "operator", "value", "collaboration_model", "reason", "version"]
    list_filter = ["version", "collaboration_model", "dimension"]
    list_select_related = ["collaboration_model", "version__questionnaire"]
    search_fields = ["reason", "value"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "version":
            kwargs["queryset"] = QuestionnaireVersion.objects.filter(status=VersionStatus.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(WeightRule)
class WeightRuleAdmin(RuleAdmin):
    list_display = [
        "dimension",
        "operator",
        "value",
        "collaboration_model",
        "points",
        "reason",
        "version",
    ]


@admin.register(KnockOut)
class KnockOutAdmin(RuleAdmin):
    pass


class FactorTriggerInline(DraftOnlyInline, admin.TabularInline):
    model = FactorTrigger
    fields = ["dimension", "operator", "value", "note", "note_en"]
    extra = 0


@admin.register(Factor)
class FactorAdmin(DraftOnly, SimpleHistoryAdmin):
    list_display = ["title", "code", "order", "version"]
    list_filter = ["version"]
    list_select_related = ["version__questionnaire"]
    inlines = [FactorTriggerInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "version":
            kwargs["queryset"] = QuestionnaireVersion.objects.filter(status=VersionStatus.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(AdviceResult)
class AdviceResultAdmin(admin.ModelAdmin):
    """Read-only: which versions are in use. The answers are anonymous unless saved."""

    list_display = ["short_token", "version", "created_at", "is_saved"]
    list_filter = ["version"]
    list_select_related = ["version__questionnaire"]
    fields = ["short_token", "version", "answers", "created_at", "is_saved"]
    readonly_fields = fields
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("kenmerk"))
    def short_token(self, obj):
        return f"{obj.token[:8]}…"

    @admin.display(description=_("bewaard in een account"), boolean=True)
    def is_saved(self, obj):
        return obj.owner_id is not None
