"""Questions, suggestions, contact requests, answers, the editor desk and lesson promotion."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import ItemType, Status
from netwerk.community.services.contacts import (
    LimitReached,
    contact_request_create,
    contact_request_respond,
)
from netwerk.community.services.desk import desk_statistics
from netwerk.community.services.experts import suggestions_for
from netwerk.community.services.questions import answer_mark_helpful
from netwerk.community.services.rate_limits import RATE_LIMITS
from netwerk.constants import RequestStatus
from netwerk.models import Answer, ContactRequest, Question
from portal.ratelimit import RateLimited
from tests.factories import ItemFactory, UserFactory, theme
from tests.netwerk.member_factories import (
    ExpertFactory,
    MemberFactory,
    QuestionFactory,
    private_details,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tax_item():
    return ItemFactory(
        title="Belastingsamenwerking in de Hoeksche Waard",
        summary="Vijf gemeenten voeren samen de WOZ-taxatie en de heffing van belastingen uit.",
        themes=[theme("belastingen-en-woz")],
    )


@pytest.fixture
def expert(tax_item):
    return ExpertFactory(
        name="Bea Belasting", themes=["belastingen-en-woz"], items=[tax_item], province="utrecht"
    )


@pytest.fixture
def asker(client):
    profile = MemberFactory(name="Vera Vraag")
    client.force_login(profile.user)
    return profile


def ask(client, **changes):
    data = {
        "title": "Hoe regelen we samen de WOZ-taxatie?",
        "text": "Wij willen de belastingen met twee buurgemeenten uitvoeren.",
        "themes": [theme("belastingen-en-woz").pk],
        "province": "utrecht",
        "urgency": "normaal",
        **changes,
    }
    return client.post(reverse("netwerk:question_create"), data)


def test_asking_shows_experts_with_reasons_and_matching_items(client, asker, expert, tax_item):
    ExpertFactory(
        name="Alleen Afval", themes=["omgeving-en-milieu"], bio="Afvalinzameling.", tags=[]
    )
    response = ask(client)
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.asker == asker.user
    html = client.get(response["Location"]).content.decode()
    assert "Bea Belasting" in html
    assert "specialisme: belastingen en WOZ" in html
    assert f"is contactpersoon van het kennisitem ‘{tax_item.title}’" in html
    assert "werkt ook in Utrecht" in html
    assert "Alleen Afval" not in html
    assert tax_item.title in html
    for detail in private_details(expert):
        assert detail not in html


def test_bad_question_input_gives_dutch_errors(client, asker):
    response = ask(client, title="", urgency="morgen", themes=["x"])
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef uw vraag een titel." in html
    assert "Selecteer een geldige keuze" in html
    assert not Question.objects.exists()


def test_questions_are_rate_limited(client, asker, monkeypatch):
    monkeypatch.setitem(RATE_LIMITS, "question", (1, 86400))
    assert ask(client).status_code == 302
    response = ask(client)
    assert response.status_code == 429
    assert Question.objects.count() == 1


def test_contact_request_mails_the_expert_who_accepts_and_both_see_details(client, asker, expert):
    ask(client)
    question = Question.objects.get()
    response = client.post(
        reverse("netwerk:question_contact", args=[question.pk]),
        {"experts": [expert.pk], "message": "Mag ik u bellen?"},
    )
    assert response.status_code == 302
    contact_request = ContactRequest.objects.get()
    assert contact_request.status == RequestStatus.PENDING
    assert any(r["terms"] == ["Belastingen en WOZ"] for r in contact_request.reasons)
    [message] = mail.outbox
    assert message.to == [expert.user.email]
    assert asker.user.email not in message.body
    url = contact_request.get_absolute_url()
    assert url in message.body

    # Before acceptance nobody sees the other's details.
    html = client.get(url).content.decode()
    for detail in private_details(expert):
        assert detail not in html

    client.force_login(expert.user)
    html = client.get(url).content.decode()
    assert "Aannemen" in html
    for detail in private_details(asker):
        assert detail not in html
    client.post(url, {"besluit": "aannemen"})
    contact_request.refresh_from_db()
    assert contact_request.status == RequestStatus.ACCEPTED
    html = client.get(url).content.decode()
    assert asker.user.email in html and asker.phone in html

    client.force_login(asker.user)
    html = client.get(url).content.decode()
    assert expert.user.email in html and expert.phone in html
    assert mail.outbox[-1].to == [asker.user.email]


def test_a_declined_request_shares_nothing(client, asker, expert):
    question = QuestionFactory(asker=asker.user)
    contact_request = contact_request_create(question=question, expert=expert, sender=asker.user)
    client.force_login(expert.user)
    client.post(contact_request.get_absolute_url(), {"besluit": "afwijzen"})
    contact_request.refresh_from_db()
    assert contact_request.status == RequestStatus.DECLINED
    client.force_login(asker.user)
    html = client.get(contact_request.get_absolute_url()).content.decode()
    assert "afgewezen" in html
    for detail in private_details(expert):
        assert detail not in html


def test_the_asker_cannot_answer_their_own_request_and_bad_decisions_are_400(client, asker, expert):
    question = QuestionFactory(asker=asker.user)
    contact_request = contact_request_create(question=question, expert=expert, sender=asker.user)
    assert (
        client.post(contact_request.get_absolute_url(), {"besluit": "aannemen"}).status_code == 400
    )
    client.force_login(expert.user)
    assert client.post(contact_request.get_absolute_url(), {"besluit": "ja"}).status_code == 400
    contact_request.refresh_from_db()
    assert contact_request.status == RequestStatus.PENDING


def test_an_expert_is_never_asked_beyond_their_monthly_limit(asker):
    expert = ExpertFactory(max_questions_per_month=1, themes=["belastingen-en-woz"])
    first = QuestionFactory(asker=asker.user, themes=["belastingen-en-woz"])
    second = QuestionFactory(asker=asker.user, themes=["belastingen-en-woz"])
    assert [s.profile for s in suggestions_for(first)] == [expert]
    contact_request_create(question=first, expert=expert, sender=asker.user)
    assert suggestions_for(second) == []
    with pytest.raises(LimitReached):
        contact_request_create(question=second, expert=expert, sender=asker.user)


def test_contact_requests_are_rate_limited(asker, monkeypatch):
    monkeypatch.setitem(RATE_LIMITS, "contact_request", (1, 86400))
    experts = [ExpertFactory(), ExpertFactory()]
    question = QuestionFactory(asker=asker.user)
    contact_request_create(question=question, expert=experts[0], sender=asker.user)
    with pytest.raises(RateLimited):
        contact_request_create(question=question, expert=experts[1], sender=asker.user)


def test_a_contact_request_without_a_choice_is_a_dutch_error(client, asker, expert):
    question = QuestionFactory(asker=asker.user, themes=["belastingen-en-woz"])
    response = client.post(reverse("netwerk:question_contact", args=[question.pk]), {})
    assert response.status_code == 400
    assert "Kies ten minste één deskundige." in response.content.decode()
    response = client.post(
        reverse("netwerk:question_contact", args=[question.pk]), {"experts": ["abc"]}
    )
    assert response.status_code == 400


def test_answers_thread_and_the_helpful_answer(client, asker, expert):
    question = QuestionFactory(asker=asker.user)
    client.force_login(expert.user)
    response = client.post(
        reverse("netwerk:question_answer", args=[question.pk]), {"text": "Begin met een BVO."}
    )
    assert response.status_code == 302
    answer = Answer.objects.get()
    [notice] = mail.outbox
    assert notice.to == [asker.user.email] and expert.user.email not in notice.body
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Begin met een BVO." in html and "Bea Belasting" in html
    # Only the asker marks the helpful answer.
    url = reverse("netwerk:question_helpful", args=[question.pk, answer.pk])
    assert client.post(url).status_code == 403
    client.force_login(asker.user)
    client.post(url)
    question.refresh_from_db()
    assert question.helpful_answer == answer
    assert "Nuttigste antwoord" in client.get(question.get_absolute_url()).content.decode()
    # A helpful answer is evidence for the next question on the theme.
    later = QuestionFactory(asker=UserFactory(), themes=["belastingen-en-woz"])
    [suggestion] = suggestions_for(later)
    assert f"gaf een gewaardeerd antwoord op de verwante vraag ‘{question.title}’" in (
        suggestion.reasons
    )


def test_an_empty_answer_is_refused_in_dutch(client, asker):
    question = QuestionFactory(asker=asker.user)
    response = client.post(reverse("netwerk:question_answer", args=[question.pk]), {"text": ""})
    assert response.status_code == 400
    assert "Schrijf uw antwoord." in response.content.decode()


def test_the_desk_lists_old_open_questions_and_routes_them(client, asker, expert, netwerk_editor):
    old = QuestionFactory(asker=asker.user, title="Oude open vraag")
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=10))
    urgent = QuestionFactory(asker=asker.user, title="Dringende vraag", urgency="hoog")
    Question.objects.filter(pk=urgent.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    QuestionFactory(asker=asker.user, title="Verse vraag")
    client.force_login(netwerk_editor)
    html = client.get(reverse("netwerk:desk")).content.decode()
    assert "Oude open vraag" in html and "Verse vraag" not in html
    assert html.index("Dringende vraag") < html.index("Oude open vraag")
    response = client.post(reverse("netwerk:desk_route", args=[old.pk]), {"expert": expert.pk})
    assert response.status_code == 302
    contact_request = ContactRequest.objects.get()
    assert contact_request.routed_by_editor and contact_request.expert == expert
    for detail in private_details(expert, asker):
        assert detail not in html


def test_statistics_share_answered_median_declines_and_load(client, asker, expert, netwerk_editor):
    q1 = QuestionFactory(asker=asker.user)
    QuestionFactory(asker=asker.user)
    Answer.objects.create(question=q1, author=expert.user, text="Zo doen we het.")
    Answer.objects.filter(question=q1).update(created_at=q1.created_at + dt.timedelta(hours=5))
    r = contact_request_create(question=q1, expert=expert, sender=asker.user)
    contact_request_respond(contact_request=r, accept=False)
    stats = desk_statistics()
    assert (stats.questions, stats.answered, stats.answered_share) == (2, 1, 50)
    assert stats.median_hours_to_first_answer == 5.0
    assert stats.declined == 1
    assert [(load.name, load.asked, load.declined) for load in stats.loads] == [
        ("Bea Belasting", 1, 1)
    ]
    client.force_login(netwerk_editor)
    html = client.get(reverse("netwerk:desk_statistics")).content.decode()
    assert "50%" in html and "5,0 uur" in html and "Bea Belasting" in html


def test_an_editor_promotes_a_question_to_a_draft_lesson(client, asker, expert, netwerk_editor):
    question = QuestionFactory(asker=asker.user, themes=["belastingen-en-woz"])
    answer = Answer.objects.create(question=question, author=expert.user, text="Samen heffen.")
    answer_mark_helpful(question=question, answer=answer)
    client.force_login(netwerk_editor)
    response = client.post(reverse("netwerk:desk_promote", args=[question.pk]), follow=True)
    assert "concept-praktijkles" in response.content.decode()
    question.refresh_from_db()
    item = question.promoted_item
    assert item.type == ItemType.LESSON and item.status == Status.DRAFT
    assert "Samen heffen." in item.body
    assert list(item.themes.all()) == [theme("belastingen-en-woz")]
    assert expert.name not in item.body and expert.user.email not in item.body
    # Twice is still one lesson.
    client.post(reverse("netwerk:desk_promote", args=[question.pk]))
    question.refresh_from_db()
    assert question.promoted_item == item


def test_question_pages_use_a_constant_number_of_queries(client, asker, expert):
    question = QuestionFactory(asker=asker.user, themes=["belastingen-en-woz"])

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    detail, listing = count(question.get_absolute_url()), count(reverse("netwerk:questions"))
    for n in range(4):
        other = ExpertFactory(themes=["belastingen-en-woz"], items=[ItemFactory()])
        Answer.objects.create(question=question, author=other.user, text=f"Antwoord {n}")
        QuestionFactory(asker=asker.user, themes=["belastingen-en-woz", "jeugd"])
    assert count(question.get_absolute_url()) == detail
    assert count(reverse("netwerk:questions")) == listing


def test_mail_links_point_to_the_site(asker, expert, settings):
    question = QuestionFactory(asker=asker.user)
    contact_request_create(question=question, expert=expert, sender=asker.user)
    assert re.search(re.escape(settings.SITE_URL) + r"/netwerk/verzoeken/\d+/", mail.outbox[0].body)
