"""The shared CSV helpers: formula guard, file names that say what and when, safe headers."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from portal.spreadsheet import FORMULA_STARTS, attachment_header, cell_safe, export_filename


def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe():
    for start in FORMULA_STARTS:
        assert cell_safe(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"
    assert cell_safe("'s-Hertogenbosch") == "'s-Hertogenbosch"
    assert cell_safe("Zeist") == "Zeist"
    assert cell_safe(-3) == -3 and cell_safe(None) is None


@given(st.text())
def test_no_guarded_cell_starts_a_formula(value):
    assert not str(cell_safe(value)).startswith(FORMULA_STARTS)


def test_file_name_holds_the_parts_as_one_ascii_slug_and_the_date():
    day = dt.date(2026, 12, 3)
    assert (
        export_filename("gemeenten-per-domein", "Limburg", day=day)
        == "gemeenten-per-domein-limburg-2026-12-03.csv"
    )
    assert export_filename("kaart", "", "Súdwest-Fryslân", day=day) == (
        "kaart-sudwest-fryslan-2026-12-03.csv"
    )


@given(st.text(), st.text())
def test_content_disposition_is_ascii_and_cannot_break_out_of_its_quotes(name, extension):
    header = attachment_header(f"{name}.{extension}")
    header.encode("ascii")
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    assert '"' not in fallback and "\\" not in fallback and ";" not in fallback


def test_content_disposition_carries_the_utf8_name_as_well():
    assert attachment_header("gemeenten-fryslân.csv") == (
        'attachment; filename="gemeenten-fryslan.csv"; '
        "filename*=UTF-8''gemeenten-frysl%C3%A2n.csv"
    )
