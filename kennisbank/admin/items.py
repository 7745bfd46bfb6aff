"""The editors' side of the kennisbank: items with edit history, status actions and preview."""

from functools import partial

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from portal.constants import Province
from portal.models import Theme

from ..constants import FACET_PREFIX, ItemType, Status
from ..forms.items import DossierEntryFormSet, ItemAdminForm, TagAdminForm, tag_autocomplete_field
from ..models import Attachment, DossierEntry, Item, NarrowerTerm, Registration, SourceLink, Synonym
from ..services.editors import PUBLISHER_STATUSES, item_editor_related_saved, item_editor_save
from ..services.items import items_set_status
from . import imports
from .history import ReadableHistoryAdmin

STATUS_MESSAGES = {
    Status.PUBLISHED: ngettext_lazy(
        "%(count)d kennisitem gepubliceerd.", "%(count)d kennisitems gepubliceerd.", "count"
    ),
    Status.WITHDRAWN: ngettext_lazy(
        "%(count)d kennisitem ingetrokken.", "%(count)d kennisitems ingetrokken.", "count"
    ),
    Status.IN_REVIEW: ngettext_lazy(
        "%(count)d kennisitem ter beoordeling gezet.",
        "%(count)d kennisitems ter beoordeling gezet.",
        "count",
    ),
}


