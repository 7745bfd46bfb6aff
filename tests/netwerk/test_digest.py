"""The digest e-mail: only what is new, grouped, newest first, never empty, easy to stop.

Time is frozen by passing ``now`` into the service (neither time-machine nor freezegun is
installed); created_at/published_at/added_at are set explicitly relative to T0.
"""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisbank.constants import Status
from netwerk.community.services import digests as digest
from portal.constants import DigestFrequency
from portal.models import MemberProfile
from tests.factories import (
    DossierEntryFactory,
    DossierFactory,
    ItemFactory,
    UserFactory,
    municipality,
    theme,
)
from tests.netwerk.follow_factories import (
    T0,
    at,
    comment,
    digest_member,
    entry_added,
    follow,
    published,
    saved_search,
)

pytestmark = pytest.mark.django_db

WEEKLY = DigestFrequency.WEEKLY
DAILY = DigestFrequency.DAILY


def item(title, moment, **kwargs):
    return published(ItemFactory(title=title, **kwargs), moment)


def send(now=T0, frequency=WEEKLY):
    return digest.digests_send(frequency=frequency, now=now)


def body_of(mail) -> str:
    return mail.body


def covered_until(profile) -> dt.datetime | None:
    return MemberProfile.objects.get(pk=profile.pk).digest_covered_until


def test_lists_only_what_is_new_since_the_previous_digest(mailoutbox):
    member = digest_member(covered_until=at(-7))
    follow(member.user, at(-30), theme=theme("jeugd"))
    item("Oude jeugdsamenwerking", at(-10), themes=[theme("jeugd")])
    item("Nieuwe jeugdsamenwerking", at(-3), themes=[theme("jeugd")])
    item("Straks gepubliceerd", at(1), themes=[theme("jeugd")])

    run = send()

    assert run.sent == 1
    (mail,) = mailoutbox
    assert mail.to == [member.user.email]
    assert "Nieuwe jeugdsamenwerking" in mail.body
    assert "Oude jeugdsamenwerking" not in mail.body
    assert "Straks gepubliceerd" not in mail.body  # after the run started: next time
    assert covered_until(member) == T0

    # Running again at the same moment sends nothing: the window is covered.
    assert send().sent == 0
    assert len(mailoutbox) == 1

    # A week later only what came after the previous digest.
    send(now=at(7))
    assert len(mailoutbox) == 2
    assert "Straks gepubliceerd" in mailoutbox[1].body
    assert "Nieuwe jeugdsamenwerking" not in mailoutbox[1].body


def test_first_digest_after_saving_a_search_does_not_list_the_old_results(mailoutbox):
    member = digest_member(covered_until=at(-7))
    item("Jeugdzorg samen inkopen", at(-5))  # after the last digest, before the search
    item("Jeugdzorg in de regio", at(-1))
    saved_search(member.user, "q=jeugdzorg", created_at=at(-2))

    send()

    (mail,) = mailoutbox
    assert "== Zoekopdracht: ‘jeugdzorg’ ==" in mail.body
    assert "Jeugdzorg in de regio" in mail.body
    assert "Jeugdzorg samen inkopen" not in mail.body


def test_a_new_member_gets_only_what_came_after_following(mailoutbox):
    member = digest_member()  # never had a digest
    follow(member.user, at(-2), municipality=municipality("GM0344"))
    item("Voor het volgen", at(-3), municipalities=[municipality("GM0344")])
    item("Na het volgen", at(-1), municipalities=[municipality("GM0344")])

    send()

    (mail,) = mailoutbox
    assert "Na het volgen" in mail.body
    assert "Voor het volgen" not in mail.body


def test_grouped_by_section_and_newest_first_without_doubles(mailoutbox):
    member = digest_member(covered_until=at(-7))
    user = member.user
    saved_search(user, "q=afvalinzameling", created_at=at(-30))
    follow(user, at(-30), theme=theme("jeugd"))
    follow(user, at(-30), theme=theme("wonen"))
    dossier = DossierFactory(title="Dossier Regionale samenwerking")
    follow(user, at(-30), dossier=dossier)
    follow(user, at(-30), municipality=municipality("GM0344"))
    discussed = item("Besproken praktijk", at(-20))
    follow(user, at(-30), discussion=discussed)

    item("Afvalinzameling oud", at(-6))
    item("Afvalinzameling nieuw", at(-1))
    both = item("Jeugd en wonen", at(-2), themes=[theme("jeugd"), theme("wonen")])
    item("Alleen jeugd", at(-4), themes=[theme("jeugd")])
    entry_added(DossierEntryFactory(dossier=dossier, item=item("In het dossier", at(-20))), at(-3))
    item("Over Utrecht", at(-2), municipalities=[municipality("GM0344")])
    comment(discussed, UserFactory(), at(-2))
    comment(discussed, UserFactory(), at(-1))

    send()

    (mail,) = mailoutbox
    body = mail.body
    headings = re.findall(r"^== (.+) ==$", body, flags=re.M)
    assert headings == [
        "Zoekopdracht: ‘afvalinzameling’",
        "Nieuw in thema's die u volgt",
        "Nieuw in dossiers die u volgt",
        "Nieuw over gemeenten die u volgt",
        "Nieuwe reacties in discussies die u volgt",
    ]
    assert body.index("Afvalinzameling nieuw") < body.index("Afvalinzameling oud")
    themes_part = body.split("== Nieuw in thema's die u volgt ==")[1].split("==")[0]
    assert themes_part.count(both.title) == 1  # two followed themes, listed once
    assert "(Jeugd, Wonen)" in themes_part or "(Wonen, Jeugd)" in themes_part
    assert themes_part.index("Jeugd en wonen") < themes_part.index("Alleen jeugd")
    assert "In het dossier (in Dossier Regionale samenwerking)" in body
    assert "Besproken praktijk (2 nieuwe reacties)" in body
    assert "http://" in body or "https://" in body


