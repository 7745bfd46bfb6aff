"""The kennisbank search as a visitor meets it: /kennisbank/?q=…&thema=…"""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisbank.constants import ItemType, Status
from kennisbank.forms.search import SearchForm
from kennisbank.models import SearchTerm
from kennisbank.search import MAX_QUERY_LENGTH, SearchParams, load_reference, search
from kennisbank.search import engine as search_module
from kennisbank.services.items import search_terms_refresh
from tests.factories import ItemFactory, collaboration_model, municipality, theme
from tests.html import validate_html

pytestmark = pytest.mark.django_db

URL = reverse("kennisbank:search")


def make(title, summary="Een korte omschrijving.", body="", days_ago=10, **fields):
    """An item with exactly this text (the factory's default text mentions cooperation)."""
    return ItemFactory(
        title=title,
        summary=summary,
        body=body,
        published_on=timezone.localdate() - dt.timedelta(days=days_ago),
        **fields,
    )


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def titles(response):
    return [hit.title for hit in response.context["result"].hits]


def html(response):
    return response.content.decode()


def heading(response):
    match = re.search(r'id="search-results-heading">\s*(.*?)\s*</h2>', html(response), re.S)
    return " ".join(match.group(1).split())


def facet(response, key):
    return {
        value.value: value.count
        for f in response.context["result"].facets
        if f.key == key
        for value in f.values
    }


# --- matching -------------------------------------------------------------------------------------


def test_plural_finds_singular_through_dutch_stemming(client):
    make("Samenwerking bij de belastingen")
    make("Afvalinzameling in Twente")
    response = get(client, q="samenwerkingen")
    assert titles(response) == ["Samenwerking bij de belastingen"]
    assert heading(response) == "1 resultaat voor ‘samenwerkingen’"


def test_word_finds_compound_and_unstemmed_plural_through_prefix_fallback(client):
    make("Het samenwerkingsverband Drechtsteden")
    make("Coöperaties in de zorg")
    assert titles(get(client, q="samenwerking")) == ["Het samenwerkingsverband Drechtsteden"]
    assert titles(get(client, q="coöperatie")) == ["Coöperaties in de zorg"]


def test_accents_do_not_matter_either_way(client):
    make("Coöperatie van zorgaanbieders")
    make("Cooperatie in het buitengebied")
    assert set(titles(get(client, q="cooperatie"))) == {
        "Coöperatie van zorgaanbieders",
        "Cooperatie in het buitengebied",
    }
    assert set(titles(get(client, q="coöperatie"))) == {
        "Coöperatie van zorgaanbieders",
        "Cooperatie in het buitengebied",
    }


def test_abbreviation_finds_expansion_and_back(client):
    make("Jeugdhulp via een GR", body="De GR is in 2015 opgericht.")
    make("Een gemeenschappelijke regeling voor jeugdhulp")
    make("Jeugdhulp zonder vaste vorm")
    both = {"Jeugdhulp via een GR", "Een gemeenschappelijke regeling voor jeugdhulp"}

    response = get(client, q="GR")
    assert set(titles(response)) == both
    assert "Ook gezocht op:" in html(response)
    assert "gemeenschappelijke regeling (voor ‘GR’)" in html(response)

    assert set(titles(get(client, q="gemeenschappelijke regeling"))) == both
    assert set(titles(get(client, q='"gemeenschappelijke regeling" jeugdhulp'))) == both


def test_excluded_abbreviation_excludes_its_expansion_too(client):
    make("Jeugdhulp via een GR")
    make("Een gemeenschappelijke regeling voor jeugdhulp")
    make("Jeugdhulp zonder vaste vorm")
    assert titles(get(client, q="jeugdhulp -GR")) == ["Jeugdhulp zonder vaste vorm"]


def test_short_abbreviation_expands_only_in_capitals(client):
    # "GO" is marked exact_uppercase_only in the seeded list: "go" is also a word.
    make("Een gemeenschappelijk orgaan voor de belastingen")
    assert titles(get(client, q="GO")) == ["Een gemeenschappelijk orgaan voor de belastingen"]
    response = get(client, q="go")
    assert titles(response) == []
    assert "Ook gezocht op:" not in html(response)


def test_websearch_phrase_exclude_and_or(client):
    make("Afval inzamelen met de buren")
    make("Inzamelen van afval en glas")
    make("Papier en glas apart ophalen")
    make("Hout en papier")

    assert titles(get(client, q='"afval inzamelen"')) == ["Afval inzamelen met de buren"]
    assert set(titles(get(client, q="afval -glas"))) == {"Afval inzamelen met de buren"}
    assert set(titles(get(client, q="glas OR hout"))) == {
        "Inzamelen van afval en glas",
        "Papier en glas apart ophalen",
        "Hout en papier",
    }


