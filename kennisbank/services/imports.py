"""Importing existing collections from JSON Lines (`manage.py import_kennisbank`).

Every line is validated first; then each good line is written in its own savepoint, so a bad
line is reported (with its number and reason) and never half-written, while the good lines land.
References (`adopted_from`, `dossier_items`) may point at any line of the file or at items that
are already in the database.

Importing from the admin (at the end): upload, dry run, confirm, through the same importer. The
uploaded file stays in storage under a random token (shared by every web instance); the browser
only carries the token back, and the session only accepts tokens it was given. Confirming imports
the stored file for real and checks that every line turns out as the dry run showed; if something
changed in between (another import, an edited item), nothing is kept and the editor sees the new
dry run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.constants import Motive, TaskType
from portal.models import CollaborationModel, Municipality, Theme

from ..constants import EventKind, ItemType, Status
from ..models import DossierEntry, Item, SourceLink
from .items import (
    SLUG_BASE_LENGTH,
    item_saved,
    item_unique_slug,
    search_terms_refresh,
)

REQUIRED = ("external_id", "type", "title", "summary", "published_on")


class LineError(Exception):
    pass


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    REJECTED = "rejected"


@dataclass(frozen=True)
class LineResult:
    """What happened to one line: shown per line in the admin's dry run."""

    number: int
    external_id: str
    title: str
    outcome: Outcome
    reason: str = ""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    lines: list[LineResult] = field(default_factory=list)
    dry_run: bool = False

    @property
    def imported(self) -> int:
        return self.created + self.updated

    @property
    def rejected(self) -> int:
        return len(self.errors)

    def digest(self) -> str:
        """A fingerprint of every line's outcome: a confirmed import must match its dry run."""
        rows = [(r.number, r.external_id, r.outcome.value, r.reason) for r in self.lines]
        return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


@dataclass
class ParsedLine:
    number: int
    data: dict[str, Any]
    fields: dict[str, Any]
    theme_ids: list[int]
    municipality_ids: list[int]
    tags: list[str]
    links: list[tuple[str, str]]


def _choice(data, key, choices, *, required=False):
    value = data.get(key)
    if value in (None, ""):
        if required:
            raise LineError(_("veld '%(key)s' ontbreekt") % {"key": key})
        return ""
    if value not in choices.values:
        raise LineError(
            _("onbekende waarde '%(value)s' voor '%(key)s'") % {"value": value, "key": key}
        )
    return value


def _list(data, key) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise LineError(_("veld '%(key)s' moet een lijst zijn") % {"key": key})
    return value


def _datetime(data, key):
    raw = data.get(key)
    if not raw:
        return None
    value = parse_datetime(str(raw))
    if value is None:
        raise LineError(
            _("ongeldige datum en tijd in '%(key)s': %(raw)s") % {"key": key, "raw": raw}
        )
    if value.tzinfo is None:
        raise LineError(_("'%(key)s' mist een tijdzone") % {"key": key})
    return value


class Lookups:
    def __init__(self):
        self.themes = {t.name.lower(): t.id for t in Theme.objects.all()}
        self.municipalities = dict(Municipality.objects.values_list("code", "id"))
        self.models = dict(CollaborationModel.objects.values_list("key", "id"))


