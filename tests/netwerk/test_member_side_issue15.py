"""Issue 15, members: NL Design System forms with an error summary, the page for visitors who
are not logged in, reasons that name what matched, search/filters/paging on the member and
question lists, and the saved-search message without doubled quotes."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from netwerk.community.matching import lower_first
from netwerk.community.views import members as member_views
from netwerk.community.views import questions as question_views
from netwerk.models import Collaboration, ContactRequest, Membership, Question
from portal.constants import Visibility
from portal.models import Municipality
from tests.factories import ItemFactory, collaboration_model, theme
from tests.netwerk.member_factories import ExpertFactory, MemberFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    profile = MemberFactory(name="Vera Vraag")
    client.force_login(profile.user)
    return profile


def _form(html: str, css_class: str) -> str:
    return re.search(rf'<form class="[^"]*{css_class}[^"]*".*?</form>', html, re.S).group(0)


# --- 1. forms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["netwerk:profile", "netwerk:question_create", "netwerk:follow_settings"]
)
def test_member_forms_use_the_nl_design_system_components(client, member, url):
    html = client.get(reverse(url)).content.decode()
    form = _form(html, "member-form")
    assert "utrecht-form-field" in form
    # Every text box, list and text area carries its component class: no browser defaults.
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", form):
        if 'type="hidden"' in tag:
            continue
        assert re.search(r'class="[^"]*utrecht-(textbox|select|textarea|checkbox|radio)', tag), tag
    assert "css/members.css" in html


def test_profile_fields_are_full_width_components(client, member):
    html = client.get(reverse("netwerk:profile")).content.decode()
    assert re.search(r'<select name="municipality"[^>]*class="utrecht-select', html)
    assert re.search(r'<textarea name="bio"[^>]*class="utrecht-textarea', html)
    assert 'class="utrecht-checkbox utrecht-checkbox--html-input"' in html
    # Optional fields say so; required ones do not.
    assert re.search(r"Andere organisatie\s*<span[^>]*>\(niet verplicht\)", html, re.I)


def test_empty_required_fields_get_a_dutch_error_summary_with_links(client, member):
    response = client.post(reverse("netwerk:question_create"), {"province": "utrecht"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Fout:" in html
    assert "Controleer uw keuze" not in html
    assert "Er zijn nog 3 verplichte velden leeg" in html
    assert '<a class="utrecht-link" href="#id_title">Titel</a>: Geef uw vraag een titel.' in html
    assert 'href="#id_text">Vraag</a>: Beschrijf uw vraag.' in html
    assert 'href="#id_urgency_0">' in html
    # The field itself says it too, and points at its message.
    title = re.search(r'<input type="text" name="title"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in title and re.search(
        r'aria-describedby="[^"]*id_title_error', title
    )
    assert "utrecht-textbox--invalid" in title
    assert 'id="id_title_error"' in html


def test_a_wrong_value_gets_a_summary_that_asks_to_correct(client, member):
    data = {
        "name": "Vera",
        "province": "utrecht",
        "visibility": "openbaar",
        "max_questions_per_month": "99",
        "organisation_name": "Provincie",
    }
    html = client.post(reverse("netwerk:profile"), data).content.decode()
    assert "Verbeter 1 punt om verder te gaan" in html
    assert 'value="Provincie"' in html  # the input is kept


# --- 2. the page for visitors ----------------------------------------------------------------


def test_visitors_get_an_explanation_then_login_or_register(client):
    response = client.get(reverse("netwerk:questions"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wat krijgt u als lid?" in html and "Zo wordt u lid" in html
    assert f'href="{reverse("netwerk:register")}"' in html
    login = _form(html, "member-form")
    assert f'action="{reverse("netwerk:login")}"' in login
    assert f'name="next" value="{reverse("netwerk:questions")}"' in login
    # No question of a member is shown to a visitor.
    QuestionFactory(title="Geheime vraag")
    assert "Geheime vraag" not in client.get(reverse("netwerk:questions")).content.decode()


def test_logging_in_from_the_visitor_page_leads_to_the_questions(client):
    profile = MemberFactory()
    profile.user.set_password("een-lang-wachtwoord-42")
    profile.user.save()
    response = client.post(
        reverse("netwerk:login"),
        {
            "username": profile.user.username,
            "password": "een-lang-wachtwoord-42",
            "next": reverse("netwerk:questions"),
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("netwerk:questions")


# --- 3. reasons --------------------------------------------------------------------------------


@pytest.fixture
def bvo():
    return collaboration_model("bedrijfsvoeringsorganisatie")


def _municipality(name: str, code: str) -> Municipality:
    found = Municipality.objects.filter(name=name).first()
    return found or Municipality.objects.create(code=code, name=name, slug=name.lower())


def test_reasons_name_the_specialism_the_item_and_the_municipalitys_experience(client, member, bvo):
    item = ItemFactory(
        title="Belastingsamenwerking Hoeksche Waard", themes=[theme("belastingen-en-woz")]
    )
    town = _municipality("Zeist", "GM0355")
    expert = ExpertFactory(
        name="Bea Belasting", themes=["belastingen-en-woz"], items=[item], municipality=town
    )
    collaboration = Collaboration.objects.create(
        name="BVO Heuvelrug", slug="bvo-heuvelrug", form=bvo, domain="bedrijfsvoering"
    )
    Membership.objects.create(collaboration=collaboration, municipality=town)
    response = client.post(
        reverse("netwerk:question_create"),
        {
            "title": "Hoe regelen we samen de WOZ-taxatie?",
            "text": "Wij willen de belastingen met buurgemeenten uitvoeren.",
            "themes": [theme("belastingen-en-woz").pk],
            "collaboration_models": [bvo.pk],
            "province": "utrecht",
            "urgency": "normaal",
        },
    )
    html = client.get(response["Location"]).content.decode()
    assert "profiel en bijdragen lijken op de vraag" not in html
    assert "specialisme: belastingen en WOZ" in html
    assert "is contactpersoon van het kennisitem ‘Belastingsamenwerking Hoeksche Waard’" in html
    form = lower_first(bvo.name)
    assert f"Zeist werkt al samen in een {form} (1 samenwerking)" in html
    # The request keeps the reasons as data: the expert reads them in their own language.
    question = Question.objects.get()
    client.post(reverse("netwerk:question_contact", args=[question.pk]), {"experts": [expert.pk]})
    stored = ContactRequest.objects.get().reasons
    assert {"code": "theme", "terms": ["Belastingen en WOZ"]}.items() <= stored[0].items()
    client.force_login(expert.user)
    url = ContactRequest.objects.get().get_absolute_url()
    assert "specialisme: belastingen en WOZ" in client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(url).content.decode()
    assert "specialism: belastingen en WOZ" in english


def test_old_contact_requests_with_sentences_still_show_them(client, member):
    expert = ExpertFactory()
    question = QuestionFactory(asker=member.user)
    request = ContactRequest.objects.create(
        question=question, expert=expert, reasons=["kent belastingen en WOZ"]
    )
    html = client.get(request.get_absolute_url()).content.decode()
    assert "kent belastingen en WOZ" in html


# --- 4. lists: search, filters, paging -------------------------------------------------------


def test_the_member_list_searches_and_filters(client):
    ExpertFactory(name="Anna Afval", visibility=Visibility.PUBLIC, themes=["omgeving-en-milieu"])
    ExpertFactory(
        name="Bea Belasting",
        visibility=Visibility.PUBLIC,
        themes=["belastingen-en-woz"],
        bio="Heffing en invordering",
    )
    MemberFactory(name="Chris Dicht", visibility=Visibility.PUBLIC, open_for_questions=False)
    url = reverse("netwerk:members")

    def names(query: str) -> set[str]:
        html = client.get(url + query).content.decode()
        return set(re.findall(r">((?:Anna|Bea|Chris) \w+)</a></h3>", html))

    assert names("") == {"Anna Afval", "Bea Belasting", "Chris Dicht"}
    assert names("?zoek=invordering") == {"Bea Belasting"}
    assert names("?zoek=bea") == {"Bea Belasting"}
    assert names("?thema=omgeving-en-milieu") == {"Anna Afval"}
    assert names("?open=on") == {"Anna Afval", "Bea Belasting"}
    html = client.get(url + "?zoek=niemand").content.decode()
    assert "Geen leden gevonden" in html and "0 leden" in html
    # Unknown filter values are no error page; the form says what is wrong.
    response = client.get(url + "?thema=bestaat-niet&provincie=mars&page=abc")
    assert response.status_code == 200


def test_the_member_list_is_paged_with_the_filters_kept(client, monkeypatch):
    monkeypatch.setattr(member_views, "MEMBERS_PER_PAGE", 2)
    for n in range(5):
        ExpertFactory(name=f"Openbaar {n}", visibility=Visibility.PUBLIC)
    html = client.get(reverse("netwerk:members") + "?open=on").content.decode()
    assert "Pagina 1 van 3" in html and "5 leden" in html
    assert 'aria-label="Pagina\'s met leden"' in html
    assert re.search(r'href="\?[^"]*open=on[^"]*page=2"', html)


def test_the_member_list_has_a_constant_number_of_queries(client, django_assert_max_num_queries):
    url = reverse("netwerk:members") + "?zoek=belasting&open=on"
    ExpertFactory(visibility=Visibility.PUBLIC, themes=["belastingen-en-woz"])
    client.get(url)
    for n in range(25):
        ExpertFactory(
            visibility=Visibility.PUBLIC, themes=["belastingen-en-woz", "wonen"], name=f"E{n}"
        )
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_the_question_list_searches_filters_and_pages(client, member, monkeypatch):
    monkeypatch.setattr(question_views, "QUESTIONS_PER_PAGE", 2)
    QuestionFactory(title="Afvalinzameling samen aanbesteden", text="Container en kliko")
    answered = QuestionFactory(title="WOZ-taxatie delen", themes=["belastingen-en-woz"])
    answer = answered.answers.create(author=member.user, text="Zo deden wij het.")
    answered.helpful_answer = answer
    answered.save()
    QuestionFactory(title="Jeugdzorg inkopen in de regio")
    url = reverse("netwerk:questions")

    def titles(query: str) -> list[str]:
        html = client.get(url + query).content.decode()
        return re.findall(r'question-card">\s*<h3[^>]*><a[^>]*>([^<]+)</a>', html)

    assert len(titles("")) == 2 and "Pagina 1 van 2" in client.get(url).content.decode()
    assert titles("?zoek=afvalinzameling") == ["Afvalinzameling samen aanbesteden"]
    assert titles("?status=beantwoord") == ["WOZ-taxatie delen"]
    assert titles("?thema=belastingen-en-woz") == ["WOZ-taxatie delen"]
    assert "Afvalinzameling samen aanbesteden" not in titles("?status=beantwoord")


def test_the_question_list_has_a_constant_number_of_queries(
    client, member, django_assert_max_num_queries
):
    url = reverse("netwerk:questions") + "?zoek=woz&status=open"
    QuestionFactory(themes=["belastingen-en-woz"])
    client.get(url)
    for _n in range(30):
        QuestionFactory(themes=["belastingen-en-woz", "wonen"])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


# --- 5. saved searches -----------------------------------------------------------------------


def test_saving_a_search_does_not_double_the_quotes(client, member):
    response = client.post(
        reverse("netwerk:saved_search_create"), {"query": "q=belastingen&thema=wonen"}
    )
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "‘‘" not in message and "’’" not in message
    assert message.startswith("Uw zoekopdracht is bewaard: ‘belastingen’ – ")
    response = client.post(
        reverse("netwerk:saved_search_create"),
        {"query": "q=afval", "name": "Mijn afval"},
    )
    message = [str(m) for m in get_messages(response.wsgi_request)][-1]
    assert "bewaard: ‘Mijn afval’." in message
