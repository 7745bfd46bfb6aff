import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kennisbank.models import Item
from kennisbank.services.imports import import_lines

pytestmark = pytest.mark.django_db


def line(**overrides):
    data = {
        "external_id": "x-1",
        "type": "praktijkvoorbeeld",
        "title": "Belastingsamenwerking in de Hoeksche Waard",
        "summary": "Drie gemeenten heffen samen.",
        "body": "Tekst",
        "published_on": "2020-05-01",
        "status": "published",
        "themes": ["Belastingen en WOZ"],
        "tags": ["woz"],
        "municipalities": ["GM1963"],
        "collaboration_model": "centrumgemeente",
        "task_type": "uitvoering",
        "motives": ["kosten"],
        "adopted_from": None,
    }
    data.update(overrides)
    return json.dumps(data)


def test_reimport_updates_instead_of_duplicating():
    first = import_lines([line()])
    second = import_lines([line(title="Nieuwe titel")])
    assert (first.created, second.updated) == (1, 1)
    item = Item.objects.get(external_id="x-1")
    assert item.title == "Nieuwe titel"
    assert Item.objects.count() == 1
    assert "c:centrumgemeente" in item.facets and "p:zuid-holland" in item.facets


def test_bad_line_is_reported_and_good_lines_land():
    report = import_lines(
        [
            line(external_id="a"),
            "{not json",
            line(external_id="b", municipalities=["GM9999"]),
            line(external_id="c", adopted_from="a"),
            line(external_id="d", collaboration_model="kasteel"),
        ]
    )
    assert report.created == 2
    assert [n for n, _ in report.errors] == [2, 3, 5]
    assert "GM9999" in report.errors[1][1]
    assert Item.objects.get(external_id="c").adopted_from.external_id == "a"
    assert not Item.objects.filter(external_id__in=["b", "d"]).exists()


def test_reference_to_unknown_item_is_an_error_not_half_written():
    report = import_lines([line(external_id="z", adopted_from="does-not-exist")])
    assert report.errors and "does-not-exist" in report.errors[0][1]
    assert not Item.objects.filter(external_id="z").exists()


def test_command_reports_line_numbers(tmp_path, capsys):
    path = tmp_path / "items.jsonl"
    path.write_text(line() + "\n" + line(external_id="y", type="roman") + "\n", encoding="utf-8")
    # One rejected line fails the run (issue 11); the good line is imported all the same.
    with pytest.raises(CommandError, match="1 regels konden niet"):
        call_command("import_kennisbank", str(path))
    out, err = capsys.readouterr()
    assert "1 regels ingelezen" in out
    assert "regel 2" in err and "roman" in err


# Events -----------------------------------------------------------------------------------


def event_line(**overrides):
    fields = {
        "external_id": "ev-1",
        "type": "bijeenkomst",
        "title": "Masterclass gemeenschappelijke regelingen",
        "starts_at": "2027-03-04T13:30:00+01:00",
        "ends_at": "2027-03-04T17:00:00+01:00",
        "location": "Utrecht",
        "event_kind": "masterclass",
        "collaboration_model": None,
        "municipalities": [],
    }
    fields.update(overrides)
    return line(**fields)


def test_event_times_are_stored_with_their_time_zone():
    report = import_lines([event_line()])
    assert report.errors == []
    event = Item.objects.get(external_id="ev-1")
    assert event.starts_at == dt.datetime(2027, 3, 4, 12, 30, tzinfo=dt.UTC)
    assert event.ends_at - event.starts_at == dt.timedelta(hours=3, minutes=30)
    assert (event.event_kind, event.location) == ("masterclass", "Utrecht")


def test_event_kind_defaults_to_bijeenkomst():
    import_lines([event_line(event_kind=None)])
    assert Item.objects.get(external_id="ev-1").event_kind == "bijeenkomst"


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"starts_at": None}, "starts_at"),
        ({"starts_at": "2027-03-04T13:30:00"}, "tijdzone"),
        ({"starts_at": "4 maart"}, "ongeldige datum"),
        ({"ends_at": "2027-03-04T12:00:00+01:00"}, "'ends_at' ligt voor 'starts_at'"),
    ],
)
def test_bad_event_times_are_reported(overrides, reason):
    report = import_lines([event_line(**overrides)])
    assert len(report.errors) == 1 and reason in report.errors[0][1]
    assert not Item.objects.exists()


def test_event_fields_are_ignored_for_other_types():
    import_lines([line(starts_at="2027-03-04T13:30:00+01:00", location="Utrecht")])
    item = Item.objects.get(external_id="x-1")
    assert (item.starts_at, item.location) == (None, "")


# Dossiers ---------------------------------------------------------------------------------


