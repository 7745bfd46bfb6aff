"""Readable edit history in the admin: labels, dates and choices as editors know them.

django-simple-history shows raw values ("None → 2026-12-03 06:11:26.121583+00:00", "Deleted
kennisitem (pk=None)"); this helper formats each side of a change the way the form shows it.
"""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "–"


def _readable(field, value) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, DeletedObject):
        return _("(verwijderd: %(type)s)") % {"type": value.model._meta.verbose_name}
    if isinstance(value, list):
        return ", ".join(_readable(None, v) for v in value) or EMPTY
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, dt.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return date_format(value, "DATE_FORMAT")
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        value = super().prepare_delta_change_value(change, value)
        base = getattr(field, "base_field", None)  # ArrayField of choices (motives)
        if isinstance(value, list) and base is not None:
            return ", ".join(_readable(base, v) for v in value) or EMPTY
        if isinstance(field, models.ManyToManyField) and isinstance(value, list):
            return ", ".join(_readable(None, v) for v in value) or EMPTY
        return _readable(field, value)

    def stringify_delta_change_values(self, change, old, new):
        shorten = self.get_obj_diff_display().common_shorten_repr
        old, new = shorten(str(old), str(new))
        return conditional_escape(old), conditional_escape(new)


class ReadableHistoryAdmin(SimpleHistoryAdmin):
    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)
