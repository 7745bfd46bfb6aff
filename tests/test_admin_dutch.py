"""No English in the Dutch admin or site: rendered pages are scanned for Django's defaults.

Visible text and the attributes people hear or read (title, aria-label, placeholder, alt, button
values) are checked; a leak names the page and the phrase.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils.translation.trans_real import DjangoTranslation

from kennisbank.constants import ItemType, Status
from kennisbank.models import Item
from kennisbank.services.items import items_set_status
from netwerk.models import Collaboration, Question, Suggestion
from portal.models import Theme
from tests.factories import EventFactory, ItemFactory, UserFactory, collaboration_model, theme
from tests.kennisbank.test_admin_review import desk_editor, sent_submission  # noqa: F401
from tests.netwerk.factories import small_register

pytestmark = pytest.mark.django_db

# Django's (and its packages') English defaults, as whole words or phrases.
ENGLISH = [
    "Select an option",
    "Filter by",
    "Note: Enter times",
    "You are",
    "Taggit",
    "TAGGIT",
    "Deleted",
    "pk=",
    "None",
    "as of",
    "successfully",
    "Save and add another",
    "Save and continue editing",
    "Save as new",
    "View on site",
    "View site",
    "Recent actions",
    "My actions",
    "Run the selected action",
    "Clear all filters",
    "Show counts",
    "Hide counts",
    "Change history",
    "Changed by",
    "Change reason",
    "Date/time",
    "Comment",
    "Revert",
    "Add another",
    "Currently",
    "Log out",
    "Logout",
    "Welcome",
    "Change password",
    "Show all",
    "Any date",
    "Past 7 days",
    "This month",
    "This year",
    "Search",
    "Action",
    "Delete",
    "History",
    "Close",
    "Yes",
    "Unknown",
    "entries",
    "selected",
    "Changes",
    "Choose",
    "Remove",
    "Available",
    "Chosen",
    "Select all",
    "Skip to main content",
    "Start typing to filter",
    "Toggle",
    "Add",
    "Change",
    "View",
    "Save",
    "Home",
    "Go",
    "results",
    "by",
]
_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])")
_RAW_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d|\+00:00")
_SPOKEN = {"title", "aria-label", "placeholder", "alt"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        attrs = dict(attrs)
        for name in _SPOKEN:
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def english_in(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    found = []
    for part in parser.parts:
        found += [m.group(0) for m in _PATTERN.finditer(part)]
        found += [m.group(0) for m in _RAW_DATETIME.finditer(part)]
    return found


@pytest.fixture
def content(editor_client, editor):
    """Items with a real edit history: created, changed, published, a deleted reference."""
    source = ItemFactory(title="Bronvoorbeeld", type=ItemType.PRACTICE)
    item = ItemFactory(
        title="Samen de WOZ",
        type=ItemType.PRACTICE,
        status=Status.DRAFT,
        themes=[theme("jeugd")],
        collaboration_model=collaboration_model("centrumgemeente"),
        tags=["woz"],
    )
    item.adopted_from = source
    item.save()
    items_set_status(items=[item], status=Status.PUBLISHED)
    item.adopted_from = None
    item.motives = ["kosten"]
    item.save()
    source.delete()
    event = EventFactory(title="Netwerkdag")
    submission = sent_submission()
    asker = UserFactory()
    Question.objects.create(asker=asker, title="Wie weet iets van WOZ?", text="Vraag")
    Suggestion.objects.create(submitted_by=asker, name="Nieuwe GR", explanation="Bestaat al")
    return {"item": item, "event": event, "submission": submission}


def admin_pages(content):
    item, event = content["item"], content["event"]
    history = item.history.order_by("history_id").first()
    collaboration = Collaboration.objects.first()
    pages = [
        reverse("admin:index"),
        reverse("admin:kennisbank_item_changelist"),
        reverse("admin:kennisbank_item_changelist") + "?q=woz",
        reverse("admin:kennisbank_item_add"),
        reverse("admin:kennisbank_item_change", args=[item.pk]),
        reverse("admin:kennisbank_item_change", args=[event.pk]),
        reverse("admin:kennisbank_item_history", args=[item.pk]),
        reverse("admin:kennisbank_item_simple_history", args=[item.pk, history.pk]),
        reverse("admin:kennisbank_item_delete", args=[item.pk]),
        reverse("admin:kennisbank_item_import"),
        reverse("admin:kennisbank_submission_changelist"),
        reverse("admin:kennisbank_submission_change", args=[content["submission"].pk]),
        reverse("admin:portal_theme_changelist"),
        reverse("admin:portal_theme_add"),
        reverse("admin:portal_theme_change", args=[Theme.objects.first().pk]),
        reverse("admin:taggit_tag_changelist"),
        reverse("admin:taggit_tag_add"),
        reverse("admin:kennisbank_comment_changelist"),
        reverse("admin:kennisbank_commentreport_changelist"),
        reverse("admin:netwerk_suggestion_changelist"),
        reverse("admin:netwerk_question_changelist"),
        reverse("admin:portal_municipality_changelist"),
        reverse("admin:app_list", args=["kennisbank"]),
        reverse("admin:kennisbank_synonym_changelist"),
        reverse("admin:kennisbank_synonym_add"),
    ]
    if collaboration is not None:
        pages += [
            reverse("admin:netwerk_collaboration_changelist"),
            reverse("admin:netwerk_collaboration_change", args=[collaboration.pk]),
            reverse("admin:netwerk_collaboration_history", args=[collaboration.pk]),
            reverse("admin:netwerk_collaboration_duplicates"),
        ]
    return pages


def test_the_admin_speaks_dutch_on_every_main_page(client, desk_editor, content):  # noqa: F811
    desk_editor.is_superuser = True  # every model and the delete page, as the lead editor
    desk_editor.save()
    client.force_login(desk_editor)
    leaks = {}
    for url in admin_pages(content):
        response = client.get(url)
        assert response.status_code == 200, url
        found = english_in(response.content.decode())
        if found:
            leaks[url] = sorted(set(found))
    assert not leaks, leaks


def test_the_merge_confirmation_speaks_dutch(client, desk_editor):  # noqa: F811
    desk_editor.is_superuser = True
    desk_editor.save()
    client.force_login(desk_editor)
    register = small_register()
    response = client.post(
        reverse("admin:netwerk_collaboration_changelist"),
        {"action": "merge", "_selected_action": [register["tax"].pk, register["waste"].pk]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Welk verband blijft bestaan?" in html
    assert not english_in(html), english_in(html)


def test_history_shows_readable_values(editor_client, content):
    page = editor_client.get(
        reverse("admin:kennisbank_item_history", args=[content["item"].pk])
    ).content.decode()
    assert "verwijderd: kennisitem" in page
    assert "Kosten" in page or "kosten" in page
    assert not _RAW_DATETIME.search(page)


def test_the_public_pages_speak_dutch(client, content):
    item = Item.objects.get(pk=content["item"].pk)
    for url in [
        reverse("home"),
        reverse("kennisbank:search"),
        reverse("kennisbank:search") + "?q=woz",
        item.get_absolute_url(),
        content["event"].get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not english_in(response.content.decode()), (
            url,
            english_in(response.content.decode()),
        )


def test_saved_message_is_gender_neutral(editor_client, content):
    from tests.kennisbank.test_admin import messages_of, post_change

    response = post_change(editor_client, content["item"], title=["Samen de WOZ, herzien"])
    response = editor_client.get(response["Location"])
    text = [re.sub(r"<[^>]+>", "", m) for m in messages_of(response)]
    assert text == ["Opgeslagen: kennisitem ‘Samen de WOZ, herzien’."]


def test_the_admin_javascript_says_the_timezone_note_in_dutch():
    catalog = DjangoTranslation("nl", domain="djangojs")
    note = catalog.ngettext(
        "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)",
        "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)",
        1,
    )
    assert note.startswith("Let op:")


def test_the_scan_catches_a_leak():
    assert english_in("<p>- Select an option -</p>") == ["Select an option"]
    assert english_in('<button title="Filter by status">x</button>') == ["Filter by"]
    assert english_in("<td>None → 2026-12-03 06:11:26.121583+00:00</td>") == [
        "None",
        "2026-12-03 06:11:26",
        "+00:00",
    ]
    assert english_in("<p>Opgeslagen: kennisitem ‘X’.</p>") == []