def test_title_match_ranks_above_summary_above_body(client):
    # The body-only match is the newest and mentions the word most often: tiers still win.
    make(
        "Een verhaal uit de regio",
        body="Kwetsbaarheid, kwetsbaarheid en nog eens kwetsbaarheid.",
        days_ago=1,
    )
    make("Kleine teams en hun kwetsbaarheid", days_ago=300)
    make("Een ander verhaal", summary="Over de kwetsbaarheid van kleine gemeenten.", days_ago=30)
    response = get(client, q="kwetsbaarheid")
    assert titles(response) == [
        "Kleine teams en hun kwetsbaarheid",
        "Een ander verhaal",
        "Een verhaal uit de regio",
    ]
    assert "<mark>kwetsbaarheid</mark>" in html(response)


def test_highlighted_snippet_escapes_the_source_text(client):
    make(
        "Samenwerking <script>alert(1)</script>",
        summary="Veilig <b>vet</b> samenwerking & meer",
        body="<script>alert(2)</script> over samenwerking.",
    )
    page = html(get(client, q="samenwerking"))
    assert "<script>alert" not in page
    assert "<b>vet</b>" not in page
    assert "&lt;script&gt;" in page
    assert "<mark>Samenwerking</mark>" in page


def test_typo_gets_a_suggestion_from_known_words(client):
    make("Samenwerking in de regio", summary="Gemeenten werken samen aan jeugdzorg.")
    make("Concept over samenwerkingsmoeheid", status=Status.DRAFT)
    call_command("refresh_search_terms", stdout=io.StringIO())
    assert not SearchTerm.objects.filter(word="samenwerkingsmoeheid").exists()

    # One letter off a known word: the results come straight away, with the suggestion.
    response = get(client, q="samenwerkng jeugdzorg")
    assert titles(response) == ["Samenwerking in de regio"]
    assert "Bedoelde u" in html(response)
    assert "?q=samenwerking+jeugdzorg" in html(response)

    # Two letters swapped, which trigram similarity misses.
    response = get(client, q="jeugdzrog")
    assert titles(response) == ["Samenwerking in de regio"]
    assert "?q=jeugdzorg" in html(response)

    # Nothing near a known word: no results, no suggestion.
    response = get(client, q="xqzwvbnm")
    assert titles(response) == []
    assert "Bedoelde u" not in html(response)

    # Known words, also in another form, get no suggestion.
    assert "Bedoelde u" not in html(get(client, q="samenwerkingen"))


# --- facets ---------------------------------------------------------------------------------------


@pytest.fixture
def faceted():
    jeugd, wonen = theme("jeugd"), theme("wonen")
    utrecht, leiden = municipality("GM0344"), municipality("GM0546")
    make(
        "Jeugdhulp samen inkopen", type=ItemType.RESEARCH, themes=[jeugd], municipalities=[utrecht]
    )
    make(
        "Samen bouwen aan woningen", type=ItemType.RESEARCH, themes=[wonen], municipalities=[leiden]
    )
    make(
        "Jeugdhulp in de wijk samen doen",
        type=ItemType.PRACTICE,
        themes=[jeugd],
        municipalities=[leiden],
        collaboration_model=collaboration_model("centrumgemeente"),
        task_type="uitvoering",
        motives=["kosten"],
    )


def test_facet_counts_use_the_other_filters_and_show_zero(client, faceted):
    response = get(client, q="samen", soort="onderzoek")
    assert len(titles(response)) == 2
    # The type facet ignores its own filter, so the alternative stays visible with its count.
    types = facet(response, "type")
    assert types["onderzoek"] == 2 and types["praktijkvoorbeeld"] == 1
    assert types["bijeenkomst"] == 0
    # Other facets count within the chosen type.
    themes = facet(response, "theme")
    assert themes["jeugd"] == 1 and themes["wonen"] == 1 and themes["economie"] == 0
    provinces = facet(response, "province")
    assert provinces["zuid-holland"] == 1 and provinces["utrecht"] == 1
    assert provinces["limburg"] == 0 and len(provinces) == 12
    page = html(response)
    assert 'Bijeenkomst <span class="search-facet__count">(0)</span>' in page
    assert 'value="onderzoek" checked' in page


