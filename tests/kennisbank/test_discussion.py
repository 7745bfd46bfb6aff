"""The discussion under items and dossiers: who reads, posting and threading, editing window,
sanitised Markdown, reports, moderation (hide, lock), rate limit and query counts.

No time-machine or freezegun in the venv: the services take `now`, and "16 minutes later" is
made by moving a comment's created_at back in the database.
"""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import ItemType, Status
from kennisbank.models import Comment, CommentReport, Item
from kennisbank.services import discussion as rules
from tests.factories import DossierFactory, EditorFactory, ItemFactory, UserFactory, municipality
from tests.html import validate_html
from tests.kennisbank.discussion_factories import CommentFactory, CommentReportFactory
from tests.netwerk.member_factories import MemberFactory

pytestmark = pytest.mark.django_db


def page_of(response, status=200) -> str:
    assert response.status_code == status, response.status_code
    return response.content.decode()


def member_client(client, **profile):
    profile = MemberFactory(**profile)
    client.force_login(profile.user)
    return profile


def post_comment(client, item, text, parent=None):
    if parent is None:
        url = reverse("kennisbank:comment_create", args=[item.pk])
    else:
        url = reverse("kennisbank:comment_reply", args=[parent.pk])
    return client.post(url, {"text": text})


def discussion_part(page: str) -> str:
    start = page.index('id="discussie"')
    return page[start : page.index("</section>", page.rindex("comment-thread", start))]


# --- Who reads -----------------------------------------------------------------------------------


def test_anonymous_visitor_is_asked_to_log_in_unless_the_discussion_is_public(client):
    item = ItemFactory()
    CommentFactory(item=item, text="Een reactie voor leden.")

    page = page_of(client.get(item.get_absolute_url()))
    assert "Log in om de discussie te lezen." in page
    assert f"?next={item.get_absolute_url()}%23discussie" in page
    assert "Een reactie voor leden." not in page

    Item.objects.filter(pk=item.pk).update(discussion_public=True)
    page = page_of(client.get(item.get_absolute_url()))
    assert "Een reactie voor leden." in page
    assert "Log in om de discussie te lezen." not in page
    assert 'action="/kennisbank/discussie/' not in page  # reading only


def test_names_are_for_members_and_email_addresses_for_nobody(client):
    item = ItemFactory(discussion_public=True)
    author = MemberFactory(name="Anna de Vries", municipality=municipality("GM0344"))
    CommentFactory(item=item, author=author.user, text="Wij deden het zo.")
    bare = UserFactory(first_name="Bert", last_name="Zonderprofiel")
    CommentFactory(item=item, author=bare, text="Ik heb geen profiel.")

    anonymous = page_of(client.get(item.get_absolute_url()))
    assert "Anna de Vries" not in anonymous and "Een deelnemer" in anonymous
    assert "Zonderprofiel" not in anonymous

    member_client(client)
    page = page_of(client.get(item.get_absolute_url()))
    assert "Anna de Vries" in page and ", Utrecht" in page
    assert "Bert Zonderprofiel" in page
    for private in (author.user.email, author.user.username, bare.email, author.phone):
        assert private not in page and private not in anonymous


def test_discussion_on_a_dossier(client):
    dossier = DossierFactory()
    member_client(client)
    response = post_comment(client, dossier, "Mis ik hier het rapport over afval?")
    comment = Comment.objects.get()
    assert response.url == f"{dossier.get_absolute_url()}#comment-{comment.pk}"
    assert "Mis ik hier het rapport over afval?" in page_of(client.get(dossier.get_absolute_url()))


def test_no_discussion_on_items_that_are_not_public(client, editor):
    draft = ItemFactory(status=Status.DRAFT)
    member_client(client)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert post_comment(client, draft, "Stiekem").status_code == 404

    client.force_login(editor)
    page = page_of(client.get(draft.get_absolute_url()))
    assert "Nog geen reacties." in page
    assert "Reactie plaatsen" not in page  # editors preview, nobody posts on a draft


# --- Posting and threading -----------------------------------------------------------------------


