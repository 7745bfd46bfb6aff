"""Admin of the members' community: item contacts and questions."""

from django.contrib import admin

from netwerk.models import (
    Answer,
    ContactRequest,
    ItemContact,
    Question,
)

# --- Members' network ---------------------------------------------------------------------------
# Member profiles are not registered: editors never see members' e-mail addresses or phones.


@admin.register(ItemContact)
class ItemContactAdmin(admin.ModelAdmin):
    """Editors link a member to the kennisbank items they are the contact for (evidence)."""

    list_display = ["member", "item"]
    autocomplete_fields = ["item"]
    search_fields = ["member__name", "item__title"]
    list_select_related = ["member", "item"]


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ["text", "created_at"]
    readonly_fields = ["text", "created_at"]
    extra = 0
    can_delete = False


class ContactRequestInline(admin.TabularInline):
    model = ContactRequest
    fields = ["expert", "status", "routed_by_editor", "created_at", "responded_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Questions for the infodesk; routing and promotion happen on the desk pages."""

    list_display = ["title", "created_at", "urgency", "promoted_item"]
    list_filter = ["urgency", "province"]
    search_fields = ["title", "text"]
    fields = ["title", "text", "themes", "province", "urgency", "promoted_item"]
    readonly_fields = ["promoted_item"]
    filter_horizontal = ["themes"]
    inlines = [AnswerInline, ContactRequestInline]

    def has_add_permission(self, request):
        return False
