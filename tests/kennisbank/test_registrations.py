"""Registering for an event: seats, the waiting list, cancelling, mails, the attendee list."""

import csv
import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import RegistrationStatus, Status
from kennisbank.forms.items import ItemAdminForm
from kennisbank.models import Registration
from kennisbank.services import events as registrations
from tests.factories import EventFactory
from tests.html import validate_html
from tests.kennisbank.event_factories import (
    OrganiserFactory,
    PasswordlessUserFactory,
    RegistrableEventFactory,
    RegistrationFactory,
)
from tests.kennisbank.test_admin import messages_of, post_change
from tests.netwerk.member_factories import MemberFactory

pytestmark = pytest.mark.django_db

REGISTERED, WAITING, CANCELLED = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
)


@pytest.fixture
def commit_mail(django_capture_on_commit_callbacks):
    """Mails go out on commit; inside a test transaction, run those callbacks right away."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


person = PasswordlessUserFactory


def register(run, event, user=None, name="Anna Aanmelder"):
    user = user or person()
    registration, _created = run(
        registrations.registration_register, event=event, user=user, name=name
    )
    return registration


def ical_fields(text: str) -> dict[str, str]:
    """The unfolded content lines of an iCalendar text (RFC 5545 3.1)."""
    unfolded = text.replace("\r\n ", "")
    return dict(line.split(":", 1) for line in unfolded.split("\r\n") if ":" in line)


# --- Seats and the waiting list -----------------------------------------------------------------


def test_free_places_give_seats_then_the_waiting_list(commit_mail, mailoutbox):
    event = RegistrableEventFactory(capacity=2, title="Masterclass; regie, samen")
    first, second, third, fourth = (register(commit_mail, event) for _ in range(4))

    assert [(r.status, r.seat) for r in (first, second)] == [(REGISTERED, 1), (REGISTERED, 2)]
    assert [(r.status, r.seat) for r in (third, fourth)] == [(WAITING, None), (WAITING, None)]
    assert registrations.waiting_position(third) == 1
    assert registrations.waiting_position(fourth) == 2
    assert registrations.event_availability(event) == registrations.Availability(
        capacity=2, registered=2, waiting=2
    )

    subjects = [m.subject for m in mailoutbox]
    assert subjects[:2] == ["Aanmelding bevestigd: Masterclass; regie, samen"] * 2
    assert subjects[2:] == ["Op de wachtlijst: Masterclass; regie, samen"] * 2
    assert "op plaats 2" in mailoutbox[3].body
    assert mailoutbox[3].attachments == []


def test_confirmation_mail_carries_the_event_as_ical(commit_mail, mailoutbox):
    starts = timezone.make_aware(dt.datetime(2031, 3, 14, 13, 30))
    event = RegistrableEventFactory(
        title="Congres: samen, sterker",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=4),
        location="Jaarbeurs, Utrecht",
    )
    user = person(email="anna@example.org")
    register(commit_mail, event, user=user)

    (message,) = mailoutbox
    assert message.to == ["anna@example.org"]
    assert "vrijdag 14 maart 2031, 13:30 – 17:30" in message.body
    assert "Jaarbeurs, Utrecht" in message.body
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == ("bijeenkomst.ics", "text/calendar")
    fields = ical_fields(content)
    assert fields["SUMMARY"] == "Congres: samen\\, sterker"
    assert fields["DTSTART"] == "20310314T123000Z"
    assert fields["DTEND"] == "20310314T163000Z"
    assert fields["LOCATION"] == "Jaarbeurs\\, Utrecht"
    assert fields["URL"].endswith(event.get_absolute_url())
    assert fields["UID"].startswith(f"kennisbank-{event.pk}@")


def test_registering_twice_keeps_one_registration(commit_mail, mailoutbox):
    event = RegistrableEventFactory(capacity=5)
    user = person()
    first, created_first = commit_mail(
        registrations.registration_register, event=event, user=user, name="A"
    )
    again, created_again = commit_mail(
        registrations.registration_register, event=event, user=user, name="A"
    )
    assert (created_first, created_again) == (True, False)
    assert again.pk == first.pk
    assert Registration.objects.filter(event=event).count() == 1
    assert len(mailoutbox) == 1


def test_name_and_organisation_come_from_the_member_profile():
    profile = MemberFactory(name="Bea Belasting", organisation_name="Provincie Utrecht")
    assert registrations.attendee_defaults(profile.user) == {
        "name": "Bea Belasting",
        "organisation": "Provincie Utrecht",
    }
    plain = person(first_name="Cas", last_name="Collega")
    assert registrations.attendee_defaults(plain) == {"name": "Cas Collega", "organisation": ""}


@pytest.mark.parametrize(
    "fields",
    [
        {"capacity": None},
        {"status": Status.IN_REVIEW},
        {
            "starts_at": timezone.now() - dt.timedelta(days=1),
            "ends_at": timezone.now() - dt.timedelta(hours=20),
        },
    ],
    ids=["geen-plaatsen", "niet-gepubliceerd", "voorbij"],
)
def test_no_registration_without_capacity_unpublished_or_past(fields):
    event = RegistrableEventFactory(**fields)
    with pytest.raises(registrations.RegistrationClosed):
        registrations.registration_register(event=event, user=person(), name="A")
    assert not Registration.objects.exists()


# --- Cancelling -----------------------------------------------------------------------------------


def test_cancelling_a_seat_moves_exactly_the_oldest_waiting_person_up(commit_mail, mailoutbox):
    event = RegistrableEventFactory(capacity=2, title="Training regie")
    members = [person() for _ in range(5)]
    for user in members:
        register(commit_mail, event, user=user)
    mailoutbox.clear()

    cancelled, moved = commit_mail(registrations.registration_cancel, event=event, user=members[0])

    assert cancelled.status == CANCELLED and cancelled.seat is None
    assert cancelled.cancelled_at is not None
    assert [r.user for r in moved] == [members[2]]
    rows = {r.user_id: (r.status, r.seat) for r in Registration.objects.filter(event=event)}
    assert rows[members[2].pk] == (REGISTERED, 1)
    assert rows[members[1].pk] == (REGISTERED, 2)
    assert rows[members[3].pk] == (WAITING, None)
    assert rows[members[4].pk] == (WAITING, None)
    (message,) = mailoutbox
    assert message.to == [members[2].email]
    assert message.subject == "Er is een plaats vrij: u bent aangemeld voor Training regie"
    assert message.attachments[0][0] == "bijeenkomst.ics"
    assert "BEGIN:VEVENT" in message.attachments[0][1]


def test_cancelling_from_the_waiting_list_moves_nobody(commit_mail, mailoutbox):
    event = RegistrableEventFactory(capacity=1)
    seated, waiting, behind = person(), person(), person()
    for user in (seated, waiting, behind):
        register(commit_mail, event, user=user)
    mailoutbox.clear()

    _cancelled, moved = commit_mail(registrations.registration_cancel, event=event, user=waiting)

    assert moved == []
    assert mailoutbox == []
    behind_registration = Registration.objects.get(event=event, user=behind)
    assert registrations.waiting_position(behind_registration) == 1


def test_cancelling_twice_changes_nothing_and_one_may_register_again(commit_mail):
    event = RegistrableEventFactory(capacity=3)
    user = person()
    register(commit_mail, event, user=user)
    commit_mail(registrations.registration_cancel, event=event, user=user)
    again, moved = commit_mail(registrations.registration_cancel, event=event, user=user)
    assert (again, moved) == (None, [])

    renewed = register(commit_mail, event, user=user)
    assert renewed.status == REGISTERED
    assert Registration.objects.filter(event=event, user=user).count() == 2


# --- Capacity changes by editors ----------------------------------------------------------------


def test_raising_the_capacity_moves_people_up_in_order(commit_mail, mailoutbox):
    event = RegistrableEventFactory(capacity=1)
    users = [person() for _ in range(4)]
    for user in users:
        register(commit_mail, event, user=user)
    mailoutbox.clear()

    event.capacity = 3
    event.save()
    moved = commit_mail(registrations.event_capacity_changed, event=event)

    assert [r.user for r in moved] == users[1:3]
    assert sorted(
        Registration.objects.filter(event=event, status=REGISTERED).values_list("seat", flat=True)
    ) == [1, 2, 3]
    assert [m.to for m in mailoutbox] == [[users[1].email], [users[2].email]]


def test_lowering_the_capacity_renumbers_seats_above_it(commit_mail):
    event = RegistrableEventFactory(capacity=4)
    users = [person() for _ in range(4)]
    for user in users:
        register(commit_mail, event, user=user)
    commit_mail(registrations.registration_cancel, event=event, user=users[1])

    event.capacity = 3
    event.save()
    registrations.event_capacity_changed(event=event)

    seated = Registration.objects.filter(event=event, status=REGISTERED)
    assert sorted(seated.values_list("seat", flat=True)) == [1, 2, 3]


def test_admin_refuses_a_capacity_below_the_registered_count(commit_mail):
    event = RegistrableEventFactory(capacity=3)
    for _ in range(3):
        register(commit_mail, event)
    data = model_to_dict(event, fields=[f for f in ItemAdminForm.Meta.fields if f != "tags"])
    data.update(capacity=2, tags=[])
    form = ItemAdminForm(data=data, instance=event)
    assert not form.is_valid()
    assert form.errors["capacity"] == [
        "Er zijn al 3 deelnemers aangemeld; het aantal plaatsen kan niet lager worden dan dat."
    ]
    data["capacity"] = ""
    form = ItemAdminForm(data=data, instance=event)
    assert not form.is_valid()
    assert "Er zijn al aanmeldingen" in form.errors["capacity"][0]


def test_raising_the_capacity_in_the_admin_moves_the_waiting_list(
    editor_client, django_capture_on_commit_callbacks, mailoutbox
):
    event = RegistrableEventFactory(capacity=1)
    waiting_user = person()
    RegistrationFactory(event=event, seat=1)
    RegistrationFactory(event=event, user=waiting_user, status=WAITING, seat=None)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(editor_client, event, capacity=["2"])
    assert response.status_code == 302
    assert Registration.objects.get(user=waiting_user).status == REGISTERED
    assert [m.to for m in mailoutbox] == [[waiting_user.email]]

    response = post_change(editor_client, event, capacity=["1"])
    assert response.status_code == 200
    assert "het aantal plaatsen kan niet lager worden" in response.content.decode()


def test_admin_shows_registrations_read_only_without_email(editor_client):
    event = RegistrableEventFactory()
    RegistrationFactory(event=event, name="Dirk Deelnemer", user=person(email="dirk@x.nl"))
    response = editor_client.get(reverse("admin:kennisbank_item_change", args=[event.pk]))
    content = response.content.decode()
    assert "Dirk Deelnemer" in content
    assert "dirk@x.nl" not in content
    assert 'name="registrations-0-name"' not in content


# --- The event page ----------------------------------------------------------------------------


def registration_section(response) -> str:
    content = response.content.decode()
    match = re.search(r'<section class="event-registration".*?</section>', content, re.S)
    return re.sub(r"\s+", " ", match.group(0)) if match else ""


def test_event_page_shows_places_left_and_a_prefilled_form(client):
    event = RegistrableEventFactory(capacity=30)
    RegistrationFactory.create_batch(18, event=event)
    profile = MemberFactory(name="Bea Belasting", organisation_name="Provincie Utrecht")
    client.force_login(profile.user)
    section = registration_section(client.get(event.get_absolute_url()))
    assert "Nog 12 plaatsen" in section
    assert 'value="Bea Belasting"' in section
    assert 'value="Provincie Utrecht"' in section


def test_full_event_says_which_place_on_the_waiting_list(client, member):
    event = RegistrableEventFactory(capacity=2)
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory.create_batch(2, event=event, status=WAITING, seat=None)
    client.force_login(member)
    section = registration_section(client.get(event.get_absolute_url()))
    assert "Vol: u komt op de wachtlijst (plaats 3)." in section
    assert "Op de wachtlijst</button>" in section


def test_register_and_cancel_through_the_page(client, member, django_capture_on_commit_callbacks):
    event = RegistrableEventFactory(capacity=1)
    client.force_login(member)
    url = reverse("kennisbank:event_register", args=[event.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"name": "Eva Ermelo", "organisation": "Gemeente Ermelo"}, follow=True
        )
        # A double click sends the form twice: the same registration, no error page.
        again = client.post(url, {"name": "Eva Ermelo", "organisation": ""}, follow=True)
    assert messages_of(response) == [
        "U bent aangemeld. U krijgt een bevestiging per e-mail, met de agenda-afspraak."
    ]
    assert again.status_code == 200
    assert messages_of(again) == ["U was al aangemeld; er is niets veranderd."]
    registration = Registration.objects.get(event=event)
    assert (registration.name, registration.organisation) == ("Eva Ermelo", "Gemeente Ermelo")

    section = registration_section(client.get(event.get_absolute_url()))
    assert "U bent aangemeld als Eva Ermelo." in section
    assert "Afmelden" in section

    response = client.post(reverse("kennisbank:event_cancel", args=[event.slug]), follow=True)
    assert messages_of(response) == ["U bent afgemeld."]
    assert Registration.objects.get(event=event).status == CANCELLED
    assert "Nog 1 plaats" in registration_section(response)


def test_a_waiting_member_sees_their_place_in_line(client, member):
    event = RegistrableEventFactory(capacity=1)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=WAITING, seat=None)
    registrations.registration_register(event=event, user=member, name="Wim Wachter")
    client.force_login(member)
    section = registration_section(client.get(event.get_absolute_url()))
    assert "U staat op de wachtlijst (plaats 2)." in section


def test_anonymous_visitor_is_asked_to_log_in(client):
    event = RegistrableEventFactory()
    section = registration_section(client.get(event.get_absolute_url()))
    login = f"{reverse('netwerk:login')}?next={event.get_absolute_url()}"
    assert f'href="{login}"' in section
    assert "Log in om u aan te melden" in section
    assert "<form" not in section

    response = client.post(reverse("kennisbank:event_register", args=[event.slug]), {"name": "X"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("netwerk:login"))
    assert not Registration.objects.exists()


def test_past_events_and_events_without_capacity_have_no_form(client, member):
    client.force_login(member)
    without = EventFactory()
    # No form, but a route: register with the editors by e-mail.
    section = registration_section(client.get(without.get_absolute_url()))
    assert "<form" not in section and 'href="mailto:' in section
    past = RegistrableEventFactory(
        starts_at=timezone.now() - dt.timedelta(days=3),
        ends_at=timezone.now() - dt.timedelta(days=3, hours=-2),
    )
    section = registration_section(client.get(past.get_absolute_url()))
    assert "Aanmelden via het platform kan niet meer." in section
    assert "<form" not in section

    response = client.post(
        reverse("kennisbank:event_register", args=[past.slug]), {"name": "X"}, follow=True
    )
    assert messages_of(response) == ["Aanmelden voor deze bijeenkomst kan niet (meer)."]
    assert not Registration.objects.exists()


def test_invalid_registration_keeps_the_input_with_a_dutch_message(client, member):
    event = RegistrableEventFactory()
    client.force_login(member)
    response = client.post(
        reverse("kennisbank:event_register", args=[event.slug]),
        {"name": "", "organisation": "Gemeente Zeist"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Vul uw naam in." in content
    assert 'value="Gemeente Zeist"' in content
    assert not Registration.objects.exists()


def test_unknown_or_unpublished_event_gives_404_on_post(client, member):
    client.force_login(member)
    draft = RegistrableEventFactory(status=Status.IN_REVIEW)
    for slug in ("bestaat-niet", draft.slug):
        for name in ("event_register", "event_cancel"):
            response = client.post(reverse(f"kennisbank:{name}", args=[slug]), {"name": "X"})
            assert response.status_code == 404
    assert client.get(reverse("kennisbank:event_register", args=[draft.slug])).status_code == 405


# --- The attendee list --------------------------------------------------------------------------


@pytest.fixture
def event_with_attendees(db):
    organiser = OrganiserFactory()
    event = RegistrableEventFactory(capacity=2, organiser=organiser, slug="masterclass-regie")
    RegistrationFactory(
        event=event, name="Anna", organisation="Gemeente Ede", user=person(email="anna@x.nl")
    )
    RegistrationFactory(event=event, name="=HYPERLINK(1)", user=person(email="bob@x.nl"))
    RegistrationFactory(
        event=event, name="Cor", status=WAITING, seat=None, user=person(email="cor@x.nl")
    )
    RegistrationFactory(
        event=event, name="Dina", status=CANCELLED, seat=None, user=person(email="dina@x.nl")
    )
    return event


def test_organiser_sees_attendees_with_email_and_waiting_list_apart(client, event_with_attendees):
    event = event_with_attendees
    client.force_login(event.organiser)
    response = client.get(reverse("kennisbank:event_attendees", args=[event.slug]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert [r.name for r in response.context["registered"]] == ["Anna", "=HYPERLINK(1)"]
    assert [r.name for r in response.context["waiting"]] == ["Cor"]
    content = response.content.decode()
    assert "anna@x.nl" in content and "cor@x.nl" in content
    assert "Dina" not in content and "dina@x.nl" not in content


def test_editor_sees_attendees_without_email(editor_client, event_with_attendees):
    response = editor_client.get(
        reverse("kennisbank:event_attendees", args=[event_with_attendees.slug])
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Anna" in content and "Gemeente Ede" in content
    assert "@x.nl" not in content
    csv_response = editor_client.get(
        reverse("kennisbank:event_attendees_csv", args=[event_with_attendees.slug])
    )
    assert b"@x.nl" not in csv_response.content


def test_other_members_and_organisers_get_no_attendee_list(client, event_with_attendees):
    event = event_with_attendees
    urls = [
        reverse("kennisbank:event_attendees", args=[event.slug]),
        reverse("kennisbank:event_attendees_csv", args=[event.slug]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("netwerk:login"))
    for user in (person(), OrganiserFactory()):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404
    # Nor on the public event page.
    client.force_login(person())
    content = client.get(event.get_absolute_url()).content.decode()
    assert "@x.nl" not in content and "Deelnemerslijst" not in content


def test_csv_export_opens_in_dutch_excel(client, event_with_attendees):
    event = event_with_attendees
    client.force_login(event.organiser)
    response = client.get(reverse("kennisbank:event_attendees_csv", args=[event.slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    day = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="deelnemers-masterclass-regie-{day}.csv"; '
        f"filename*=UTF-8''deelnemers-masterclass-regie-{day}.csv"
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == ["Naam", "Organisatie", "Status", "Plaats", "Aangemeld op", "E-mailadres"]
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in rows[1:]] == [
        ("Anna", "Gemeente Ede", "Aangemeld", "1", "anna@x.nl"),
        ("'=HYPERLINK(1)", "Gemeente Utrecht", "Aangemeld", "2", "bob@x.nl"),
        ("Cor", "Gemeente Utrecht", "Op de wachtlijst", "", "cor@x.nl"),
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", rows[1][4])


# --- Queries and HTML ---------------------------------------------------------------------------


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "visitor", ["anoniem", "lid-met-formulier", "op-wachtlijst", "organisator"]
)
def test_event_page_queries_do_not_grow_with_registrations(client, visitor):
    event = RegistrableEventFactory(capacity=100)
    profile = MemberFactory(municipality=None)
    if visitor == "op-wachtlijst":
        RegistrationFactory(event=event, user=profile.user, status=WAITING)
    if visitor == "organisator":
        client.force_login(event.organiser)
    elif visitor != "anoniem":
        client.force_login(profile.user)
    url = event.get_absolute_url()
    count_queries(client, url)  # warm caches (content types, sessions)
    before = count_queries(client, url)
    RegistrationFactory.create_batch(50, event=event)
    RegistrationFactory.create_batch(50, event=event, status=WAITING)
    assert count_queries(client, url) == before
    print(f"event page, {visitor}: {before} queries for 0-1 and for 100+ registrations")


def test_attendee_list_queries_do_not_grow(client):
    event = RegistrableEventFactory(capacity=100)
    RegistrationFactory(event=event)
    client.force_login(event.organiser)
    url = reverse("kennisbank:event_attendees", args=[event.slug])
    csv_url = reverse("kennisbank:event_attendees_csv", args=[event.slug])
    count_queries(client, url)
    before, before_csv = count_queries(client, url), count_queries(client, csv_url)
    RegistrationFactory.create_batch(50, event=event)
    RegistrationFactory.create_batch(20, event=event, status=WAITING, seat=None)
    assert count_queries(client, url) == before
    assert count_queries(client, csv_url) == before_csv
    print(f"attendee list: {before} queries, csv: {before_csv}, for 1 and 71 registrations")


def test_event_pages_are_valid_html(client, event_with_attendees):
    event = event_with_attendees
    documents = {}

    def get(name, url, status=200, method="get", data=None):
        response = getattr(client, method)(url, data or {})
        assert response.status_code == status, f"{name}: {url} gaf {response.status_code}"
        documents[name] = response.content.decode()

    get("bijeenkomst-anoniem", event.get_absolute_url())
    member = person()
    client.force_login(member)
    get("bijeenkomst-vol", event.get_absolute_url())
    open_event = RegistrableEventFactory(capacity=10)
    get("bijeenkomst-formulier", open_event.get_absolute_url())
    register_url = reverse("kennisbank:event_register", args=[open_event.slug])
    get("aanmelden-fout", register_url, 400, "post", {"name": ""})
    registrations.registration_register(event=open_event, user=member, name="Mo")
    get("bijeenkomst-aangemeld", open_event.get_absolute_url())
    registrations.registration_register(event=event, user=member, name="Mo")
    get("bijeenkomst-wachtlijst", event.get_absolute_url())
    get("geen-organisator", reverse("kennisbank:my_events"), 403)
    client.force_login(event.organiser)
    get("bijeenkomst-organisator", event.get_absolute_url())
    get("deelnemers", reverse("kennisbank:event_attendees", args=[event.slug]))
    get("mijn-bijeenkomsten", reverse("kennisbank:my_events"))
    get("voorstellen", reverse("kennisbank:event_propose"))
    get("voorstellen-fout", reverse("kennisbank:event_propose"), 400, "post", {"title": "<b>"})
    proposal = RegistrableEventFactory(organiser=event.organiser, status=Status.IN_REVIEW)
    get("wijzigen", reverse("kennisbank:event_edit", args=[proposal.slug]))
    get("bijeenkomsten", reverse("kennisbank:events"))

    assert validate_html(documents) == {}
