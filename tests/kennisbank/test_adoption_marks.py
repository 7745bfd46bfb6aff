"""Members' "Overgenomen" marks: marking, duplicates, removal, the admin, and how marks count in
the most-adopted ranking (together with published adopting items, never multiplied)."""

import pytest
from django.urls import reverse

from kennisbank.constants import ItemType, Status
from kennisbank.models import AdoptionMark, Item
from portal.models import Municipality
from tests.factories import ItemFactory, UserFactory, municipality
from tests.html import validate_html
from tests.kennisbank.discussion_factories import AdoptionMarkFactory
from tests.kennisbank.test_query_counts import assert_constant, bulk_items, many_municipalities
from tests.netwerk.member_factories import MemberFactory

pytestmark = pytest.mark.django_db


def page_of(response, status=200) -> str:
    assert response.status_code == status, response.status_code
    return response.content.decode()


def mark(client, item, code, note=""):
    return client.post(
        reverse("kennisbank:adoption_mark_add", args=[item.pk]),
        {"municipality": municipality(code).pk, "note": note},
    )


def test_member_marks_that_their_municipality_adopted_a_practice(client):
    item = ItemFactory(title="Samen inkopen jeugdhulp")
    profile = MemberFactory(municipality=municipality("GM0344"))
    client.force_login(profile.user)

    page = page_of(client.get(item.get_absolute_url()))
    utrecht = municipality("GM0344")
    assert f'<option value="{utrecht.pk}" selected>Utrecht</option>' in page

    response = mark(client, item, "GM0344", "Wij namen het inkoopmodel over, zonder de pilot.")
    assert response.url == f"{item.get_absolute_url()}#overgenomen"
    page = page_of(client.get(item.get_absolute_url()))
    marks = page[page.index('id="overgenomen"') :]
    assert "Overgenomen door" in marks
    assert "<strong>Utrecht</strong>" in marks
    assert "Wij namen het inkoopmodel over, zonder de pilot." in marks
    assert "gemeld door een lid op" in marks
    assert AdoptionMark.objects.get().member == profile.user


def test_without_a_municipality_in_the_profile_the_member_chooses_a_current_one(client):
    item = ItemFactory()
    client.force_login(MemberFactory(municipality=None).user)
    page = page_of(client.get(item.get_absolute_url()))
    section = page[page.index('id="overgenomen"') :]
    section = section[: section.index("</section>")]
    assert section.count(" selected>") == 1  # "Kies een gemeente"
    merged = Municipality.objects.filter(successor__isnull=False).first()
    if merged is not None:
        assert f'<option value="{merged.pk}"' not in page
        response = client.post(
            reverse("kennisbank:adoption_mark_add", args=[item.pk]), {"municipality": merged.pk}
        )
        assert "Kies een bestaande gemeente" in page_of(response, status=400)
    response = client.post(reverse("kennisbank:adoption_mark_add", args=[item.pk]), {})
    page = page_of(response, status=400)
    assert "Kies de gemeente die het voorbeeld overnam." in page
    assert AdoptionMark.objects.count() == 0


def test_a_second_mark_for_the_same_municipality_gets_a_friendly_message(client):
    item = ItemFactory()
    AdoptionMarkFactory(item=item, municipality=municipality("GM0344"))
    client.force_login(MemberFactory().user)
    response = client.post(
        reverse("kennisbank:adoption_mark_add", args=[item.pk]),
        {"municipality": municipality("GM0344").pk, "note": "Wij ook"},
        follow=True,
    )
    assert "Utrecht staat al bij de gemeenten die dit voorbeeld overnamen." in page_of(response)
    assert AdoptionMark.objects.count() == 1


def test_long_note_is_refused_and_kept(client):
    item = ItemFactory()
    client.force_login(MemberFactory().user)
    note = "Lang verhaal. " * 50
    page = page_of(mark(client, item, "GM0344", note), status=400)
    assert "hoogstens 500 tekens" in page
    assert note.strip()[:100] in page


def test_anonymous_visitors_see_the_marks_and_a_login_link_but_cannot_post(client):
    item = ItemFactory()
    AdoptionMarkFactory(item=item, municipality=municipality("GM0546"), note="Leiden ook.")
    page = page_of(client.get(item.get_absolute_url()))
    assert "<strong>Leiden</strong>" in page and "Leiden ook." in page
    assert "Log in om het te melden" in page and 'name="municipality"' not in page
    response = mark(client, item, "GM0344")
    assert response.url.startswith(reverse("netwerk:login"))
    assert AdoptionMark.objects.count() == 1


def test_marks_only_on_published_practices(client):
    client.force_login(MemberFactory().user)
    lesson = ItemFactory(type=ItemType.LESSON)
    assert mark(client, lesson, "GM0344").status_code == 403
    assert 'id="overgenomen"' not in page_of(client.get(lesson.get_absolute_url()))
    draft = ItemFactory(status=Status.DRAFT)
    assert mark(client, draft, "GM0344").status_code == 404
    assert AdoptionMark.objects.count() == 0


def test_member_removes_their_own_mark_and_no_one_elses(client):
    item = ItemFactory()
    profile = MemberFactory()
    own = AdoptionMarkFactory(item=item, member=profile.user, municipality=municipality("GM0344"))
    other = AdoptionMarkFactory(item=item, municipality=municipality("GM0546"))
    client.force_login(profile.user)
    page = page_of(client.get(item.get_absolute_url()))
    assert reverse("kennisbank:adoption_mark_remove", args=[own.pk]) in page
    assert reverse("kennisbank:adoption_mark_remove", args=[other.pk]) not in page

    assert (
        client.post(reverse("kennisbank:adoption_mark_remove", args=[other.pk])).status_code == 403
    )
    response = client.post(reverse("kennisbank:adoption_mark_remove", args=[own.pk]), follow=True)
    assert "Uw melding is verwijderd." in page_of(response)
    assert list(AdoptionMark.objects.all()) == [other]


