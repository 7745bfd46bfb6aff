"""The outbox in the admin: every staff member (editors) sees pending and failed mail and may
try it again; no one edits or deletes a row (it is the record of what was sent)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .mail import mails_retry
from .models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject", "status", "attempts", "next_attempt_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject", "message_id"]
    date_hierarchy = "created_at"
    actions = ["retry"]
    fields = [
        "status",
        "to",
        "subject",
        "created_at",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "message_id",
        "headers",
        "body",
    ]
    readonly_fields = fields

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_retry_permission(self, request):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Opnieuw proberen"), permissions=["retry"])
    def retry(self, request, queryset):
        count = mails_retry(
            mail_ids=list(queryset.exclude(status="sent").values_list("pk", flat=True))
        )
        self.message_user(
            request,
            ngettext(
                "%(count)s e-mail staat weer klaar om te verzenden.",
                "%(count)s e-mails staan weer klaar om te verzenden.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