class YearFilter(admin.SimpleListFilter):
    title = _("publicatiejaar")
    parameter_name = "jaar"

    def lookups(self, request, model_admin):
        years = Item.objects.dates("published_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(published_on__year=int(self.value()))
        return queryset


class ProvinceFilter(admin.SimpleListFilter):
    title = _("provincie")
    parameter_name = "provincie"

    def lookups(self, request, model_admin):
        return Province.choices

    def queryset(self, request, queryset):
        # Through the facet tokens: one GIN lookup instead of a join over municipalities.
        if self.value() in Province.values:
            return queryset.filter(facets__contains=[f"{FACET_PREFIX['province']}:{self.value()}"])
        return queryset


class TagFilter(admin.SimpleListFilter):
    """Reached from the tag list ("kennisitems" column); lists only the chosen tag."""

    title = _("trefwoord")
    parameter_name = "trefwoord"

    def lookups(self, request, model_admin):
        if not self.value():
            return []
        return list(Tag.objects.filter(slug=self.value()).values_list("slug", "name"))

    def queryset(self, request, queryset):
        if self.value():
            # A subquery: a join through taggit's generic relation warns on Django 6.1.
            tagged = TaggedItem.objects.filter(
                tag__slug=self.value(), content_type=ContentType.objects.get_for_model(Item)
            )
            return queryset.filter(pk__in=tagged.values("object_id"))
        return queryset


class SubmittedByMemberFilter(admin.SimpleListFilter):
    """The editors' review queue: items that members sent in (with status "ter beoordeling")."""

    title = _("herkomst")
    parameter_name = "ingezonden"

    def lookups(self, request, model_admin):
        return [("ja", _("Ingezonden door leden")), ("nee", _("Door de redactie"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(submitted_by__isnull=False)
        if self.value() == "nee":
            return queryset.filter(submitted_by__isnull=True)
        return queryset


class SourceLinkInline(admin.TabularInline):
    model = SourceLink
    fields = ["title", "url", "order"]
    extra = 1


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ["title", "file", "order", "uploader"]
    readonly_fields = ["uploader"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by")

    @admin.display(description=_("geüpload door"))
    def uploader(self, obj):
        return obj.uploaded_by.get_username() if obj.uploaded_by else "–"


class DossierEntryInline(admin.TabularInline):
    model = DossierEntry
    fk_name = "dossier"
    formset = DossierEntryFormSet
    fields = ["item", "order"]
    autocomplete_fields = ["item"]
    extra = 1
    verbose_name_plural = _("onderdelen van dit themadossier")


@admin.register(Item)
class ItemAdmin(ReadableHistoryAdmin):
    form = ItemAdminForm
    # Few, wrapping columns: the list fits 1280 px next to the filters without sideways scroll.
    list_display = ["title_and_form", "type_and_status", "dates", "preview_link"]
    list_select_related = ["collaboration_model"]
    list_filter = [
        "type",
        "status",
        "themes",
        "collaboration_model",
        "task_type",
        "evidence_level",
        YearFilter,
        ProvinceFilter,
        TagFilter,
        SubmittedByMemberFilter,
    ]
    # get_search_results() adds trefwoorden and gemeenten (through subqueries).
    search_fields = ["title", "summary", "body", "external_id"]
    search_help_text = _(
        "Zoek in titel, samenvatting, tekst, trefwoorden, gemeenten en extern kenmerk."
    )
    date_hierarchy = "published_on"
    autocomplete_fields = ["municipalities", "adopted_from"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "preview_link",
        "external_id",
        "created_at",
        "updated_at",
        "submitted_by",
        "submission_link",
        "published_at",
        "organiser",
    ]
    # django-simple-history has no Dutch translation; these templates say it in Dutch.
    object_history_template = "admin/kennisbank/item/object_history.html"
    object_history_list_template = "admin/kennisbank/item/object_history_list.html"
    object_history_form_template = "admin/kennisbank/item/object_history_form.html"
    save_on_top = True
    actions = ["publish", "withdraw", "mark_in_review"]
    fieldsets = [
        (_("Inhoud"), {"fields": ["type", "title", "slug", "summary", "body"]}),
        (
            _("Indeling"),
            {
                "fields": [
                    "themes",
                    "tags",
                    "municipalities",
                    "region",
                    "collaboration_model",
                    "task_type",
                    "motives",
                ],
                "description": _("Hiermee vinden bezoekers het item via de filters en facetten."),
            },
        ),
        (
            _("Praktijkvoorbeeld"),
            {
                "fields": [
                    "outcomes",
                    "what_went_wrong",
                    "advice",
                    "evidence_level",
                    "adopted_from",
                    "adoption_note",
                ],
                "classes": ["collapse"],
                "description": _("Alleen voor praktijkvoorbeelden en praktijklessen."),
            },
        ),
        (
            _("Bijeenkomst"),
            {
                "fields": [
                    "event_kind",
                    "starts_at",
                    "ends_at",
                    "location",
                    "capacity",
                    "organiser",
                ],
                "classes": ["collapse"],
                "description": _("Alleen voor bijeenkomsten; de begintijd is dan verplicht."),
            },
        ),
        (
            _("Contact"),
            {
                "fields": ["contact_name", "contact_organisation", "contact_email"],
                "classes": ["collapse"],
            },
        ),
        (
            _("Publicatie"),
            {
                "fields": [
                    "status",
                    "published_on",
                    "featured",
                    "discussion_public",
                    "discussion_locked",
                    "submitted_by",
                    "submission_link",
                    "published_at",
                    "preview_link",
                    "external_id",
                    "created_at",
                    "updated_at",
                ],
                "description": _(
                    "Een concept is alleen voor redacteuren te zien, ook via ‘Voorbeeld bekijken’."
                ),
            },
        ),
    ]

    # Import (kennisbank/imports.py) -------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view(partial(imports.import_view, self))
        preview = self.admin_site.admin_view(self.body_preview_view)
        return [
            path("import/", view, name="kennisbank_item_import"),
            path("voorbeeld-tekst/", preview, name="kennisbank_item_body_preview"),
            *super().get_urls(),
        ]

    # Search -----------------------------------------------------------------------------

    def get_search_results(self, request, queryset, search_term):
        """Every word must occur in a text field, a tag or a municipality's name.

        Tags and municipalities through subqueries: no join that multiplies rows, and the
        query count stays the same however many items match.
        """
        item_type = ContentType.objects.get_for_model(Item)
        places = Item.municipalities.through.objects
        for word in smart_split(search_term):
            if word.startswith(('"', "'")) and word[0] == word[-1] and len(word) > 1:
                word = unescape_string_literal(word)
            word = word.strip()
            if not word:
                continue
            matches = Q()
            for name in self.search_fields:
                matches |= Q(**{f"{name}__icontains": word})
            tagged = TaggedItem.objects.filter(content_type=item_type, tag__name__icontains=word)
            located = places.filter(municipality__name__icontains=word)
            matches |= Q(pk__in=tagged.values("object_id")) | Q(pk__in=located.values("item_id"))
            queryset = queryset.filter(matches)
        return queryset, False

    # Markdown preview (static/js/admin-markdown-preview.js) -----------------------------

    def body_preview_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        body = request.POST.get("body", "")[:200_000]
        return TemplateResponse(request, "admin/kennisbank/item/body_preview.html", {"body": body})

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, TaggableManager):
            return tag_autocomplete_field(db_field, request, self.admin_site)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "body" and field is not None:
            field.widget.attrs.update(
                {
                    "data-preview-url": reverse("admin:kennisbank_item_body_preview"),
                    "data-preview-label": _("Voorbeeld tonen"),
                    "data-preview-error": _("Het voorbeeld kon niet worden gemaakt."),
                }
            )
        return field

    class Media:
        js = ["js/admin-markdown-preview.js"]

    def changelist_view(self, request, extra_context=None):
        extra = {"can_import": imports.can_import(request.user), **(extra_context or {})}
        return super().changelist_view(request, extra)

    # Permissions ------------------------------------------------------------------------

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(f"{self.opts.app_label}.publish_item")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        locked = obj is not None and obj.status in PUBLISHER_STATUSES
        if locked and not self.has_publish_permission(request):
            fields.append("status")
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [(s.value, s.label) for s in (Status.DRAFT, Status.IN_REVIEW)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_inlines(self, request, obj):
        # The dossier's entries on a new item too, since its type is chosen on the same page.
        if obj is None or obj.type == ItemType.DOSSIER:
            return [DossierEntryInline, SourceLinkInline, AttachmentInline]
        if obj.type == ItemType.EVENT:
            return [SourceLinkInline, AttachmentInline, RegistrationInline]
        return [SourceLinkInline, AttachmentInline]

    # Saving -----------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        refused = item_editor_save(
            item=obj,
            may_publish=self.has_publish_permission(request),
            changed_fields=form.changed_data,
            save=lambda: super(ItemAdmin, self).save_model(request, obj, form, change),
        )
        if refused:
            self.message_user(
                request,
                _(
                    "De status is niet gewijzigd: publiceren en intrekken mag alleen "
                    "een redacteur met publicatierecht."
                ),
                messages.WARNING,
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is not Attachment:
            return super().save_formset(request, form, formset, change)
        for attachment in formset.save(commit=False):
            if attachment.uploaded_by_id is None:
                attachment.uploaded_by = request.user
            attachment.save()
        for attachment in formset.deleted_objects:
            attachment.delete()
        return None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Themes and municipalities are saved only now; the facet tokens follow them.
        item_editor_related_saved(item=form.instance)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting saves the form without save_related(), so refresh the facets here.
        with transaction.atomic():
            response = super().history_form_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code == 302:
                item_editor_related_saved(item=Item.objects.get(pk=object_id))
        return response

    def history_view_title(self, request, obj):
        return _("Geschiedenis van %(item)s") % {"item": obj}

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("Eerdere versie van %(item)s") % {"item": obj}
        return _("Eerdere versie terugzetten: %(item)s") % {"item": obj}

    # Preview ----------------------------------------------------------------------------

    def view_on_site(self, obj):
        # Straight to the public page, which shows drafts to editors with a preview banner.
        return obj.get_absolute_url()

    # Columns of the list ------------------------------------------------------------------

    @admin.display(description=_("titel"), ordering="title")
    def title_and_form(self, obj):
        if obj.collaboration_model_id is None:
            return obj.title
        return format_html(
            '{}<br><span class="quiet">{}</span>', obj.title, obj.collaboration_model.name
        )

    @admin.display(description=_("soort en status"), ordering="status")
    def type_and_status(self, obj):
        return format_html("{}<br>{}", obj.get_type_display(), obj.get_status_display())

    @admin.display(description=_("datum"), ordering="-published_on")
    def dates(self, obj):
        return format_html(
            '{}<br><span class="quiet">{}</span>',
            date_format(obj.published_on, "SHORT_DATE_FORMAT"),
            _("gewijzigd %(date)s")
            % {"date": date_format(timezone.localtime(obj.updated_at), "SHORT_DATE_FORMAT")},
        )

    @admin.display(description=_("inzending"))
    def submission_link(self, obj):
        # Members' contributions: the thread with the submitter lives on the submission.
        if obj.pk is None or obj.submitted_by_id is None:
            return "–"
        submission = getattr(obj, "submission", None)  # reverse one-to-one, absent: None
        if submission is None:
            return "–"
        url = reverse("admin:kennisbank_submission_change", args=[submission.pk])
        return format_html('<a href="{}">{}</a>', url, _("Ingezonden tekst en berichten"))

    @admin.display(description=_("op de website"))
    def preview_link(self, obj):
        if obj.pk is None:
            return _("Na opslaan te bekijken.")
        label = _("Bekijken") if obj.is_published else _("Voorbeeld bekijken")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label
        )

    # Actions ----------------------------------------------------------------------------

    def _set_status(self, request, queryset, status: str) -> None:
        changed = items_set_status(items=queryset, status=status)
        self.message_user(request, STATUS_MESSAGES[status] % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Publiceren"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED)

    @admin.action(description=_("Intrekken"), permissions=["publish"])
    def withdraw(self, request, queryset):
        self._set_status(request, queryset, Status.WITHDRAWN)

    @admin.action(description=_("Ter beoordeling"), permissions=["publish"])
    def mark_in_review(self, request, queryset):
        self._set_status(request, queryset, Status.IN_REVIEW)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "item_count"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("item"))

    @admin.display(description=_("kennisitems"), ordering="item_count")
    def item_count(self, obj):
        url = reverse("admin:kennisbank_item_changelist") + f"?themes__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.item_count)


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["term", "expansion", "exact_uppercase_only"]
    list_editable = ["exact_uppercase_only"]
    list_filter = ["exact_uppercase_only"]
    search_fields = ["term", "expansion"]


@admin.register(NarrowerTerm)
class NarrowerTermAdmin(admin.ModelAdmin):
    list_display = ["term", "narrower"]
    list_filter = ["term"]
    search_fields = ["term", "narrower"]


# taggit's own Tag admin has an English merge action that skips permission checks and an
# inline of raw generic keys; editors get a plain, searchable list (also feeds the autocomplete).
admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    form = TagAdminForm
    list_display = ["name", "slug", "item_count"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("taggit_taggeditem_items"))

    @admin.display(description=_("kennisitems"), ordering="item_count")
    def item_count(self, obj):
        url = reverse("admin:kennisbank_item_changelist") + f"?trefwoord={obj.slug}"
        return format_html('<a href="{}">{}</a>', url, obj.item_count)


# --- Events: registrations (kennisbank/services/events.py) ---------------------------------


class RegistrationInline(admin.TabularInline):
    """Who registered, read-only: registering and cancelling go through the services, which
    keep the seats and the waiting list right. No e-mail addresses: those are the organiser's."""

    model = Registration
    fields = ["name", "organisation", "status", "seat", "created_at", "cancelled_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("aanmeldingen (alleen lezen; de wachtlijst in volgorde van aanmelden)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