def test_most_adopted_counts_published_adoptions_and_marks_without_multiplying():
    both = ItemFactory(title="Beide")
    for code in ("GM0344", "GM0546", "GM0392"):
        AdoptionMarkFactory(item=both, municipality=municipality(code))
    ItemFactory(adopted_from=both)
    ItemFactory(adopted_from=both)
    ItemFactory(adopted_from=both, status=Status.DRAFT)  # not counted
    only_items = ItemFactory(title="Alleen items")
    for _ in range(4):
        ItemFactory(adopted_from=only_items)
    only_marks = ItemFactory(title="Alleen meldingen")
    AdoptionMarkFactory(item=only_marks, municipality=municipality("GM0344"))
    AdoptionMarkFactory(item=only_marks, municipality=municipality("GM0546"))
    tie = ItemFactory(title="Aa gelijkspel")
    AdoptionMarkFactory(item=tie, municipality=municipality("GM0344"))
    ItemFactory(adopted_from=tie)
    ItemFactory(title="Niet overgenomen")

    ranking = [(i.title, i.adoption_count) for i in Item.objects.published().most_adopted()]
    assert ranking == [
        ("Beide", 5),
        ("Alleen items", 4),
        ("Aa gelijkspel", 2),
        ("Alleen meldingen", 2),
    ]


def test_most_adopted_and_home_pages_name_the_marking_municipalities(client):
    item = ItemFactory(title="Door leden gemeld voorbeeld")
    AdoptionMarkFactory(item=item, municipality=municipality("GM0882"), note="Landgraaf ook")
    page = page_of(client.get(reverse("kennisbank:most_adopted")))
    assert "Door leden gemeld voorbeeld" in page and "1 keer overgenomen" in page
    assert "Landgraaf" in page and "Landgraaf ook" in page
    assert "Door leden gemeld voorbeeld" in page_of(client.get(reverse("home")))


def test_most_adopted_page_queries_stay_constant_with_many_marks(client):
    for original in bulk_items(3, municipalities=many_municipalities(1)):
        AdoptionMarkFactory(item=original)
        bulk_items(1, adopted_from=original, municipalities=many_municipalities(1))

    def grow():
        towns = list(Municipality.objects.current().order_by("code")[:20])
        originals = bulk_items(100, municipalities=many_municipalities(2))
        AdoptionMark.objects.bulk_create(
            AdoptionMark(item=o, municipality=m, member=None, note="x")
            for o in originals
            for m in towns[: 1 + o.pk % 20]
        )
        for original in originals[:30]:
            bulk_items(2, adopted_from=original)

    assert_constant(client, reverse("kennisbank:most_adopted"), grow, at_most=7)


def test_practice_page_queries_stay_constant_with_many_marks(client):
    item = ItemFactory()
    AdoptionMarkFactory(item=item)
    client.force_login(MemberFactory(municipality=municipality("GM0344")).user)

    def grow():
        towns = Municipality.objects.current().exclude(adoption_marks__item=item)
        AdoptionMark.objects.bulk_create(
            AdoptionMark(item=item, municipality=m, member=None, note="Ook hier")
            for m in towns.order_by("code")[:150]
        )

    assert_constant(client, item.get_absolute_url(), grow, at_most=18)


def test_adoption_pages_are_valid_html(client):
    item = ItemFactory()
    profile = MemberFactory(municipality=municipality("GM0344"))
    AdoptionMarkFactory(item=item, member=profile.user, note="Met <b>opmaak</b> & tekens")
    documents = {"anoniem": page_of(client.get(item.get_absolute_url()))}
    client.force_login(profile.user)
    documents["lid"] = page_of(client.get(item.get_absolute_url()))
    documents["fout"] = page_of(
        client.post(reverse("kennisbank:adoption_mark_add", args=[item.pk]), {}), status=400
    )
    documents["ranglijst"] = page_of(client.get(reverse("kennisbank:most_adopted")))
    assert "&lt;b&gt;opmaak&lt;/b&gt;" in documents["lid"]
    assert validate_html(documents) == {}


def test_editors_see_and_delete_marks_in_the_admin(client, editor):
    member = MemberFactory(name="Mark Melder")
    adoption = AdoptionMarkFactory(member=member.user, note="Gemeld")
    client.force_login(editor)
    page = page_of(client.get(reverse("admin:kennisbank_adoptionmark_changelist")))
    assert "Mark Melder" in page and member.user.email not in page
    response = client.post(
        reverse("admin:kennisbank_adoptionmark_delete", args=[adoption.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert AdoptionMark.objects.count() == 0
    # Members cannot reach the admin.
    client.force_login(UserFactory())
    assert client.get(reverse("admin:kennisbank_adoptionmark_changelist")).status_code == 302


def test_the_ranking_lists_the_first_adopters_and_links_to_the_rest(client):
    original = ItemFactory(title="Veel overgenomen aanpak")
    for n in range(7):
        ItemFactory(type=ItemType.PRACTICE, adopted_from=original, title=f"Overname {n}")
    for code in ["GM0344", "GM0363", "GM0599"]:
        AdoptionMarkFactory(item=original, municipality=municipality(code))

    page = page_of(client.get(reverse("kennisbank:most_adopted")))

    assert "10 keer overgenomen" in page
    assert page.count("Overname ") == 5  # the first five adopting items
    assert "en nog 2 keer overgenomen" in page  # 10 - 5 items - 3 marks shown
