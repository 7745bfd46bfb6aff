"""CSV downloads that open safely in a Dutch spreadsheet program, under a name that says what
they hold: one place for every export of the portal."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

# A cell starting with one of these runs as a formula in Excel and LibreOffice (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_safe(value):
    """Text that a spreadsheet would read as a formula gets a leading apostrophe; numbers (and
    other non-text values) stay as they are, so "-3" typed by a person is guarded, -3 is not."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_filename(*parts: str, day: dt.date | None = None, extension: str = "csv") -> str:
    """ "gemeenten-per-domein-limburg-2026-12-03.csv": the parts as one ASCII slug and the date,
    so two regions' (or two days') downloads do not overwrite each other."""
    slug = "-".join(filter(None, (slugify(part) for part in parts))) or "export"
    return f"{slug}-{(day or timezone.localdate()).isoformat()}.{extension}"


def attachment_header(filename: str) -> str:
    """Content-Disposition with an ASCII fallback for old clients and RFC 6266's filename* in
    UTF-8 for the others."""
    fallback = slugify(filename.rsplit(".", 1)[0]) or "export"
    if "." in filename:
        fallback += "." + slugify(filename.rsplit(".", 1)[1])
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    """Semicolon-separated UTF-8 with BOM: opens as columns in a Dutch spreadsheet program."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([cell_safe(value) for value in header])
    writer.writerows([cell_safe(value) for value in row] for row in rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = attachment_header(filename)
    return response
