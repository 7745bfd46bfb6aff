"""Members, experts and questions of the members' network for page and service tests."""

import factory

from netwerk.models import ItemContact, Question
from portal.constants import Visibility
from portal.models import MemberProfile
from tests.factories import UserFactory, theme


class MemberFactory(factory.django.DjangoModelFactory):
    """A member with a profile; the account's e-mail and a phone number are private."""

    class Meta:
        model = MemberProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Lid Nummer{n}")
    organisation_name = "Provincie Utrecht"
    province = "utrecht"
    phone = factory.Sequence(lambda n: f"06-5555{n:04d}")
    visibility = Visibility.MEMBERS

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set([theme(slug) for slug in extracted])

    @factory.post_generation
    def items(self, create, extracted, **kwargs):
        if create and extracted:
            ItemContact.objects.bulk_create(ItemContact(member=self, item=i) for i in extracted)


class ExpertFactory(MemberFactory):
    open_for_questions = True
    max_questions_per_month = 3
    bio = "Ik werk al tien jaar aan de samenwerking op belastingen en de WOZ-taxatie."
    tags = ["WOZ"]


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    asker = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Hoe regelen we samen de WOZ-taxatie? ({n})")
    text = "Wij willen de belastingen met twee buurgemeenten samen uitvoeren."
    province = "utrecht"

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set([theme(slug) for slug in extracted])


def private_details(*profiles) -> list[str]:
    """The e-mail addresses and phone numbers that must not leak."""
    found = []
    for p in profiles:
        found += [p.user.email, p.phone]
    return [d for d in found if d]