def test_member_posts_a_comment_and_a_reply_that_is_shown_nested(client):
    item = ItemFactory()
    profile = member_client(client, name="Carla Reageerder")
    response = post_comment(client, item, "Hoe hebben jullie de kosten verdeeld?")
    first = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == f"{item.get_absolute_url()}#comment-{first.pk}"
    assert first.author == profile.user

    response = post_comment(client, item, "Naar inwonertal, vast bedrag erbij.", parent=first)
    reply = Comment.objects.latest("id")
    assert reply.parent == first
    assert response.url.endswith(f"#comment-{reply.pk}")

    page = page_of(client.get(item.get_absolute_url()))
    assert "Uw reactie is geplaatst." in page
    nested = page[page.index(f'id="comment-{first.pk}"') :]
    replies = nested[nested.index('class="comment-thread comment-thread--replies"') :]
    assert f'id="comment-{reply.pk}"' in replies
    assert "(2 reacties)" in page


def test_reply_page_shows_the_comment_answered_and_the_house_rules(client):
    comment = CommentFactory(text="Wie heeft ervaring met een **GR**?")
    member_client(client)
    page = page_of(client.get(reverse("kennisbank:comment_reply", args=[comment.pk])))
    assert "<strong>GR</strong>" in page
    assert reverse("kennisbank:house_rules") in page
    assert "huisregels" in page


def test_replies_deeper_than_two_levels_are_shown_at_level_two_with_a_link_to_their_parent(
    client,
):
    item = ItemFactory()
    member_client(client)
    top = CommentFactory(item=item)
    one = CommentFactory(item=item, parent=top)
    two = CommentFactory(item=item, parent=one)
    three = CommentFactory(item=item, parent=two)
    four = CommentFactory(item=item, parent=three)

    viewer = UserFactory()
    [root] = rules.build_thread(rules.thread_comments(item=item, viewer=viewer), viewer=viewer)
    assert root.comment == top
    [level1] = root.children
    assert [(n.comment, n.depth, n.reply_to) for n in level1.children] == [
        (two, 2, None),
        (three, 2, two),
        (four, 2, three),
    ]

    page = page_of(client.get(item.get_absolute_url()))
    block = page[page.index(f'id="comment-{three.pk}"') :]
    assert f'Reactie op <a class="utrecht-link" href="#comment-{two.pk}">' in block
    # Three nested lists at most: the top list and two levels of replies.
    assert discussion_part(page).count("<ol class=") == 3


def test_sanitised_markdown_no_script_no_javascript_links(client):
    item = ItemFactory()
    member_client(client)
    text = (
        "**Let op** <script>alert('x')</script> en [klik hier](javascript:alert(1)) of "
        '<a href="javascript:alert(2)">dit</a> <img src=x onerror="alert(3)"> '
        "[bron](https://example.org/rapport)"
    )
    post_comment(client, item, text)
    part = discussion_part(page_of(client.get(item.get_absolute_url())))
    assert "<strong>Let op</strong>" in part
    assert "<script" not in part and "javascript:" not in part and "onerror" not in part
    assert "<img" not in part
    assert 'href="https://example.org/rapport"' in part


def test_headings_in_a_reply_stay_text_and_links_are_marked_as_user_content(client):
    item = ItemFactory()
    member_client(client)
    post_comment(client, item, "# Mijn kop\n\nZie [het rapport](https://example.org/r).")
    part = discussion_part(page_of(client.get(item.get_absolute_url())))
    # A heading in a reply would break the page's heading order under "Discussie".
    assert "Mijn kop" in part and "<h2>Mijn kop" not in part and "<h1>Mijn kop" not in part
    assert 'rel="nofollow ugc noopener noreferrer"' in part


def test_too_long_or_empty_comment_is_refused_in_dutch_and_the_text_kept(client):
    item = ItemFactory()
    member_client(client)
    long_text = "Een lange reactie. " * 300  # 5700 characters
    response = post_comment(client, item, long_text)
    page = page_of(response, status=400)
    assert "hoogstens 5000 mag" in page
    assert long_text.strip()[:200] in page
    assert 'href="#id_text"' in page  # the error summary leads to the field
    assert Comment.objects.count() == 0

    page = page_of(post_comment(client, item, "   "), status=400)
    assert "Schrijf eerst uw reactie." in page


