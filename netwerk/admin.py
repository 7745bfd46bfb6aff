from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Municipality


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
