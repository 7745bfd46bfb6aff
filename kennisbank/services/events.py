"""Events proposed by organisers, and registration with capacity and a waiting list.

Capacity is guarded in three layers. The services lock the event row (SELECT … FOR UPDATE), so
registrations for one event are handled one at a time and each gets the lowest free seat
1..capacity, or a place on the waiting list. The database holds the rest even for code that
bypasses these functions: one active registration per member and one person per seat (partial
unique constraints on Registration) and a trigger that refuses a seat above the event's capacity
(migration 0007). So at most `capacity` rows are REGISTERED, whatever runs concurrently.

Mails go out after the transaction commits: a rolled-back registration sends nothing, and the
event row is not kept locked while a mail server answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.mail import mail_editors, mail_render

from ..constants import ItemType, RegistrationStatus, Status
from ..ical import CalendarEvent, event_to_ical
from ..models import Item, Registration
from .items import item_saved, item_unique_slug

ORGANISE_PERMISSION = "kennisbank.organise_event"
EDITOR_ATTENDEES_PERMISSION = "kennisbank.view_registration"
ACTIVE = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
# Proposals an organiser may still change: once editors publish (or withdraw) it, it is theirs.
EDITABLE_STATUSES = {Status.DRAFT, Status.IN_REVIEW}


class RegistrationClosed(Exception):
    """The event takes no registrations (not published, no capacity, or already begun)."""


class RegistrationFailed(Exception):
    """The database refused the registration twice; the member is asked to try again."""


# --- Organisers ---------------------------------------------------------------------------------


def can_organise(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(ORGANISE_PERMISSION)


def can_edit_proposal(*, user, event: Item) -> bool:
    return (
        can_organise(user) and event.organiser_id == user.pk and event.status in EDITABLE_STATUSES
    )


def event_propose(
    *,
    organiser,
    title: str,
    summary: str,
    body: str,
    event_kind: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None,
    location: str,
    capacity: int | None,
    themes,
) -> Item:
    """A member's proposal: an event item that waits in the editors' review queue."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                event = Item.objects.create(
                    type=ItemType.EVENT,
                    status=Status.IN_REVIEW,
                    organiser=organiser,
                    title=title,
                    slug=item_unique_slug(title, fallback="bijeenkomst"),
                    summary=summary,
                    body=body,
                    event_kind=event_kind,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    location=location,
                    capacity=capacity,
                    published_on=timezone.localdate(),
                )
                event.themes.set(themes)
                item_saved(item=event, previous=None)
        except IntegrityError:
            # Someone took the same slug between our check and the insert: pick the next one.
            if attempt == 2:
                raise
            continue
        # The outbox row joins this transaction: the notice exists exactly when the event does.
        mail_editors(
            subject=_("Nieuwe bijeenkomst voorgesteld: %(title)s") % {"title": event.title},
            text=_("Een organisator stelt een bijeenkomst voor: %(title)s")
            % {"title": event.title},
            path=reverse("admin:kennisbank_item_change", args=[event.pk]),
        )
        return event
    raise AssertionError("unreachable")


def event_proposal_update(
    *,
    event: Item,
    title: str,
    summary: str,
    body: str,
    event_kind: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None,
    location: str,
    capacity: int | None,
    themes,
) -> Item:
    """The organiser revises a proposal that is not published; it goes back to review."""
    previous = event.status
    with transaction.atomic():
        event.title, event.summary, event.body = title, summary, body
        event.event_kind, event.location, event.capacity = event_kind, location, capacity
        event.starts_at, event.ends_at = starts_at, ends_at
        event.status = Status.IN_REVIEW
        event.save()
        event.themes.set(themes)
        item_saved(item=event, previous=previous)
    return event


def organiser_events(*, organiser):
    """The organiser's events, newest first, with their registration counts."""
    return (
        Item.objects.of_type(ItemType.EVENT)
        .filter(organiser=organiser)
        .annotate(
            registered_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
        )
        .order_by("-starts_at", "-id")
    )


# --- Registration -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Availability:
    capacity: int
    registered: int
    waiting: int

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.registered, 0)


def accepts_registrations(event: Item, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        event.type == ItemType.EVENT
        and event.is_published
        and event.capacity is not None
        and event.starts_at is not None
        and event.starts_at > now
    )


