"""Names and codes of 2016 and before onto today's municipalities; domains and forms from names.

Pure Python on the real reference files (no database).
"""

import pytest

from netwerk.constants import Domain
from netwerk.register.opendata.classify import (
    DOMAINS,
    classify,
    domain_of,
    form_from_name,
    organisation_kind,
)
from netwerk.register.opendata.names import normalise, province_key, repair_mojibake
from netwerk.register.opendata.plan import build_index


@pytest.fixture(scope="module")
def index():
    from netwerk.register.opendata.sources import REFERENCE_DIR

    built, _ = build_index(REFERENCE_DIR, [])
    return built


def test_mojibake_in_the_opengr_file_is_repaired_also_next_to_correct_accents():
    assert repair_mojibake("Provincie FryslÃ¢n") == "Provincie Fryslân"
    assert repair_mojibake("Súdwest-FryslÃ¢n") == "Súdwest-Fryslân"
    assert repair_mojibake("Leiden") == "Leiden"


def test_normalise_ignores_case_accents_punctuation_and_province_markers():
    assert normalise("Capelle aan den Ijssel") == normalise("Capelle aan den IJssel")
    assert normalise("'s-Gravenhage (gemeente)") == normalise("s-Gravenhage")
    assert normalise("Bergen (NH.)") == "bergen"
    assert province_key("Provincie Overrijssel") == "overijssel"  # the typo in the source
    assert province_key("Limburg (NL)") == "limburg"
    assert province_key("Noordrijn-Westfalen (Duitsland)") is None


def test_a_2016_municipality_resolves_to_its_2025_successor(index):
    bedum = index.resolve_code("5")
    assert (bedum.code, bedum.status) == ("GM1966", "merged")  # Het Hogeland
    assert index.resolve_name("Weesp").code == "GM0363"  # Amsterdam, 24 March 2022
    assert index.resolve_name("Brielle").code == "GM1992"  # Voorne aan Zee, 2023


def test_a_municipality_merged_before_2016_resolves_through_the_chain(index):
    # Bussum → Gooise Meren (2016); Ubbergen → Groesbeek → Berg en Dal.
    assert index.resolve_name("Bussum").code == "GM1942"
    assert index.resolve_name("Ubbergen").code == "GM1945"


def test_a_split_municipality_does_not_resolve_and_says_why(index):
    haaren = index.resolve_code("GM0788")
    assert haaren.code is None and haaren.status == "split"
    assert "Oisterwijk" in haaren.detail and "Vught" in haaren.detail


def test_winsum_follows_its_main_successor(index):
    assert index.resolve_name("Winsum").code == "GM1966"


def test_an_ambiguous_name_needs_a_province(index):
    assert index.resolve_name("Bergen").status == "ambiguous"
    assert index.resolve_name("Bergen", province="limburg").code == "GM0893"
    assert index.resolve_name("Bergen (NH.)").code == "GM0373"


def test_typos_in_the_source_resolve_through_the_variant_list(index):
    assert index.resolve_name("Haasbergen").code == "GM0158"
    assert index.resolve_name("Gedrop-Mierlo").code == "GM1771"


def test_the_pure_domain_list_matches_the_model_choices():
    assert set(DOMAINS) == set(Domain.values)


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("Veiligheidsregio Utrecht", "veiligheid"),
        ("Gemeentelijke Gezondheidsdienst (GGD) Hart voor Brabant", "publieke-gezondheid"),
        ("Omgevingsdienst Midden-Holland", "omgeving-en-milieu"),
        ("Werkvoorzieningschap Tomingroep", "werk-en-inkomen"),
        ("Belastingsamenwerking Rivierenland (BSR)", "belastingen-en-woz"),
        ("Recreatieschap Drenthe", "recreatie-en-natuur"),
        ("Streekarchief Midden-Holland", "cultuur-en-erfgoed"),
        ("Afvalbeheer Regio Centraal Groningen (ARCG)", "afval"),
        ("Jeugdhulp Rijnmond", "jeugd"),
        ("Regio Twente", "bestuur-en-samenwerking"),
        ("Tresoar", "cultuur-en-erfgoed"),
        ("Glastuinbouw Bergerden", "economie"),
        ("Xyz", "overig"),
    ],
)
def test_domains_from_names(name, domain):
    assert domain_of(name) == domain


def test_forms_only_from_unambiguous_words():
    assert form_from_name("Bedrijfsvoeringsorganisatie West Betuwe (BWB)") == (
        "bedrijfsvoeringsorganisatie"
    )
    assert form_from_name("Centrumregeling samenwerking sociaal domein") == "centrumgemeente"
    assert form_from_name("Regio Twente") is None
    veiligheidsregio = classify("Veiligheidsregio Zeeland")
    assert (veiligheidsregio.form, veiligheidsregio.form_basis) == ("openbaar_lichaam", "wet")


def test_participants_that_are_no_municipality():
    assert organisation_kind("Provincie Utrecht") == "provincie"
    assert organisation_kind("Hoogheemraadschap van Rijnland") == "waterschap"
    assert organisation_kind("Wetterskip Fryslân") == "waterschap"
    assert organisation_kind("Kleef (Duitsland)") == "buitenland"
    assert organisation_kind("Rijk") == "rijk"
    assert organisation_kind("Zaanstreek") is None
