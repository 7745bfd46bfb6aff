"""The eleven findings of the red-team pass (issue 11), each replayed as it was reported."""

import json
import secrets

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from modellentool.models import AdviceResult
from modellentool.services import result_save_for, version_published
from netwerk.models import Answer
from tests.factories import UserFactory
from tests.netwerk.member_factories import MemberFactory, QuestionFactory
from tests.test_deploy import run_manage

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


# 1. Login lockout bypass through other spellings of the address ------------------------------


def spellings(address: str):
    local, domain = address.split("@")
    yield address
    yield address.upper()
    yield address.capitalize()
    yield local.upper() + "@" + domain
    yield local + "@" + domain.upper()
    yield " " + address + " "


@pytest.mark.parametrize("login_url", ["/netwerk/leden/inloggen/", "/admin/login/"])
def test_the_fifth_wrong_try_in_any_spelling_locks(client, settings, login_url):
    user = UserFactory(username="pt@example.org", email="pt@example.org", is_staff=True)
    tries = list(spellings(user.email))
    for spelling in tries[: settings.AXES_FAILURE_LIMIT - 1]:
        response = client.post(login_url, {"username": spelling, "password": "fout"})
        assert response.status_code == 200
    response = client.post(
        login_url, {"username": tries[settings.AXES_FAILURE_LIMIT - 1], "password": "fout"}
    )
    assert response.status_code == 429
    # The right password in yet another spelling does not help during the cool-off.
    response = client.post(login_url, {"username": tries[-1], "password": PASSWORD})
    assert response.status_code == 429


# 2. NUL bytes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/netwerk/api/gemeenten/%00",
        "/netwerk/api/samenwerkingen/%00",
        "/netwerk/api/samenwerkingen?gemeente=%00",
        "/netwerk/api/samenwerkingen?vorm=%00",
        "/netwerk/gemeente/?gemeente=%00",
        "/netwerk/zoekopdrachten/feed/%00/",
        "/kennisbank/?q=%00",
        "/netwerk/leden/?page=%00",
    ],
)
def test_a_nul_byte_is_refused_not_a_server_error(client, url):
    assert client.get(url).status_code in (400, 404)


