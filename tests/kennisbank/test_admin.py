"""The editors' admin: what a redacteur can reach, change, publish and undo."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from kennisbank.constants import ItemType, Status
from kennisbank.models import Attachment, DossierEntry, Item, Synonym
from kennisbank.permissions import EDITOR_GROUP, EDITOR_PERMISSIONS
from modellentool.permissions import EDITOR_PERMISSIONS as MODELLENTOOL_EDITOR_PERMISSIONS
from portal.models import Municipality
from tests.factories import (
    DossierFactory,
    EventFactory,
    ItemFactory,
    UserFactory,
    collaboration_model,
    municipality,
    theme,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:kennisbank_item_changelist")
REVERT_FORM = "historicalitem_form"  # simple_history renders the form with the history model


def change_url(item):
    return reverse("admin:kennisbank_item_change", args=[item.pk])


class _FormParser(HTMLParser):
    """Collects what a browser would submit for one form, left as rendered."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self._select = None
        self._options = []
        self._textarea = None
        self._text = []

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or (not attrs.get("name") and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(attrs["name"], attrs.get("value", "on"))
                return
            self._add(attrs["name"], attrs.get("value", ""))
        elif tag == "select":
            self._select, self._options = attrs["name"], []
        elif tag == "option" and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea":
            self._textarea, self._text = attrs["name"], []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected]
            for value in chosen:
                self._add(self._select, value)
            self._select = None
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline that follows <textarea>.
            self._add(self._textarea, "".join(self._text).removeprefix("\n"))
            self._textarea = None


def form_data(response, form_id="item_form") -> dict[str, list[str]]:
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    assert parser.data, f"form {form_id} not found"
    return parser.data


def post_change(client, item, **changes):
    """Submit the change form of `item` as rendered, with some fields changed."""
    data = form_data(client.get(change_url(item)))
    data.update(changes)
    return client.post(change_url(item), data)


def selected_action(client, action, items):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [str(i.pk) for i in items], "index": 0},
        follow=True,
    )


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def non_publisher(db):
    """A redacteur whose group lacks kennisbank.publish_item."""
    group = Group.objects.create(name="Redacteur zonder publicatierecht")
    group.permissions.set(
        Group.objects.get(name=EDITOR_GROUP).permissions.exclude(codename="publish_item")
    )
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    return user


# Permissions ------------------------------------------------------------------------------


def test_editor_group_has_exactly_the_editor_permissions():
    group = Group.objects.get(name=EDITOR_GROUP)
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    # Each app lists its own share of the one editors' group.
    shares = EDITOR_PERMISSIONS | MODELLENTOOL_EDITOR_PERMISSIONS
    expected = {(app, code) for app, codes in shares.items() for code in codes}
    assert granted == expected


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:index",
        "admin:kennisbank_item_changelist",
        "admin:kennisbank_item_add",
        "admin:portal_theme_changelist",
        "admin:portal_theme_add",
        "admin:kennisbank_synonym_changelist",
        "admin:kennisbank_synonym_add",
        "admin:taggit_tag_changelist",
        "admin:taggit_tag_add",
        "admin:portal_municipality_changelist",
        "admin:portal_collaborationmodel_changelist",
    ],
)
def test_editor_reaches_the_pages_they_need(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 200


def test_editor_reaches_change_history_revert_and_delete_pages(editor_client):
    item = ItemFactory(status=Status.DRAFT, tags=["woz"])
    tag = Tag.objects.get(name="woz")
    record = item.history.earliest()
    for url in [
        change_url(item),
        reverse("admin:kennisbank_item_history", args=[item.pk]),
        reverse("admin:kennisbank_item_simple_history", args=[item.pk, record.history_id]),
        reverse("admin:kennisbank_item_delete", args=[item.pk]),
        reverse("admin:portal_municipality_change", args=[municipality("GM0546").pk]),
        reverse("admin:portal_theme_change", args=[theme("jeugd").pk]),
        reverse("admin:kennisbank_synonym_change", args=[Synonym.objects.first().pk]),
        reverse("admin:taggit_tag_change", args=[tag.pk]),
        reverse("admin:taggit_tag_delete", args=[tag.pk]),
        reverse(
            "admin:portal_collaborationmodel_change",
            args=[collaboration_model("centrumgemeente").pk],
        ),
    ]:
        assert editor_client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "url_name", ["admin:auth_user_changelist", "admin:auth_user_add", "admin:auth_group_changelist"]
)
def test_editor_cannot_manage_users_or_groups(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_editor_sees_municipalities_but_cannot_change_them(editor_client):
    leiden = municipality("GM0546")
    url = reverse("admin:portal_municipality_change", args=[leiden.pk])
    page = editor_client.get(url)
    assert b'name="name"' not in page.content  # read-only view, no inputs
    response = editor_client.post(url, {"name": "Leyden", "code": "GM0546"})
    assert response.status_code == 403
    assert Municipality.objects.get(pk=leiden.pk).name == "Leiden"
    assert editor_client.get(reverse("admin:portal_municipality_add")).status_code == 403


def test_member_without_staff_is_sent_to_login(client, member):
    client.force_login(member)
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


# Pages and queries ------------------------------------------------------------------------


def _make_items(n):
    jeugd, woz = theme("jeugd"), theme("belastingen-en-woz")
    for i in range(n):
        item = ItemFactory(
            themes=[jeugd, woz],
            municipalities=[municipality("GM0546"), municipality("GM0014")],
            tags=[f"trefwoord-{i}", "woz"],
            collaboration_model=collaboration_model("centrumgemeente"),
            status=Status.DRAFT if i % 2 else Status.PUBLISHED,
        )
        item.links.create(title="Bron", url="https://example.org/bron")
    return item


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["changelist", "add", "change"])
def test_admin_pages_use_a_bounded_number_of_queries(editor_client, page):
    item = _make_items(3)
    url = {"changelist": CHANGELIST, "add": reverse("admin:kennisbank_item_add")}.get(
        page, change_url(item)
    )
    _count_queries(editor_client, url)  # warm up session and content type caches
    few = _count_queries(editor_client, url)
    _make_items(25)
    assert _count_queries(editor_client, url) == few