def test_values_within_a_facet_are_or_across_facets_and(client, faceted):
    assert len(titles(get(client, q="samen", thema=["jeugd", "wonen"]))) == 3
    assert titles(get(client, q="samen", thema="jeugd", soort="onderzoek")) == [
        "Jeugdhulp samen inkopen"
    ]
    assert titles(get(client, provincie="zuid-holland", vorm="centrumgemeente")) == [
        "Jeugdhulp in de wijk samen doen"
    ]
    year = str((timezone.localdate() - dt.timedelta(days=10)).year)
    response = get(client, taaktype="uitvoering", motief="kosten", jaar=year)
    assert titles(response) == ["Jeugdhulp in de wijk samen doen"]
    assert titles(get(client, taaktype="beleid", jaar=year)) == []


def test_municipality_facet_lists_municipalities_with_matches_and_the_chosen_one(client, faceted):
    response = get(client, q="samen", gemeente="GM0014")
    municipalities = facet(response, "municipality")
    assert municipalities == {"GM0344": 1, "GM0546": 2, "GM0014": 0}
    assert "Groningen" in html(response) and titles(response) == []


def test_active_filter_has_a_remove_link(client, faceted):
    response = get(client, q="samen", thema="jeugd", soort="onderzoek")
    page = html(response)
    assert "Verwijder filter </span>Thema: Jeugd" in page
    assert 'href="?q=samen&amp;soort=onderzoek"' in page  # removes only the theme


def test_only_published_items_are_found_or_counted(client):
    make("Samenwerking gepubliceerd", type=ItemType.RESEARCH)
    make("Samenwerking concept", status=Status.DRAFT, type=ItemType.LESSON)
    make("Samenwerking ter beoordeling", status=Status.IN_REVIEW, type=ItemType.LESSON)
    make("Samenwerking ingetrokken", status=Status.WITHDRAWN, type=ItemType.LESSON)
    for params in ({"q": "samenwerking"}, {}, {"soort": "praktijkles"}):
        response = get(client, **params)
        assert "concept" not in " ".join(titles(response))
        assert facet(response, "type")["praktijkles"] == 0
    response = get(client, q="samenwerking")
    assert titles(response) == ["Samenwerking gepubliceerd"]
    assert heading(response) == "1 resultaat voor ‘samenwerking’"


# --- order and paging ----------------------------------------------------------------------------


def test_sort_by_date_puts_newest_first(client):
    make("Samenwerking in de titel", days_ago=400)
    make("Nieuw stuk", body="Over samenwerking.", days_ago=2)
    assert titles(get(client, q="samenwerking"))[0] == "Samenwerking in de titel"
    response = get(client, q="samenwerking", sorteer="datum")
    assert titles(response) == ["Nieuw stuk", "Samenwerking in de titel"]
    assert '<span class="search-sort__current" aria-current="true">Datum' in html(response)
    # Without a query the list is by date.
    assert titles(get(client)) == ["Nieuw stuk", "Samenwerking in de titel"]


def test_paging_keeps_query_filters_and_sort(client):
    jeugd = theme("jeugd")
    for n in range(25):
        make(f"Jeugdzorg voorbeeld {n}", themes=[jeugd], days_ago=n)
    make("Jeugdzorg zonder thema")
    response = get(client, q="jeugdzorg", thema="jeugd", sorteer="datum")
    assert heading(response) == "25 resultaten voor ‘jeugdzorg’"
    assert len(titles(response)) == 20
    next_link = re.search(r'<a [^>]*rel="next" href="([^"]+)"', html(response)).group(1)
    assert "q=jeugdzorg" in next_link and "thema=jeugd" in next_link
    assert "sorteer=datum" in next_link and "page=2" in next_link

    second = client.get(URL + next_link.replace("&amp;", "&"))
    assert titles(second) == [f"Jeugdzorg voorbeeld {n}" for n in range(20, 25)]
    assert "Pagina 2 van 2" in html(second)


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, notice",
    [
        ({"q": "samenwerking", "page": "999"}, "Pagina 999 bestaat niet; u ziet pagina 1."),
        ({"q": "samenwerking", "page": "abc"}, "Ongeldig paginanummer"),
        ({"q": "samenwerking", "page": "-3"}, "Ongeldig paginanummer"),
        ({"q": "samenwerking", "thema": "bestaat-niet"}, "Onbekende filterwaarde genegeerd"),
        ({"q": "samenwerking", "gemeente": "GM9999", "jaar": "1066"}, "Onbekende filterwaarde"),
        ({"q": "samenwerking " + "x" * 2000}, "Uw zoekopdracht was te lang"),
    ],
)
def test_bad_input_gives_the_page_with_a_dutch_notice(client, params, notice):
    make("Samenwerking in de regio")
    response = get(client, **params)
    assert notice in html(response)
    assert titles(response) == ["Samenwerking in de regio"]


