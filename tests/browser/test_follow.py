"""Following in a real browser: the follow button, "Volgen en e-mail", unsubscribing."""

import re

from netwerk.community.services import digests as digest
from netwerk.models import Follow
from portal.constants import DigestFrequency
from portal.models import MemberProfile
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_netwerk_members import log_in
from tests.factories import ItemFactory, theme
from tests.html import validate_html
from tests.netwerk.member_factories import MemberFactory

PASSWORD = "correct-horse-battery-staple"  # UserFactory's


def test_follow_a_discussion_then_manage_it_on_the_follow_page(page):
    item = ItemFactory(title="Samen de jeugdzorg inkopen", themes=[theme("jeugd")])
    member = MemberFactory(name="Fenna Volger")
    log_in(page, member.user.email, PASSWORD)

    page.goto(item.get_absolute_url())
    page.get_by_role("button", name="Volg de discussie").click()
    page.wait_for_url(re.compile(re.escape(item.get_absolute_url()) + "$"))
    assert page.get_by_text("U volgt de discussie.").is_visible()
    assert Follow.objects.filter(user=member.user, item=item).exists()
    assert_no_axe_violations(page)

    page.goto("/kennisbank/?q=jeugdzorg&thema=jeugd")
    page.get_by_role("button", name="Bewaar deze zoekopdracht").click()
    assert page.get_by_text("is bewaard").is_visible()
    page.get_by_role("button", name="Volg het thema Jeugd").click()
    assert page.get_by_text("U volgt Jeugd.").is_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Volgen en e-mail").first.click()
    page.wait_for_url(re.compile(r"/netwerk/leden/mijn-profiel/volgen/$"))
    assert page.get_by_role("link", name="Samen de jeugdzorg inkopen").is_visible()
    errors = validate_html({"volgen": page.content()})  # before axe adds its script
    assert errors == {}, errors
    assert_no_axe_violations(page)

    page.get_by_label("Dagelijks").check()
    page.get_by_role("button", name="Keuze opslaan").click()
    page.wait_for_url(re.compile(r"/netwerk/leden/mijn-profiel/volgen/$"))
    assert MemberProfile.objects.get(pk=member.pk).digest_frequency == DigestFrequency.DAILY

    page.get_by_role("button", name=re.compile("Niet meer volgen: Discussie")).click()
    page.wait_for_url(re.compile(r"/netwerk/leden/mijn-profiel/volgen/$"))
    assert not Follow.objects.filter(user=member.user, item=item).exists()
    assert Follow.objects.filter(user=member.user, theme=theme("jeugd")).exists()


def test_unsubscribe_from_the_mail_link_without_logging_in(page):
    member = MemberFactory()
    page.goto(digest.unsubscribe_path(profile_id=member.pk))
    errors = validate_html({"afmelden": page.content()})
    assert errors == {}, errors
    assert_no_axe_violations(page)
    assert MemberProfile.objects.get(pk=member.pk).digest_frequency == DigestFrequency.WEEKLY

    page.get_by_role("button", name="Ja, meld mij af").click()
    assert page.get_by_text("U bent afgemeld.").is_visible()
    assert_no_axe_violations(page)
    assert MemberProfile.objects.get(pk=member.pk).digest_frequency == DigestFrequency.NEVER
