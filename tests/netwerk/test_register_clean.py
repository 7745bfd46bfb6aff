"""A clean register (issue 14): duplicates found and merged, forms derived, Dutch order."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from netwerk.models import Collaboration, Membership, SourceRecord
from netwerk.permissions import EDITOR_GROUP
from netwerk.register.opendata.duplicates import Entry, abbreviations, probable_duplicates
from netwerk.register.opendata.loading import reference_data_load
from netwerk.register.opendata.names import sort_key
from netwerk.register.opendata.plan import build_plan
from netwerk.register.services.collaborations import collaboration_merge
from portal.models import Municipality
from tests.factories import EditorFactory
from tests.netwerk.factories import BUNNIK, DE_BILT, UTRECHT, ZEIST, collaboration

# --- pure rules -------------------------------------------------------------------------------


def test_dutch_order_puts_s_hertogenbosch_under_h():
    names = ["Zwolle", "'s-Hertogenbosch", "Hengelo", "Het Hogeland", "Súdwest-Fryslân", "Sluis"]
    assert sorted(names, key=sort_key) == [
        "Hengelo",
        "'s-Hertogenbosch",
        "Het Hogeland",
        "Sluis",
        "Súdwest-Fryslân",
        "Zwolle",
    ]


def test_abbreviation_with_swapped_letters_is_the_same_abbreviation():
    assert abbreviations("Belastingsamenwerking Gemeenten en Waterschappen (BsGW)") & (
        abbreviations("BsWG")
    )


def test_probable_duplicates_by_name_abbreviation_and_members():
    members = frozenset({"A", "B", "C"})
    entries = [
        Entry(
            1,
            "Belastingsamenwerking Gemeenten en Waterschappen (BsGW)",
            "belastingen-en-woz",
            members,
        ),
        Entry(2, "BsWG", "overig", members),
        Entry(3, "Stadsregio Parkstad Limburg", "bestuur-en-samenwerking", members),
        Entry(4, "Parkstad Limburg", "bestuur-en-samenwerking", members),
        # Same members, different body (another domain): not offered.
        Entry(5, "RMC-regio Parkstad", "onderwijs", members),
        # Same name, no members in common: not offered.
        Entry(6, "Parkstad Limburg", "bestuur-en-samenwerking", frozenset({"X"})),
    ]
    pairs = {(d.keep.id, d.other.id): d.reasons for d in probable_duplicates(entries)}
    assert pairs[(1, 2)] == ("abbreviation", "members")
    assert pairs[(3, 4)] == ("near_name", "members")
    # Only the entry still in "overig" (BsWG) is compared with a body of another domain.
    assert not any(5 in pair and 2 not in pair for pair in pairs)
    assert not any(6 in pair for pair in pairs)


# --- the reviewed merge list on the real data -------------------------------------------------


def test_the_reviewed_list_merges_the_obvious_duplicates_in_the_plan():
    plan = build_plan()
    names = [spec.name for spec in plan.collaborations]
    assert len(plan.collaborations) == 898  # 926 before the 28 reviewed merges
    assert "BsWG" not in names and "Parkstad Limburg" not in names
    bsgw = next(s for s in plan.collaborations if "(BsGW)" in s.name)
    assert bsgw.merged_names == ["BsWG"]
    assert bsgw.form == "openbaar_lichaam"  # from the OWMS record of "BsWG"
    report = next(r for r in plan.reports if r.file == "samenvoegingen_register.csv")
    assert (report.rows, report.loaded) == (28, 28)


def test_forms_are_derived_for_more_than_half_of_the_register():
    plan = build_plan()
    known = sum(1 for spec in plan.collaborations if spec.form)
    assert known >= 450  # 230 of 926 before issue 14
    by_name = {spec.name: spec for spec in plan.collaborations}
    assert by_name["Natuur- en Recreatieschap Lingegebied"].form == "openbaar_lichaam"


@pytest.mark.django_db
def test_a_reload_keeps_the_merge_and_the_alias():
    reference_data_load(force=True)
    bsgw = Collaboration.objects.get(name__contains="(BsGW)")
    assert bsgw.aliases == ["BsWG"]
    assert not Collaboration.objects.filter(name="BsWG").exists()
    assert SourceRecord.objects.filter(collaboration=bsgw, name_in_source="BsWG").exists()
    result = reference_data_load(force=True)
    assert result.changes.get("samenwerkingsverbanden nieuw", 0) == 0
    assert Collaboration.objects.filter(name__contains="BsGW").count() == 1


# --- the editors' merge -----------------------------------------------------------------------


@pytest.mark.django_db
def test_merge_keeps_members_sources_history_and_both_names():
    editor = EditorFactory()
    keep = collaboration("Belasting Heuvelrug", "belastingen-en-woz", None, [ZEIST, DE_BILT])
    other = collaboration("BH", "overig", "openbaar_lichaam", [DE_BILT, BUNNIK])
    other_id = other.pk
    collaboration_merge(keep=keep, other=other, editor=editor)
    keep.refresh_from_db()
    assert keep.aliases == ["BH"]
    assert keep.form.key == "openbaar_lichaam" and keep.managed_by_editors
    codes = set(
        Membership.objects.filter(collaboration=keep).values_list("municipality__code", flat=True)
    )
    assert codes == {ZEIST, DE_BILT, BUNNIK}
    assert not Collaboration.objects.filter(pk=other_id).exists()
    gone = Collaboration.history.filter(id=other_id).latest("history_date")
    assert gone.history_type == "-" and "Samengevoegd" in gone.history_change_reason
    assert keep.history.latest("history_date").history_user == editor


@pytest.mark.django_db
def test_merge_action_in_the_admin_asks_which_one_to_keep(client):
    user = EditorFactory()
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(user)
    a = collaboration("Afval Oost", "afval", None, [UTRECHT, ZEIST])
    b = collaboration("Afval-Oost", "afval", None, [UTRECHT, ZEIST])
    url = reverse("admin:netwerk_collaboration_changelist")
    data = {"action": "merge", "_selected_action": [a.pk, b.pk]}
    response = client.post(url, data)
    assert "Welk verband blijft bestaan?" in response.content.decode()
    client.post(url, {**data, "apply": "1", "keep": b.pk})
    assert list(Collaboration.objects.filter(pk__in=[a.pk, b.pk])) == [b]
    assert Collaboration.objects.get(pk=b.pk).aliases == ["Afval Oost"]
    work = client.get(reverse("admin:netwerk_unknownformcollaboration_changelist"))
    assert work.status_code == 200
    duplicates = client.get(reverse("admin:netwerk_collaboration_duplicates"))
    assert duplicates.status_code == 200


@pytest.mark.django_db
def test_lists_of_municipalities_are_in_dutch_order(client):
    names = list(Municipality.objects.current().values_list("name", flat=True))
    position = names.index("'s-Hertogenbosch")
    assert names[position - 1] == "Hengelo" and names[-1] == "Zwolle"
