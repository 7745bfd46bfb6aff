"""Profiles: editing, layered visibility, contributions, data export and account deletion."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netwerk.community.views import members as member_views
from netwerk.models import Answer, ContactRequest, Question
from portal.constants import Visibility
from portal.models import MemberProfile
from tests.factories import EventFactory, ItemFactory, UserFactory, municipality, theme
from tests.netwerk.member_factories import (
    ExpertFactory,
    QuestionFactory,
    private_details,
)

pytestmark = pytest.mark.django_db


def profile_data(**changes):
    return {
        "name": "Anna de Vries",
        "municipality": municipality("GM0344").pk,
        "organisation_name": "",
        "role": "Beleidsadviseur belastingen",
        "province": "utrecht",
        "bio": "Ik ken de WOZ.",
        "themes": [theme("belastingen-en-woz").pk],
        "task_types": ["bedrijfsvoering"],
        "tags_text": "WOZ, heffing, WOZ",
        "languages_text": "Nederlands, Engels",
        "phone": "06-12345678",
        "open_for_questions": "on",
        "max_questions_per_month": "4",
        "visibility": Visibility.PUBLIC,
        **changes,
    }


def test_a_member_fills_their_profile(client, member):
    client.force_login(member)
    assert client.get(reverse("netwerk:profile")).status_code == 200
    response = client.post(reverse("netwerk:profile"), profile_data())
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert profile.tags == ["WOZ", "heffing"]
    assert profile.languages == ["Nederlands", "Engels"]
    assert profile.open_for_questions and profile.max_questions_per_month == 4
    assert profile.organisation_label == "Utrecht"
    html = client.get(reverse("netwerk:profile")).content.decode()
    assert member.email in html and "06-12345678" in html  # the owner sees their own


def test_bad_profile_input_gives_dutch_errors_and_keeps_the_input(client, member):
    client.force_login(member)
    response = client.post(
        reverse("netwerk:profile"),
        profile_data(municipality="", max_questions_per_month="999", visibility="iedereen"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies uw gemeente of vul de naam van uw organisatie in." in html
    assert "Selecteer een geldige keuze" in html
    assert 'value="Beleidsadviseur belastingen"' in html


@pytest.mark.parametrize(
    ("visibility", "anonymous", "member"),
    [
        (Visibility.HIDDEN, 404, 404),
        (Visibility.MEMBERS, 404, 200),
        (Visibility.PUBLIC, 200, 200),
    ],
)
def test_visibility_is_layered(client, visibility, anonymous, member):
    profile = ExpertFactory(visibility=visibility, bio="Mijn geheime bio")
    url = reverse("netwerk:member", args=[profile.pk])
    response = client.get(url)
    assert response.status_code == anonymous
    if anonymous == 200:
        html = response.content.decode()
        assert profile.name in html and "Mijn geheime bio" not in html  # public: no bio
    assert (profile.name in client.get(reverse("netwerk:members")).content.decode()) == (
        anonymous == 200
    )
    client.force_login(UserFactory())
    assert client.get(url).status_code == member
    client.force_login(profile.user)
    assert client.get(url).status_code == 200  # always visible to oneself


def test_a_profile_shows_contributions(client):
    item = ItemFactory(title="Belastingsamenwerking Heuvelrug")
    draft = ItemFactory(title="Concept van de redactie", status="draft")
    event = EventFactory(title="Masterclass WOZ")
    profile = ExpertFactory(visibility=Visibility.PUBLIC, items=[item, draft, event])
    question = QuestionFactory()
    Answer.objects.create(question=question, author=profile.user, text="Zo.")
    html = client.get(profile.get_absolute_url()).content.decode()
    assert "Belastingsamenwerking Heuvelrug" in html and "Masterclass WOZ" in html
    assert "Concept van de redactie" not in html
    assert question.title not in html  # answers only for members
    client.force_login(UserFactory())
    assert question.title in client.get(profile.get_absolute_url()).content.decode()


def test_the_member_list_uses_a_constant_number_of_queries(client):
    client.force_login(UserFactory())
    ExpertFactory(themes=["jeugd"])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("netwerk:members")).status_code == 200
        return len(ctx)

    before = count()
    for _ in range(5):
        ExpertFactory(themes=["jeugd", "wonen"])
    assert count() == before


def test_a_member_downloads_all_their_data(client):
    profile = ExpertFactory(tags=["WOZ"])
    other = ExpertFactory()
    question = QuestionFactory(asker=profile.user, title="Mijn vraag")
    ContactRequest.objects.create(question=question, expert=other)
    Answer.objects.create(question=QuestionFactory(), author=profile.user, text="Mijn antwoord")
    client.force_login(profile.user)
    response = client.get(reverse("netwerk:profile_export"))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["e-mail"] == profile.user.email
    assert data["profiel"]["telefoon"] == profile.phone
    assert data["vragen"][0]["titel"] == "Mijn vraag"
    assert data["antwoorden"][0]["antwoord"] == "Mijn antwoord"
    assert data["contactverzoeken_verstuurd"][0]["aan"] == other.name
    for detail in private_details(other):
        assert detail not in response.content.decode()


def test_deleting_the_account_keeps_kennisbank_items_without_the_name(client):
    profile = ExpertFactory(name="Anna de Vries")
    linked = ItemFactory(contact_name="Anna de Vries", contact_email="anders@example.org")
    by_mail = ItemFactory(contact_name="A. de Vries", contact_email=profile.user.email.upper())
    other = ItemFactory(contact_name="Bert", contact_email="bert@example.org")
    profile.item_contacts.create(item=linked)
    question = QuestionFactory(asker=profile.user)
    Answer.objects.create(question=question, author=profile.user, text="Blijft staan")
    client.force_login(profile.user)
    response = client.post(reverse("netwerk:profile_delete"), {"password": "fout"})
    assert response.status_code == 400
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    response = client.post(
        reverse("netwerk:profile_delete"), {"password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=profile.user_id).exists()
    for item in (linked, by_mail):
        item.refresh_from_db()
        assert (item.contact_name, item.contact_email) == ("", "")
    other.refresh_from_db()
    assert other.contact_name == "Bert"
    question = Question.objects.get(pk=question.pk)
    assert question.asker is None
    assert Answer.objects.get().author is None
    html = client.get(question.get_absolute_url())
    assert html.status_code == 302  # logged out now


def test_a_member_page_uses_a_constant_number_of_queries(client):
    client.force_login(UserFactory())
    profile = ExpertFactory(themes=["jeugd"], items=[ItemFactory()])
    Answer.objects.create(question=QuestionFactory(), author=profile.user, text="Eerste")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(profile.get_absolute_url()).status_code == 200
        return len(ctx)

    before = count()
    for n in range(4):
        profile.item_contacts.create(item=ItemFactory())
        profile.item_contacts.create(item=EventFactory())
        Answer.objects.create(question=QuestionFactory(), author=profile.user, text=f"A{n}")
    profile.themes.add(theme("wonen"))
    assert count() == before


def test_the_member_list_is_paged_and_bad_page_numbers_are_harmless(client, monkeypatch):
    monkeypatch.setattr(member_views, "MEMBERS_PER_PAGE", 2)
    for n in range(3):
        ExpertFactory(name=f"Openbaar {n}", visibility=Visibility.PUBLIC)
    html = client.get(reverse("netwerk:members")).content.decode()
    assert "Openbaar 0" in html and "Openbaar 2" not in html and "Pagina 1 van 2" in html
    html = client.get(reverse("netwerk:members") + "?page=2").content.decode()
    assert "Openbaar 2" in html
    assert client.get(reverse("netwerk:members") + "?page=abc").status_code == 200