def test_garbage_gives_a_page_and_keeps_the_input_and_nul_bytes_a_400(client):
    make("Samenwerking in de regio")
    response = client.get(URL + "?q=samen%07werking+%22%27%3A*+%21%21+-+OR&sorteer=x&page=y")
    assert response.status_code == 200
    assert 'value="samen werking &quot;&#x27;:* !! - OR"' in html(response)
    # A NUL anywhere in a request is refused before the search sees it (issue 11).
    assert client.get(URL + "?q=samen%00werking&sorteer=%00&page=%00").status_code == 400
    long = get(client, q="samenwerking " * 300)
    assert len(long.context["result"].params.q) <= MAX_QUERY_LENGTH
    assert long.context["result"].params.q.startswith("samenwerking samenwerking")


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(max_size=250))
def test_no_query_text_breaks_the_search(client, text):
    if not SearchTerm.objects.exists():
        make("Samenwerking bij de GR", body="Een *gemeenschappelijke regeling*.")
        search_terms_refresh()
    reference = load_reference()
    form = SearchForm({"q": text, "page": text[:5], "thema": text[:20]}, reference=reference)
    result = search(form.params(), reference=reference)
    assert result.total >= 0
    # Through HTTP as well, for whatever a browser can send (no lone surrogates).
    encodable = text.encode("utf-8", "ignore").decode("utf-8")
    # A NUL is refused before the search (issue 11); anything else gives the results page.
    expected = 400 if "\x00" in encodable else 200
    assert client.get(URL, {"q": encodable}).status_code == expected


def test_search_page_in_its_richest_state_is_valid_html(client):
    jeugd = theme("jeugd")
    for n in range(25):
        make(f"Jeugdzorg <em>samen</em> {n}", body="Over **jeugdzorg** & meer.", themes=[jeugd])
    make("Samenwerking in de regio")
    search_terms_refresh()
    pages = {
        "filters, notices, paging": URL
        + "?q=jeugdzorg&thema=jeugd&thema=onbekend&soort=praktijkvoorbeeld&page=x",
        "suggestion, nothing found": URL + "?q=samenwerkng",
        "no query": URL,
        "expansion": URL + "?q=GR+OR+jeugdzorg&sorteer=datum",
    }
    documents = {name: client.get(url).content.decode() for name, url in pages.items()}
    assert "Bedoelde u" in documents["suggestion, nothing found"]
    assert validate_html(documents) == {}


# --- performance ---------------------------------------------------------------------------------


def test_search_page_uses_a_constant_number_of_queries(client):
    jeugd, utrecht = theme("jeugd"), municipality("GM0344")

    def add(count):
        for n in range(count):
            make(
                f"Samenwerking in de jeugdzorg {n}",
                summary="Samen inkopen.",
                body="Samenwerking **regionaal**.",
                themes=[jeugd],
                municipalities=[utrecht],
            )

    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            response = get(client, **params)
        return len(captured.captured_queries), len(titles(response))

    filters = {
        "q": "samenwerking",
        "thema": "jeugd",
        "provincie": "utrecht",
        "soort": "praktijkvoorbeeld",
    }
    add(10)
    few = queries(filters), queries({**filters, "sorteer": "datum"}), queries({})
    add(50)
    many = queries(filters), queries({**filters, "sorteer": "datum"}), queries({})
    assert [hits for _, hits in few] == [10, 10, 10]
    assert [hits for _, hits in many] == [20, 20, 20]
    assert [n for n, _ in few] == [n for n, _ in many]
    # Two of them look the words up in the vocabulary (compounds, plurals, typos).
    assert max(n for n, _ in many) <= 14


# --- large result sets ---------------------------------------------------------------------------


def test_counts_are_estimated_from_a_sample_when_too_many_to_count(client, monkeypatch):
    # Two sample buckets (even and odd ids), the probe looks at one, the pass counts one.
    monkeypatch.setattr(search_module, "SEARCH_SAMPLE_BUCKETS", 2)
    monkeypatch.setattr(search_module, "PROBE_BUCKETS", 1)
    monkeypatch.setattr(search_module, "EXACT_COUNT_LIMIT", 0)
    monkeypatch.setattr(search_module, "SAMPLE_TARGET", 1)
    items = [make(f"Samenwerking {n}", type=ItemType.RESEARCH) for n in range(10)]
    even = sum(1 for item in items if item.id % 2 == 0)

    response = get(client, q="samenwerking")
    result = response.context["result"]
    assert result.total_estimated and result.total == 2 * even
    assert facet(response, "type")["onderzoek"] == 2 * even  # scaled sample counts…
    assert f'Onderzoek <span class="search-facet__count">(ca. {2 * even})' in html(response)
    assert "zijn de aantallen geschat" in html(response)
    assert len(titles(response)) == 10  # …while the hits themselves are exact


