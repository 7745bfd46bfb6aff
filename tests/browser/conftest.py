"""Playwright driving Debian's Chromium against pytest-django's live server."""

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.browser import snapshots

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server runs in another thread, so data must be committed
            # (pytest-django runs these transactional tests last).
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(autouse=True)
def reference_data(request) -> bool:
    """Transactional tests end with a flush; put the migrated reference data back.

    On a flushed database the rows are built once per process and copied back in later tests
    (tests/browser/snapshots.py); True then, so a fixture can build on that same state.
    """
    if "tests/browser/" not in str(request.node.fspath):
        return False
    from tests.reference import ensure_reference_data

    if snapshots.flushed():
        snapshots.build_or_restore("reference", ensure_reference_data)
        return True
    ensure_reference_data()
    return False


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: apt-get install chromium (make test doet dit als root)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # bypass_csp lets the test inject axe-core; the pages themselves keep their strict CSP.
    context = browser.new_context(locale="nl-NL", base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# resultTypes: every rule still runs and every violation is reported with all its nodes;
# passes and the like keep one node each instead of a selector for every element (axe-core's
# own advice for speed). Only the rule ids and the violations travel back to Python.
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  return {
    evaluated: ['violations', 'passes', 'incomplete', 'inapplicable'].flatMap(
      (kind) => result[kind].map((rule) => rule.id)),
    violations: result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => n.target).slice(0, 5),
    })),
  };
}"""


def with_axe(context):
    """Loads axe-core into every page the context opens (instead of once per check)."""
    context.add_init_script(path=str(AXE_JS))
    return context


def axe_violations(page) -> list[dict]:
    """Runs axe-core in the page; returns the WCAG 2.2 A/AA violations (empty is the goal)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AXE_RUN, AXE_TAGS)
    # WCAG 2.2's target size (2.5.8) is off in axe-core's defaults; the tags must switch it on.
    assert "target-size" in result["evaluated"], (
        "axe-core heeft target-size (WCAG 2.2) niet uitgevoerd"
    )
    return result["violations"]


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