def test_change_page_queries_do_not_grow_with_links_and_attachments(editor_client, editor):
    item = ItemFactory()

    def add_sources(n):
        for i in range(n):
            item.links.create(title=f"Bron {i}", url=f"https://example.org/{i}", order=i)
            Attachment.objects.create(
                item=item, title=f"Bijlage {i}", file=f"kennisbank/{i}.pdf", uploaded_by=editor
            )

    add_sources(1)
    _count_queries(editor_client, change_url(item))
    one = _count_queries(editor_client, change_url(item))
    add_sources(6)
    assert _count_queries(editor_client, change_url(item)) == one


def test_changelist_shows_columns_and_preview_links(editor_client):
    draft = ItemFactory(
        status=Status.DRAFT,
        title="Gezamenlijke inkoop jeugdzorg",
        collaboration_model=collaboration_model("centrumgemeente"),
    )
    ItemFactory(status=Status.PUBLISHED, title="Samen belasting heffen")
    content = editor_client.get(CHANGELIST).content.decode()
    assert "Gezamenlijke inkoop jeugdzorg" in content
    assert "Centrumgemeente" in content
    assert "Concept" in content and "Gepubliceerd" in content
    assert f'href="{draft.get_absolute_url()}"' in content
    assert "Voorbeeld bekijken" in content


def test_change_form_offers_a_preview_of_a_draft(editor_client):
    draft = ItemFactory(status=Status.DRAFT)
    content = editor_client.get(change_url(draft)).content.decode()
    assert content.count(f'href="{draft.get_absolute_url()}"') >= 2  # object tools and field
    assert "Voorbeeld bekijken" in content
    for heading in ["Inhoud", "Indeling", "Praktijkvoorbeeld", "Bijeenkomst", "Contact"]:
        assert f">{heading}<" in content


def test_admin_search_finds_by_title_and_external_id(editor_client):
    wanted = ItemFactory(title="Regionale belastingsamenwerking", external_id="bron-4711")
    other = ItemFactory(title="Jeugdzorg in de regio", external_id="bron-0815")
    for term in ["belastingsamen", "bron-4711"]:
        results = editor_client.get(CHANGELIST, {"q": term}).context["cl"].result_list
        assert list(results) == [wanted], term
    assert other in editor_client.get(CHANGELIST, {"q": "jeugdzorg"}).context["cl"].result_list


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"provincie": "zuid-holland"}, {"leiden"}),
        ({"jaar": "2019"}, {"oud"}),
        ({"themes__id__exact": "jeugd"}, {"oud"}),
        ({"trefwoord": "woz"}, {"leiden"}),
    ],
)
def test_list_filters(editor_client, params, expected):
    ItemFactory(
        slug="leiden", municipalities=[municipality("GM0546")], tags=["WOZ"], title="Leiden"
    )
    ItemFactory(
        slug="oud",
        published_on=dt.date(2019, 3, 1),
        municipalities=[municipality("GM0014")],
        themes=[theme("jeugd")],
        title="Groningen",
    )
    if params.get("themes__id__exact") == "jeugd":
        params = {"themes__id__exact": str(theme("jeugd").pk)}
    response = editor_client.get(CHANGELIST, params)
    assert {i.slug for i in response.context["cl"].result_list} == expected


