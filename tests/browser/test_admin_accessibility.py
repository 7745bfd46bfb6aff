"""axe-core WCAG 2.2 AA on the admin pages editors work in, at 1280 and 390 px.

One logged-in browser context per width visits every page in turn (the suite is long already).
The content has what the demo content showed to matter: a dossier with entries (the inline's
delete boxes), items over several years (the date links above the list) and a group (the
two-list permission picker). The collaboration merge is a POST (an admin action), so it is
reached by ticking two rows.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from kennisbank.models import Synonym
from tests.browser.conftest import axe_violations, with_axe
from tests.factories import DossierEntryFactory, DossierFactory, ItemFactory, UserFactory
from tests.kennisbank.test_admin_review import sent_submission
from tests.netwerk.factories import small_register


def admin_site():
    """Content for every page, a lead editor's session and the addresses to visit."""
    user = UserFactory(is_staff=True, is_superuser=True)
    user.groups.add(*Group.objects.all())
    item = ItemFactory(title="Samen de WOZ", tags=["woz"])
    for year in range(2012, 2025):
        ItemFactory(published_on=dt.date(year, 3, 1))
    dossier = DossierFactory(title="Dossier belastingen")
    for entry in range(3):
        DossierEntryFactory(dossier=dossier, order=entry)
    submission = sent_submission(title="Ingezonden: samen inkopen")
    synonym = Synonym.objects.first() or Synonym.objects.create(
        term="gr", expansion="gemeenschappelijke regeling"
    )
    register = small_register()
    client = Client()
    client.force_login(user)
    pages = {
        "home met te doen": reverse("admin:index"),
        "kennisitems": reverse("admin:kennisbank_item_changelist"),
        "kennisitems gezocht": reverse("admin:kennisbank_item_changelist") + "?q=woz",
        "kennisitem": reverse("admin:kennisbank_item_change", args=[item.pk]),
        "nieuw kennisitem": reverse("admin:kennisbank_item_add"),
        "dossier met items": reverse("admin:kennisbank_item_change", args=[dossier.pk]),
        "groep": reverse("admin:auth_group_change", args=[Group.objects.first().pk]),
        "inzendingen": reverse("admin:kennisbank_submission_changelist"),
        "inzending beoordelen": reverse("admin:kennisbank_submission_change", args=[submission.pk]),
        "importeren": reverse("admin:kennisbank_item_import"),
        "synoniemen": reverse("admin:kennisbank_synonym_changelist"),
        "synoniem": reverse("admin:kennisbank_synonym_change", args=[synonym.pk]),
        "samenwerkingsverbanden": reverse("admin:netwerk_collaboration_changelist"),
        "dubbelingen": reverse("admin:netwerk_collaboration_duplicates"),
    }
    merge = [register["tax"].pk, register["waste"].pk]
    return client.cookies["sessionid"].value, pages, merge


def open_merge(page, merge):
    """The merge confirmation: tick two collaborations, choose the action, run it."""
    page.goto(reverse("admin:netwerk_collaboration_changelist"))
    for pk in merge:
        page.locator(f'input[name="_selected_action"][value="{pk}"]').check()
    page.locator('select[name="action"]').select_option("merge")
    page.locator('button[name="index"]').click()
    page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 390])
def test_admin_pages_editors_use_pass_axe(browser, live_server, width):
    session, pages, merge = admin_site()
    context = with_axe(
        browser.new_context(
            locale="nl-NL",
            base_url=live_server.url,
            viewport={"width": width, "height": 800},
            bypass_csp=True,
        )
    )
    host = live_server.url.split("//")[1].split(":")[0]
    context.add_cookies([{"name": "sessionid", "value": session, "domain": host, "path": "/"}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    failures = {}
    try:
        for name, url in pages.items():
            response = page.goto(url)
            assert response.status == 200, (name, url)
            if violations := axe_violations(page):
                failures[name] = violations
        open_merge(page, merge)
        assert page.get_by_role("heading", level=1).inner_text() == "Samenvoegen"
        if violations := axe_violations(page):
            failures["samenvoegen"] = violations
    finally:
        context.close()
    assert failures == {}, "\n".join(f"{width}px {k}: {v}" for k, v in failures.items())
