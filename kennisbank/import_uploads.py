"""Importing from the admin: upload, dry run, confirm (the same importer as `import_kennisbank`).

The uploaded file stays in storage under a random token (shared by every web instance); the
browser only carries the token back, and the session only accepts tokens it was given. Confirming
imports the stored file for real and checks that every line turns out as the dry run showed; if
something changed in between (another import, an edited item), nothing is kept and the editor
sees the new dry run.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .importer import ImportReport, import_lines

MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 5000
_FOLDER = "kennisbank-imports"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
SESSION_KEY = "kennisbank_import"
KEEP = dt.timedelta(days=1)


class ImportFileRefused(Exception):
    """The file cannot be read as JSON Lines at all (too big, not text, empty)."""


class ImportExpired(Exception):
    """The token is unknown, not this session's, or the file is gone (already imported)."""


class ImportChanged(Exception):
    """The real import would differ from the dry run; nothing was kept."""

    def __init__(self, report: ImportReport):
        super().__init__()
        self.report = report


def _decode(content: bytes) -> list[str]:
    if not content.strip():
        raise ImportFileRefused(_("Het bestand is leeg."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileRefused(
            _("Het bestand is geen tekst in UTF-8; sla het op als JSON Lines (UTF-8).")
        ) from None
    if "\x00" in text:
        raise ImportFileRefused(_("Het bestand is geen tekstbestand."))
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise ImportFileRefused(
            _(
                "Het bestand heeft %(count)d regels; hier kunnen er hoogstens %(max)d tegelijk. "
                "Splits het bestand, of gebruik manage.py import_kennisbank."
            )
            % {"count": len(lines), "max": MAX_LINES}
        )
    return lines


def _path(token: str) -> str:
    return f"{_FOLDER}/{token}.jsonl"


def import_upload_store(*, upload, session) -> tuple[str, ImportReport]:
    """Keep the upload under a new token and return it with its dry run."""
    if upload.size > MAX_BYTES:
        raise ImportFileRefused(
            _("Het bestand is groter dan %(mb)d MB; gebruik manage.py import_kennisbank.")
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    content = b"".join(upload.chunks())
    lines = _decode(content)
    report = import_lines(lines, dry_run=True)
    if not report.imported:
        return "", report  # nothing to confirm, nothing to keep
    _sweep()
    token = secrets.token_urlsafe(24)
    default_storage.save(_path(token), ContentFile(content))
    pending = session.get(SESSION_KEY, {})
    pending[token] = report.digest()
    session[SESSION_KEY] = pending
    return token, report


def _sweep() -> None:
    """Forget uploads nobody confirmed or cancelled within a day (best effort)."""
    cutoff = timezone.now() - KEEP
    try:
        _, names = default_storage.listdir(_FOLDER)
        for name in names:
            path = f"{_FOLDER}/{name}"
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
    except (FileNotFoundError, NotImplementedError):
        pass


def _stored_lines(token: str, session) -> list[str]:
    if not isinstance(token, str) or not _TOKEN.match(token):
        raise ImportExpired
    if token not in session.get(SESSION_KEY, {}):
        raise ImportExpired
    try:
        with default_storage.open(_path(token), "rb") as fh:
            return _decode(fh.read())
    except (FileNotFoundError, ImportFileRefused):
        raise ImportExpired from None


def import_upload_preview(*, token: str, session) -> ImportReport:
    """The dry run of a stored upload again (after a change, or to look once more)."""
    report = import_lines(_stored_lines(token, session), dry_run=True)
    pending = session[SESSION_KEY]
    pending[token] = report.digest()
    session[SESSION_KEY] = pending
    return report


def _forget(token: str, session) -> None:
    pending = session.get(SESSION_KEY, {})
    pending.pop(token, None)
    session[SESSION_KEY] = pending
    default_storage.delete(_path(token))


def import_upload_confirm(*, token: str, session) -> ImportReport:
    """Import the stored file for real, only if every line turns out as the dry run showed."""
    lines = _stored_lines(token, session)
    expected = session[SESSION_KEY][token]
    try:
        with transaction.atomic():
            report = import_lines(lines)
            if report.digest() != expected:
                raise ImportChanged(report)
    except ImportChanged:
        # Rolled back; show what it would do now, and let the editor confirm that instead.
        raise ImportChanged(import_upload_preview(token=token, session=session)) from None
    _forget(token, session)
    return report


def import_upload_cancel(*, token: str, session) -> None:
    if isinstance(token, str) and _TOKEN.match(token) and token in session.get(SESSION_KEY, {}):
        _forget(token, session)
