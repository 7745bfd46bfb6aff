"""Organisers, events that take registrations, and registrations."""

import factory
from django.contrib.auth.models import Permission
from django.db.models import Max

from kennisbank.constants import RegistrationStatus
from kennisbank.models import Registration
from tests.factories import EventFactory, UserFactory


def grant_organiser(user):
    """The "Organisator" role: the one permission the lead's group will carry."""
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="kennisbank", codename="organise_event")
    )
    # has_perm caches per user object; a fresh copy sees the new permission.
    return type(user).objects.get(pk=user.pk)


class PasswordlessUserFactory(UserFactory):
    """A member who never logs in with a password (tests use force_login): hashing one per
    user would make a list of a hundred attendees take a minute."""

    password = "!"  # Django's marker of an unusable password


class OrganiserFactory(PasswordlessUserFactory):
    first_name = "Olga"
    last_name = factory.Sequence(lambda n: f"Organisator{n}")

    @factory.post_generation
    def organiser_permission(self, create, extracted, **kwargs):
        if create:
            self.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label="kennisbank", codename="organise_event"
                )
            )


class RegistrableEventFactory(EventFactory):
    title = factory.Sequence(lambda n: f"Masterclass samenwerken {n}")
    event_kind = "masterclass"
    capacity = 30
    organiser = factory.SubFactory(OrganiserFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration written straight to the table, for page tests with many rows."""

    class Meta:
        model = Registration

    event = factory.SubFactory(RegistrableEventFactory)
    user = factory.SubFactory(PasswordlessUserFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    organisation = "Gemeente Utrecht"
    status = RegistrationStatus.REGISTERED
    seat = factory.LazyAttribute(lambda o: next_seat(o.event) if o.status == "registered" else None)


def next_seat(event) -> int:
    taken = Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
    return (taken.aggregate(Max("seat"))["seat__max"] or 0) + 1
