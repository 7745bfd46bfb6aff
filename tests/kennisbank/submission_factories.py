"""Submissions and sample files for the report-an-experience tests."""

import io
import zipfile

import factory

from kennisbank.constants import ItemType
from kennisbank.models import Submission
from tests.factories import UserFactory

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
GIF_BYTES = b"GIF89a" + b"\x00" * 40
WEBP_BYTES = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 40
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
ELF_BYTES = b"\x7fELF\x02\x01\x01" + b"\x00" * 200


def zip_bytes(parts: dict[str, bytes], *, first: tuple[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1])  # stored, as ODF requires
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes(*, macros: bool = False) -> bytes:
    parts = {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": b"<Relationships/>",
        "word/document.xml": b"<w:document/>",
    }
    if macros:
        parts["word/vbaProject.bin"] = b"\x00" * 20
    return zip_bytes(parts)


def xlsx_bytes() -> bytes:
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})


def odt_bytes() -> bytes:
    return zip_bytes(
        {"content.xml": b"<office:document-content/>", "META-INF/manifest.xml": b"<m/>"},
        first=("mimetype", b"application/vnd.oasis.opendocument.text"),
    )


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    submitter = factory.SubFactory(UserFactory)
    item_type = ItemType.PRACTICE
    data = factory.Sequence(lambda n: {"title": f"Samen de WOZ, ervaring {n}"})
