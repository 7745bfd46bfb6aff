"""The discussion in a real browser: a member logs in, answers a comment and sees the reply
nested under it; axe-core finds nothing on the item page (member, anonymous reader of a public
discussion, phone width) nor on the house rules page."""

import re

from kennisbank.models import Comment
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import ItemFactory, municipality
from tests.kennisbank.discussion_factories import CommentFactory
from tests.netwerk.member_factories import MemberFactory

PASSWORD = "correct-horse-battery-staple"  # tests.factories.UserFactory


def discussion_item():
    item = ItemFactory(
        title="Samen één belastingkantoor",
        discussion_public=True,
    )
    asker = MemberFactory(name="Anna Vragensteller", municipality=municipality("GM0546"))
    question = CommentFactory(
        item=item,
        author=asker.user,
        text="Hoe hebben jullie de **kosten** verdeeld tussen de gemeenten?",
    )
    other = MemberFactory(name="Bram Beantwoorder")
    answer = CommentFactory(item=item, author=other.user, parent=question, text="Naar inwoners.")
    CommentFactory(item=item, author=asker.user, parent=answer, text="En de vaste kosten?")
    CommentFactory(
        item=item,
        author=other.user,
        parent=Comment.objects.latest("id"),
        text="Een "
        + "heel-lang-woord-zonder-spaties-" * 6
        + " en [een bron](https://example.org).",
    )
    return item, question


def log_in(page, email, next_path):
    page.goto(f"/netwerk/leden/inloggen/?next={next_path}")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(re.escape(next_path)))


def test_member_replies_to_a_comment_and_sees_the_reply_nested(page):
    item, question = discussion_item()
    member = MemberFactory(name="Carla Collega", municipality=municipality("GM0344"))

    # Anonymous reader of a public discussion: names hidden, no forms.
    page.goto(item.get_absolute_url())
    discussion = page.locator("#discussie")
    assert "Hoe hebben jullie de kosten verdeeld" in discussion.inner_text()
    assert "Anna Vragensteller" not in discussion.inner_text()
    assert_no_axe_violations(page)

    log_in(page, member.user.email, item.get_absolute_url())
    page.goto(item.get_absolute_url() + "#discussie")
    assert "Anna Vragensteller" in page.locator(f"#comment-{question.pk}").inner_text()
    assert_no_axe_violations(page)

    page.locator(f"#comment-{question.pk}").get_by_role(
        "link", name="Reageren op Anna Vragensteller"
    ).click()
    page.wait_for_url(re.compile(r"/discussie/reactie/\d+/reageren/"))
    assert_no_axe_violations(page)
    page.get_by_label("Uw reactie").fill("Wij verdelen naar *inwonertal*, met een vaste voet.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    page.wait_for_url(re.compile(r"#comment-\d+$"))

    reply = Comment.objects.latest("id")
    assert reply.parent == question and reply.author == member.user
    assert "Uw reactie is geplaatst." in page.content()
    nested = page.locator(
        f"#comment-{question.pk} + ol.comment-thread--replies #comment-{reply.pk}"
    )
    assert nested.count() == 1
    assert "Carla Collega" in nested.inner_text()
    assert nested.locator("em").inner_text() == "inwonertal"
    assert_no_axe_violations(page)


def test_discussion_and_house_rules_at_phone_width(browser, live_server):
    item, _question = discussion_item()
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, bypass_csp=True
    )
    page = context.new_page()
    try:
        for url in (item.get_absolute_url(), "/kennisbank/huisregels/"):
            page.goto(url)
            assert_no_axe_violations(page)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{url} scrolt horizontaal ({overflow}px)"
    finally:
        context.close()
