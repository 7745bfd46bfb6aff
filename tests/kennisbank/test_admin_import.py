"""Editors import a JSON Lines file in the admin: dry run per line, then confirm."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisbank.models import Item
from kennisbank.services import imports as import_uploads
from kennisbank.services.imports import Outcome, import_lines
from tests.factories import ItemFactory
from tests.kennisbank.test_admin import non_publisher  # noqa: F401
from tests.kennisbank.test_import import line

pytestmark = pytest.mark.django_db

URL = reverse("admin:kennisbank_item_import")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, content: bytes, name="items.jsonl"):
    return client.post(
        URL, {"action": "upload", "file": SimpleUploadedFile(name, content)}, follow=True
    )


def token_of(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def jsonl(*lines) -> bytes:
    return "\n".join(lines).encode()


def test_dry_run_shows_each_line_and_stores_nothing(editor_client):
    ItemFactory(external_id="old-1", title="Oude titel")
    response = upload(
        editor_client,
        jsonl(
            line(external_id="new-1", title="Nieuw voorbeeld"),
            line(external_id="old-1", title="Bijgewerkte titel"),
            line(external_id="bad-1", municipalities=["GM9999"]),
            "{kapot",
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Proefimport" in page
    rows = re.findall(r'<tr class="kb-import-(\w+)">', page)
    assert rows == ["new", "updated", "rejected", "rejected"]
    assert "onbekende gemeentecode &#x27;GM9999&#x27;" in page
    assert "geen geldige JSON" in page
    assert "2 regels inlezen" in page
    assert not Item.objects.filter(external_id="new-1").exists()
    assert Item.objects.get(external_id="old-1").title == "Oude titel"


def test_confirm_imports_what_the_dry_run_showed(editor_client):
    response = upload(editor_client, jsonl(line(external_id="a"), line(external_id="b")))
    response = editor_client.post(
        URL, {"action": "confirm", "token": token_of(response)}, follow=True
    )
    assert "Import klaar: 2 nieuw, 0 bijgewerkt, 0 regels afgewezen." in response.content.decode()
    assert set(Item.objects.values_list("external_id", flat=True)) == {"a", "b"}


def test_confirm_twice_imports_once_and_explains(editor_client):
    token = token_of(upload(editor_client, jsonl(line(external_id="a"))))
    editor_client.post(URL, {"action": "confirm", "token": token})
    response = editor_client.post(URL, {"action": "confirm", "token": token}, follow=True)
    assert "verlopen of al ingelezen" in response.content.decode()
    assert Item.objects.count() == 1


def test_confirm_refuses_when_the_outcome_changed_since_the_dry_run(editor_client):
    token = token_of(upload(editor_client, jsonl(line(external_id="a"))))
    import_lines([line(external_id="a")])  # someone else imported it meanwhile: now "updated"
    response = editor_client.post(URL, {"action": "confirm", "token": token}, follow=True)
    page = response.content.decode()
    assert "Sinds de proefimport is er iets veranderd" in page
    assert re.findall(r'<tr class="kb-import-(\w+)">', page) == ["updated"]
    assert Item.objects.get(external_id="a").title == "Belastingsamenwerking in de Hoeksche Waard"


def test_a_token_from_another_session_or_forged_is_refused(editor_client, client, editor):
    token = token_of(upload(editor_client, jsonl(line(external_id="a"))))
    other = type(editor).objects.create_superuser("ander", "ander@example.org", "x")
    client.force_login(other)
    for forged in (token, "../../etc/passwd", "x" * 32):
        response = client.post(URL, {"action": "confirm", "token": forged}, follow=True)
        assert response.status_code == 200
        assert "verlopen of al ingelezen" in response.content.decode()
    assert not Item.objects.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "leeg"),
        (b"\xff\xfe\x00\x01binary", "geen tekst in UTF-8"),
        ("\n".join(["{}"] * (import_uploads.MAX_LINES + 1)).encode(), "hoogstens 5000"),
    ],
)
def test_bad_files_get_a_dutch_message_not_a_500(editor_client, content, message):
    response = upload(editor_client, content)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_too_big_a_file_is_refused(editor_client, settings, monkeypatch):
    monkeypatch.setattr(import_uploads, "MAX_BYTES", 100)
    response = upload(editor_client, jsonl(line(external_id="a"), line(external_id="b")))
    assert "groter dan" in response.content.decode()
    assert not Item.objects.exists()


def test_cancel_forgets_the_upload(editor_client):
    token = token_of(upload(editor_client, jsonl(line(external_id="a"))))
    editor_client.post(URL, {"action": "cancel", "token": token})
    response = editor_client.post(URL, {"action": "confirm", "token": token}, follow=True)
    assert "verlopen of al ingelezen" in response.content.decode()
    assert not Item.objects.exists()


def test_changelist_links_to_the_import_page(editor_client):
    page = editor_client.get(reverse("admin:kennisbank_item_changelist")).content.decode()
    assert f'href="{URL}"' in page


def test_non_publisher_cannot_import(client, non_publisher):  # noqa: F811
    client.force_login(non_publisher)
    assert client.get(URL).status_code == 403
    page = client.get(reverse("admin:kennisbank_item_changelist")).content.decode()
    assert f'href="{URL}"' not in page


def test_dry_run_and_real_run_give_the_same_outcomes():
    lines = [line(external_id="a"), line(external_id="b", adopted_from="zz"), "[]"]
    dry = import_lines(lines, dry_run=True)
    assert not Item.objects.exists()
    real = import_lines(lines)
    assert dry.digest() == real.digest()
    assert [r.outcome for r in real.lines] == [Outcome.NEW, Outcome.REJECTED, Outcome.REJECTED]


def test_unconfirmed_uploads_are_swept_after_a_day(editor_client, settings):
    import os
    import time

    token = token_of(upload(editor_client, jsonl(line(external_id="a"))))
    stale = settings.MEDIA_ROOT / "kennisbank-imports" / f"{token}.jsonl"
    day_ago = time.time() - 25 * 3600
    os.utime(stale, (day_ago, day_ago))
    upload(editor_client, jsonl(line(external_id="b")))
    assert not stale.exists()


def test_a_file_without_any_good_line_is_not_kept(editor_client, settings):
    response = upload(editor_client, b"{kapot\n")
    assert "regels inlezen" not in response.content.decode()
    assert not (settings.MEDIA_ROOT / "kennisbank-imports").exists()