# Saving -----------------------------------------------------------------------------------


def test_admin_save_refreshes_facets_after_themes_and_municipalities_change(editor_client):
    item = ItemFactory(themes=[theme("jeugd")], municipalities=[municipality("GM0014")])
    assert "p:groningen" in item.facets
    wonen = theme("wonen")
    response = post_change(
        editor_client,
        item,
        themes=[str(wonen.pk)],
        municipalities=[str(municipality("GM0546").pk)],
    )
    assert response.status_code == 302, response.context["errors"]
    item.refresh_from_db()
    assert f"t:{wonen.pk}" in item.facets and f"t:{theme('jeugd').pk}" not in item.facets
    assert "p:zuid-holland" in item.facets and "m:GM0546" in item.facets
    assert "p:groningen" not in item.facets


def test_add_item_through_the_admin(editor_client, editor):
    add_url = reverse("admin:kennisbank_item_add")
    data = form_data(editor_client.get(add_url))
    woz = Tag.objects.create(name="woz")
    data.update(
        type=[ItemType.PRACTICE],
        title=["Samen de WOZ uitvoeren"],
        slug=["samen-de-woz-uitvoeren"],
        summary=["Vijf gemeenten voeren de WOZ samen uit."],
        published_on=["2024-02-01"],
        status=[Status.IN_REVIEW],
        themes=[str(theme("belastingen-en-woz").pk)],
        tags=[str(woz.pk)],
        motives=["kosten", "kwaliteit"],
        municipalities=[str(municipality("GM0546").pk)],
    )
    response = editor_client.post(add_url, data)
    assert response.status_code == 302, response.context["errors"]
    item = Item.objects.get(slug="samen-de-woz-uitvoeren")
    assert list(item.tags.names()) == ["woz"]
    assert item.motives == ["kosten", "kwaliteit"]
    assert item.status == Status.IN_REVIEW
    assert {"y:2024", "p:zuid-holland", "mo:kosten"} <= set(item.facets)
    assert item.history.earliest().history_user == editor


def test_event_must_end_after_it_starts(editor_client):
    event = EventFactory()
    data = form_data(editor_client.get(change_url(event)))
    data["ends_at_0"] = [
        timezone.localtime(event.starts_at - dt.timedelta(days=1)).strftime("%d-%m-%Y")
    ]
    response = editor_client.post(change_url(event), data)
    assert response.status_code == 200
    assert "kan niet eindigen voordat hij begint" in response.content.decode()


def test_practice_cannot_be_adopted_from_itself(editor_client):
    item = ItemFactory()
    response = post_change(editor_client, item, adopted_from=[str(item.pk)])
    assert response.status_code == 200
    assert "niet van zichzelf" in response.content.decode()
    item.refresh_from_db()
    assert item.adopted_from is None


def test_dossier_entries_are_edited_inline_in_order(editor_client):
    dossier = DossierFactory()
    first, second = ItemFactory(title="Eerste"), ItemFactory(title="Tweede")
    data = form_data(editor_client.get(change_url(dossier)))
    data.update(
        {
            "dossier_entries-TOTAL_FORMS": ["2"],
            "dossier_entries-0-item": [str(second.pk)],
            "dossier_entries-0-order": ["1"],
            "dossier_entries-1-item": [str(first.pk)],
            "dossier_entries-1-order": ["0"],
        }
    )
    response = editor_client.post(change_url(dossier), data)
    assert response.status_code == 302, response.context["errors"]
    assert [e.item.title for e in dossier.dossier_entries.all()] == ["Eerste", "Tweede"]


def test_dossier_cannot_contain_itself(editor_client):
    dossier = DossierFactory()
    response = post_change(
        editor_client,
        dossier,
        **{"dossier_entries-0-item": [str(dossier.pk)], "dossier_entries-0-order": ["0"]},
    )
    assert response.status_code == 200
    assert "niet in zichzelf" in response.content.decode()
    assert not DossierEntry.objects.exists()


