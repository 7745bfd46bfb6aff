"""Capacity holds under concurrent load, and in the database even for code that skips the service.

The threads are real, each with its own database connection, so the row lock and the
constraints are what keeps the count right, not the order in which Python happens to run.
"""

import contextlib
import time
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction

from devtools.bench.contributions import MAX_CONNECTIONS, run_in_threads
from kennisbank.constants import RegistrationStatus
from kennisbank.models import Registration
from kennisbank.services import events as registrations
from tests.kennisbank.event_factories import (
    PasswordlessUserFactory,
    RegistrableEventFactory,
    RegistrationFactory,
)
from tests.reference import ensure_reference_data

REGISTERED, WAITING, CANCELLED = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
)


def members(n: int) -> list:
    User = get_user_model()
    return User.objects.bulk_create(
        User(username=f"deelnemer{i}", email=f"deelnemer{i}@example.org", password="!")
        for i in range(n)
    )


@pytest.fixture
def reference(transactional_db):
    # A transactional test starts from whatever the previous one flushed.
    ensure_reference_data()


@pytest.mark.django_db(transaction=True)
def test_100_parallel_registrations_for_30_places(reference, mailoutbox):
    event = RegistrableEventFactory(capacity=30)
    users = members(100)

    began = time.perf_counter()
    results = run_in_threads(
        [
            lambda user=user: registrations.registration_register(
                event=event, user=user, name=user.username
            )
            for user in users
        ]
    )
    elapsed = time.perf_counter() - began

    errors = [r for r in results if isinstance(r, Exception)]
    assert errors == []
    assert all(created for _registration, created in results)
    rows = list(Registration.objects.filter(event=event))
    assert len(rows) == 100
    assert len({row.user_id for row in rows}) == 100
    assert Counter(row.status for row in rows) == {REGISTERED: 30, WAITING: 70}
    assert sorted(row.seat for row in rows if row.status == REGISTERED) == list(range(1, 31))
    subjects = Counter(message.subject.split(":")[0] for message in mailoutbox)
    assert subjects == {"Aanmelding bevestigd": 30, "Op de wachtlijst": 70}
    print(f"100 registrations in {elapsed:.2f}s with {MAX_CONNECTIONS} connections at most")

    # One cancellation moves exactly one person up: the first on the waiting list.
    first_waiting = min(
        (row for row in rows if row.status == WAITING), key=lambda r: (r.created_at, r.id)
    )
    leaving = next(row for row in rows if row.status == REGISTERED)
    _cancelled, moved = registrations.registration_cancel(event=event, user=leaving.user)
    assert [r.pk for r in moved] == [first_waiting.pk]
    counts = Counter(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert counts == {REGISTERED: 30, WAITING: 69, CANCELLED: 1}
    assert Registration.objects.get(pk=first_waiting.pk).seat == leaving.seat


@pytest.mark.django_db(transaction=True)
def test_parallel_cancellations_each_move_one_person_up(reference):
    event = RegistrableEventFactory(capacity=10)
    users = members(25)
    for user in users:
        registrations.registration_register(event=event, user=user, name=user.username)
    seated = users[:10]

    results = run_in_threads(
        [
            lambda user=user: registrations.registration_cancel(event=event, user=user)
            for user in seated
        ]
    )

    assert not [r for r in results if isinstance(r, Exception)]
    moved = [r.user_id for _cancelled, up in results for r in up]
    assert sorted(moved) == sorted(u.pk for u in users[10:20])
    registered = Registration.objects.filter(event=event, status=REGISTERED)
    assert sorted(registered.values_list("seat", flat=True)) == list(range(1, 11))
    assert Registration.objects.filter(event=event, status=WAITING).count() == 5


@pytest.mark.django_db(transaction=True)
def test_a_double_click_in_parallel_registers_once(reference):
    event = RegistrableEventFactory(capacity=5)
    (user,) = members(1)

    results = run_in_threads(
        [
            lambda: registrations.registration_register(event=event, user=user, name="Dubbel")
            for _ in range(10)
        ]
    )

    assert not [r for r in results if isinstance(r, Exception)]
    assert len({registration.pk for registration, _created in results}) == 1
    assert sum(created for _registration, created in results) == 1
    assert Registration.objects.filter(event=event).count() == 1


# --- The database itself ------------------------------------------------------------------------


@contextlib.contextmanager
def refused(constraint: str):
    """The statement inside fails with an IntegrityError naming this rule; the test goes on."""
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        yield


@pytest.mark.django_db
def test_the_database_refuses_a_seat_above_capacity_even_without_the_service():
    event = RegistrableEventFactory(capacity=2)
    RegistrationFactory(event=event, seat=1)
    RegistrationFactory(event=event, seat=2)
    extra = PasswordlessUserFactory()

    with refused("exceeds the capacity"):
        Registration.objects.create(
            event=event, user=extra, name="Sluiper", status=REGISTERED, seat=3
        )
    with refused("registration_one_person_per_seat"):
        Registration.objects.create(
            event=event, user=extra, name="Sluiper", status=REGISTERED, seat=2
        )
    with refused("registration_seat_only_when_registered"):
        Registration.objects.create(
            event=event, user=extra, name="Sluiper", status=REGISTERED, seat=None
        )
    waiting = RegistrationFactory(event=event, user=extra, status=WAITING)
    with refused("exceeds the capacity"):
        Registration.objects.filter(pk=waiting.pk).update(status=REGISTERED, seat=99)
    with refused("exceeds the capacity"), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE kennisbank_registration SET status = 'registered', seat = 3 WHERE id = %s",
            [waiting.pk],
        )
    assert Registration.objects.filter(event=event, status=REGISTERED).count() == 2


@pytest.mark.django_db
def test_the_database_refuses_registrations_for_an_event_without_capacity():
    event = RegistrableEventFactory(capacity=None)
    with refused("exceeds the capacity"):
        RegistrationFactory(event=event, seat=1)
    # The waiting list of such an event is harmless: nobody holds a place.
    RegistrationFactory(event=event, status=WAITING)


@pytest.mark.django_db
def test_the_database_refuses_a_second_active_registration_of_one_member():
    event = RegistrableEventFactory(capacity=5)
    first = RegistrationFactory(event=event, status=WAITING)
    with refused("registration_once_per_member"):
        RegistrationFactory(event=event, user=first.user)
    RegistrationFactory(event=event, user=first.user, status=CANCELLED)
