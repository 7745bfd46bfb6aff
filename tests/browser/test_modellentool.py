"""A person answers the modellentool by keyboard only, changes an answer and keeps the advice."""

import importlib

import pytest
from django.apps import apps as django_apps

from modellentool import scoring
from modellentool.reference import load_first_questionnaire
from modellentool.services import result_create, version_published
from tests.browser.conftest import assert_no_axe_violations

# The English texts live frozen in their data migration; the fixture reuses its loader.
load_english = importlib.import_module(
    "modellentool.migrations.0006_fill_english_texts"
).load_english

MAX_TABS = 80
PDF_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def questionnaire():
    # Browser tests flush the database between tests; put the seeded version back.
    load_first_questionnaire(django_apps.get_model)
    load_english(live_model)


def live_model(app_label, name):
    # The migration names the forms of cooperation where they lived then; they are portal's now.
    if name == "CollaborationModel":
        app_label = "portal"
    return django_apps.get_model(app_label, name)


def focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
        return {tag: el.tagName, type: el.type || '', name: el.name || '', value: el.value || '',
                text: (el.innerText || el.textContent || '').trim(),
                label: el.labels && el.labels[0] ? el.labels[0].innerText.trim() : '',
                checked: !!el.checked}; }"""
    )


def tab_to(page, predicate, what: str) -> dict:
    """Presses Tab until the focused element satisfies ``predicate``."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        if predicate(element):
            return element
    raise AssertionError(f"Met Tab niet bereikt: {what}")


def press_button(page, text: str) -> None:
    tab_to(page, lambda el: el["tag"] in ("BUTTON", "A") and el["text"] == text, text)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def choose_radio(page, question: str, option: str) -> None:
    """Tab into the radio group of ``question`` and move the selection with the arrow keys."""
    name = (
        page.locator("fieldset", has=page.locator("legend", has_text=question))
        .locator("input[type=radio]")
        .first.get_attribute("name")
    )
    tab_to(page, lambda el: el["name"] == name, question)
    for _ in range(10):
        if focused(page)["label"] == option:
            break
        page.keyboard.press("ArrowUp")
    assert focused(page)["label"] == option and focused(page)["checked"], option


def check_box(page, label: str) -> None:
    tab_to(page, lambda el: el["type"] == "checkbox" and el["label"] == label, label)
    page.keyboard.press("Space")


def heading(page) -> str:
    return page.locator("h1").inner_text()


ANSWERS = {
    1: [("Wat voor soort taak", "Bedrijfsvoering"), ("Hoeveel beleidsruimte", "Weinig")],
    2: [("minstens kunnen uitoefenen", "Geen")],
    3: [("Met hoeveel gemeenten", "Drie tot vijf gemeenten"), ("Wie nemen", "Alleen de colleges")],
    4: [
        ("Waar werken de medewerkers", "Ze gaan naar een nieuwe, gezamenlijke organisatie"),
        ("personeel in dienst nemen", "Ja"),
    ],
}


def first_model(page) -> str:
    return page.locator(".advice__verdict strong").inner_text()