def test_dossier_items_keep_the_files_order_and_may_come_later_in_the_file():
    report = import_lines(
        [
            line(external_id="d", type="themadossier", dossier_items=["c", "a", "b", "a"]),
            line(external_id="a"),
            line(external_id="b"),
            line(external_id="c"),
        ]
    )
    assert report.errors == []
    dossier = Item.objects.get(external_id="d")
    assert [e.item.external_id for e in dossier.dossier_entries.all()] == ["c", "a", "b"]


def test_reimporting_a_dossier_replaces_its_entries():
    import_lines([line(external_id="a"), line(external_id="b")])
    import_lines([line(external_id="d", type="themadossier", dossier_items=["a", "b"])])
    import_lines([line(external_id="d", type="themadossier", dossier_items=["b"])])
    dossier = Item.objects.get(external_id="d")
    assert [e.item.external_id for e in dossier.dossier_entries.all()] == ["b"]


def test_a_dossier_cannot_list_itself():
    report = import_lines([line(external_id="d", type="themadossier", dossier_items=["d"])])
    assert report.errors and "d" in report.errors[0][1]
    assert not Item.objects.exists()


def test_an_item_cannot_adopt_itself():
    report = import_lines([line(external_id="a", adopted_from="a")])
    assert report.errors and not Item.objects.exists()


# Status, tags, links, contact -------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "stored"),
    [
        (None, "published"),
        ("draft", "draft"),
        ("in_review", "in_review"),
        ("withdrawn", "withdrawn"),
    ],
)
def test_status_values(status, stored):
    report = import_lines([line(status=status)])
    assert report.errors == []
    assert Item.objects.get(external_id="x-1").status == stored


def test_unknown_status_is_reported():
    report = import_lines([line(status="gepland")])
    assert report.errors and "gepland" in report.errors[0][1]
    assert not Item.objects.exists()


def test_tags_are_replaced_on_reimport_and_case_insensitive():
    import_lines([line(tags=["WOZ", "belastingen"])])
    import_lines([line(external_id="x-2", tags=["woz"])])
    import_lines([line(tags=["heffen", "  "])])
    assert sorted(Item.objects.get(external_id="x-1").tags.names()) == ["heffen"]
    assert list(Item.objects.get(external_id="x-2").tags.names()) == ["WOZ"]


def test_links_are_stored_in_order_and_replaced_on_reimport():
    import_lines(
        [
            line(
                links=[
                    {"title": "Evaluatie", "url": "https://example.org/evaluatie.pdf"},
                    {"url": "https://example.org/regeling"},
                ]
            )
        ]
    )
    item = Item.objects.get(external_id="x-1")
    assert [(link.title, link.order) for link in item.links.all()] == [
        ("Evaluatie", 0),
        ("https://example.org/regeling", 1),
    ]
    import_lines([line(links=[{"title": "Nieuw", "url": "https://example.org/nieuw"}])])
    assert [link.title for link in item.links.all()] == ["Nieuw"]


@pytest.mark.parametrize(
    "links",
    [[{"url": "ftp://example.org/x"}], [{"title": "zonder adres"}], ["https://example.org"]],
)
def test_bad_links_are_reported(links):
    report = import_lines([line(links=links)])
    assert report.errors and "link" in report.errors[0][1]
    assert not Item.objects.exists()


def test_contact_is_stored_and_a_bad_email_reported():
    import_lines(
        [line(contact={"name": "A. de Vries", "organisation": "BWB", "email": "a@bwb.nl"})]
    )
    item = Item.objects.get(external_id="x-1")
    assert (item.contact_name, item.contact_organisation, item.contact_email) == (
        "A. de Vries",
        "BWB",
        "a@bwb.nl",
    )
    report = import_lines([line(external_id="x-2", contact={"email": "geen-adres"})])
    assert report.errors and "e-mailadres" in report.errors[0][1]


def test_the_same_external_id_twice_in_one_file_is_an_error():
    report = import_lines([line(), line(title="Tweede keer")])
    assert [n for n, _ in report.errors] == [2]
    assert Item.objects.get(external_id="x-1").title == "Belastingsamenwerking in de Hoeksche Waard"


def test_theme_names_match_case_insensitively_and_unknown_ones_are_reported():
    report = import_lines(
        [line(themes=["belastingen en woz"]), line(external_id="x-2", themes=["Sport"])]
    )
    assert [n for n, _ in report.errors] == [2] and "Sport" in report.errors[0][1]
    assert Item.objects.get(external_id="x-1").themes.get().slug == "belastingen-en-woz"


def test_import_feeds_the_typo_suggestions(client):
    import_lines([line(title="Belastingsamenwerking Hoeksche Waard")])
    response = client.get("/kennisbank/?q=belastingsamenwerkng")
    assert "belastingsamenwerking" in response.content.decode().lower()
    assert "Bedoelde u" in response.content.decode()
