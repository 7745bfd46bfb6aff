"""The NL Design System CSS is served cut down to what the portal uses, and kept up to date."""

import pytest
from django.core.management import call_command
from django.test import Client

from portal.css_prune import prune_components, prune_tokens

COMPONENTS = """
@charset "UTF-8";
.utrecht-button { color: var(--utrecht-button-color); }
.utrecht-button--primary-action, .utrecht-calendar { font-weight: bold; }
.utrecht-calendar__day { display: grid; }
:is(.utrecht-link, .utrecht-calendar):hover { color: red; }
@media (min-width: 40rem) { .utrecht-calendar { margin: 0; } .utrecht-button { margin: 1px; } }
.utrecht-heading-3 { font-size: 1.5rem; }
"""
TOKENS = """
.utrecht-theme {
  --utrecht-button-color: var(--utrecht-color-blue);
  --utrecht-color-blue: #00f;
  --utrecht-calendar-color: #f00;
}
"""


def test_only_rules_of_used_classes_are_kept():
    css = prune_components(
        COMPONENTS, {"utrecht-button", "utrecht-button--primary-action"}, {"utrecht-heading-"}, "x"
    )
    assert ".utrecht-button{color: var(--utrecht-button-color);}" in css
    assert ".utrecht-button--primary-action{font-weight: bold;}" in css
    assert "utrecht-calendar" not in css
    assert "@media (min-width: 40rem){.utrecht-button{margin: 1px;}" in css
    assert ".utrecht-heading-3" in css  # built in a template: utrecht-heading-{{ level }}
    assert "@charset" not in css


def test_only_tokens_that_are_read_are_kept_following_references():
    css = prune_tokens(TOKENS, [".utrecht-button { color: var(--utrecht-button-color); }"], "x")
    assert "--utrecht-button-color: var(--utrecht-color-blue)" in css
    assert "--utrecht-color-blue: #00f" in css
    assert "--utrecht-calendar-color" not in css


def test_the_pruned_css_in_static_vendor_is_up_to_date():
    # Fails when a template starts using a component the pruned file lacks: run prune_css.
    call_command("prune_css", "--check")


@pytest.mark.django_db
def test_pages_load_the_pruned_css_not_the_whole_library():
    page = Client().get("/").content.decode()
    assert "vendor/utrecht-components.css" in page and "vendor/utrecht-theme.css" in page
    assert "utrecht-components/index.css" not in page