def test_anonymous_post_goes_to_login_and_get_is_not_allowed(client):
    item = ItemFactory()
    response = post_comment(client, item, "Anoniem")
    assert response.status_code == 302
    assert response.url.startswith(reverse("netwerk:login") + "?next=")
    assert Comment.objects.count() == 0
    member_client(client)
    assert client.get(reverse("kennisbank:comment_create", args=[item.pk])).status_code == 405


def test_reply_to_a_comment_of_another_item_is_impossible(client):
    other = CommentFactory()
    assert other.item.pk
    member_client(client)
    # The reply URL takes the item from the comment; a forged parent cannot cross items.
    with pytest.raises(rules.DiscussionError):
        rules.comment_create(item=ItemFactory(), author=UserFactory(), text="x", parent=other)


# --- Editing window ------------------------------------------------------------------------------


def test_author_edits_within_the_window_and_the_comment_says_bewerkt(client):
    profile = member_client(client)
    comment = CommentFactory(author=profile.user, text="Eerste versie")
    page = page_of(client.get(comment.item.get_absolute_url()))
    edit_url = reverse("kennisbank:comment_edit", args=[comment.pk])
    assert edit_url in page

    response = client.post(edit_url, {"text": "Verbeterde versie"})
    assert response.url.endswith(f"#comment-{comment.pk}")
    page = page_of(client.get(comment.item.get_absolute_url()))
    assert "Verbeterde versie" in page and "bewerkt" in page


def test_after_fifteen_minutes_no_edit_link_and_a_post_is_refused(client):
    profile = member_client(client)
    comment = CommentFactory(author=profile.user, text="Oude tekst")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=16)
    )
    edit_url = reverse("kennisbank:comment_edit", args=[comment.pk])
    assert edit_url not in page_of(client.get(comment.item.get_absolute_url()))
    assert "niet meer worden bewerkt" in page_of(client.get(edit_url), status=403)

    page = page_of(client.post(edit_url, {"text": "Te laat gewijzigd"}), status=403)
    assert "tot 15 minuten na het plaatsen" in page
    assert "Te laat gewijzigd" in page  # kept, so it can be copied
    comment.refresh_from_db()
    assert comment.text == "Oude tekst" and comment.edited_at is None


def test_edit_window_rule_with_a_given_now_and_the_setting(settings):
    comment = CommentFactory()
    user = comment.author
    assert rules.comment_editable(comment=comment, user=user, now=comment.created_at)
    later = comment.created_at + dt.timedelta(minutes=15, seconds=1)
    assert not rules.comment_editable(comment=comment, user=user, now=later)
    settings.KENNISBANK_COMMENT_EDIT_MINUTES = 30
    assert rules.comment_editable(comment=comment, user=user, now=later)
    with pytest.raises(rules.EditWindowClosed):
        rules.comment_edit(
            comment=comment, user=user, text="x", now=later + dt.timedelta(minutes=15)
        )


def test_only_the_author_edits(client):
    comment = CommentFactory()
    member_client(client)
    url = reverse("kennisbank:comment_edit", args=[comment.pk])
    assert "eigen reacties" in page_of(client.post(url, {"text": "Overgenomen"}), status=403)
    comment.refresh_from_db()
    assert comment.text != "Overgenomen"
    assert client.logout() is None
    assert client.get(url).status_code == 302


# --- Reports -------------------------------------------------------------------------------------


def test_member_reports_once_and_a_second_report_gets_a_friendly_message(client):
    comment = CommentFactory()
    member_client(client)
    url = reverse("kennisbank:comment_report", args=[comment.pk])
    assert "Waarom meldt u deze reactie?" in page_of(client.get(url))

    response = client.post(url, {"reason": "Reclame voor een adviesbureau"}, follow=True)
    assert "Dank u voor uw melding" in page_of(response)
    assert "U heeft deze reactie gemeld" in page_of(response)
    assert url not in page_of(response)

    response = client.post(url, {"reason": "Nog eens"}, follow=True)
    assert "U had deze reactie al gemeld" in page_of(response)
    assert CommentReport.objects.count() == 1