def parse_line(number: int, raw: str, lookups: Lookups) -> ParsedLine:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LineError(_("geen geldige JSON (%(error)s)") % {"error": exc.msg}) from None
    if not isinstance(data, dict):
        raise LineError(_("een regel moet één JSON-object zijn"))
    for key in REQUIRED:
        if data.get(key) in (None, ""):
            raise LineError(_("veld '%(key)s' ontbreekt") % {"key": key})
    item_type = _choice(data, "type", ItemType, required=True)
    published_on = parse_date(str(data["published_on"])) if data.get("published_on") else None
    if published_on is None:
        raise LineError(_("ongeldige publicatiedatum: %(raw)s") % {"raw": data["published_on"]})
    title = str(data["title"]).strip()
    if len(title) > Item._meta.get_field("title").max_length:
        raise LineError(_("titel is te lang"))

    fields = {
        "type": item_type,
        "title": title,
        "summary": str(data["summary"]).strip(),
        "body": str(data.get("body") or ""),
        "published_on": published_on,
        "status": _choice(data, "status", Status) or Status.PUBLISHED,
        "region": str(data.get("region") or "")[:150],
        "task_type": _choice(data, "task_type", TaskType),
        "outcomes": str(data.get("outcomes") or ""),
        "what_went_wrong": str(data.get("what_went_wrong") or ""),
        "adoption_note": str(data.get("adoption_note") or "")[:500],
        "featured": bool(data.get("featured", False)),
        "event_kind": "",
        "starts_at": None,
        "ends_at": None,
        "location": "",
        "contact_name": "",
        "contact_organisation": "",
        "contact_email": "",
    }
    motives = _list(data, "motives")
    for motive in motives:
        if motive not in Motive.values:
            raise LineError(_("onbekend motief '%(value)s'") % {"value": motive})
    fields["motives"] = sorted(set(motives))

    model_key = data.get("collaboration_model")
    if model_key:
        if model_key not in lookups.models:
            raise LineError(_("onbekende samenwerkingsvorm '%(value)s'") % {"value": model_key})
        fields["collaboration_model_id"] = lookups.models[model_key]
    else:
        fields["collaboration_model_id"] = None

    if item_type == ItemType.EVENT:
        fields["event_kind"] = _choice(data, "event_kind", EventKind) or EventKind.MEETING
        fields["starts_at"] = _datetime(data, "starts_at")
        fields["ends_at"] = _datetime(data, "ends_at")
        fields["location"] = str(data.get("location") or "")[:250]
        if fields["starts_at"] is None:
            raise LineError(_("een bijeenkomst heeft 'starts_at' nodig"))
        if fields["ends_at"] and fields["ends_at"] < fields["starts_at"]:
            raise LineError(_("'ends_at' ligt voor 'starts_at'"))

    contact = data.get("contact") or {}
    if contact:
        if not isinstance(contact, dict):
            raise LineError(_("'contact' moet een object zijn"))
        email = str(contact.get("email") or "")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise LineError(_("ongeldig e-mailadres bij contact")) from None
        fields["contact_name"] = str(contact.get("name") or "")[:150]
        fields["contact_organisation"] = str(contact.get("organisation") or "")[:150]
        fields["contact_email"] = email

    theme_ids = []
    for name in _list(data, "themes"):
        theme_id = lookups.themes.get(str(name).lower())
        if theme_id is None:
            raise LineError(_("onbekend thema '%(value)s'") % {"value": name})
        theme_ids.append(theme_id)
    municipality_ids = []
    for code in _list(data, "municipalities"):
        municipality_id = lookups.municipalities.get(str(code).upper())
        if municipality_id is None:
            raise LineError(_("onbekende gemeentecode '%(value)s'") % {"value": code})
        municipality_ids.append(municipality_id)
    tags = [str(t).strip()[:100] for t in _list(data, "tags") if str(t).strip()]
    links = []
    url_validator = URLValidator(schemes=["http", "https"])
    for link in _list(data, "links"):
        if not isinstance(link, dict) or not link.get("url"):
            raise LineError(_("elke link heeft een 'url' nodig"))
        try:
            url_validator(link["url"])
        except ValidationError:
            raise LineError(_("ongeldige link: %(url)s") % {"url": link["url"]}) from None
        links.append((str(link.get("title") or link["url"])[:200], link["url"]))

    return ParsedLine(number, data, fields, theme_ids, municipality_ids, tags, links)


def _slug(title: str, external_id: str) -> str:
    fallback = slugify(external_id)[:SLUG_BASE_LENGTH].strip("-") or "item"
    return item_unique_slug(title, fallback=fallback)


def _write(parsed: ParsedLine) -> bool:
    external_id = str(parsed.data["external_id"])
    item = Item.objects.filter(external_id=external_id).first()
    created = item is None
    previous = None if created else item.status
    if created:
        item = Item(external_id=external_id, slug=_slug(parsed.fields["title"], external_id))
    for name, value in parsed.fields.items():
        setattr(item, name, value)
    item.full_clean(exclude=["adopted_from", "slug"], validate_unique=False)
    item.save()
    item.themes.set(parsed.theme_ids)
    item.municipalities.set(parsed.municipality_ids)
    item.tags.set(parsed.tags, clear=True)
    item.links.all().delete()
    SourceLink.objects.bulk_create(
        SourceLink(item=item, title=title, url=url, order=i)
        for i, (title, url) in enumerate(parsed.links)
    )
    item_saved(item=item, previous=previous)
    return created