def test_a_long_section_is_cut_with_a_link_to_the_rest(mailoutbox):
    member = digest_member(covered_until=at(-7))
    saved_search(member.user, "q=afvalinzameling", created_at=at(-30))
    for n in range(12):
        item(f"Afvalinzameling {n:02d}", at(-6, hours=n))

    send()

    body = mailoutbox[0].body
    assert body.count("Afvalinzameling ") == digest.SECTION_LIMIT
    assert "Afvalinzameling 11" in body and "Afvalinzameling 00" not in body
    assert re.search(r"En nog 2 meer: http\S+/kennisbank/\?q=afvalinzameling", body)


def test_nothing_new_means_no_mail_but_the_window_moves_on(mailoutbox):
    member = digest_member(covered_until=at(-7))
    follow(member.user, at(-30), theme=theme("jeugd"))
    item("Oud nieuws", at(-10), themes=[theme("jeugd")])

    run = send()

    assert mailoutbox == []
    assert run.empty == 1
    assert covered_until(member) == T0


def test_daily_and_weekly_members_are_sent_separately(mailoutbox):
    daily = digest_member(frequency=DAILY, covered_until=at(-1))
    weekly = digest_member(frequency=WEEKLY, covered_until=at(-7))
    for profile in (daily, weekly):
        follow(profile.user, at(-30), theme=theme("jeugd"))
    item("Vanochtend", at(0, hours=-2), themes=[theme("jeugd")])

    send(frequency=DAILY)

    assert [m.to for m in mailoutbox] == [[daily.user.email]]
    assert covered_until(weekly) == at(-7)
    send(frequency=WEEKLY)
    assert [m.to for m in mailoutbox] == [[daily.user.email], [weekly.user.email]]


def test_members_who_chose_none_or_are_inactive_get_nothing(mailoutbox):
    never = digest_member(frequency=DigestFrequency.NEVER, covered_until=at(-7))
    inactive = digest_member(covered_until=at(-7))
    inactive.user.is_active = False
    inactive.user.save()
    for profile in (never, inactive):
        follow(profile.user, at(-30), theme=theme("jeugd"))
    item("Nieuw", at(-1), themes=[theme("jeugd")])

    send()

    assert mailoutbox == []
    with pytest.raises(ValueError):
        digest.digests_send(frequency=DigestFrequency.NEVER, now=T0)


def test_hidden_and_own_comments_and_unpublished_items_never_appear(mailoutbox):
    member = digest_member(covered_until=at(-7))
    user = member.user
    follow(user, at(-30), theme=theme("jeugd"))
    discussed = item("Besproken", at(-20))
    follow(user, at(-30), discussion=discussed)
    draft = ItemFactory(title="Concept over jeugd", status=Status.DRAFT, themes=[theme("jeugd")])
    published(draft, at(-1))  # stale stamp from an earlier publication: still not public
    comment(discussed, UserFactory(), at(-1), hidden=True, text="Weg ermee")
    comment(discussed, user, at(-1), text="Mijn eigen reactie")

    send()

    assert mailoutbox == []


def test_an_item_published_later_than_its_date_still_appears(mailoutbox):
    member = digest_member(covered_until=at(-7))
    follow(member.user, at(-30), theme=theme("jeugd"))
    # Dated two years back (the report's date) but made public only yesterday.
    item(
        "Teruggedateerd rapport",
        at(-1),
        themes=[theme("jeugd")],
        published_on=(T0 - dt.timedelta(days=730)).date(),
    )

    send()

    assert "Teruggedateerd rapport" in mailoutbox[0].body


def test_a_draft_added_to_a_dossier_counts_when_it_is_published(mailoutbox):
    member = digest_member(covered_until=at(-7))
    dossier = DossierFactory(title="Dossier Wonen")
    follow(member.user, at(-30), dossier=dossier)
    entry = DossierEntryFactory(dossier=dossier, item=ItemFactory(title="Later openbaar"))
    entry_added(entry, at(-10))
    published(entry.item, at(-1))

    send()

    assert "Later openbaar (in Dossier Wonen)" in mailoutbox[0].body


