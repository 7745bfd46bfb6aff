"""load_reference_data on the real files: what it loads, reports and leaves alone on a rerun."""

from io import StringIO

import pytest
from django.core.management import call_command

from netwerk.models import Collaboration, Membership, SourceRecord
from netwerk.register.opendata.loading import reference_data_load
from netwerk.register.opendata.plan import build_plan
from portal.models import CollaborationModel, DataSource, FormerMunicipality, Municipality

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Collaboration.objects.order_by("id").values()),
        list(Membership.objects.order_by("id").values()),
        list(SourceRecord.objects.order_by("id").values()),
        list(FormerMunicipality.objects.order_by("id").values()),
        Collaboration.history.count(),
        Membership.history.count(),
    )


def test_load_writes_the_plan_and_reports_every_row():
    result = reference_data_load()
    plan = build_plan()
    assert Collaboration.objects.count() == len(plan.collaborations)
    assert Membership.objects.filter(municipality__isnull=False).count() == sum(
        len(s.municipalities) for s in plan.collaborations
    )
    assert FormerMunicipality.objects.count() == len(plan.former)
    for report in result.reports:
        assert report.rows == report.loaded + report.not_loaded_total
    # The report is kept with the source, for the "bronnen" page.
    opengr = DataSource.objects.get(key="opengr-2016")
    [stored] = opengr.report["files"]
    assert stored["rows"] == 3752
    assert stored["rows"] == stored["loaded"] + sum(stored["not_loaded"].values())
    # Municipalities stay the 342 of 2025; history lives in FormerMunicipality.
    assert Municipality.objects.count() == 342


def test_every_membership_points_at_a_municipality_of_today_or_an_organisation():
    reference_data_load()
    assert not Membership.objects.filter(municipality__successor__isnull=False).exists()
    haaren = FormerMunicipality.objects.get(code="GM0788")
    assert haaren.successor is None
    assert set(haaren.successors.values_list("name", flat=True)) == {
        "Oisterwijk",
        "Vught",
        "Boxtel",
        "Tilburg",
    }
    bedum = FormerMunicipality.objects.get(code="GM0005")
    assert bedum.successor.name == "Het Hogeland"


def test_a_rerun_changes_nothing_not_even_the_history():
    reference_data_load()
    before = snapshot()
    result = reference_data_load(force=True)
    assert result.changed == 0
    assert snapshot() == before


def test_unchanged_files_are_not_read_again():
    reference_data_load()
    assert reference_data_load().unchanged


def test_an_editors_correction_survives_a_reload():
    reference_data_load()
    collaboration = Collaboration.objects.get(name="Veiligheidsregio Drenthe")
    collaboration.name = "Veiligheidsregio Drenthe (gecorrigeerd)"
    collaboration.form = CollaborationModel.objects.get(key="gemeenschappelijk_orgaan")
    collaboration.managed_by_editors = True
    collaboration.save()
    added = Membership.objects.create(
        collaboration=Collaboration.objects.get(name="GGD Drenthe"),
        municipality=Municipality.objects.get(code="GM0014"),  # added by hand, no data source
    )
    reference_data_load(force=True)
    collaboration.refresh_from_db()
    assert collaboration.name == "Veiligheidsregio Drenthe (gecorrigeerd)"
    assert collaboration.form.key == "gemeenschappelijk_orgaan"
    assert Membership.objects.filter(pk=added.pk).exists()


def test_the_command_reports_what_it_could_not_map():
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    text = out.getvalue()
    assert "gr_deelnemers_opengr_provincies.csv: 3752 regels" in text
    assert "gemeente is opgesplitst" in text and "Haaren" in text
    again = StringIO()
    call_command("load_reference_data", stdout=again)
    assert "ongewijzigd" in again.getvalue()
