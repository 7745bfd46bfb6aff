"""axe-core WCAG 2.2 AA and no sideways scroll on every page shape, at 1280 and 390 px.

The page shapes come from tests.page_shapes: every URL pattern as an anonymous visitor, a
member and an editor, plus query-string variants. Failures are collected per page, so one run
lists them all.
"""

import os
import time

import pytest

from tests.browser.conftest import axe_violations, with_axe
from tests.browser.snapshots import build_or_restore
from tests.page_shapes import make_site

# The innermost elements that stick out on the right, to say what to fix.
WIDEST = """() => {
  const width = document.documentElement.clientWidth;
  const out = [...document.querySelectorAll('body *')].filter(
    (el) => el.getBoundingClientRect().right > width + 1
  );
  return out
    .filter((el) => !out.some((other) => other !== el && el.contains(other)))
    .slice(0, 4)
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
}"""
VERBOSE = os.environ.get("PAGE_SHAPES_VERBOSE") == "1"


@pytest.fixture
def site(reference_data):
    """The site and its page shapes: built once per test process, its rows copied back in
    later tests (tests/browser/snapshots.py), so each role and width can be a test of its own
    for pytest-xdist to share out."""
    if reference_data:
        return build_or_restore("page shapes", make_site)
    return make_site()


# One test per role and width: the anonymous visitor's sweep alone took 3.5 minutes.
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("role", ["anonymous", "member", "editor"])
def test_every_page_shape_passes_axe_and_never_scrolls_sideways(
    browser, live_server, site, role, width
):
    shapes = [s for s in site.shapes if s.role == role]
    # Members and editors: their own pages and the pages that differ for them (make_site).
    assert len(shapes) > (40 if role == "anonymous" else 25)
    failures = check_shapes(browser, live_server, site, shapes, role, width)
    assert failures == {}, "\n".join(f"{k}: {v}" for k, v in failures.items())


def check_shapes(browser, live_server, site, shapes, role, width) -> dict:
    context = with_axe(
        browser.new_context(
            locale="nl-NL",
            base_url=live_server.url,
            viewport={"width": width, "height": 800},
            bypass_csp=True,
        )
    )
    if role in site.sessions:
        host = live_server.url.split("//")[1].split(":")[0]
        context.add_cookies(
            [{"name": "sessionid", "value": site.sessions[role], "domain": host, "path": "/"}]
        )
    page = context.new_page()
    page.set_default_timeout(15_000)
    failures = {}
    try:
        for shape in shapes:
            started = time.monotonic()
            response = page.goto(shape.url)
            key = f"{width}px {shape.name} {shape.url}"
            if response.status != 200:
                failures[key] = f"status {response.status}"
                continue
            violations = axe_violations(page)
            if violations:
                failures[key] = violations
            if VERBOSE:
                print(f"{width} {time.monotonic() - started:.1f}s {shape.url}", flush=True)
            if width < 1280:
                page.set_viewport_size({"width": 360, "height": 800})
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    culprits = page.evaluate(WIDEST)
                    failures.setdefault(key, []).append(
                        f"scrolt {overflow}px opzij op 360 px: {culprits}"
                    )
                page.set_viewport_size({"width": width, "height": 800})
    finally:
        context.close()
    return failures
