"""The plan built from the real open data files: every row accounted for, with reasons.

Pure Python (no database): what load_reference_data will write, before it writes it.
"""

import csv

import pytest

from netwerk.register.opendata.plan import R_NEWER, R_SPLIT, R_STATISTICAL, build_plan
from netwerk.register.opendata.sources import REFERENCE_DIR, SOURCES


@pytest.fixture(scope="module")
def plan():
    return build_plan()


def count_rows(path, delimiter=","):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh, delimiter=delimiter))


def test_every_row_of_every_file_is_loaded_or_reported(plan):
    for report in plan.reports:
        assert report.rows == report.loaded + report.not_loaded_total, report.file
        assert report.loaded >= 0


def test_the_reports_cover_exactly_the_rows_in_the_files(plan):
    by_file = {r.file: r for r in plan.reports}
    for spec in SOURCES:
        for relative in spec.files:
            path = REFERENCE_DIR / relative
            if path.suffix != ".csv" or path.name == "gemeenten_2025_merged.csv":
                continue
            delimiter = ";" if "regioatlas" in relative else ","
            assert by_file[path.name].rows == count_rows(path, delimiter), path.name


def test_known_row_counts_of_the_sources(plan):
    rows = {r.file: r.rows for r in plan.reports}
    assert rows["gr_deelnemers_opengr_provincies.csv"] == 3752
    assert rows["cbs_gemeente_regio_lidmaatschap_2022_long.csv"] == 8625
    assert rows["owms_werkgebied_organisatie_gemeente_2016.csv"] == 4257
    assert rows["herindelingen_2016_2025.csv"] == 66


def test_almost_all_gr_participants_are_mapped_and_the_rest_has_a_reason(plan):
    opengr = next(r for r in plan.reports if r.file == "gr_deelnemers_opengr_provincies.csv")
    assert opengr.loaded / opengr.rows > 0.99
    assert "Haaren" in opengr.examples[R_SPLIT]
    assert opengr.not_loaded[R_NEWER] > 0  # members that the CBS 2022 region list replaced


def test_statistical_divisions_are_reported_not_loaded(plan):
    cbs = next(r for r in plan.reports if r.file.startswith("cbs_gemeente_regio"))
    assert cbs.not_loaded[R_STATISTICAL.format("COROP-gebieden")] == 345
    assert cbs.loaded == 7 * 345  # the seven divisions that are cooperation


def test_all_merged_municipalities_of_2016_are_in_the_history(plan):
    codes = {f.code for f in plan.former}
    assert len({f.code for f in plan.former if f.source == "herindelingen-2016-2025"}) == 66
    assert {"GM0005", "GM0788", "GM0457"} <= codes
    haaren = next(f for f in plan.former if f.code == "GM0788")
    assert haaren.successor is None and len(haaren.successors) == 4


def _spec(plan, name):
    return next(s for s in plan.collaborations if s.name == name)


def test_the_same_body_in_several_sources_is_one_collaboration(plan):
    drenthe = _spec(plan, "Veiligheidsregio Drenthe")
    sources = {source for source, _ in drenthe.records}
    assert {"cbs-gebieden-2022", "opengr-2016", "osn-2016"} <= sources
    assert drenthe.form == "openbaar_lichaam"
    assert len(drenthe.municipalities) == 12
    assert sum(1 for s in plan.collaborations if s.name == "Veiligheidsregio Drenthe") == 1


def test_a_gr_of_2016_has_its_members_of_today(plan):
    # Afvalbeheer Regio Centraal Groningen: Bedum (→ Het Hogeland), Groningen, Grootegast (→
    # Westerkwartier), … in 2016.
    arcg = _spec(plan, "Afvalbeheer Regio Centraal Groningen (ARCG)")
    assert {"GM0014", "GM1966", "GM1969"} <= set(arcg.municipalities)
    assert "Bedum" in arcg.municipalities["GM1966"].names


def test_centre_municipalities_get_their_role(plan):
    spec = _spec(plan, "Maatschappelijke opvang en beschermd wonen, centrumgemeente Leiden")
    assert spec.municipalities["GM0546"].role == "centrumgemeente"
    assert spec.form == "centrumgemeente"