def test_keyboard_only_questionnaire_change_permanent_link_and_pdf(page, browser, live_server):
    page.goto("/modellentool/")
    assert_no_axe_violations(page)
    press_button(page, "Begin de vragenlijst")

    for number in range(1, 8):
        assert page.locator(".progress__text").inner_text() == f"Stap {number} van 7"
        assert_no_axe_violations(page)
        for question, option in ANSWERS.get(number, []):
            choose_radio(page, question, option)
        if number == 6:
            check_box(page, "Lagere kosten")
        if number == 3:
            # Back to step 2 and forward again: the answers stay.
            press_button(page, "Vorige stap")
            assert page.locator(".progress__text").inner_text() == "Stap 2 van 7"
            assert page.get_by_label("Geen", exact=True).is_checked()
            press_button(page, "Volgende stap")
            assert page.get_by_label("Drie tot vijf gemeenten").is_checked()
        press_button(page, "Bekijk het advies" if number == 7 else "Volgende stap")

    assert "/modellentool/advies/" in page.url
    assert first_model(page) == "Bedrijfsvoeringsorganisatie (BVO)"
    assert page.locator(".model-ranking__item").count() == 11
    assert_no_axe_violations(page)
    first_url = page.url

    # On a phone the advice fits the screen: no sideways scrolling.
    page.set_viewport_size({"width": 360, "height": 740})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"het advies scrolt horizontaal ({overflow}px)"
    page.set_viewport_size({"width": 1280, "height": 900})

    # Change one answer: rule-making must move, which only an openbaar lichaam can take.
    press_button(page, "Antwoorden aanpassen")
    assert page.get_by_label("Bedrijfsvoering", exact=True).is_checked()
    press_button(page, "Volgende stap")
    choose_radio(page, "minstens kunnen uitoefenen", "Regelgeving")
    for _ in range(2, 7):
        press_button(page, "Volgende stap")
    press_button(page, "Bekijk het advies")
    assert first_model(page) == "Openbaar lichaam"
    assert page.locator("#vorm-bedrijfsvoeringsorganisatie .status-badge").inner_text() == (
        "Uitgesloten"
    )
    assert_no_axe_violations(page)

    # The first advice still opens, in a browser that never saw this session.
    fresh = browser.new_context(locale="nl-NL")
    try:
        other = fresh.new_page()
        other.goto(first_url)
        assert first_model(other) == "Bedrijfsvoeringsorganisatie (BVO)"
    finally:
        fresh.close()

    # Compare two forms, by keyboard.
    press_button(page, "Vergelijk")
    assert page.locator("table.compare-table th[scope=col]").count() == 2
    assert_no_axe_violations(page)
    page.go_back()

    # Rendering a PDF takes about a second, much longer on a loaded shared test machine.
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as download:
        tab_to(page, lambda el: el["tag"] == "A" and el["text"] == "Download als PDF", "PDF")
        page.keyboard.press("Enter")
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"de pagina scrolt horizontaal ({overflow}px)"


@pytest.mark.parametrize("width", [1280, 390])
def test_overview_compare_four_then_three_and_pdf(page, width):
    """Issue 15: overview → compare (four forms refused, ticks kept) → PDF, on desktop and phone."""
    answers = scoring.parse_answers(
        {
            "task_type": "uitvoering",
            "policy_discretion": "laag",
            "powers": "mandaat",
            "partners": 4,
            "partner_structure": "dominante_aanbieder",
            "participants": "colleges",
            "staff": "naar_een_gemeente",
            "legal_entity_needed": "nee",
            "integration": "geen",
        }
    )
    result = result_create(version=version_published(), answers=answers)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(result.get_absolute_url())

    overview = page.locator(".overview__item")
    assert overview.count() == 11
    assert overview.first.locator("a").inner_text().endswith("Centrumgemeente")
    assert page.locator(".close-call").is_visible()
    assert "Dienstverleningsovereenkomst" in page.locator(".close-call").inner_text()
    assert_no_axe_violations(page)

    # The overview links to the details of a form.
    page.locator(".overview__item a", has_text="Openbaar lichaam").click()
    assert page.url.endswith("#vorm-openbaar_lichaam")

    # The two close forms are ticked; tick two more and ask for the comparison.
    ticked = page.locator("input[name=vorm]:checked")
    assert ticked.count() == 2
    page.get_by_label("Netwerk of overleg", exact=True).check()
    page.get_by_label("Openbaar lichaam", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Vergelijk").click()
    assert "hoogstens drie" in page.locator("[role=alert]").inner_text()
    assert page.locator("input[name=vorm]:checked").count() == 4
    assert_no_axe_violations(page)

    page.get_by_label("Netwerk of overleg", exact=True).uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Vergelijk").click()
    assert page.locator("table.compare-table th[scope=col]").count() == 3
    assert page.locator("input[name=vorm]:checked").count() == 3
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 360, "height": 740})
    no_sideways_scroll(page)
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(result.get_absolute_url())
    page.set_viewport_size({"width": 360, "height": 740})
    no_sideways_scroll(page)
    page.set_viewport_size({"width": width, "height": 900})
    # Rendering a PDF takes about a second, much longer on a loaded shared test machine.
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as download:
        page.get_by_role("link", name="Download als PDF").click()
    name = download.value.suggested_filename
    assert name.startswith("modellentool-advies-20") and name.endswith("-centrumgemeente.pdf")
