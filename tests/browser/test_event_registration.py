"""Registering for an event in a real browser, and the organiser's pages.

A member logs in from the event page, registers, sees the confirmation and their status,
gets the e-mail with the calendar file, and cancels. The organiser proposes an event and
reads the attendee list. axe-core finds nothing on the way; the pages are valid HTML.
"""

import re

from django.contrib.auth.hashers import make_password
from django.core import mail

from kennisbank.constants import RegistrationStatus
from kennisbank.models import Registration
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import UserFactory
from tests.html import validate_html
from tests.kennisbank.event_factories import (
    OrganiserFactory,
    RegistrableEventFactory,
    RegistrationFactory,
)
from tests.netwerk.member_factories import MemberFactory

PASSWORD = "correct-horse-battery-staple"  # tests.factories.UserFactory


def test_member_registers_for_an_event_and_cancels(page):
    event = RegistrableEventFactory(title="Masterclass samenwerken in de regio", capacity=12)
    RegistrationFactory.create_batch(2, event=event)
    member = MemberFactory(
        user=UserFactory(email="mila@example.org"),
        name="Mila Meerdere",
        organisation_name="Gemeente Zeist",
    )
    documents = {}

    # Anonymous: the places left and a way to log in that comes back here.
    page.goto(event.get_absolute_url())
    registration = page.locator("section.event-registration")
    assert "Nog 10 plaatsen" in registration.inner_text()
    documents["anoniem"] = page.content()
    assert_no_axe_violations(page)
    registration.get_by_role("link", name="Log in om u aan te melden").click()
    page.get_by_label("E-mailadres").fill("mila@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(re.escape(event.get_absolute_url()) + "$"))

    # The form is filled from the profile; register.
    assert page.get_by_label("Uw naam").input_value() == "Mila Meerdere"
    assert page.get_by_label("Organisatie").input_value() == "Gemeente Zeist"
    documents["formulier"] = page.content()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert "U bent aangemeld. U krijgt een bevestiging per e-mail" in page.content()
    status = page.locator(".event-registration__status")
    assert status.inner_text() == "U bent aangemeld als Mila Meerdere."
    documents["aangemeld"] = page.content()
    assert_no_axe_violations(page)

    registration_row = Registration.objects.get(event=event, user=member.user)
    assert (registration_row.status, registration_row.seat) == (RegistrationStatus.REGISTERED, 3)
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["mila@example.org"]
    assert confirmation.attachments[0][0] == "bijeenkomst.ics"

    # Cancel: the place is free again.
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_load_state()
    assert "U bent afgemeld." in page.content()
    assert "Nog 10 plaatsen" in page.locator("section.event-registration").inner_text()
    registration_row.refresh_from_db()
    assert registration_row.status == RegistrationStatus.CANCELLED

    assert validate_html(documents) == {}


def test_organiser_proposes_an_event_and_reads_the_attendee_list(page):
    organiser = OrganiserFactory(email="olga@example.org", password=make_password(PASSWORD))
    event = RegistrableEventFactory(organiser=organiser, capacity=2, slug="congres-samen")
    RegistrationFactory(event=event, name="Anna Ede", organisation="Gemeente Ede")
    RegistrationFactory(event=event, name="Bob Baarn")
    RegistrationFactory(event=event, name="Cor Wachter", status=RegistrationStatus.WAITING)
    documents = {}

    page.goto("/netwerk/leden/inloggen/?next=/kennisbank/organiseren/")
    page.get_by_label("E-mailadres").fill("olga@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/kennisbank/organiseren/$"))
    documents["mijn"] = page.content()
    assert_no_axe_violations(page)

    # A proposal with a mistake keeps what was typed.
    page.get_by_role("link", name="Een bijeenkomst voorstellen").click()
    page.get_by_label("Titel").fill("Training inkoop samen")
    page.get_by_label("Samenvatting").fill("Samen inkopen voor drie gemeenten.")
    page.get_by_label("Soort bijeenkomst").select_option("training")
    page.get_by_label("Begint om").fill("2031-05-12T09:30")
    page.get_by_label("Eindigt om").fill("2031-05-12T08:00")
    page.get_by_label("Locatie").fill("Gemeentehuis Baarn")
    page.get_by_label("Aantal plaatsen").fill("20")
    page.get_by_role("button", name="Voorstel versturen").click()
    page.wait_for_load_state()
    assert "De bijeenkomst kan niet eindigen voordat hij begint." in page.content()
    assert page.get_by_label("Titel").input_value() == "Training inkoop samen"
    documents["voorstel-fout"] = page.content()
    assert_no_axe_violations(page)
    page.get_by_label("Eindigt om").fill("2031-05-12T12:00")
    page.get_by_role("button", name="Voorstel versturen").click()
    page.wait_for_url(re.compile(r"/kennisbank/organiseren/$"))
    assert "Uw voorstel is verstuurd." in page.content()
    assert "Training inkoop samen" in page.locator("table").inner_text()

    # The attendee list: names, organisations and (for the organiser) e-mail addresses.
    page.goto("/kennisbank/organiseren/congres-samen/deelnemers/")
    text = page.locator("main").inner_text()
    assert "Anna Ede" in text and "Gemeente Ede" in text and "Cor Wachter" in text
    assert event.registrations.get(name="Anna Ede").user.email in text
    documents["deelnemers"] = page.content()
    assert_no_axe_violations(page)

    assert validate_html(documents) == {}