def test_only_a_dossier_gets_entries(editor_client):
    add_url = reverse("admin:kennisbank_item_add")
    data = form_data(editor_client.get(add_url))
    data.update(
        type=[ItemType.RESEARCH],
        title=["Onderzoek"],
        slug=["onderzoek"],
        summary=["Samenvatting"],
        published_on=["2024-02-01"],
        **{"dossier_entries-0-item": [str(ItemFactory().pk)]},
    )
    response = editor_client.post(add_url, data)
    assert response.status_code == 200
    assert "Alleen een themadossier heeft onderdelen" in response.content.decode()
    assert not Item.objects.filter(slug="onderzoek").exists()


def test_attachment_remembers_who_uploaded_it(editor_client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = ItemFactory()
    data = form_data(editor_client.get(change_url(item)))
    data.update({"attachments-0-title": ["Evaluatierapport"], "attachments-0-order": ["0"]})
    upload = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = editor_client.post(change_url(item), {**data, "attachments-0-file": upload})
    assert response.status_code == 302, response.context["errors"]
    attachment = Attachment.objects.get(item=item)
    assert attachment.uploaded_by == editor
    assert (tmp_path / attachment.file.name).read_bytes() == b"%PDF-1.4 test"


# Status actions ---------------------------------------------------------------------------


def test_bulk_publish_reports_how_many_changed(editor_client, editor):
    drafts = ItemFactory.create_batch(2, status=Status.DRAFT)
    already = ItemFactory(status=Status.PUBLISHED)
    response = selected_action(editor_client, "publish", [*drafts, already])
    assert "2 kennisitems gepubliceerd." in messages_of(response)
    assert set(Item.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    record = drafts[0].history.latest()
    assert record.status == Status.PUBLISHED and record.history_user == editor


def test_bulk_withdraw_and_send_to_review(editor_client):
    published = ItemFactory(status=Status.PUBLISHED)
    response = selected_action(editor_client, "withdraw", [published])
    assert "1 kennisitem ingetrokken." in messages_of(response)
    published.refresh_from_db()
    assert published.status == Status.WITHDRAWN
    response = selected_action(editor_client, "mark_in_review", [published])
    assert "1 kennisitem ter beoordeling gezet." in messages_of(response)
    published.refresh_from_db()
    assert published.status == Status.IN_REVIEW


def test_publishing_a_future_dated_item_dates_it_today_and_moves_the_year_facet(editor_client):
    later = timezone.localdate() + dt.timedelta(days=400)
    item = ItemFactory(status=Status.DRAFT, published_on=later)
    assert f"y:{later.year}" in item.facets
    selected_action(editor_client, "publish", [item])
    item.refresh_from_db()
    today = timezone.localdate()
    assert item.published_on == today
    assert f"y:{today.year}" in item.facets and f"y:{later.year}" not in item.facets


def test_editor_without_publish_permission_cannot_publish(client, non_publisher):
    client.force_login(non_publisher)
    draft = ItemFactory(status=Status.DRAFT)
    page = client.get(CHANGELIST)
    assert page.status_code == 200
    actions = [value for value, _label in page.context["action_form"].fields["action"].choices]
    assert "publish" not in actions and "withdraw" not in actions
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [str(draft.pk)]})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_editor_without_publish_permission_cannot_publish_through_the_form(client, non_publisher):
    client.force_login(non_publisher)
    draft = ItemFactory(status=Status.DRAFT)
    response = post_change(client, draft, status=[Status.PUBLISHED])
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    # Sending it for review is theirs to do.
    assert post_change(client, draft, status=[Status.IN_REVIEW]).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW


def test_editor_without_publish_permission_keeps_a_published_item_published(client, non_publisher):
    client.force_login(non_publisher)
    item = ItemFactory(status=Status.PUBLISHED, title="Oud")
    assert post_change(client, item, title=["Nieuw"]).status_code == 302
    item.refresh_from_db()
    assert (item.title, item.status) == ("Nieuw", Status.PUBLISHED)


# History and revert -----------------------------------------------------------------------