def test_the_mail_has_one_click_unsubscribe_headers(mailoutbox):
    member = digest_member(covered_until=at(-7))
    follow(member.user, at(-30), theme=theme("jeugd"))
    item("Nieuw", at(-1), themes=[theme("jeugd")])

    send()

    (mail,) = mailoutbox
    url = re.search(r"<(.+)>", mail.extra_headers["List-Unsubscribe"]).group(1)
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in mail.body
    assert url.startswith("http")


def unsubscribe_url(profile) -> str:
    return digest.unsubscribe_path(profile_id=profile.pk)


def test_unsubscribe_get_only_asks_for_confirmation(client):
    member = digest_member()
    response = client.get(unsubscribe_url(member))
    assert response.status_code == 200
    assert "Ja, meld mij af" in response.content.decode()
    assert MemberProfile.objects.get(pk=member.pk).digest_frequency == WEEKLY


def test_unsubscribe_post_works_without_login_or_csrf_token():
    from django.test import Client

    member = digest_member()
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        unsubscribe_url(member), {"List-Unsubscribe": "One-Click"}
    )  # what RFC 8058 mail clients send
    assert response.status_code == 200
    assert "U bent afgemeld" in response.content.decode()
    assert MemberProfile.objects.get(pk=member.pk).digest_frequency == DigestFrequency.NEVER


@pytest.mark.parametrize("token", ["onzin", "MQ:1abc:def", "x" * 300])
def test_a_bad_unsubscribe_link_gives_a_friendly_page(client, token):
    member = digest_member()
    response = client.post(reverse("netwerk:digest_unsubscribe", args=[token]))
    assert response.status_code == 400
    assert "afmeldlink klopt niet" in response.content.decode()
    assert MemberProfile.objects.get(pk=member.pk).digest_frequency == WEEKLY


def test_a_link_signed_for_something_else_does_not_unsubscribe(client):
    from django.core import signing

    member = digest_member()
    forged = signing.dumps(member.pk, salt="iets anders")
    response = client.post(reverse("netwerk:digest_unsubscribe", args=[forged]))
    assert response.status_code == 400
    assert MemberProfile.objects.get(pk=member.pk).digest_frequency == WEEKLY


def _members_with_news(n):
    profiles = []
    for i in range(n):
        profile = digest_member(covered_until=at(-7))
        saved_search(profile.user, f"q=afvalinzameling&thema=jeugd&n={i}", created_at=at(-30))
        saved_search(profile.user, "q=wonen", created_at=at(-30))
        follow(profile.user, at(-30), theme=theme("jeugd"))
        follow(profile.user, at(-30), municipality=municipality("GM0344"))
        profiles.append(profile)
    return profiles


def _queries_of_run():
    """The digest's own statements; the outbox's are counted apart (savepoints not at all)."""
    with CaptureQueriesContext(connection) as captured:
        run = send()
    statements = [q["sql"] for q in captured if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    outbox = [sql for sql in statements if "portal_outgoingmail" in sql]
    assert sum(sql.startswith("INSERT") for sql in outbox) == run.sent  # one outbox row a mail
    return len(statements) - len(outbox), run


def test_queries_per_run_grow_by_at_most_one_per_mailed_member(mailoutbox):
    item("Afvalinzameling en jeugd", at(-1), themes=[theme("jeugd")])
    _members_with_news(2)
    few, run = _queries_of_run()
    assert run.sent == 2
    MemberProfile.objects.update(digest_covered_until=at(-7))
    _members_with_news(18)
    many, run = _queries_of_run()
    assert run.sent == 20
    # One UPDATE per mailed member (the claim), everything else per batch.
    assert many - few <= 18


def test_the_command_dry_run_shows_but_sends_nothing_and_the_real_run_sends(mailoutbox):
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    now = timezone.now()
    member = digest_member(covered_until=now - dt.timedelta(days=7))
    follow(member.user, now - dt.timedelta(days=30), theme=theme("jeugd"))
    item("Vers van de pers", now - dt.timedelta(hours=1), themes=[theme("jeugd")])

    out = StringIO()
    call_command("send_digests", "--frequency", "weekly", "--dry-run", stdout=out)
    assert "Proefdraai: 1 van 1 leden" in out.getvalue()
    assert member.user.email in out.getvalue()
    assert mailoutbox == []
    assert covered_until(member) == now - dt.timedelta(days=7)

    out = StringIO()
    call_command("send_digests", "--frequency", "daily", stdout=out)
    assert mailoutbox == []
    call_command("send_digests", "--frequency", "weekly", stdout=out)
    assert len(mailoutbox) == 1
    assert "1 e-mails verstuurd" in out.getvalue()
