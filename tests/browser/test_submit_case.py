"""A member shares an experience in a real browser: a refused file keeps the text, then send.

The member fills the structured form, attaches a program renamed to rapport.pdf (refused, with
everything typed still in place), attaches a real PDF, lets the draft autosave, and sends it for
review. axe-core finds nothing on the form (also with errors shown) and on "Mijn inzendingen".
"""

import re

import weasyprint

from kennisbank.constants import Status
from kennisbank.models import Submission
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import UserFactory
from tests.kennisbank.submission_factories import EXE_BYTES
from tests.netwerk.member_factories import MemberFactory

PASSWORD = "correct-horse-battery-staple"
WHAT_WENT_WRONG = "De koppeling van de drie belastingsystemen kostte een jaar extra."


def log_in(page, email):
    page.goto("/netwerk/leden/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/netwerk/leden/mijn-profiel/"))


def test_share_an_experience_with_a_refused_and_an_accepted_file(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.KENNISBANK_AUTOSAVE_SECONDS = 1
    user = UserFactory(username="vera@example.org", email="vera@example.org")
    MemberFactory(user=user, name="Vera Verteller", organisation_name="Gemeente Leiden")
    log_in(page, "vera@example.org")

    page.get_by_role("link", name="Ervaring delen").first.click()
    page.wait_for_url(re.compile(r"/kennisbank/inzenden/nieuw/$"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Beginnen").click()
    page.wait_for_url(re.compile(r"/kennisbank/inzenden/\d+/bewerken/$"))
    assert_no_axe_violations(page)
    # Contact details come from the profile.
    assert page.locator("#id_contact_name").input_value() == "Vera Verteller"
    assert page.get_by_label("E-mailadres van de contactpersoon").input_value() == user.email

    page.get_by_label("Titel").fill("Eén belastingkantoor voor drie gemeenten")
    page.get_by_label("Samenvatting").fill("Drie gemeenten heffen samen de belastingen.")
    page.get_by_label("Wat was de opgave?").fill("Kleine afdelingen waren kwetsbaar.")
    page.get_by_label("Welke gemeenten deden mee?").select_option(["GM0546", "GM0547"])
    page.get_by_label("Belastingen en WOZ").check()
    page.get_by_label("Wat heeft het opgeleverd?").fill("Besparing van 400.000 euro per jaar.")
    page.get_by_label("Wat ging er mis of viel tegen?").fill(WHAT_WENT_WRONG)
    page.get_by_label("Wat kunnen anderen overnemen?").fill("Regel eerst de ICT.")

    # The draft saves itself after a pause in typing (1 s in this test, 20 s for real).
    status = page.locator("#autosave-status")
    status.filter(has_text="Concept bewaard om").wait_for()
    submission = Submission.objects.get(submitter=user)
    assert submission.data["what_went_wrong"] == WHAT_WENT_WRONG

    # A program renamed to rapport.pdf is refused; nothing typed is lost.
    page.get_by_label("Bijlage toevoegen").set_input_files(
        {"name": "rapport.pdf", "mimeType": "application/pdf", "buffer": EXE_BYTES}
    )
    page.get_by_role("button", name="Bewaar concept").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "geen document maar een Windows-programma" in alert.inner_text()
    assert page.get_by_label("Titel").input_value() == "Eén belastingkantoor voor drie gemeenten"
    assert page.get_by_label("Wat ging er mis of viel tegen?").input_value() == WHAT_WENT_WRONG
    chosen = page.get_by_label("Welke gemeenten deden mee?").evaluate(
        "select => Array.from(select.selectedOptions, o => o.value)"
    )
    assert chosen == ["GM0546", "GM0547"]
    assert page.get_by_label("Belastingen en WOZ").is_checked()
    assert_no_axe_violations(page)

    # A real PDF is accepted.
    pdf = weasyprint.HTML(string="<h1>Evaluatie</h1><p>Besparing 400.000 euro.</p>").write_pdf()
    page.get_by_label("Bijlage toevoegen").set_input_files(
        {"name": "evaluatie.pdf", "mimeType": "application/pdf", "buffer": pdf}
    )
    page.get_by_role("button", name="Insturen ter beoordeling").click()
    page.wait_for_url(re.compile(r"/kennisbank/inzenden/\d+/$"))
    assert "ligt nu bij de redactie" in page.get_by_role("status").first.inner_text()
    assert page.get_by_role("link", name="evaluatie.pdf").is_visible()
    assert_no_axe_violations(page)

    submission.refresh_from_db()
    assert submission.item.status == Status.IN_REVIEW
    assert submission.item.attachments.get().title == "evaluatie.pdf"

    page.get_by_role("link", name="Mijn inzendingen").first.click()
    page.wait_for_url(re.compile(r"/kennisbank/inzenden/$"))
    row = page.get_by_role("row", name=re.compile("Eén belastingkantoor"))
    assert "Ter beoordeling" in row.inner_text()
    assert_no_axe_violations(page)


def test_form_with_validation_errors_has_no_axe_violations(page):
    user = UserFactory(username="kees@example.org", email="kees@example.org")
    MemberFactory(user=user)
    log_in(page, "kees@example.org")
    page.goto("/kennisbank/inzenden/nieuw/")
    page.get_by_role("button", name="Beginnen").click()
    page.wait_for_url(re.compile(r"/bewerken/$"))
    page.get_by_label("Wat ging er mis of viel tegen?").fill("Niets")
    page.get_by_role("button", name="Insturen ter beoordeling").click()
    page.wait_for_load_state()
    assert "Juist daarvan leren andere gemeenten" in page.get_by_role("alert").inner_text()
    assert page.title().startswith("Fout:")
    assert_no_axe_violations(page)
