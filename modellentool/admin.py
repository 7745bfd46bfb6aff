from django.contrib import admin

from .models import CollaborationModel


@admin.register(CollaborationModel)
class CollaborationModelAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "weight", "order"]
    list_editable = ["order"]
    search_fields = ["name", "key"]
    ordering = ["order", "weight"]

    def get_readonly_fields(self, request, obj=None):
        # Keys are referenced by code (scoring, facet tokens); only the texts are content.
        if obj is not None:
            return ["key"]
        return []
