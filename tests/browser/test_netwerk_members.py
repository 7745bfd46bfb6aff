"""The members' network in a real browser, from registration to shared contact details.

A new member registers, confirms by the link in the e-mail (the live server runs in a thread of
the test process, so django.core.mail.outbox holds its mails), fills the profile, asks a
question, sees the suggested expert with reasons and sends a contact request; the expert logs in
and accepts; then both see each other's contact details. axe-core finds nothing on the way.
"""

import re

from django.core import mail

from tests.browser.conftest import assert_no_axe_violations
from tests.factories import ItemFactory, theme
from tests.netwerk.member_factories import ExpertFactory

PASSWORD = "Zeer-geheim-wachtwoord-42"


def path_of(body: str) -> str:
    link = re.search(r"https?://\S+", body).group(0)
    return link[link.index("/netwerk/") :]


def log_in(page, email, password):
    page.goto("/netwerk/leden/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/netwerk/leden/mijn-profiel/"))


def log_out(page):
    page.goto("/netwerk/leden/mijn-profiel/")
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/$"))


def test_register_ask_request_accept_and_share_contact_details(page):
    item = ItemFactory(
        title="Belastingsamenwerking in de Hoeksche Waard",
        summary="Vijf gemeenten heffen samen de belastingen en taxeren samen de WOZ.",
        themes=[theme("belastingen-en-woz")],
    )
    expert = ExpertFactory(
        name="Bea Belasting",
        themes=["belastingen-en-woz"],
        items=[item],
        phone="06-11112222",
    )

    # Register and confirm.
    page.goto("/netwerk/leden/aanmelden/")
    assert_no_axe_violations(page)
    page.get_by_label("Naam").fill("Vera Vraag")
    page.get_by_label("E-mailadres").fill("vera@example.org")
    page.get_by_label("Provincie waar u werkt").select_option("utrecht")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Wachtwoord nogmaals").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(re.compile(r"/aanmelden/verstuurd/"))
    assert page.locator("h1").inner_text() == "Bevestig uw e-mailadres"
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["vera@example.org"]
    page.goto(path_of(confirmation.body))
    page.wait_for_url(re.compile(r"/netwerk/leden/mijn-profiel/"))
    assert "Uw aanmelding is bevestigd" in page.content()

    # Fill the profile.
    page.locator("#id_municipality").select_option(label="Utrecht")
    page.locator("#id_role").fill("Beleidsadviseur financiën")
    page.locator("#id_phone").fill("06-33334444")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Profiel opslaan").click()
    page.wait_for_url(re.compile(r"/netwerk/leden/mijn-profiel/"))
    assert "Uw profiel is opgeslagen." in page.content()

    # Ask a question and see the suggested expert with reasons and the kennisbank item.
    page.get_by_role("link", name="Een vraag stellen").first.click()
    page.locator("#id_title").fill("Hoe regelen we samen de WOZ-taxatie?")
    page.locator("#id_text").fill(
        "Wij willen de belastingen en de WOZ met twee buurgemeenten samen uitvoeren."
    )
    page.get_by_label("Belastingen en WOZ", exact=True).check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Vraag stellen").click()
    page.wait_for_url(re.compile(r"/netwerk/vragen/\d+/$"))
    suggestion = page.locator(".suggestion-card").first
    assert "Bea Belasting" in suggestion.inner_text()
    assert "specialisme: belastingen en WOZ" in suggestion.inner_text()
    assert "werkt ook in Utrecht" in suggestion.inner_text()
    assert item.title in page.content()
    assert expert.user.email not in page.content()
    assert_no_axe_violations(page)

    # Send the contact request.
    page.get_by_label("Bea Belasting om hulp vragen").check()
    page.get_by_label("Bericht aan de deskundige").fill("Mag ik u bellen over uw aanpak?")
    page.get_by_role("button", name="Contactverzoek versturen").click()
    assert "Uw verzoek is verstuurd" in page.content()
    request_mail = mail.outbox[-1]
    assert request_mail.to == [expert.user.email]
    request_path = path_of(request_mail.body)

    # The expert accepts.
    log_out(page)
    log_in(page, expert.user.email, "correct-horse-battery-staple")
    page.goto(request_path)
    assert "vera@example.org" not in page.content()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Aannemen").click()
    details = page.get_by_role("region", name="Contactgegevens")
    assert "vera@example.org" in details.inner_text()
    assert "06-33334444" in details.inner_text()
    assert_no_axe_violations(page)

    # The asker sees the expert's details.
    log_out(page)
    log_in(page, "vera@example.org", PASSWORD)
    page.goto(request_path)
    details = page.get_by_role("region", name="Contactgegevens")
    assert expert.user.email in details.inner_text()
    assert "06-11112222" in details.inner_text()
    assert_no_axe_violations(page)
