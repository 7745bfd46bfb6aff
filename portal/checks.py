"""Deploy checks: `check --deploy` must not say "no issues" while the site cannot serve.

With the manifest storage of production, a template that names a static file collectstatic
did not collect answers 500 on every page that uses it. Each `{% static '...' %}` in the
project's templates must therefore be found by the static files finders (for the NL Design
System CSS: `npm ci --omit=dev` has run).
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.checks import Error, Tags, register

STATIC_TAG = re.compile(r"""{%\s*static\s+(["'])(?P<path>[^"']+)\1""")


def project_template_files() -> list[Path]:
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [Path(app.path) / "templates" for app in apps.get_app_configs()]
    files = []
    for folder in folders:
        # Only our own templates: the virtualenv may live inside BASE_DIR too.
        inside = folder.resolve().is_relative_to(base) and "site-packages" not in folder.parts
        if inside and folder.is_dir():
            files += sorted(p for p in folder.rglob("*") if p.suffix in {".html", ".txt", ".xml"})
    return files


@register(Tags.staticfiles, deploy=True)
def check_static_files_of_templates(app_configs=None, **kwargs):
    missing: dict[str, Path] = {}
    for template in project_template_files():
        for match in STATIC_TAG.finditer(template.read_text(encoding="utf-8")):
            path = match["path"]
            if path not in missing and not finders.find(path):
                missing[path] = template
    return [
        Error(
            f"Het statische bestand {path} is niet te vinden; "
            "collectstatic neemt het niet op en elke pagina die het gebruikt geeft een 500.",
            hint="Voer `npm ci --omit=dev` uit, of voeg het bestand toe aan static/ of aan "
            "VENDOR_STATIC_FILES.",
            obj=str(template),
            id="portal.E001",
        )
        for path, template in missing.items()
    ]
