"""An editor's week in the admin, in a real browser: the to-do overview, approving and returning
submissions, importing a file with a dry run, previewing Markdown by keyboard; the item list
fits 1280 px."""

import json
import re

from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from kennisbank.constants import Status
from kennisbank.models import Item, Submission
from kennisbank.permissions import EDITOR_GROUP
from kennisbank.services.submissions import SubmissionState, submission_state
from tests.factories import ItemFactory, UserFactory, collaboration_model, municipality, theme
from tests.kennisbank.submission_factories import SubmissionFactory


def log_in_to_admin(page, live_server):
    editor = UserFactory(is_staff=True, username="redacteur")
    for group in Group.objects.all():
        editor.groups.add(group)
    assert editor.groups.filter(name=EDITOR_GROUP).exists()
    client = Client()
    client.force_login(editor)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return editor


def sent_submission(title):
    submitter = UserFactory(email=f"{title[:5].lower()}@example.org")
    item = ItemFactory(title=title, status=Status.IN_REVIEW, submitted_by=submitter)
    return SubmissionFactory(
        submitter=submitter, item=item, sent_at=timezone.now(), data={"title": title}
    )


def test_approve_and_return_from_the_todo_overview(page, live_server):
    log_in_to_admin(page, live_server)
    first = sent_submission("Samen de WOZ in Holland Rijnland")
    second = sent_submission("Een gedeelde jeugdzorgregio")

    page.goto("/admin/")
    todo = page.get_by_role("region", name="Te doen")
    row = todo.get_by_role("row").filter(has_text="Inzendingen ter beoordeling")
    assert row.get_by_role("cell").inner_text().strip() == "2"
    row.get_by_role("link", name="Inzendingen ter beoordeling").click()

    page.get_by_role("link", name=re.compile("Samen de WOZ")).click()
    page.get_by_role("button", name="Goedkeuren en publiceren").click()
    assert "Gepubliceerd: “Samen de WOZ" in page.locator(".messagelist").inner_text()
    assert page.get_by_role("button", name="Goedkeuren en publiceren").count() == 0

    page.goto("/admin/")
    page.get_by_role("link", name="Inzendingen ter beoordeling").click()
    page.get_by_role("link", name=re.compile("jeugdzorgregio")).click()
    page.get_by_role("button", name="Terugsturen met bericht").click()  # empty: refused
    assert page.get_by_label("Bericht aan de inzender").evaluate("e => e.validity.valueMissing")
    page.get_by_label("Bericht aan de inzender").fill("Noem ook wat het kostte.")
    page.get_by_role("button", name="Terugsturen met bericht").click()
    assert "Teruggestuurd:" in page.locator(".messagelist").inner_text()
    assert "Noem ook wat het kostte." in page.content()

    page.goto("/admin/")
    row = page.get_by_role("region", name="Te doen").get_by_role("row")
    assert (
        row.filter(has_text="Inzendingen ter beoordeling").get_by_role("cell").inner_text().strip()
        == "geen"
    )
    assert first.item.__class__.objects.get(pk=first.item_id).status == Status.PUBLISHED
    assert submission_state(Submission.objects.get(pk=second.pk)) is SubmissionState.RETURNED


def test_import_with_a_dry_run_then_confirm(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    theme("belastingen-en-woz")
    log_in_to_admin(page, live_server)
    good = {
        "external_id": "imp-1",
        "type": "praktijkvoorbeeld",
        "title": "Samen heffen in de Hoeksche Waard",
        "summary": "Drie gemeenten heffen samen.",
        "published_on": "2021-03-01",
        "municipalities": ["GM1963"],
    }
    bad = {**good, "external_id": "imp-2", "municipalities": ["GM9999"]}
    file = tmp_path / "collectie.jsonl"
    file.write_text(f"{json.dumps(good)}\n{json.dumps(bad)}\n", encoding="utf-8")

    page.goto("/admin/kennisbank/item/")
    page.get_by_role("link", name="Importeren").click()
    page.get_by_label("JSON Lines-bestand").set_input_files(str(file))
    page.get_by_role("button", name="Proefimport bekijken").click()

    table = page.get_by_role("table", name="Uitkomst per regel")
    rows = table.get_by_role("row")
    assert rows.nth(1).inner_text().split("\t")[3].strip() == "Nieuw"
    assert "Afgewezen" in rows.nth(2).inner_text()
    assert "onbekende gemeentecode 'GM9999'" in rows.nth(2).inner_text()
    assert not Item.objects.filter(external_id="imp-1").exists()  # only a dry run so far

    page.get_by_role("button", name="1 regel inlezen").click()
    assert (
        "Import klaar: 1 nieuw, 0 bijgewerkt, 1 regels afgewezen."
        in page.locator(".messagelist").inner_text()
    )
    assert page.get_by_role("link", name="Samen heffen in de Hoeksche Waard").count() == 1
    assert Item.objects.filter(external_id="imp-1").count() == 1


def test_item_list_fits_1280_and_the_preview_works_by_keyboard(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in_to_admin(page, live_server)
    for i, key in enumerate(["convenant", "bedrijfsvoeringsorganisatie", "centrumgemeente"]):
        ItemFactory(
            title=f"Regionale samenwerking bij belastingen en WOZ-waardering in de regio, deel {i}",
            collaboration_model=collaboration_model(key),
            municipalities=[municipality("GM0546")],
        )
    page.goto("/admin/kennisbank/item/")
    # The page and the table's own scroll box (.results scrolls sideways when the table is wider).
    overflow = page.evaluate(
        """[document.documentElement, document.querySelector('#changelist .results')]
            .map(e => e.scrollWidth - e.clientWidth)"""
    )
    assert overflow == [0, 0], f"sideways scroll at 1280 px: {overflow}"
    title = page.locator("#result_list th.field-title_and_form").first.bounding_box()
    assert title["width"] > 200  # the title is readable, not squeezed into a narrow column

    page.goto("/admin/kennisbank/item/add/")
    body = page.get_by_label("Tekst")
    body.fill("## Aanpak\n\nSamen **heffen**.")
    body.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Voorbeeld tonen"
    page.keyboard.press("Enter")
    preview = page.locator("#id_body_preview")
    preview.get_by_role("heading", name="Aanpak").wait_for()
    assert preview.locator("strong").inner_text() == "heffen"