def test_alternatives_may_be_estimated_while_the_matches_stay_exact(client, monkeypatch):
    # The probe sees everything; more than 3 rows are sampled, at one in two (even ids).
    monkeypatch.setattr(search_module, "SEARCH_SAMPLE_BUCKETS", 2)
    monkeypatch.setattr(search_module, "PROBE_BUCKETS", 2)
    monkeypatch.setattr(search_module, "EXACT_COUNT_LIMIT", 3)
    monkeypatch.setattr(search_module, "SAMPLE_TARGET", 1)
    jeugd = theme("jeugd")
    for n in range(2):
        make(f"Samenwerking onderzoek {n}", type=ItemType.RESEARCH, themes=[jeugd])
    practice = [make(f"Samenwerking praktijk {n}", themes=[jeugd]) for n in range(6)]
    even = sum(1 for item in practice if item.id % 2 == 0)

    response = get(client, q="samenwerking", soort="onderzoek")
    result = response.context["result"]
    assert not result.total_estimated and heading(response) == "2 resultaten voor ‘samenwerking’"
    assert facet(response, "theme")["jeugd"] == 2  # counted over the matches only: exact
    assert 'Jeugd <span class="search-facet__count">(2)</span>' in html(response)
    # The type facet shows the alternative (practice examples) as an estimate.
    assert facet(response, "type")["praktijkvoorbeeld"] == 2 * even
    assert 'Onderzoek <span class="search-facet__count">(ca. 2)</span>' in html(response)


def test_relevance_paging_stops_at_the_result_cap(client, monkeypatch):
    monkeypatch.setattr(search_module, "MAX_RESULTS", 40)
    monkeypatch.setattr(search_module, "MAX_PAGES", 2)
    for n in range(45):
        make(f"Samenwerking {n}", days_ago=n)
    response = get(client, q="samenwerking", page="2")
    assert len(titles(response)) == 20
    assert "U bent op de laatste pagina die we tonen" in html(response)
    beyond = get(client, q="samenwerking", page="3")
    assert beyond.context["result"].page.number == 2
    assert "We tonen hoogstens 2 pagina" in html(beyond)


def test_search_params_round_trip_through_the_url():
    params = SearchParams(q="GR jeugd", themes=("jeugd", "wonen"), sort="datum", page=3)
    assert params.query_string() == "?q=GR+jeugd&thema=jeugd&thema=wonen&sorteer=datum&page=3"
    assert (
        params.without("theme", "wonen").query_string() == "?q=GR+jeugd&thema=jeugd&sorteer=datum"
    )


def test_page_numbers_link_every_nearby_page_and_mark_the_current_one(client):
    from portal.templatetags.portal_tags import page_window

    assert page_window(1, 1) == [1]
    assert page_window(1, 4) == [1, 2, 3, 4]
    assert page_window(10, 25) == [1, None, 8, 9, 10, 11, 12, None, 25]
    # A single page left out is shown rather than an ellipsis.
    assert page_window(5, 9) == [1, 2, 3, 4, 5, 6, 7, 8, 9]

    for n in range(45):
        make(f"Jeugdzorg voorbeeld {n}", days_ago=n)
    page = html(get(client, q="jeugdzorg", page="2"))
    nav = page[page.index('<nav class="utrecht-pagination') :]
    nav = nav[: nav.index("</nav>")]
    assert 'aria-label="Paginering van de zoekresultaten"' in nav
    numbers = re.findall(
        r'<a [^>]*href="[^"]*page=(\d)[^"]*"[^>]*>(?:<span[^>]*>Pagina </span>)?', nav
    )
    assert set(numbers) >= {"1", "2", "3"}
    assert re.search(r'aria-current="page" href="[^"]*page=2', nav)


def test_filters_come_before_the_results_behind_a_toggle(client):
    make("Jeugdzorg in de regio")
    page = html(get(client, q="jeugdzorg"))
    toggle = page.index('<details class="search-filters__toggle"')
    assert toggle < page.index('id="search-results-heading"')
    summary = page[toggle : page.index("</summary>", toggle)]
    assert ">Filters</h2>" in summary
