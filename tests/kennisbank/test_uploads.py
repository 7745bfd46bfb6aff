"""Upload checks: the content decides the type, the name must agree, programs are refused."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kennisbank.services.uploads import (
    DOCX,
    GIF,
    JPEG,
    ODT,
    PDF,
    PNG,
    WEBP,
    XLSX,
    UploadRejected,
    check_upload,
    detect_kind,
    safe_original_name,
)
from tests.kennisbank.submission_factories import (
    ELF_BYTES,
    EXE_BYTES,
    GIF_BYTES,
    JPEG_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    WEBP_BYTES,
    docx_bytes,
    odt_bytes,
    xlsx_bytes,
    zip_bytes,
)


def check(name: str, content: bytes, **kwargs):
    return check_upload(name=name, size=len(content), stream=io.BytesIO(content), **kwargs)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("evaluatie.pdf", PDF_BYTES, PDF),
        ("Evaluatie.PDF", PDF_BYTES, PDF),
        ("verslag.odt", odt_bytes(), ODT),
        ("verslag.docx", docx_bytes(), DOCX),
        ("begroting.xlsx", xlsx_bytes(), XLSX),
        ("kaart.png", PNG_BYTES, PNG),
        ("foto.jpg", JPEG_BYTES, JPEG),
        ("foto.jpeg", JPEG_BYTES, JPEG),
        ("animatie.gif", GIF_BYTES, GIF),
        ("foto.webp", WEBP_BYTES, WEBP),
    ],
)
def test_documents_and_images_are_accepted_by_their_content(name, content, kind):
    checked = check(name, content)
    assert checked.kind == kind
    assert checked.original_name == name
    stored = checked.stored_name()
    assert stored.endswith(f".{kind.extension}") and name not in stored


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (EXE_BYTES, "Windows-programma"),
        (ELF_BYTES, "Linux-programma"),
        (b"#!/bin/sh\nrm", "script"),
    ],
)
def test_a_renamed_program_is_refused_with_a_clear_message(content, what):
    with pytest.raises(UploadRejected) as refused:
        check("rapport.pdf", content)
    assert what in refused.value.message
    assert "rapport.pdf" in refused.value.message
    assert "nemen we niet aan" in refused.value.message


def test_the_extension_must_match_the_content():
    with pytest.raises(UploadRejected) as refused:
        check("rapport.pdf", PNG_BYTES)
    assert "PNG-afbeelding" in refused.value.message and ".png" in refused.value.message
    with pytest.raises(UploadRejected):
        check("rapport", PDF_BYTES)  # no extension at all


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        zip_bytes({"readme.txt": b"hallo"}),  # a zip, but no office document
        docx_bytes(macros=True),  # a macro document renamed to .docx
        zip_bytes({"[Content_Types].xml": b"<Types/>"}),
        b"PK\x03\x04 broken zip",
        zip_bytes({"content.xml": b"x"}, first=("mimetype", b"application/x-evil")),
    ],
)
def test_other_content_is_refused(content):
    with pytest.raises(UploadRejected) as refused:
        check("verslag.docx", content)
    assert "Stuur een PDF, ODT, DOCX, XLSX" in refused.value.message


def test_size_limit_and_empty_files():
    with pytest.raises(UploadRejected) as refused:
        check("groot.pdf", PDF_BYTES, max_bytes=len(PDF_BYTES) - 1)
    assert "de grens is" in refused.value.message
    with pytest.raises(UploadRejected) as refused:
        check("leeg.pdf", b"")
    assert "leeg" in refused.value.message


def test_the_uploaded_name_never_carries_a_path():
    assert safe_original_name("../../etc/passwd.pdf") == "passwd.pdf"
    assert safe_original_name("C:\\Users\\jan\\rapport.pdf") == "rapport.pdf"
    assert safe_original_name("a\x00b\n.pdf") == "ab.pdf"
    assert safe_original_name("") == "bestand"


@given(st.binary(max_size=300), st.sampled_from(["x.pdf", "x.docx", "x.png", "x.exe", "x"]))
def test_any_bytes_are_accepted_or_refused_never_crash(content, name):
    try:
        checked = check(name, content)
    except UploadRejected as refused:
        assert refused.message
    else:
        assert detect_kind(io.BytesIO(content)) == checked.kind