def test_history_records_a_change_and_revert_restores_the_old_version(editor_client, editor):
    item = ItemFactory(title="Oude titel", themes=[theme("jeugd")], status=Status.DRAFT)
    original = item.history.latest()
    response = post_change(
        editor_client, item, title=["Nieuwe titel"], themes=[str(theme("wonen").pk)]
    )
    assert response.status_code == 302, response.context["errors"]
    item.refresh_from_db()
    assert item.title == "Nieuwe titel"

    history = editor_client.get(reverse("admin:kennisbank_item_history", args=[item.pk]))
    content = history.content.decode()
    assert "Geschiedenis van Nieuwe titel" in content
    assert "Oude titel → Nieuwe titel" in content.replace("&rarr;", "→")
    assert editor.username in content

    revert_url = reverse("admin:kennisbank_item_simple_history", args=[item.pk, original.pk])
    page = editor_client.get(revert_url)
    assert 'value="Deze versie terugzetten"' in page.content.decode()
    data = form_data(page, form_id=REVERT_FORM)
    assert data["title"] == ["Oude titel"]
    response = editor_client.post(revert_url, data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Oude titel"
    assert list(item.themes.all()) == [theme("jeugd")]
    assert f"t:{theme('jeugd').pk}" in item.facets
    assert f"t:{theme('wonen').pk}" not in item.facets
    assert item.history.latest().history_user == editor


def test_revert_by_non_publisher_cannot_republish(client, non_publisher):
    item = ItemFactory(status=Status.PUBLISHED, title="Gepubliceerd")
    published = item.history.latest()
    item.status = Status.WITHDRAWN
    item.save()
    client.force_login(non_publisher)
    revert_url = reverse("admin:kennisbank_item_simple_history", args=[item.pk, published.pk])
    response = client.post(revert_url, form_data(client.get(revert_url), form_id=REVERT_FORM))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN


# Tags ------------------------------------------------------------------------------------


def test_tag_autocomplete_returns_matching_tags(editor_client):
    for name in ["woz", "woz-taxatie", "jeugdzorg"]:
        Tag.objects.create(name=name)
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "kennisbank", "model_name": "item", "field_name": "tags", "term": "woz"},
    )
    assert response.status_code == 200
    assert sorted(r["text"] for r in response.json()["results"]) == ["woz", "woz-taxatie"]


def test_tag_autocomplete_is_for_staff_only(client, member):
    client.force_login(member)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "kennisbank", "model_name": "item", "field_name": "tags", "term": "w"},
    )
    assert response.status_code == 302


def test_change_form_renders_tags_as_autocomplete_with_add_button(editor_client):
    item = ItemFactory(tags=["woz"])
    content = editor_client.get(change_url(item)).content.decode()
    woz = Tag.objects.get(name="woz")
    assert 'data-field-name="tags"' in content and "admin-autocomplete" in content
    assert f'<option value="{woz.pk}" selected>woz</option>' in content
    assert reverse("admin:taggit_tag_add") in content
    popup = editor_client.get(reverse("admin:taggit_tag_add"), {"_to_field": "id", "_popup": 1})
    assert popup.status_code == 200


def test_a_tag_differing_only_in_case_is_refused(editor_client):
    Tag.objects.create(name="woz")
    response = editor_client.post(reverse("admin:taggit_tag_add"), {"name": "WOZ", "slug": "woz-2"})
    assert response.status_code == 200
    assert "bestaat al" in response.content.decode()
    assert Tag.objects.count() == 1


def test_tag_list_counts_items_and_links_to_them(editor_client):
    ItemFactory.create_batch(2, tags=["woz"])
    content = editor_client.get(reverse("admin:taggit_tag_changelist")).content.decode()
    assert f'href="{CHANGELIST}?trefwoord=woz">2<' in content


# Other admins ------------------------------------------------------------------------------


def test_synonyms_uppercase_flag_is_editable_in_the_list(editor_client):
    synonym = Synonym.objects.create(term="KIS", expansion="kennisplatform samenwerking")
    url = reverse("admin:kennisbank_synonym_changelist")
    page = editor_client.get(url, {"q": "kennisplatform samenwerking"})
    data = form_data(page, form_id="changelist-form")
    index = next(
        key.split("-")[1]
        for key, values in data.items()
        if key.endswith("-id") and values == [str(synonym.pk)]
    )
    data[f"form-{index}-exact_uppercase_only"] = ["on"]
    data["_save"] = ["Opslaan"]
    response = editor_client.post(url + "?q=kennisplatform+samenwerking", data)
    assert response.status_code == 302
    synonym.refresh_from_db()
    assert synonym.exact_uppercase_only is True


def test_municipality_list_shows_reference_columns_and_filters_by_province(editor_client):
    response = editor_client.get(
        reverse("admin:portal_municipality_changelist"), {"province__exact": "zuid-holland"}
    )
    content = response.content.decode()
    assert "GM0546" in content and "Hollands Midden" in content
    assert "Agglomeratie Leiden en Bollenstreek" in content
    assert "GM0014" not in content
