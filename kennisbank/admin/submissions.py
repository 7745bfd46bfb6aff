"""The editors' review queue of members' submissions (report an experience).

Registered through kennisbank/admin/__init__.py. The item a submission created is reviewed and
published on the kennisitem page, with the same status workflow as all content; here the editors
read what was sent and write to the submitter.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..constants import Status
from ..forms.submissions import SubmissionForm
from ..models import Submission, SubmissionMessage
from ..services.submissions import (
    SubmissionNotInReview,
    SubmissionState,
    submission_approve,
    submission_message_notify,
    submission_return,
    submission_state,
    submissions_approve,
)

PUBLISH_PERMISSION = "kennisbank.publish_item"


class ReturnForm(forms.Form):
    text = forms.CharField(
        label=_("Bericht aan de inzender"),
        help_text=_("Wat moet er anders? De inzender krijgt dit bericht per e-mail."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


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
    actions = ["approve"]
    change_form_template = "admin/kennisbank/submission/change_form.html"

    # Review: approve or return in one step (kennisbank/services/submissions.py) ------------------

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(PUBLISH_PERMISSION)

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(require_POST(view))

        return [
            path(
                "<int:pk>/goedkeuren/",
                wrap(self.approve_view),
                name="kennisbank_submission_approve",
            ),
            path(
                "<int:pk>/terugsturen/", wrap(self.return_view), name="kennisbank_submission_return"
            ),
            *super().get_urls(),
        ]

    def _submission(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request).select_related("item"), pk=pk)

    def approve_view(self, request, pk):
        submission = self._submission(request, pk)
        if not self.has_publish_permission(request):
            raise PermissionDenied
        try:
            submission_approve(submission=submission)
        except SubmissionNotInReview:
            self.message_user(
                request, _("Deze inzending wacht niet (meer) op beoordeling."), messages.WARNING
            )
        else:
            self.message_user(
                request,
                _("Gepubliceerd: “%(title)s”. De inzender krijgt hiervan bericht.")
                % {"title": submission},
                messages.SUCCESS,
            )
        return redirect("admin:kennisbank_submission_change", submission.pk)

    def return_view(self, request, pk):
        submission = self._submission(request, pk)
        form = ReturnForm(request.POST)
        if not form.is_valid():
            # Back to the page with the message kept (in the session) and the reason.
            request.session[f"submission_return_{pk}"] = request.POST.get("text", "")[:5000]
            self.message_user(
                request,
                _("Schrijf de inzender wat er anders moet; dat bericht is verplicht."),
                messages.ERROR,
            )
            return redirect("admin:kennisbank_submission_change", submission.pk)
        try:
            submission_return(
                submission=submission, editor=request.user, text=form.cleaned_data["text"]
            )
        except SubmissionNotInReview:
            self.message_user(
                request, _("Deze inzending wacht niet (meer) op beoordeling."), messages.WARNING
            )
        else:
            self.message_user(
                request,
                _("Teruggestuurd: “%(title)s”. De inzender krijgt uw bericht per e-mail.")
                % {"title": submission},
                messages.SUCCESS,
            )
        return redirect("admin:kennisbank_submission_change", submission.pk)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None and submission_state(obj) is SubmissionState.IN_REVIEW:
            kept = request.session.pop(f"submission_return_{obj.pk}", None)
            extra.update(
                review=True,
                can_approve=self.has_publish_permission(request),
                can_return=self.has_change_permission(request, obj),
                return_form=ReturnForm(initial={"text": kept} if kept else None),
            )
        return super().change_view(request, object_id, form_url, extra)

    @admin.action(description=_("Goedkeuren en publiceren"), permissions=["publish"])
    def approve(self, request, queryset):
        approved = submissions_approve(submissions=queryset.select_related("item"))
        self.message_user(
            request,
            ngettext(
                "%(count)d inzending gepubliceerd.", "%(count)d inzendingen gepubliceerd.", approved
            )
            % {"count": approved},
            messages.SUCCESS,
        )

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