def test_a_nul_byte_in_a_posted_field_is_a_form_error(client):
    # Forms refuse NUL themselves (Django's CharField) and keep the rest of the input.
    response = client.post("/netwerk/leden/inloggen/", {"username": "a\x00b", "password": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["username"]


def test_a_nul_byte_page_says_why_in_dutch_and_the_api_in_json(client):
    page = client.get("/netwerk/gemeente/?gemeente=%00")
    assert "ongeldig teken" in page.content.decode()
    api = client.get("/netwerk/api/samenwerkingen?vorm=%00")
    assert "ongeldig teken" in api.json()["detail"]


# 3. Offsets beyond bigint --------------------------------------------------------------------


def test_an_offset_beyond_bigint_is_a_422(client):
    response = client.get("/netwerk/api/samenwerkingen?offset=9223372036854775808")
    assert response.status_code == 422
    assert "offset" in response.json()["detail"]


# 4. Over-long usernames ----------------------------------------------------------------------


@pytest.mark.parametrize("login_url", ["/netwerk/leden/inloggen/", "/admin/login/"])
def test_an_over_long_username_is_a_form_error(client, login_url):
    response = client.post(login_url, {"username": "a" * 300 + "@example.org", "password": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "a" * 300 in html  # the input is kept
    assert "Gebruik hoogstens" in html


# 5. The client address behind the TLS proxy --------------------------------------------------


def fail_login(client, *, remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        "/netwerk/leden/inloggen/", {"username": "pt@example.org", "password": "fout"}, **headers
    )


def register_from(client, n: int, *, remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        "/netwerk/leden/aanmelden/",
        {
            "name": f"Persoon {n}",
            "email": f"persoon{n}-{secrets.token_hex(3)}@example.org",
            "province": "utrecht",
            "password1": "Zeer-geheim-wachtwoord-42",
            "password2": "Zeer-geheim-wachtwoord-42",
        },
        **headers,
    )


def test_without_trusted_proxies_x_forwarded_for_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    UserFactory(username="pt@example.org", email="pt@example.org")
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert (
            fail_login(client, remote="203.0.113.7", forwarded=f"198.51.100.{n}").status_code == 200
        )
    # A fresh spoofed address does not make a new client: the limit holds.
    assert fail_login(client, remote="203.0.113.7", forwarded="198.51.100.99").status_code == 429
    for n in range(5):
        assert (
            register_from(client, n, remote="203.0.113.7", forwarded=f"192.0.2.{n}").status_code
            == 302
        )
    assert register_from(client, 9, remote="203.0.113.7", forwarded="192.0.2.9").status_code == 429


def test_behind_one_proxy_clients_are_counted_apart_and_cannot_spoof(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="pt@example.org", email="pt@example.org")
    proxy = "10.0.0.2"
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert fail_login(client, remote=proxy, forwarded="198.51.100.1").status_code == 200
    # The attacker adds a made-up address on the left; the proxy appended the real one.
    assert fail_login(client, remote=proxy, forwarded="192.0.2.55, 198.51.100.1").status_code == 429
    # Another client behind the same proxy is not locked out.
    assert fail_login(client, remote=proxy, forwarded="198.51.100.2").status_code == 200
    # Registrations: the same for the portal's own rate limit.
    for n in range(5):
        forwarded = f"192.0.2.{n}, 198.51.100.1"
        assert register_from(client, n, remote=proxy, forwarded=forwarded).status_code == 302
    assert register_from(client, 9, remote=proxy, forwarded="198.51.100.1").status_code == 429
    assert register_from(client, 10, remote=proxy, forwarded="198.51.100.2").status_code == 302


# 6. Persistent connections only under an application server ---------------------------------


def test_runserver_keeps_no_persistent_connections():
    from portal.settings import conn_max_age

    assert conn_max_age(["manage.py", "runserver", "127.0.0.1:8000"], {}) == 0
    assert conn_max_age(["manage.py", "runserver"], {"CONN_MAX_AGE": "60"}) == 0


def test_gunicorn_keeps_persistent_connections():
    from portal.settings import conn_max_age

    assert conn_max_age(["gunicorn", "portal.wsgi"], {}) == 60
    assert conn_max_age(["gunicorn", "portal.wsgi"], {"CONN_MAX_AGE": "120"}) == 120


# 7. Duplicate answers and the race when saving an advice -------------------------------------


def test_five_identical_answer_posts_make_one_answer(client):
    question = QuestionFactory()
    profile = MemberFactory()
    client.force_login(profile.user)
    url = f"/netwerk/vragen/{question.pk}/antwoord/"
    for _ in range(5):
        response = client.post(url, {"text": "Wij doen dit samen met de buren via een DVO."})
        assert response.status_code == 302
    assert Answer.objects.filter(question=question).count() == 1


def test_two_members_saving_the_same_advice_at_once_one_is_told_it_failed():
    result = AdviceResult.objects.create(
        token=secrets.token_urlsafe(24), version=version_published(), answers={}
    )
    first, second = UserFactory(), UserFactory()
    # Both requests read the advice before either saved it.
    seen_by_first = AdviceResult.objects.get(pk=result.pk)
    seen_by_second = AdviceResult.objects.get(pk=result.pk)
    assert result_save_for(result=seen_by_first, user=first) is True
    assert result_save_for(result=seen_by_second, user=second) is False
    result.refresh_from_db()
    assert result.owner == first


# 8. Registration does not reveal which addresses have an account -----------------------------


def test_registration_answers_the_same_for_a_known_address(client):
    UserFactory(username="bekend@example.org", email="bekend@example.org")
    data = {
        "name": "Iemand",
        "province": "utrecht",
        "password1": "Zeer-geheim-wachtwoord-42",
        "password2": "Zeer-geheim-wachtwoord-42",
    }
    known = client.post("/netwerk/leden/aanmelden/", {**data, "email": "BEKEND@example.org"})
    new = client.post("/netwerk/leden/aanmelden/", {**data, "email": "nieuw@example.org"})
    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    # The owner of the known address hears of it by mail, and no second account is made.
    assert [m.to for m in mail.outbox] == [["bekend@example.org"], ["nieuw@example.org"]]
    assert "al een account" in mail.outbox[0].body


def test_after_the_rate_limit_a_known_address_is_not_revealed_either(client):
    UserFactory(username="bekend@example.org", email="bekend@example.org")
    data = {
        "name": "Iemand",
        "province": "utrecht",
        "password1": "Zeer-geheim-wachtwoord-42",
        "password2": "Zeer-geheim-wachtwoord-42",
    }
    for n in range(5):
        client.post("/netwerk/leden/aanmelden/", {**data, "email": f"x{n}@example.org"})
    known = client.post("/netwerk/leden/aanmelden/", {**data, "email": "bekend@example.org"})
    new = client.post("/netwerk/leden/aanmelden/", {**data, "email": "nieuw@example.org"})
    assert known.status_code == new.status_code == 429
    assert "al een account" not in known.content.decode()


# 9. The advice PDF is rendered once per result and version -----------------------------------


def test_the_second_pdf_request_is_not_rendered_again(client, monkeypatch):
    import modellentool.pdf

    result = AdviceResult.objects.create(
        token=secrets.token_urlsafe(24), version=version_published(), answers={}
    )
    renders = []
    real = modellentool.pdf.html_to_pdf

    def counting(html, **kwargs):
        renders.append(1)
        return real(html, **kwargs)

    monkeypatch.setattr(modellentool.pdf, "html_to_pdf", counting)
    url = f"/modellentool/advies/{result.token}/pdf/"
    first = client.get(url)
    second = client.get(url + "?q=iets")
    client.force_login(UserFactory())
    third = client.get(url)
    assert first.status_code == second.status_code == third.status_code == 200
    assert first.content == second.content == third.content
    assert first.content.startswith(b"%PDF")
    assert len(renders) == 1


# 10. The import fails when any line was rejected ---------------------------------------------


def test_import_exits_non_zero_when_a_line_is_rejected_but_keeps_the_good_ones(tmp_path):
    from kennisbank.models import Item
    from tests.kennisbank.test_import import line

    lines = [line(external_id="goed-1"), line(external_id="goed-2")]
    lines += [line(external_id=f"fout-{n}", type="roman") for n in range(9)]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="9"):
        call_command("import_kennisbank", str(path))
    assert set(Item.objects.values_list("external_id", flat=True)) == {"goed-1", "goed-2"}


# 11. Line breaks in names, and the language cookie -------------------------------------------


def test_line_breaks_in_a_registration_name_do_not_reach_the_mail(client):
    response = client.post(
        "/netwerk/leden/aanmelden/",
        {
            "name": "Anna\r\nBcc: iedereen@example.org\n\nKlik hier",
            "email": "anna@example.org",
            "province": "utrecht",
            "password1": "Zeer-geheim-wachtwoord-42",
            "password2": "Zeer-geheim-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    body = mail.outbox[0].body
    assert "Beste Anna Bcc: iedereen@example.org Klik hier," in body


def test_a_line_break_in_a_question_title_does_not_break_the_mail(client):
    asker = MemberFactory()
    question = QuestionFactory(asker=asker.user, title="Eerste regel\r\nBcc: x@example.org")
    answerer = MemberFactory()
    client.force_login(answerer.user)
    response = client.post(f"/netwerk/vragen/{question.pk}/antwoord/", {"text": "Een antwoord."})
    assert response.status_code == 302
    assert mail.outbox[-1].subject == "Nieuw antwoord op uw vraag: Eerste regel Bcc: x@example.org"


def test_the_language_cookie_is_secure_and_same_site_in_production():
    code = (
        "from django.conf import settings; import json; "
        "print(json.dumps([settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_SAMESITE,"
        " settings.LANGUAGE_COOKIE_HTTPONLY]))"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        DEBUG="0",
        SECRET_KEY="x" * 20 + "production-secret-with-enough-entropy-1234567890",
        ALLOWED_HOSTS="kennisplatform.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [True, "Lax", True]
