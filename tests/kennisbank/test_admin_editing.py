"""Item editing in the admin: search over body, tags and municipalities; Markdown preview."""

import re

import pytest
from django.urls import reverse

from kennisbank.constants import Status
from tests.factories import ItemFactory, municipality

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:kennisbank_item_changelist")
PREVIEW = reverse("admin:kennisbank_item_body_preview")


def found(client, term):
    return {i.title for i in client.get(CHANGELIST, {"q": term}).context["cl"].result_list}


def test_search_covers_body_tags_and_municipalities(editor_client):
    ItemFactory(title="Een", body="Over de **kwijtschelding** van belastingen")
    ItemFactory(title="Twee", tags=["afvalinzameling"])
    ItemFactory(title="Drie", municipalities=[municipality("GM0546")])  # Leiden
    ItemFactory(title="Vier")
    assert found(editor_client, "kwijtschelding") == {"Een"}
    assert found(editor_client, "afvalinzam") == {"Twee"}
    assert found(editor_client, "leiden") == {"Drie"}
    assert found(editor_client, "leiden drie") == {"Drie"}  # every word must match
    assert found(editor_client, "leiden twee") == set()


def test_search_query_count_does_not_grow_with_matches(
    editor_client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ItemFactory(tags=["woz"], municipalities=[municipality("GM0546")])
    editor_client.get(CHANGELIST, {"q": "woz leiden"})
    with CaptureQueriesContext(connection) as few:
        editor_client.get(CHANGELIST, {"q": "woz leiden"})
    for _ in range(10):
        ItemFactory(tags=["woz", "leiden"], municipalities=[municipality("GM0546")])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = editor_client.get(CHANGELIST, {"q": "woz leiden"})
    assert response.context["cl"].result_count == 11


def test_preview_renders_exactly_as_the_public_page(editor_client):
    body = "## Aanpak\n\nEen *lijst*:\n\n- een\n- twee\n\n<script>alert(1)</script>"
    item = ItemFactory(body=body, status=Status.PUBLISHED)
    public = editor_client.get(item.get_absolute_url()).content.decode()
    preview = editor_client.post(PREVIEW, {"body": body}).content.decode()
    rendered = re.search(r'<div class="rich-text">.*?</div>', preview, re.S).group(0)
    assert rendered in public
    assert "<h3>Aanpak</h3>" in rendered and "<script>" not in rendered


def test_preview_is_for_editors_by_post(client, editor_client, member):
    assert editor_client.get(PREVIEW).status_code == 405
    client.force_login(member)
    assert client.post(PREVIEW, {"body": "x"}).status_code == 302  # to the admin login


def test_change_form_loads_the_preview_script_without_inline_code(editor_client):
    page = editor_client.get(reverse("admin:kennisbank_item_add")).content.decode()
    assert "admin-markdown-preview.js" in page
    assert f'data-preview-url="{PREVIEW}"' in page


def test_draft_preview_does_not_claim_it_was_published(editor_client):
    item = ItemFactory(status=Status.DRAFT)
    page = editor_client.get(item.get_absolute_url()).content.decode()
    assert "Gepubliceerd op" not in page
    assert "Niet openbaar; publicatiedatum" in page
