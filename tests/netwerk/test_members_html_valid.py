"""Every page of the members' network is valid HTML (Nu Html Checker), errors included."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from netwerk.community.services.contacts import contact_request_create, contact_request_respond
from netwerk.community.services.questions import answer_mark_helpful
from netwerk.constants import RequestStatus
from netwerk.models import ContactRequest, Question
from tests.factories import ItemFactory, theme
from tests.html import validate_html
from tests.netwerk.member_factories import ExpertFactory, MemberFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_every_member_page_is_valid_html(client, netwerk_editor):
    item = ItemFactory(title="Belastingen & WOZ samen", themes=[theme("belastingen-en-woz")])
    expert = ExpertFactory(name="Bea & Co", themes=["belastingen-en-woz"], items=[item])
    asker = MemberFactory()
    question = QuestionFactory(asker=asker.user, themes=["belastingen-en-woz"])
    answer = question.answers.create(author=expert.user, text="Een <b>antwoord</b>.")
    contact_request = contact_request_create(question=question, expert=expert, sender=asker.user)
    documents = {}

    def get(name, url, status=200, method="get", data=None):
        response = getattr(client, method)(url, data or {})
        assert response.status_code == status, f"{name}: {url} gaf {response.status_code}"
        documents[name] = response.content.decode()

    get("aanmelden", reverse("netwerk:register"))
    get("aanmelden-fout", reverse("netwerk:register"), 400, "post", {"email": "x"})
    get("aangemeld", reverse("netwerk:register_done"))
    get("bevestigen-fout", "/netwerk/leden/bevestigen/MQ/x/", 400)
    get("inloggen", reverse("netwerk:login"))
    get("inloggen-fout", reverse("netwerk:login"), 200, "post", {"username": "a@b.nl"})
    get("wachtwoord", reverse("netwerk:password_reset"))
    get("wachtwoord-verstuurd", reverse("netwerk:password_reset_done"))
    get("wachtwoord-link-fout", "/netwerk/leden/wachtwoord/nieuw/MQ/x/")
    get("wachtwoord-klaar", reverse("netwerk:password_reset_complete"))
    get("leden-openbaar", reverse("netwerk:members"))

    client.force_login(asker.user)
    get("profiel", reverse("netwerk:profile"))
    get("profiel-fout", reverse("netwerk:profile"), 400, "post", {"name": ""})
    get("verwijderen", reverse("netwerk:profile_delete"))
    get("leden", reverse("netwerk:members"))
    get("lid", expert.get_absolute_url())
    get("vragen", reverse("netwerk:questions"))
    get("vraag-stellen", reverse("netwerk:question_create"))
    get("vraag-fout", reverse("netwerk:question_create"), 400, "post", {"title": ""})
    get("vraag", question.get_absolute_url())
    get(
        "contact-fout",
        reverse("netwerk:question_contact", args=[question.pk]),
        400,
        "post",
        {},
    )
    get("verzoeken", reverse("netwerk:contact_requests"))
    get("verzoek", contact_request.get_absolute_url())
    client.force_login(expert.user)
    get("verzoek-deskundige", contact_request.get_absolute_url())
    contact_request_respond(contact_request=contact_request, accept=True)
    get("verzoek-aangenomen", contact_request.get_absolute_url())
    answer_mark_helpful(question=question, answer=answer)
    get("vraag-beantwoord", question.get_absolute_url())
    Question.objects.filter(pk=question.pk).update(
        created_at=timezone.now() - dt.timedelta(days=30), helpful_answer=None
    )
    ContactRequest.objects.update(status=RequestStatus.PENDING)
    client.force_login(netwerk_editor)
    get("desk", reverse("netwerk:desk"))
    get("statistiek", reverse("netwerk:desk_statistics"))
    get("niet-gevonden", reverse("netwerk:question", args=[999999]), 404)

    assert question.title in documents["desk"]
    errors = validate_html(documents)
    assert errors == {}, errors