def _link(parsed: ParsedLine, ids: dict[str, int]) -> None:
    item = Item.objects.get(external_id=str(parsed.data["external_id"]))
    adopted_from = parsed.data.get("adopted_from")
    item.adopted_from_id = ids[adopted_from] if adopted_from else None
    item.save(update_fields=["adopted_from"])
    if item.type == ItemType.DOSSIER:
        item.dossier_entries.all().delete()
        DossierEntry.objects.bulk_create(
            DossierEntry(dossier=item, item_id=ids[ext], order=i)
            for i, ext in enumerate(dict.fromkeys(parsed.data.get("dossier_items") or []))
        )


class _DryRunDone(Exception):
    pass


def import_lines(lines, *, today: dt.date | None = None, dry_run: bool = False) -> ImportReport:
    """Import the lines; with dry_run, do exactly the same and roll it all back at the end."""
    if not dry_run:
        return _import_lines(lines)
    try:
        with transaction.atomic():
            report = _import_lines(lines, dry_run=True)
            raise _DryRunDone
    except _DryRunDone:
        pass
    return report


def _import_lines(lines, *, dry_run: bool = False) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    raw_by_number: dict[int, dict] = {}
    outcome_by_number: dict[int, Outcome] = {}
    lookups = Lookups()
    parsed_lines: list[ParsedLine] = []
    seen: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            parsed = parse_line(number, raw, lookups)
            raw_by_number[number] = parsed.data
            external_id = str(parsed.data["external_id"])
            if external_id in seen:
                raise LineError(
                    _("extern kenmerk '%(id)s' komt al eerder voor") % {"id": external_id}
                )
            seen.add(external_id)
            parsed_lines.append(parsed)
        except LineError as exc:
            report.errors.append((number, str(exc)))
            raw_by_number[number] = _loose(raw)

    # References may point at lines of this file or at items already stored.
    known = set(
        Item.objects.filter(external_id__isnull=False).values_list("external_id", flat=True)
    )
    known |= seen
    good: list[ParsedLine] = []
    for parsed in parsed_lines:
        data = parsed.data
        refs = [data["adopted_from"]] if data.get("adopted_from") else []
        refs += _list(data, "dossier_items") if parsed.fields["type"] == ItemType.DOSSIER else []
        missing = [ref for ref in refs if ref not in known or ref == data["external_id"]]
        if missing:
            report.errors.append(
                (
                    parsed.number,
                    _("verwijzing naar onbekend item: %(ids)s")
                    % {"ids": ", ".join(map(str, missing))},
                )
            )
            seen.discard(str(data["external_id"]))
            continue
        good.append(parsed)

    written: list[ParsedLine] = []
    for parsed in good:
        try:
            with transaction.atomic():
                created = _write(parsed)
        except ValidationError as exc:
            reason = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            report.errors.append((parsed.number, reason))
            continue
        report.created += created
        report.updated += not created
        outcome_by_number[parsed.number] = Outcome.NEW if created else Outcome.UPDATED
        written.append(parsed)

    ids = dict(Item.objects.filter(external_id__isnull=False).values_list("external_id", "id"))
    for parsed in written:
        refs = [parsed.data.get("adopted_from"), *(parsed.data.get("dossier_items") or [])]
        if any(ref and ref not in ids for ref in refs):
            report.errors.append(
                (parsed.number, _("verwijzing naar een regel die niet is ingelezen"))
            )
            continue
        with transaction.atomic():
            _link(parsed, ids)
    report.errors.sort()
    report.lines = _line_results(report, raw_by_number, outcome_by_number)
    if report.imported and not dry_run:
        # New titles and summaries extend the "Bedoelde u …?" vocabulary.
        search_terms_refresh()
    return report


def _line_results(report, raw_by_number, outcome_by_number) -> list[LineResult]:
    reasons: dict[int, list[str]] = {}
    for number, reason in report.errors:
        reasons.setdefault(number, []).append(reason)
    results = []
    for number in sorted(set(outcome_by_number) | set(reasons)):
        data = raw_by_number.get(number, {})
        results.append(
            LineResult(
                number=number,
                external_id=str(data.get("external_id") or ""),
                title=str(data.get("title") or "")[:200],
                outcome=Outcome.REJECTED if number in reasons else outcome_by_number[number],
                reason="; ".join(reasons.get(number, [])),
            )
        )
    return results


def _loose(raw: str) -> dict:
    """What a rejected line says about itself, to name it in the report."""
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


# --- importing from the admin: store, dry run, confirm -------------------------------------------

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
