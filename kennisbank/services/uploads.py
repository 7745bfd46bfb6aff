"""Checks on files that members upload with a submission: size, and type by content.

The name and the browser's content type are the uploader's claims; the bytes decide. A file is
accepted only when its content is one of the document or image kinds below and its name ends in
an extension of that kind, so "rapport.pdf" that is really a Windows program is refused, and a
PNG called "foto.pdf" too (a wrong extension makes the file open in the wrong program later).

Pure Python (zipfile only): the office formats are zip archives, told apart by their parts, which
header-sniffing libraries guess from the first bytes only. Nothing here touches the database.
"""

from __future__ import annotations

import os
import uuid
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HEAD_BYTES = 64
MAX_ZIP_MEMBERS = 5_000  # a real document has a few dozen parts


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str  # Dutch, for messages
    content_type: str
    extensions: tuple[str, ...]  # the first is the one we store

    @property
    def extension(self) -> str:
        return self.extensions[0]


PDF = FileKind("pdf", "PDF-document", "application/pdf", ("pdf",))
ODT = FileKind("odt", "ODT-document", "application/vnd.oasis.opendocument.text", ("odt",))
DOCX = FileKind(
    "docx",
    "Word-document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ("docx",),
)
XLSX = FileKind(
    "xlsx",
    "Excel-werkmap",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ("xlsx",),
)
PNG = FileKind("png", "PNG-afbeelding", "image/png", ("png",))
JPEG = FileKind("jpeg", "JPEG-afbeelding", "image/jpeg", ("jpg", "jpeg"))
GIF = FileKind("gif", "GIF-afbeelding", "image/gif", ("gif",))
WEBP = FileKind("webp", "WebP-afbeelding", "image/webp", ("webp",))

KINDS = (PDF, ODT, DOCX, XLSX, PNG, JPEG, GIF, WEBP)
ACCEPT = ",".join(f".{ext}" for kind in KINDS for ext in kind.extensions)

# Programs and scripts: named in the message, so the member knows why (and the editors too).
_EXECUTABLE_MAGIC = (
    (b"MZ", "Windows-programma"),
    (b"\x7fELF", "Linux-programma"),
    (b"\xcf\xfa\xed\xfe", "macOS-programma"),
    (b"\xce\xfa\xed\xfe", "macOS-programma"),
    (b"\xca\xfe\xba\xbe", "macOS- of Java-programma"),
    (b"#!", "script"),
)


class UploadRejected(ValueError):
    """The file is refused; the message says why, in Dutch, for the member."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedUpload:
    kind: FileKind
    original_name: str
    size: int

    def stored_name(self) -> str:
        """Our own name for the stored file: never the uploader's (no paths, no odd extensions)."""
        return f"{uuid.uuid4().hex}.{self.kind.extension}"


def safe_original_name(name: str) -> str:
    """The uploaded name without directories or control characters, for display only."""
    base = os.path.basename((name or "").replace("\\", "/"))
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip()
    return cleaned[-200:] or "bestand"


def extension_of(name: str) -> str:
    _, dot, ext = name.rpartition(".")
    return ext.lower() if dot else ""


def _zip_kind(stream: BinaryIO) -> FileKind | None:
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                return None
            names = {info.filename for info in infos}
            if infos and infos[0].filename == "mimetype" and infos[0].file_size < 200:
                mimetype = archive.read(infos[0]).strip()
                if mimetype == ODT.content_type.encode():
                    return ODT
                return None
            if "[Content_Types].xml" not in names:
                return None
            # Macro-enabled documents (docm, xlsm) renamed to docx/xlsx carry a VBA project.
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                return None
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        return None
    return None


def detect_kind(stream: BinaryIO) -> FileKind | None:
    """The kind of file by its content, or None when it is none we accept."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(stream)
    return None


def _executable_label(stream: BinaryIO) -> str | None:
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    for magic, label in _EXECUTABLE_MAGIC:
        if head.startswith(magic):
            return label
    return None


def allowed_kinds_text() -> str:
    return "PDF, ODT, DOCX, XLSX, PNG, JPEG, GIF " + _("of") + " WebP"


def check_upload(
    *, name: str, size: int, stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES
) -> CheckedUpload:
    """Accept the file or raise UploadRejected with a Dutch message for the member."""
    original = safe_original_name(name)
    if size <= 0:
        raise UploadRejected(_("Het bestand ‘%(name)s’ is leeg.") % {"name": original})
    if size > max_bytes:
        raise UploadRejected(
            _("Het bestand ‘%(name)s’ is %(size)s; de grens is %(max)s. Maak het kleiner.")
            % {
                "name": original,
                "size": filesizeformat(size),
                "max": filesizeformat(max_bytes),
            }
        )
    kind = detect_kind(stream)
    stream.seek(0)
    if kind is None:
        executable = _executable_label(stream)
        stream.seek(0)
        if executable:
            raise UploadRejected(
                _(
                    "Het bestand ‘%(name)s’ is geen document maar een %(what)s. Programma's en "
                    "scripts nemen we niet aan; stuur een %(kinds)s."
                )
                % {"name": original, "what": executable, "kinds": allowed_kinds_text()}
            )
        raise UploadRejected(
            _(
                "Het bestand ‘%(name)s’ is geen bestand dat we aannemen, of het is beschadigd. "
                "Stuur een %(kinds)s."
            )
            % {"name": original, "kinds": allowed_kinds_text()}
        )
    extension = extension_of(original)
    if extension not in kind.extensions:
        raise UploadRejected(
            _(
                "De naam ‘%(name)s’ past niet bij de inhoud: het is een %(kind)s. Geef het "
                "bestand de extensie .%(ext)s en probeer het opnieuw."
            )
            % {"name": original, "kind": kind.label, "ext": kind.extension}
        )
    return CheckedUpload(kind=kind, original_name=original, size=size)