def test_report_needs_a_reason_and_authors_cannot_report_themselves(client):
    profile = member_client(client)
    other = CommentFactory()
    url = reverse("kennisbank:comment_report", args=[other.pk])
    page = page_of(client.post(url, {"reason": ""}), status=400)
    assert "Schrijf kort waarom u de reactie meldt." in page

    own = CommentFactory(author=profile.user)
    own_url = reverse("kennisbank:comment_report", args=[own.pk])
    assert own_url not in page_of(client.get(own.item.get_absolute_url()))
    page_of(client.post(own_url, {"reason": "Ikzelf"}), status=403)
    assert CommentReport.objects.count() == 0


# --- Moderation ----------------------------------------------------------------------------------


def test_editor_hides_a_comment_its_replies_stay_and_only_editors_see_the_text(client, editor):
    item = ItemFactory()
    rude = CommentFactory(item=item, text="Onbeschofte tekst")
    reply = CommentFactory(item=item, parent=rude, text="Een nette reactie erop")
    CommentReportFactory(comment=rude)

    client.force_login(editor)
    page = page_of(client.get(item.get_absolute_url()))
    assert "1 open melding" in page
    client.post(
        reverse("kennisbank:comment_moderate", args=[rude.pk]),
        {"action": "hide", "reason": "Scheldwoorden"},
    )
    rude.refresh_from_db()
    assert rude.hidden and rude.hidden_reason == "Scheldwoorden"
    page = page_of(client.get(item.get_absolute_url()))
    assert "Onbeschofte tekst" in page and "Alleen voor de redactie zichtbaar" in page

    member_client(client)
    page = page_of(client.get(item.get_absolute_url()))
    assert "Deze reactie is verborgen door de redactie." in page
    assert "Onbeschofte tekst" not in page and "Scheldwoorden" not in page
    assert reply.text in page

    response = client.post(
        reverse("kennisbank:comment_moderate", args=[rude.pk]), {"action": "show"}
    )
    assert response.status_code == 403
    client.force_login(editor)
    client.post(reverse("kennisbank:comment_moderate", args=[rude.pk]), {"action": "show"})
    rude.refresh_from_db()
    assert not rude.hidden and rude.hidden_reason == ""


def test_editor_locks_the_discussion_and_new_posts_are_refused(client, editor):
    item = ItemFactory()
    comment = CommentFactory(item=item)
    client.force_login(editor)
    response = client.post(reverse("kennisbank:discussion_lock", args=[item.pk]), {"locked": "1"})
    assert response.url == f"{item.get_absolute_url()}#discussie"
    item.refresh_from_db()
    assert item.discussion_locked

    profile = member_client(client)
    page = page_of(client.get(item.get_absolute_url()))
    assert "De discussie is gesloten" in page and "Reactie plaatsen" not in page
    assert reverse("kennisbank:comment_reply", args=[comment.pk]) not in page

    page = page_of(post_comment(client, item, "Toch nog iets", parent=comment), status=403)
    assert "De discussie is gesloten" in page and "Toch nog iets" in page
    assert Comment.objects.filter(author=profile.user).count() == 0
    assert (
        client.post(
            reverse("kennisbank:discussion_lock", args=[item.pk]), {"locked": "0"}
        ).status_code
        == 403
    )

    client.force_login(editor)
    client.post(reverse("kennisbank:discussion_lock", args=[item.pk]), {"locked": "0"})
    item.refresh_from_db()
    assert not item.discussion_locked


def test_moderation_needs_the_permission_not_only_staff(client):
    item = ItemFactory()
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    url = reverse("kennisbank:discussion_lock", args=[item.pk])
    assert client.post(url, {"locked": "1"}).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="moderate_comment"))
    client.force_login(UserFactory._meta.model.objects.get(pk=staff.pk))
    assert client.post(url, {"locked": "1"}).status_code == 302


# --- Rate limit ----------------------------------------------------------------------------------


def test_ten_posts_in_ten_minutes_then_a_dutch_message_and_the_text_kept(client):
    item = ItemFactory()
    profile = member_client(client)
    old = CommentFactory.create_batch(3, item=item, author=profile.user)
    Comment.objects.filter(pk__in=[c.pk for c in old]).update(
        created_at=timezone.now() - dt.timedelta(minutes=11)
    )
    CommentFactory.create_batch(10, item=item, author=profile.user)
    page = page_of(post_comment(client, item, "De elfde reactie"), status=429)
    assert "Wacht een paar minuten" in page and "De elfde reactie" in page
    assert Comment.objects.filter(author=profile.user).count() == 13


