import json

import pytest
from django.core.management import call_command

from kennisbank.importer import import_lines
from kennisbank.models import Item

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
    call_command("import_kennisbank", str(path))
    out, err = capsys.readouterr()
    assert "1 regels ingelezen" in out
    assert "regel 2" in err and "roman" in err