def event_availability(event: Item) -> Availability:
    counts = Registration.objects.filter(event=event).aggregate(
        registered=Count("id", filter=Q(status=RegistrationStatus.REGISTERED)),
        waiting=Count("id", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return Availability(capacity=event.capacity or 0, **counts)


def active_registration(*, event: Item, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user, status__in=ACTIVE).first()


def waiting_position(registration: Registration) -> int:
    """1 for the first on the waiting list: the oldest moves up first."""
    ahead = Registration.objects.filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, id__lt=registration.id),
        event_id=registration.event_id,
        status=RegistrationStatus.WAITING,
    ).count()
    return ahead + 1


def attendee_defaults(user) -> dict[str, str]:
    """Name and organisation as the member's profile gives them, for the registration form."""
    profile = getattr(user, "member_profile", None)
    name = (profile.name if profile else "") or user.get_full_name() or user.get_username()
    organisation = ""
    if profile is not None:
        organisation = profile.organisation_name or (
            profile.municipality.name if profile.municipality_id else ""
        )
    return {"name": name[:150], "organisation": organisation[:200]}


def _free_seats(event: Item) -> list[int]:
    taken = set(
        Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED).values_list(
            "seat", flat=True
        )
    )
    return [seat for seat in range(1, (event.capacity or 0) + 1) if seat not in taken]


def _locked_event(event: Item) -> Item:
    # Every change to an event's registrations takes this lock first, so they never interleave.
    return Item.objects.select_for_update().get(pk=event.pk)


def registration_register(
    *, event: Item, user, name: str, organisation: str = "", now: dt.datetime | None = None
) -> tuple[Registration, bool]:
    """Register the member: a seat if one is free, else the waiting list.

    Returns (registration, created). Registering twice (a double click) returns the existing
    registration with created False.
    """
    for _attempt in range(2):
        try:
            with transaction.atomic():
                locked = _locked_event(event)
                if not accepts_registrations(locked, now):
                    raise RegistrationClosed
                existing = active_registration(event=locked, user=user)
                if existing is not None:
                    return existing, False
                free = _free_seats(locked)
                registration = Registration.objects.create(
                    event=locked,
                    user=user,
                    name=name,
                    organisation=organisation,
                    status=RegistrationStatus.REGISTERED if free else RegistrationStatus.WAITING,
                    seat=free[0] if free else None,
                )
                position = None if free else waiting_position(registration)
                _mail_registration(locked, registration, user.email, position)
                return registration, True
        except IntegrityError:
            # Only code outside this module (or a capacity lowered meanwhile) gets here; the
            # lock makes it otherwise impossible. Once more, then tell the member.
            continue
    raise RegistrationFailed


def _fill_seats(event: Item) -> list[Registration]:
    """Move the oldest on the waiting list onto free seats; call with the event locked."""
    free = _free_seats(event)
    if not free:
        return []
    waiting = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
        .select_related("user")
        .order_by("created_at", "id")[: len(free)]
    )
    for registration, seat in zip(waiting, free, strict=False):
        registration.status = RegistrationStatus.REGISTERED
        registration.seat = seat
        registration.save(update_fields=["status", "seat"])
    for registration in waiting:
        _mail_moved_up(event, registration, registration.user.email)
    return waiting