# --- House rules, admin, query counts, valid HTML ------------------------------------------------


def test_house_rules_page_is_linked_above_every_form(client):
    item = ItemFactory()
    page = page_of(client.get(reverse("kennisbank:house_rules")))
    assert "Huisregels voor de discussie" in page and "15 minuten" in page
    member_client(client)
    page = page_of(client.get(item.get_absolute_url()))
    form = page[page.index('class="discussion-form"') :]
    assert form.index(reverse("kennisbank:house_rules")) < form.index("<textarea")


def test_editors_handle_reports_and_hide_comments_in_the_admin(client, editor):
    rude = CommentFactory(text="Ongepaste opmerking")
    report = CommentReportFactory(comment=rude, reason="Beledigend")
    handled = CommentReportFactory(reason="Al bekeken", handled=True)
    client.force_login(editor)

    page = page_of(client.get(reverse("admin:kennisbank_commentreport_changelist")))
    assert "Beledigend" in page and "Al bekeken" not in page  # open reports first
    assert "Al bekeken" in page_of(
        client.get(reverse("admin:kennisbank_commentreport_changelist") + "?afgehandeld=ja")
    )
    assert rude.author.email not in page
    client.post(
        reverse("admin:kennisbank_commentreport_changelist"),
        {"action": "mark_handled", "_selected_action": [report.pk]},
    )
    report.refresh_from_db()
    assert report.handled and handled.handled

    changelist = reverse("admin:kennisbank_comment_changelist")
    assert "Ongepaste opmerking" in page_of(client.get(changelist + "?q=Ongepaste"))
    client.post(changelist, {"action": "hide", "_selected_action": [rude.pk]})
    rude.refresh_from_db()
    assert rude.hidden and rude.hidden_reason
    client.post(changelist, {"action": "show", "_selected_action": [rude.pk]})
    rude.refresh_from_db()
    assert not rude.hidden
    assert client.get(reverse("admin:kennisbank_comment_add")).status_code == 403
    for name, obj in (("comment", rude), ("commentreport", report)):
        page = page_of(client.get(reverse(f"admin:kennisbank_{name}_change", args=[obj.pk])))
        assert "Ongepaste opmerking" in page and rude.author.email not in page


def test_editors_toggle_public_and_locked_in_the_item_admin(client, editor):
    item = ItemFactory()
    client.force_login(editor)
    page = page_of(client.get(reverse("admin:kennisbank_item_change", args=[item.pk])))
    assert 'name="discussion_public"' in page and 'name="discussion_locked"' in page


