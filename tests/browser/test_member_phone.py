"""Issue 15, members: on a phone (390 px) a visitor reads what the network is, logs in, asks a
question (first forgetting the required fields), and sees the matched experts with reasons that
name what matched. axe-core (WCAG 2.2 AA) finds nothing on the new and changed pages at 1280 and
390 px, and none of them scrolls sideways at 360 px."""

import re

from tests.browser.conftest import assert_no_axe_violations
from tests.factories import ItemFactory, collaboration_model, theme
from tests.netwerk.member_factories import ExpertFactory, MemberFactory, QuestionFactory

PASSWORD = "Zeer-geheim-wachtwoord-42"
PHONE = {"width": 390, "height": 844}


def _member():
    member = MemberFactory(name="Vera Vraag")
    member.user.set_password(PASSWORD)
    member.user.save()
    return member


def _sideways(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_a_member_asks_a_question_on_a_phone_and_sees_why_experts_match(page):
    item = ItemFactory(
        title="Belastingsamenwerking in de Hoeksche Waard",
        summary="Vijf gemeenten heffen samen de belastingen en taxeren samen de WOZ.",
        themes=[theme("belastingen-en-woz")],
    )
    ExpertFactory(name="Bea Belasting", themes=["belastingen-en-woz"], items=[item])
    member = _member()
    page.set_viewport_size(PHONE)

    # "Vragen" for a visitor: what the network is, then log in right there.
    page.goto("/netwerk/vragen/")
    assert page.get_by_role("heading", name="Wat krijgt u als lid?").is_visible()
    assert page.get_by_role("link", name="Lid worden").is_visible()
    assert_no_axe_violations(page)
    page.get_by_label("E-mailadres").fill(member.user.email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/netwerk/vragen/$"))
    assert page.get_by_role("heading", name="Alle vragen").is_visible()

    # The question form: full-width NL Design System fields, nothing cut off.
    page.get_by_role("link", name="Een vraag stellen").first.click()
    page.wait_for_url(re.compile(r"/vragen/nieuw/$"))
    form_width = page.locator("form.member-form").bounding_box()["width"]
    for selector in ("#id_title", "#id_text", "#id_province"):
        box = page.locator(selector).bounding_box()
        assert box["width"] >= form_width - 2, selector
    province = page.locator("#id_province")
    assert page.evaluate("el => el.scrollWidth <= el.clientWidth + 1", province.element_handle())
    assert _sideways(page) == 0

    # Forgetting the required fields gives a Dutch summary that links to them.
    page.get_by_role("button", name="Vraag stellen").click()
    summary = page.locator(".member-error-summary")
    assert "verplichte velden leeg" in summary.inner_text()
    assert "Controleer uw keuze" not in page.content()
    assert_no_axe_violations(page)
    assert summary.get_by_role("link", name="Titel").get_attribute("href") == "#id_title"

    page.locator("#id_title").fill("Hoe regelen we samen de WOZ-taxatie?")
    page.locator("#id_text").fill(
        "Wij willen de belastingen en de WOZ met twee buurgemeenten samen uitvoeren."
    )
    page.get_by_label("Belastingen en WOZ", exact=True).check()
    page.get_by_label(collaboration_model("bedrijfsvoeringsorganisatie").name, exact=True).check()
    page.get_by_role("button", name="Vraag stellen").click()
    page.wait_for_url(re.compile(r"/netwerk/vragen/\d+/$"))

    # The matched expert, with reasons that say what matched.
    card = page.locator(".suggestion-card").first
    text = card.inner_text()
    assert "Bea Belasting" in text
    assert "specialisme: belastingen en WOZ" in text
    assert f"is contactpersoon van het kennisitem ‘{item.title}’" in text
    assert "lijken op de vraag" not in text
    assert _sideways(page) == 0
    assert_no_axe_violations(page)


def test_new_and_changed_member_pages_pass_axe_and_do_not_scroll_sideways(page):
    member = _member()
    ExpertFactory(name="Bea Belasting", themes=["belastingen-en-woz"], visibility="openbaar")
    QuestionFactory(title="Afvalinzameling samen aanbesteden", asker=member.user)

    def check(paths):
        for width, height in ((1280, 900), (390, 844), (360, 740)):
            page.set_viewport_size({"width": width, "height": height})
            for path in paths:
                page.goto(path)
                assert _sideways(page) == 0, (path, width)
                if width != 360:
                    assert_no_axe_violations(page)

    check(["/netwerk/vragen/", "/netwerk/leden/?zoek=bea&open=on", "/netwerk/leden/aanmelden/"])
    page.goto("/netwerk/leden/inloggen/")
    page.get_by_label("E-mailadres").fill(member.user.email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/netwerk/leden/mijn-profiel/"))
    check(
        [
            "/netwerk/vragen/?zoek=afval&status=open",
            "/netwerk/vragen/nieuw/",
            "/netwerk/leden/mijn-profiel/",
            "/netwerk/leden/mijn-profiel/volgen/",
            "/netwerk/leden/",
        ]
    )
    # A form with errors, at both widths.
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/netwerk/vragen/nieuw/")
        page.get_by_role("button", name="Vraag stellen").click()
        assert page.locator(".member-error-summary").is_visible()
        assert_no_axe_violations(page)
