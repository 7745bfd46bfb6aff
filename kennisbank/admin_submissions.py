"""The editors' review queue of members' submissions (report an experience).

Registered from kennisbank/admin.py. The item a submission created is reviewed and published on
the kennisitem page, with the same status workflow as all content; here the editors read what
was sent and write to the submitter.
"""

from django.contrib import admin
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .constants import Status
from .forms_submission import SubmissionForm
from .models import Submission, SubmissionMessage
from .submissions import SubmissionState, submission_message_notify, submission_state


class SubmissionStateFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (state.value, state.label)
            for state in SubmissionState
            if state is not SubmissionState.DRAFT
        ]

    def queryset(self, request, queryset):
        by_state = {
            SubmissionState.IN_REVIEW: Status.IN_REVIEW,
            SubmissionState.RETURNED: Status.DRAFT,
            SubmissionState.PUBLISHED: Status.PUBLISHED,
            SubmissionState.WITHDRAWN: Status.WITHDRAWN,
        }
        if self.value() in by_state:
            return queryset.filter(item__status=by_state[self.value()])
        return queryset


class SubmissionMessageInline(admin.StackedInline):
    """The thread with the submitter: earlier notes read-only, a new one mails the submitter."""

    model = SubmissionMessage
    fields = ["text", "sender", "created_at"]
    readonly_fields = ["sender", "created_at"]
    extra = 1
    can_delete = False
    verbose_name = _("bericht aan inzender")
    verbose_name_plural = _("berichten met de inzender")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("van"))
    def sender(self, obj):
        if obj.pk is None:
            return _("de redactie (u)")
        if obj.from_editors:
            name = obj.author.get_username() if obj.author else "–"
            return _("de redactie (%(name)s)") % {"name": name}
        return _("de inzender")


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """The review queue: what members sent in, most recently sent first (filter on status
    "ter beoordeling"). The item itself is reviewed and published on the kennisitem page, with
    the same status workflow as all content."""

    list_display = ["__str__", "item_type", "state", "submitter_email", "sent_at", "item_link"]
    list_select_related = ["item", "submitter"]
    list_filter = [SubmissionStateFilter, "item_type"]
    search_fields = ["item__title", "submitter__email"]
    ordering = ["-sent_at", "-id"]
    fields = [
        "submitter_email",
        "item_type",
        "state",
        "item_link",
        "sent_at",
        "saved_at",
        "content",
        "file_links",
    ]
    readonly_fields = fields
    inlines = [SubmissionMessageInline]

    def get_queryset(self, request):
        # Unsent drafts are the member's own business.
        return super().get_queryset(request).filter(sent_at__isnull=False)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("inzender"), ordering="submitter__email")
    def submitter_email(self, obj):
        return obj.submitter.email or obj.submitter.get_username()

    @admin.display(description=_("status"))
    def state(self, obj):
        return submission_state(obj).label

    @admin.display(description=_("kennisitem"))
    def item_link(self, obj):
        if obj.item_id is None:
            return "–"
        url = reverse("admin:kennisbank_item_change", args=[obj.item_id])
        return format_html('<a href="{}">{}</a>', url, _("Beoordelen en publiceren"))

    @admin.display(description=_("ingezonden tekst"))
    def content(self, obj):
        form = SubmissionForm()
        rows = format_html_join(
            "",
            "<dt>{}</dt><dd>{}</dd>",
            (
                (form.fields[name].label, linebreaksbr(obj.data.get(name, "")))
                for name in ("title", "summary", "task", "outcomes", "what_went_wrong", "advice")
            ),
        )
        return format_html("<dl>{}</dl>", rows)

    @admin.display(description=_("bijlagen"))
    def file_links(self, obj):
        files = list(obj.files.all())
        if not files:
            return "–"
        links = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            (
                (reverse("kennisbank:submission_file", args=[obj.pk, f.pk]), f.original_name)
                for f in files
            ),
        )
        return format_html("<ul>{}</ul>", links)

    def save_formset(self, request, form, formset, change):
        if formset.model is not SubmissionMessage:
            return super().save_formset(request, form, formset, change)
        for message in formset.save(commit=False):
            if message.pk is None:
                message.author = request.user
                message.from_editors = True
                message.save()
                submission_message_notify(message=message)
        return None