def count_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["member", "editor", "anonymous"])
def test_item_page_queries_do_not_grow_with_the_discussion(client, who):
    item = ItemFactory(type=ItemType.RESEARCH, discussion_public=True)
    viewer = {"member": lambda: MemberFactory().user, "editor": EditorFactory}.get(who)
    if viewer:
        client.force_login(viewer())
    authors = [MemberFactory(municipality=municipality("GM0344")).user for _ in range(5)]
    first = CommentFactory(item=item, author=authors[0])
    one = count_queries(client, item.get_absolute_url())

    parents = [first]
    for n in range(59):
        parent = parents[n // 3] if n % 4 else None
        comment = CommentFactory(item=item, author=authors[n % 5], parent=parent)
        parents.append(comment)
        if n % 7 == 0:
            CommentReportFactory(comment=comment, reporter=authors[(n + 1) % 5])
    Comment.objects.filter(pk__in=[c.pk for c in parents[::9]]).update(hidden=True)
    sixty = count_queries(client, item.get_absolute_url())
    assert Comment.objects.filter(item=item).count() == 60
    assert one == sixty
    page = page_of(client.get(item.get_absolute_url()))
    assert len(re.findall(r'<article class="comment', page)) == 60


def test_discussion_pages_are_valid_html(client, editor):
    item = ItemFactory(type=ItemType.PRACTICE, discussion_public=True)
    top = CommentFactory(item=item, text="Vraag met een [link](https://example.org) en *nadruk*")
    reply = CommentFactory(item=item, parent=top)
    deeper = CommentFactory(item=item, parent=reply)
    CommentFactory(item=item, parent=deeper, hidden=True)
    documents = {"anoniem": client.get(item.get_absolute_url()).content.decode()}
    documents["huisregels"] = client.get(reverse("kennisbank:house_rules")).content.decode()
    profile = member_client(client)
    own = CommentFactory(item=item, author=profile.user, parent=top)
    documents["lid"] = page_of(client.get(item.get_absolute_url()))
    documents["reageren"] = page_of(client.get(reverse("kennisbank:comment_reply", args=[top.pk])))
    documents["bewerken"] = page_of(client.get(reverse("kennisbank:comment_edit", args=[own.pk])))
    documents["melden"] = page_of(client.get(reverse("kennisbank:comment_report", args=[top.pk])))
    documents["fout"] = page_of(post_comment(client, item, ""), status=400)
    client.force_login(editor)
    documents["redactie"] = page_of(client.get(item.get_absolute_url()))
    assert validate_html(documents) == {}


# --- Every endpoint × anonymous / member / author / editor / staff without rights ---------------

LOGIN = 302
# name, method, object, expected per role (anonymous, member, author, editor, staff)
MATRIX = [
    ("house_rules", "get", None, (200, 200, 200, 200, 200)),
    ("comment_create", "post", "item", (LOGIN, 400, 400, 400, 400)),
    ("comment_reply", "get", "comment", (LOGIN, 200, 200, 200, 200)),
    ("comment_reply", "post", "comment", (LOGIN, 400, 400, 400, 400)),
    ("comment_edit", "get", "comment", (LOGIN, 403, 200, 403, 403)),
    ("comment_edit", "post", "comment", (LOGIN, 403, 400, 403, 403)),
    ("comment_report", "get", "comment", (LOGIN, 200, 403, 200, 200)),
    ("comment_report", "post", "comment", (LOGIN, 400, 403, 400, 400)),
    ("comment_moderate", "post", "comment", (LOGIN, 403, 403, 302, 403)),
    ("discussion_lock", "post", "item", (LOGIN, 403, 403, 302, 403)),
    ("adoption_mark_add", "post", "item", (LOGIN, 400, 400, 400, 400)),
    ("adoption_mark_remove", "post", "mark", (LOGIN, 403, 302, 403, 403)),
]
ROLES = ["anonymous", "member", "author", "editor", "staff"]


@pytest.mark.parametrize("role", ROLES)
def test_permissions_matrix(client, role):
    from tests.kennisbank.discussion_factories import AdoptionMarkFactory

    author = MemberFactory(name="Auteur Zelf")
    users = {
        "member": lambda: MemberFactory().user,
        "author": lambda: author.user,
        "editor": EditorFactory,
        "staff": lambda: UserFactory(is_staff=True),
    }
    if role in users:
        client.force_login(users[role]())
    item = ItemFactory()
    comment = CommentFactory(item=item, author=author.user, text="Mijn reactie")
    mark = AdoptionMarkFactory(item=item, member=author.user)
    objects = {"item": {"item_pk": item.pk}, "comment": {"pk": comment.pk}, "mark": {"pk": mark.pk}}
    results = {}
    for name, method, obj, expected in MATRIX:
        url = reverse(f"kennisbank:{name}", kwargs=objects.get(obj, {}))
        response = getattr(client, method)(url, {} if method == "post" else None)
        results[(name, method)] = (response.status_code, expected[ROLES.index(role)])
        assert author.user.email not in response.content.decode()
    assert {k: v for k, v in results.items() if v[0] != v[1]} == {}


def test_bad_input_never_breaks_the_page(client, editor):
    item = ItemFactory()
    comment = CommentFactory(item=item)
    member_client(client)
    assert post_comment(client, item, "nul\x00teken").status_code == 400
    report_url = reverse("kennisbank:comment_report", args=[comment.pk])
    assert client.post(report_url, {"reason": "x" * 501}).status_code == 400
    assert client.post(report_url, {"reason": "a\x00b"}).status_code == 400
    client.force_login(editor)
    moderate = reverse("kennisbank:comment_moderate", args=[comment.pk])
    assert client.post(moderate, {"action": "hide", "reason": "r\x00" * 400}).status_code == 302
    comment.refresh_from_db()
    assert comment.hidden and len(comment.hidden_reason) == 300
    assert client.post(reverse("kennisbank:comment_create", args=[999999]), {}).status_code == 404
