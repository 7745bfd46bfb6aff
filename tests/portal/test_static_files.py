"""Static files: only the vendor files the templates use; the deploy check names what is missing."""

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings

from portal.checks import check_static_files_of_templates


def test_only_the_used_vendor_files_are_collected():
    [vendor] = [f for f in finders.get_finders() if type(f).__name__ == "VendorFinder"]
    listed = {f"{storage.prefix}/{path}" for path, storage in vendor.list(None)}
    assert listed == {
        "vendor/utrecht-tokens/theme.css",
        "vendor/utrecht-components/index.css",
        # The OpenAPI viewer of the developers' pages, and the source map its CSS names
        # (collectstatic's manifest storage fails without it).
        "vendor/swagger-ui/swagger-ui-bundle.js",
        "vendor/swagger-ui/swagger-ui.css",
        "vendor/swagger-ui/swagger-ui.css.map",
    }
    assert not finders.find("vendor/swagger-ui/swagger-ui-bundle.js.map")
    assert finders.find("vendor/utrecht-tokens/theme.css")
    # The design-tokens CSS that points at images the package lacks stays out.
    assert not finders.find("vendor/utrecht-tokens/background-image-icon.css")


@pytest.mark.django_db
def test_development_serves_the_vendor_css_from_node_modules(client):
    response = client.get("/static/vendor/utrecht-tokens/theme.css")
    assert response.status_code == 200
    assert b"--utrecht" in b"".join(response.streaming_content)


def test_deploy_check_passes_when_every_static_file_is_there():
    assert check_static_files_of_templates() == []


def test_deploy_check_fails_when_a_static_file_is_missing(tmp_path):
    # Without the project's static/ folder, base.html's pruned NL Design System CSS is missing.
    with override_settings(STATICFILES_DIRS=[tmp_path]):
        errors = check_static_files_of_templates()
    assert {error.id for error in errors} == {"portal.E001"}
    base = [e for e in errors if "vendor/utrecht-components.css" in e.msg]
    assert base and base[0].obj.endswith("templates/base.html")
