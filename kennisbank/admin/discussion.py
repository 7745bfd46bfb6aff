"""The editors' side of the discussion (reports, hiding) and of members' adoption marks.

Editors moderate, they do not write or delete: comments are hidden (with a reason) and shown
again, reports are marked handled. Permissions: view/change comment and commentreport,
moderate_comment for the buttons on the page, view/delete adoptionmark.
"""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import AdoptionMark, Comment, CommentReport
from ..services.discussion import comments_set_hidden, reports_mark_handled


def _member_name(user) -> str:
    # The profile name, never the username (an e-mail address).
    if user is None:
        return "–"
    profile = getattr(user, "member_profile", None)
    return profile.name if profile else (user.get_full_name() or f"#{user.pk}")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "item", "author_name", "created_at", "hidden", "open_reports"]
    list_filter = ["hidden", "created_at"]
    list_select_related = ["item", "author__member_profile"]
    search_fields = ["text", "item__title"]
    search_help_text = _("Zoek in de tekst van de reactie en de titel van het kennisitem.")
    date_hierarchy = "created_at"
    fields = [
        "item",
        "parent",
        "author_name",
        "text",
        "created_at",
        "edited_at",
        "hidden",
        "hidden_reason",
    ]
    readonly_fields = ["item", "parent", "author_name", "text", "created_at", "edited_at"]
    actions = ["hide", "show"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(open_report_count=Count("reports", filter=Q(reports__handled=False)))
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("reactie"))
    def excerpt(self, obj):
        return Truncator(obj.text).chars(80)

    @admin.display(description=_("auteur"))
    def author_name(self, obj):
        return _member_name(obj.author)

    @admin.display(description=_("open meldingen"), ordering="open_report_count")
    def open_reports(self, obj):
        return obj.open_report_count

    @admin.action(description=_("Verbergen"), permissions=["change"])
    def hide(self, request, queryset):
        count = comments_set_hidden(
            comments=queryset.filter(hidden=False),
            hidden=True,
            reason=str(_("Verborgen door de redactie")),
        )
        self.message_user(
            request,
            ngettext("%(n)d reactie verborgen.", "%(n)d reacties verborgen.", count) % {"n": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Weer tonen"), permissions=["change"])
    def show(self, request, queryset):
        count = comments_set_hidden(comments=queryset.filter(hidden=True), hidden=False)
        self.message_user(
            request,
            ngettext("%(n)d reactie weer zichtbaar.", "%(n)d reacties weer zichtbaar.", count)
            % {"n": count},
            messages.SUCCESS,
        )


class HandledFilter(admin.SimpleListFilter):
    """Open reports first: the filter starts on "niet afgehandeld"."""

    title = _("afgehandeld")
    parameter_name = "afgehandeld"

    def lookups(self, request, model_admin):
        return [("nee", _("Niet afgehandeld")), ("ja", _("Afgehandeld")), ("alle", _("Alle"))]

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or "nee") == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or "nee"
        if value == "nee":
            return queryset.filter(handled=False)
        if value == "ja":
            return queryset.filter(handled=True)
        return queryset


@admin.register(CommentReport)
class CommentReportAdmin(admin.ModelAdmin):
    list_display = ["comment_excerpt", "item", "reason", "reporter_name", "created_at", "handled"]
    list_filter = [HandledFilter]
    list_select_related = ["comment__item", "reporter__member_profile"]
    search_fields = ["reason", "comment__text", "comment__item__title"]
    fields = ["comment", "comment_text", "item", "reporter_name", "reason", "created_at", "handled"]
    readonly_fields = [
        "comment",
        "comment_text",
        "item",
        "reporter_name",
        "reason",
        "created_at",
    ]
    actions = ["mark_handled", "hide_and_handle"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("reactie"))
    def comment_excerpt(self, obj):
        return Truncator(obj.comment.text).chars(80)

    @admin.display(description=_("tekst van de reactie"))
    def comment_text(self, obj):
        return obj.comment.text

    @admin.display(description=_("kennisitem"))
    def item(self, obj):
        return obj.comment.item

    @admin.display(description=_("gemeld door"))
    def reporter_name(self, obj):
        return _member_name(obj.reporter)

    @admin.action(description=_("Afgehandeld"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = reports_mark_handled(reports=queryset)
        self.message_user(
            request,
            ngettext("%(n)d melding afgehandeld.", "%(n)d meldingen afgehandeld.", count)
            % {"n": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reactie verbergen en afhandelen"), permissions=["hide"])
    def hide_and_handle(self, request, queryset):
        comments = Comment.objects.filter(pk__in=queryset.values("comment"), hidden=False)
        hidden = comments_set_hidden(
            comments=comments, hidden=True, reason=str(_("Verborgen na een melding"))
        )
        reports_mark_handled(reports=CommentReport.objects.filter(pk__in=queryset.values("pk")))
        self.message_user(
            request,
            ngettext("%(n)d reactie verborgen.", "%(n)d reacties verborgen.", hidden)
            % {"n": hidden},
            messages.SUCCESS,
        )

    def has_hide_permission(self, request) -> bool:
        return request.user.has_perm("kennisbank.change_comment") and request.user.has_perm(
            "kennisbank.change_commentreport"
        )


@admin.register(AdoptionMark)
class AdoptionMarkAdmin(admin.ModelAdmin):
    list_display = ["municipality", "item", "member_name", "note", "created_at"]
    list_select_related = ["municipality", "item", "member__member_profile"]
    search_fields = ["item__title", "municipality__name", "note"]
    date_hierarchy = "created_at"
    fields = ["item", "municipality", "member_name", "note", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("gemeld door"))
    def member_name(self, obj):
        return _member_name(obj.member)
