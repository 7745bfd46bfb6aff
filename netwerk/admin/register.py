"""Admin of the register: reference data, organisations, collaborations, suggestions."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kennisbank.admin.history import ReadableHistoryAdmin
from netwerk.constants import SuggestionStatus
from netwerk.models import (
    Collaboration,
    Membership,
    Organisation,
    SourceRecord,
    Suggestion,
    UnknownFormCollaboration,
)
from netwerk.register.opendata.duplicates import Entry, probable_duplicates
from netwerk.register.services.arrangements import active_arrangements
from netwerk.register.services.collaborations import collaboration_merge
from netwerk.register.services.suggestions import suggestion_accept, suggestion_reject
from portal.models import DataSource, FormerMunicipality, Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    """Reference data from the CBS register (loaded by migration): editors look, never edit."""

    list_display = [
        "code",
        "name",
        "province",
        "population",
        "corop_name",
        "safety_region_name",
    ]
    list_filter = ["province"]
    search_fields = ["name", "code", "official_name"]
    search_help_text = _("Zoek op naam of CBS-code (GM0546).")
    list_per_page = 100
    autocomplete_fields = ["neighbours", "successor"]

    def has_add_permission(self, request):
        # Municipalities come from the CBS register; a new one arrives with a data migration.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Loaded by manage.py load_reference_data; corrections go into the source files."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FormerMunicipality)
class FormerMunicipalityAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "ended_on", "successor", "direct_successor_name"]
    search_fields = ["name", "code", "direct_successor_name"]
    list_filter = ["data_source"]


@admin.register(DataSource)
class DataSourceAdmin(ReadOnlyAdmin):
    list_display = ["title", "publisher", "reference_date", "loaded_at"]
    readonly_fields = [f.name for f in DataSource._meta.fields]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["municipality", "organisation"]
    fields = ["municipality", "organisation", "role", "name_in_source", "data_source"]
    readonly_fields = ["name_in_source", "data_source"]


class SourceRecordInline(admin.TabularInline):
    model = SourceRecord
    extra = 0
    fields = ["data_source", "external_id", "name_in_source"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Collaboration)
class CollaborationAdmin(ReadableHistoryAdmin):
    list_display = ["name", "domain", "form", "ended", "data_source", "managed_by_editors"]
    list_filter = ["domain", "form", "ended", "managed_by_editors", "data_source"]
    search_fields = ["name", "aliases", "source_records__name_in_source"]
    search_help_text = _("Zoek op naam, ook op een andere naam of de naam in een bron.")
    actions = ["merge"]
    list_select_related = ["form", "data_source"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline, SourceRecordInline]
    readonly_fields = ["data_source", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "aliases", "slug", "domain", "task_type", "description"]}),
        (_("Vorm"), {"fields": ["form", "form_basis", "legal_form_text"]}),
        (_("Looptijd"), {"fields": ["start_date", "end_date", "ended"]}),
        (
            _("Bron"),
            {
                "fields": [
                    "data_source",
                    "source_note",
                    "source_date",
                    "managed_by_editors",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
    list_per_page = 100

    def save_model(self, request, obj, form, change):
        # An editor's version wins over the next load of the open data.
        obj.managed_by_editors = True
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view(self.duplicates_view)
        return [
            path("dubbelingen/", view, name="netwerk_collaboration_duplicates"),
            *super().get_urls(),
        ]

    def duplicates_view(self, request):
        """Probable duplicates (netwerk/register/opendata/duplicates.py), each with a link to merge
        them."""
        if not self.has_change_permission(request):
            raise PermissionError
        entries = [Entry(a.id, a.name, a.domain, a.members) for a in active_arrangements()]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Mogelijke dubbelingen"),
            "pairs": probable_duplicates(entries),
        }
        return TemplateResponse(request, "admin/netwerk/duplicates.html", context)

    @admin.action(description=_("Samenvoegen (twee verbanden die hetzelfde zijn)"))
    def merge(self, request, queryset):
        chosen = list(queryset.order_by("id"))
        if len(chosen) != 2:
            self.message_user(
                request, _("Kies precies twee samenwerkingsverbanden."), messages.ERROR
            )
            return None
        keep_id = request.POST.get("keep")
        if request.POST.get("apply") and keep_id in {str(c.pk) for c in chosen}:
            keep = next(c for c in chosen if str(c.pk) == keep_id)
            other = next(c for c in chosen if c.pk != keep.pk)
            collaboration_merge(keep=keep, other=other, editor=request.user)
            self.message_user(
                request,
                _("'%(other)s' is samengevoegd met '%(keep)s'.")
                % {"other": other.name, "keep": keep.name},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Samenvoegen"),
            "chosen": chosen,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/netwerk/merge_confirm.html", context)


@admin.register(UnknownFormCollaboration)
class UnknownFormAdmin(admin.ModelAdmin):
    """The work list: active collaborations without a known form, most municipalities first."""

    list_display = ["name", "municipality_count", "domain", "legal_form_text", "form"]
    list_editable = ["form"]
    list_display_links = ["name"]
    list_filter = ["domain", "data_source"]
    search_fields = ["name", "aliases"]
    list_per_page = 50

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(ended=False, form__isnull=True)
            .annotate(
                municipalities=Count(
                    "memberships", filter=Q(memberships__municipality__isnull=False)
                )
            )
            .order_by("-municipalities", "name")
        )

    @admin.display(description=_("gemeenten"), ordering="-municipalities")
    def municipality_count(self, obj):
        return obj.municipalities

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("netwerk.change_collaboration")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("netwerk.view_collaboration")

    def save_model(self, request, obj, form, change):
        obj.form_basis = "redactie"
        obj.managed_by_editors = True
        obj._history_user = request.user
        super().save_model(request, obj, form, change)


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "submitted_by", "created_at", "status"]
    list_filter = ["status"]
    list_select_related = ["collaboration", "submitted_by"]
    search_fields = ["name", "collaboration__name", "explanation"]
    readonly_fields = [
        "collaboration",
        "submitted_by",
        "created_at",
        "name",
        "form",
        "domain",
        "members_to_add",
        "members_to_remove",
        "ended",
        "explanation",
        "source_url",
        "status",
        "reviewed_by",
        "reviewed_at",
    ]
    fields = [*readonly_fields, "editor_note"]
    actions = ["accept", "reject"]

    def has_add_permission(self, request):
        return False  # members submit through the site

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Overnemen in het register"), permissions=["change"])
    def accept(self, request, queryset):
        done = 0
        for suggestion in queryset.filter(status=SuggestionStatus.NEW):
            suggestion_accept(suggestion=suggestion, editor=request.user)
            done += 1
        self.message_user(
            request,
            ngettext("%(n)d voorstel overgenomen.", "%(n)d voorstellen overgenomen.", done)
            % {"n": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Afwijzen"), permissions=["change"])
    def reject(self, request, queryset):
        done = 0
        for suggestion in queryset.filter(status=SuggestionStatus.NEW):
            suggestion_reject(suggestion=suggestion, editor=request.user)
            done += 1
        self.message_user(
            request,
            ngettext("%(n)d voorstel afgewezen.", "%(n)d voorstellen afgewezen.", done)
            % {"n": done},
            messages.SUCCESS,
        )
