"""Items' attachments are served by the portal through the storage API, to whoever sees the item."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from kennisbank.constants import Status
from kennisbank.models import Attachment
from tests.factories import ItemFactory
from tests.kennisbank.submission_factories import PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def attach(item, name="verslag.pdf", title="Eindverslag"):
    attachment = Attachment(item=item, title=title)
    attachment.file.save(name, ContentFile(PDF_BYTES), save=True)
    return attachment


def test_a_published_items_attachment_is_downloaded_through_the_portal(client):
    item = ItemFactory()
    attachment = attach(item)
    url = reverse("kennisbank:attachment", args=[attachment.pk])

    page = client.get(item.get_absolute_url()).content.decode()
    assert f'href="{url}" download>Eindverslag</a>' in page
    assert "/media/" not in page

    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"] == 'attachment; filename="verslag.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_drafts_attachment_is_only_for_editors(editor_client, member):
    attachment = attach(ItemFactory(status=Status.DRAFT))
    url = reverse("kennisbank:attachment", args=[attachment.pk])

    assert Client().get(url).status_code == 404
    a_member = Client()
    a_member.force_login(member)
    assert a_member.get(url).status_code == 404
    response = editor_client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_missing_file_or_attachment_is_a_404_not_an_error(client, media):
    attachment = attach(ItemFactory())
    (media / attachment.file.name).unlink()
    assert client.get(reverse("kennisbank:attachment", args=[attachment.pk])).status_code == 404
    assert client.get(reverse("kennisbank:attachment", args=[attachment.pk + 1])).status_code == 404
