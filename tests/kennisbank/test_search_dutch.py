"""Search that understands how Dutch officials ask: compounds, plurals, typos, partial matches."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from kennisbank.constants import ItemType
from kennisbank.models import Item, NarrowerTerm
from kennisbank.search import SearchParams, search
from portal import dutch
from tests.kennisbank.test_search import get, html, make, titles

# --- the pure analysis ------------------------------------------------------------------------


def test_plurals_snowball_leaves_alone_get_their_other_form():
    assert "heffingsunie" in dutch.inflections("heffingsunies")
    assert "heffingsunies" in dutch.inflections("heffingsunie")
    assert "regio" in dutch.inflections("regio's")
    assert "provincie" in dutch.inflections("provincien")
    assert "kazerne" in dutch.inflections("kazernes")
    assert dutch.words("Coöperaties in de regio’s") == ["cooperaties", "in", "de", "regio's"]


def test_compounds_split_with_linking_s_and_are_recognised_around_a_part():
    vocabulary = {"belasting", "samenwerking", "afvalinzameling", "contract", "inkoop"}
    assert dutch.best_split("belastingsamenwerking", vocabulary.__contains__) == (
        "belasting",
        "samenwerking",
    )
    assert dutch.best_split("afvalinzamelingscontract", vocabulary.__contains__) == (
        "afvalinzameling",
        "contract",
    )
    assert dutch.best_split("samenwerking", vocabulary.__contains__) is None
    assert dutch.contains_part("inkoopsamenwerking", "samenwerk", vocabulary.__contains__)
    assert dutch.contains_part("brandweerkazernes", "brandweer", lambda s: False)
    # A short part needs a known word next to it: "werk" is not in "samenwerking" as a part.
    assert not dutch.contains_part("samenwerking", "werk", lambda s: False)


def test_compound_parts_for_the_index_need_known_parts_no_more_common_than_the_compound():
    counts = {"belasting": 30, "samenwerking": 90, "samen": 80, "werking": 2, "afval": 20}
    counts |= {"inzameling": 9, "afvalinzameling": 5, "contract": 8, "heffingsunie": 1}
    frequency = lambda text: counts.get(text, 0)  # noqa: E731
    assert dutch.compound_parts("belastingsamenwerking", frequency) == [
        "belasting",
        "samenwerking",
    ]
    assert dutch.compound_parts("afvalinzamelingscontract", frequency) == [
        "afvalinzameling",
        "contract",
        "afval",
        "inzameling",
    ]
    assert dutch.compound_parts("heffingsunies", frequency) == ["heffingsunie"]
    # More common than one of its parts: a word of its own, not "samen" + "werking".
    assert dutch.compound_parts("samenwerking", frequency) == []


def test_one_edit_includes_swapped_letters():
    assert "jeugdzorg" in dutch.edits("jeugdzrog")
    assert "jeugdzorg" in dutch.edits("jeugdzorgg")
    assert "jeugdzorg" in dutch.edits("jeugdzrg")


# --- the search -------------------------------------------------------------------------------

pytestmark_db = pytest.mark.django_db


def refresh():
    call_command("refresh_search_terms", stdout=io.StringIO())


@pytestmark_db
def test_plural_ies_finds_the_singular_and_back(client):
    make("Heffingsunie Markiezaten: vijf gemeenten innen samen hun belastingen")
    make("Coöperaties als samenwerkingsvorm")
    refresh()
    assert titles(get(client, q="heffingsunies")) == [
        "Heffingsunie Markiezaten: vijf gemeenten innen samen hun belastingen"
    ]
    assert titles(get(client, q="coöperatie")) == ["Coöperaties als samenwerkingsvorm"]


@pytestmark_db
def test_a_word_finds_its_compounds_and_a_compound_its_parts(client):
    make("Belastingsamenwerking in de Achterhoek")
    make("Inkoopsamenwerking Fryslân")
    make("Samenwerking bij belastingen in Zeeland", summary="Vijf gemeenten heffen samen.")
    make("Afvalinzameling in Twente")
    refresh()
    found = titles(get(client, q="samenwerking"))
    assert "Belastingsamenwerking in de Achterhoek" in found
    assert "Inkoopsamenwerking Fryslân" in found
    assert set(titles(get(client, q="belastingsamenwerking"))) == {
        "Belastingsamenwerking in de Achterhoek",
        "Samenwerking bij belastingen in Zeeland",
    }
    page = html(get(client, q="samenwerking"))
    assert "Ook gezocht op:" in page and "belastingsamenwerking" in page


@pytestmark_db
def test_a_compound_only_in_the_body_is_found_by_its_parts(client):
    make("Samenwerking bij inkoop", summary="Gemeenten kopen samen in.")
    make("Regionaal bureau in Brabant", body="De inkoopsamenwerking levert veel op.")
    make("Over iets anders", body="Geen samenwerkingsverband.")
    refresh()
    stored = Item.objects.get(title="Regionaal bureau in Brabant").search_parts.split()
    assert {"inkoop", "samenwerking"} <= set(stored)
    assert "Regionaal bureau in Brabant" in titles(get(client, q="samenwerking"))
    # A part matches less than the word itself: the item that says it comes first.
    assert titles(get(client, q="inkoop samenwerking"))[0] == "Samenwerking bij inkoop"


@pytestmark_db
def test_words_that_do_not_all_match_give_partial_matches_after_the_full_ones(client):
    make("Belastingen samen innen in de Markiezaten")
    make("Belastingkantoor voor zes gemeenten")
    make("Samenwerking bij de brandweer")
    make("Over iets anders")
    refresh()
    response = get(client, q="belastingen samen innen")
    result = response.context["result"]
    assert titles(response) == ["Belastingen samen innen in de Markiezaten"]
    partial = [hit.title for hit in result.partial_hits]
    # The rarer word weighs more: the tax office before the fire brigade's cooperation.
    assert partial[0] == "Belastingkantoor voor zes gemeenten"
    assert "Over iets anders" not in partial
    assert "Met een deel van de woorden" in html(response)


@pytestmark_db
def test_no_result_offers_to_ask_the_network_with_the_query(client, member):
    make("Samenwerking in de regio")
    refresh()
    page = html(get(client, q="xqzwvbnm"))
    assert "Stel uw vraag aan het netwerk" in page
    assert reverse("netwerk:question_create") + "?titel=xqzwvbnm" in page

    client.force_login(member)
    form = client.get(reverse("netwerk:question_create"), {"titel": "Hoe  delen we een CISO?"})
    assert form.context["form"].initial["title"] == "Hoe delen we een CISO?"


@pytestmark_db
def test_on_the_demo_content_a_plain_tax_query_shows_every_tax_practice_example(settings):
    settings.DEBUG = True
    call_command("load_demo_content", stdout=io.StringIO())
    refresh()
    tax_practices = set(
        Item.objects.published()
        .filter(type=ItemType.PRACTICE, themes__slug="belastingen-en-woz")
        .values_list("title", flat=True)
    )
    assert len(tax_practices) == 6
    result = search(SearchParams(q="belastingen samenwerking"))
    page_one = {hit.title for hit in (*result.hits, *result.related_hits, *result.partial_hits)}
    assert tax_practices <= page_one
    assert "Eén belastingkantoor voor zes gemeenten langs Lek en Kromme Rijn" in page_one

    markiezaten = "Heffingsunie Markiezaten: vijf gemeenten innen samen hun belastingen"
    assert markiezaten in {hit.title for hit in search(SearchParams(q="heffingsunies")).hits}
    # The typo is answered on a small collection too: the vocabulary knows "jeugdzorg" from
    # the compounds of titles and summaries (jeugdzorginkoop), not only from whole words.
    assert search(SearchParams(q="jeugdzrog")).suggestion == "jeugdzorg"


@pytestmark_db
def test_a_compound_query_shows_items_on_its_head_as_near_matches(client):
    make("Heffingsunie Markiezaten", summary="Vijf gemeenten innen samen.")
    make("Gemeentelijke heffingen bij het waterschap")
    make("Iets over sport")
    refresh()
    result = get(client, q="heffingsunies").context["result"]
    assert [hit.title for hit in result.hits] == ["Heffingsunie Markiezaten"]
    near = [hit.title for hit in (*result.related_hits, *result.partial_hits)]
    assert near == ["Gemeentelijke heffingen bij het waterschap"]


@pytestmark_db
def test_a_swapped_word_is_suggested_even_when_its_correction_finds_many(client, monkeypatch):
    monkeypatch.setattr("kennisbank.search.engine.SUGGEST_BELOW", 2)
    for n in range(3):
        make(f"Inkoop van jeugdzorg, regio {n}")
    refresh()
    response = get(client, q="jeugdzrog")
    assert len(titles(response)) == 3
    assert "?q=jeugdzorg" in html(response)


@pytestmark_db
def test_facet_values_without_results_fold_away_and_filters_apply_on_change(client):
    make("Samenwerking in de regio", type=ItemType.RESEARCH)
    refresh()
    page = html(get(client, q="samenwerking"))
    shown, folded = page.split('class="search-facet__empty"', 1)
    assert 'value="onderzoek"' in shown
    assert 'value="bijeenkomst"' not in shown and 'value="bijeenkomst"' in folded
    assert "waarden zonder resultaten" in folded
    assert "data-apply-on-change" in page and "js/search-filters.js" in page


@pytestmark_db
def test_within_a_tier_the_phrase_and_recent_practice_examples_come_first(client):
    make("Regionale inkoop", summary="Samenwerking bij de jeugdzorg.", days_ago=20)
    make("Jeugdzorg", summary="Gezamenlijke inkoop voor de regio.", days_ago=20)
    make("Inkoop voor jeugdzorg", summary="Vier gemeenten.", days_ago=20)
    make("Jeugdzorg inkoop", summary="Vier gemeenten.", days_ago=3000)
    refresh()
    found = titles(get(client, q="jeugdzorg inkoop"))
    # The title holds both words in the query's order: first, even though it is older.
    assert found[0] == "Jeugdzorg inkoop"

    make("Afvalinzameling in Drenthe", type=ItemType.PRACTICE, days_ago=30)
    # Created later, so it would win the tie without the favour for recent practice examples.
    make("Afvalinzameling in Twente", type=ItemType.RESEARCH, days_ago=30)
    make("Afvalinzameling in Zeeland", type=ItemType.PRACTICE, days_ago=3000)
    refresh()
    found = titles(get(client, q="afvalinzameling"))
    assert found[0] == "Afvalinzameling in Drenthe"
    assert found.index("Afvalinzameling in Twente") < found.index("Afvalinzameling in Zeeland")


@pytestmark_db
def test_a_search_that_finds_little_adds_items_like_its_best_hit(client):
    make("Heffingsunie Markiezaten", summary="Aanslagen en kwijtschelding voor vijf gemeenten.")
    make("Zwolle neemt kwijtschelding over", summary="Aanslagen voor Kampen en Dalfsen.")
    make("Regionale jeugdzorg", summary="Gemeenten kopen samen in.")
    for n in range(8):
        make(f"Sportakkoord {n}", summary="Verenigingen en gemeenten.")
    refresh()
    response = get(client, q="heffingsunie")
    result = response.context["result"]
    assert titles(response) == ["Heffingsunie Markiezaten"]
    # Never says "heffingsunie", but shares its rarer words (aanslagen, kwijtschelding).
    assert [hit.title for hit in result.related_hits] == ["Zwolle neemt kwijtschelding over"]
    assert "Lijkt op de beste resultaten" in html(response)


@pytestmark_db
def test_a_broader_term_finds_its_narrower_terms_below_its_own_matches(client):
    NarrowerTerm.objects.get_or_create(term="sociaal domein", narrower="Wmo")
    NarrowerTerm.objects.get_or_create(term="energietransitie", narrower="warmtetransitie")
    NarrowerTerm.objects.get_or_create(term="energietransitie", narrower="zonnepark")
    NarrowerTerm.objects.get_or_create(term="klimaat", narrower="energietransitie")
    make("Een regionaal Wmo-loket", summary="Vier gemeenten, één loket.")
    make("Samenwerking", summary="Over het sociaal domein.")
    make("Warmtetransitie samen voorbereiden")
    make("Een zonnepark van drie gemeenten")
    make("Iets over sport")
    refresh()
    response = get(client, q="sociaal domein")
    # The query's own words in a summary rank above a narrower term in a title.
    assert titles(response) == ["Samenwerking", "Een regionaal Wmo-loket"]
    assert "Ook gezocht op" in html(response) and "Wmo" in html(response)

    # The other way: a narrower term's neighbours are like its results.
    result = get(client, q="warmtetransitie").context["result"]
    assert [hit.title for hit in result.hits] == ["Warmtetransitie samen voorbereiden"]
    assert [hit.title for hit in result.related_hits] == ["Een zonnepark van drie gemeenten"]
