"""Registration with e-mail confirmation, login protection, password reset, rate limits."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from netwerk.community.services.rate_limits import RATE_LIMITS
from portal.models import MemberProfile
from tests.factories import ItemFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Zeer-geheim-wachtwoord-42"


def register(client, email="anna@example.org", **changes):
    data = {
        "name": "Anna de Vries",
        "email": email,
        "province": "utrecht",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **changes,
    }
    return client.post(reverse("netwerk:register"), data)


def confirmation_path(message) -> str:
    link = re.search(r"https?://\S+", message.body).group(0)
    return link[link.index("/netwerk/") :]


def test_register_confirm_and_land_on_the_profile(client):
    response = register(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("netwerk:register_done")
    user = get_user_model().objects.get(email="anna@example.org")
    assert not user.is_active
    assert MemberProfile.objects.get(user=user).name == "Anna de Vries"
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert "Bevestig uw aanmelding" in message.subject
    response = client.get(confirmation_path(message), follow=True)
    assert response.redirect_chain[-1][0] == reverse("netwerk:profile")
    assert "Uw aanmelding is bevestigd" in response.content.decode()
    user.refresh_from_db()
    assert user.is_active
    # The link works once: the token depends on the last login.
    assert client.get(confirmation_path(message)).status_code == 400


def test_a_forged_or_garbled_confirmation_link_is_refused(client):
    register(client)
    assert client.get("/netwerk/leden/bevestigen/MQ/abc-def/").status_code == 400
    assert client.get("/netwerk/leden/bevestigen/%%%/x/").status_code in {400, 404}
    assert not get_user_model().objects.get(email="anna@example.org").is_active


def test_bad_registration_input_gives_dutch_errors_and_keeps_the_input(client):
    response = register(client, email="geen-adres", password2="iets anders")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Voer een geldig e-mailadres in." in html
    assert "De twee wachtwoorden zijn niet gelijk." in html
    assert 'value="Anna de Vries"' in html
    assert not get_user_model().objects.exists()


def test_a_weak_password_is_refused_and_a_taken_address_gets_a_mail_not_a_message(client):
    assert (
        "te kort: gebruik ten minste acht tekens"
        in register(client, password1="kort", password2="kort").content.decode()
    )
    register(client)
    # The page does not tell whether the address has an account (issue 11); its owner is told.
    response = register(client)
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="anna@example.org").count() == 1
    assert "Met dit e-mailadres is al een account gemaakt." in mail.outbox[-1].body


def test_registration_is_rate_limited_per_address(client, monkeypatch):
    monkeypatch.setitem(RATE_LIMITS, "registration", (2, 3600))
    assert register(client, email="a1@example.org").status_code == 302
    assert register(client, email="a2@example.org").status_code == 302
    response = register(client, email="a3@example.org")
    assert response.status_code == 429
    assert "te vaak" in response.content.decode()
    assert get_user_model().objects.count() == 2


def test_login_and_logout_with_the_member_pages(client):
    register(client)
    client.get(confirmation_path(mail.outbox[0]))
    client.post(reverse("netwerk:logout"))
    assert client.get(reverse("netwerk:profile")).status_code == 302
    response = client.post(
        reverse("netwerk:login"), {"username": "anna@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == reverse("netwerk:profile")
    assert client.get(reverse("netwerk:profile")).status_code == 200
    assert client.get(reverse("netwerk:logout")).status_code == 405


def test_login_is_locked_after_repeated_failures(client, settings):
    register(client)
    client.get(confirmation_path(mail.outbox[0]))
    client.post(reverse("netwerk:logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            reverse("netwerk:login"), {"username": "anna@example.org", "password": "fout"}
        )
        assert response.status_code == 200
        assert "horen niet bij elkaar" in response.content.decode()
    response = client.post(
        reverse("netwerk:login"), {"username": "anna@example.org", "password": "fout"}
    )
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.content.decode()
    # Even the right password does not help during the cool-off.
    response = client.post(
        reverse("netwerk:login"), {"username": "anna@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert AccessAttempt.objects.exists()


def test_password_reset_mails_a_link_that_sets_a_new_password(client):
    register(client)
    client.get(confirmation_path(mail.outbox[0]))
    client.post(reverse("netwerk:logout"))
    response = client.post(reverse("netwerk:password_reset"), {"email": "anna@example.org"})
    assert response["Location"] == reverse("netwerk:password_reset_done")
    message = mail.outbox[-1]
    assert message.subject == "Nieuw wachtwoord voor het Kennisplatform"
    response = client.get(confirmation_path(message), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "Een-nieuw-wachtwoord-7", "new_password2": "Een-nieuw-wachtwoord-7"},
    )
    assert response["Location"] == reverse("netwerk:password_reset_complete")
    assert (
        client.post(
            reverse("netwerk:login"),
            {"username": "anna@example.org", "password": "Een-nieuw-wachtwoord-7"},
        ).status_code
        == 302
    )


def test_confirming_links_the_kennisbank_items_with_the_members_address(client):
    item = ItemFactory(contact_name="Anna de Vries", contact_email="Anna@Example.org")
    ItemFactory(contact_email="iemand@example.org")
    register(client)
    client.get(confirmation_path(mail.outbox[0]))
    profile = MemberProfile.objects.get(user__email="anna@example.org")
    assert [c.item for c in profile.item_contacts.all()] == [item]


def test_accounts_made_elsewhere_log_in_with_their_address_too(client):
    user = UserFactory()  # username differs from the e-mail address
    response = client.post(
        reverse("netwerk:login"),
        {"username": user.email.upper(), "password": "correct-horse-battery-staple"},
    )
    assert response.status_code == 302
    assert client.get(reverse("netwerk:profile")).status_code == 200