def registration_cancel(
    *, event: Item, user, now: dt.datetime | None = None
) -> tuple[Registration | None, list[Registration]]:
    """Cancel the member's registration; a freed seat goes to the first on the waiting list.

    Returns (the cancelled registration or None if there was none, those who moved up).
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_event(event)
        registration = (
            Registration.objects.select_for_update()
            .filter(event=locked, user=user, status__in=ACTIVE)
            .first()
        )
        if registration is None:
            return None, []
        had_seat = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.CANCELLED
        registration.seat = None
        registration.cancelled_at = now
        registration.save(update_fields=["status", "seat", "cancelled_at"])
        moved = _fill_seats(locked) if had_seat and accepts_registrations(locked, now) else []
    return registration, moved


def event_capacity_changed(*, event: Item) -> list[Registration]:
    """After editors changed the capacity: renumber seats above it, then fill free seats.

    The admin form refuses a capacity below the number registered, so renumbering always
    finds a free seat. Returns those who moved up from the waiting list.
    """
    with transaction.atomic():
        locked = _locked_event(event)
        if locked.capacity is None:
            return []
        above = list(
            Registration.objects.filter(
                event=locked, status=RegistrationStatus.REGISTERED, seat__gt=locked.capacity
            ).order_by("seat")
        )
        for registration, seat in zip(above, _free_seats(locked), strict=False):
            registration.seat = seat
            registration.save(update_fields=["seat"])
        if not accepts_registrations(locked):
            return []
        return _fill_seats(locked)


def capacity_error(*, event: Item, capacity: int | None) -> str | None:
    """Why editors may not set this capacity, or None: no one registered loses their seat."""
    if event.pk is None or event.type != ItemType.EVENT:
        return None
    registered = Registration.objects.filter(
        event=event, status=RegistrationStatus.REGISTERED
    ).count()
    if capacity is None:
        if Registration.objects.filter(event=event, status__in=ACTIVE).exists():
            return _(
                "Er zijn al aanmeldingen. Laat het aantal plaatsen staan, of meld de "
                "deelnemers eerst af."
            )
        return None
    if capacity < registered:
        return _(
            "Er zijn al %(count)d deelnemers aangemeld; het aantal plaatsen kan niet lager "
            "worden dan dat."
        ) % {"count": registered}
    return None


# --- Attendee list ------------------------------------------------------------------------------


def can_see_attendees(*, user, event: Item) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if event.organiser_id == user.pk and user.has_perm(ORGANISE_PERMISSION):
        return True
    return user.is_staff and user.has_perm(EDITOR_ATTENDEES_PERMISSION)


def can_see_attendee_emails(*, user, event: Item) -> bool:
    """Only the event's own organiser gets the e-mail addresses, to reach their attendees."""
    return (
        user.is_authenticated
        and event.organiser_id == user.pk
        and user.has_perm(ORGANISE_PERMISSION)
    )


def attendees(event: Item):
    """Registered and waiting, in the order they registered (the waiting list's order)."""
    return (
        Registration.objects.filter(event=event, status__in=ACTIVE)
        .select_related("user")
        .order_by("created_at", "id")
    )


# --- Mail ---------------------------------------------------------------------------------------


def event_calendar(event: Item, *, site_url: str | None = None) -> str:
    """The event as an iCalendar file, for mails and the page's "Zet in agenda" download.

    site_url is where the page was asked (the download) or settings.SITE_URL (mail); the UID
    is built from its host, so a calendar recognises the same event from either source.
    """
    site_url = (site_url or settings.SITE_URL).rstrip("/")
    url = site_url + event.get_absolute_url()
    host = urlsplit(site_url).hostname or "localhost"
    return event_to_ical(
        CalendarEvent(
            uid=f"kennisbank-{event.pk}@{host}",
            stamp=event.updated_at,
            start=event.starts_at,
            end=event.ends_at,
            summary=event.title,
            location=event.location,
            url=url,
            description=f"{event.summary}\n\n{url}",
        )
    )


def _attachment(event: Item) -> list[tuple[str, str, str]]:
    return [("bijeenkomst.ics", event_calendar(event), "text/calendar")]


def _mail_registration(event, registration, to: str, position: int | None) -> None:
    if not to:
        return
    context = {"event": event, "registration": registration, "position": position}
    if registration.status == RegistrationStatus.REGISTERED:
        mail_render(
            template="kennisbank/mail/registration_confirmed.txt",
            context=context,
            subject=_("Aanmelding bevestigd: %(title)s") % {"title": event.title},
            to=to,
            attachments=_attachment(event),
        )
    else:
        mail_render(
            template="kennisbank/mail/registration_waiting.txt",
            context=context,
            subject=_("Op de wachtlijst: %(title)s") % {"title": event.title},
            to=to,
        )


def _mail_moved_up(event, registration, to: str) -> None:
    if not to:
        return
    mail_render(
        template="kennisbank/mail/registration_moved_up.txt",
        context={"event": event, "registration": registration},
        subject=_("Er is een plaats vrij: u bent aangemeld voor %(title)s")
        % {"title": event.title},
        to=to,
        attachments=_attachment(event),
    )
