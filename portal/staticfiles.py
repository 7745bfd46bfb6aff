"""Static files from npm packages, one file at a time.

Whole `dist` folders of npm packages are not served: `@utrecht/design-tokens` ships CSS
(`background-image-icon.css`) that points at images the package does not contain, and
whitenoise's manifest storage refuses to collect a folder with such a file, after which every
page answers 500. So settings.VENDOR_STATIC_FILES names each file the templates use.
"""

import posixpath
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage


def vendor_files() -> dict[str, Path]:
    """{static path: source file} from settings.VENDOR_STATIC_FILES."""
    files = {name: Path(source) for name, source in settings.VENDOR_STATIC_FILES.items()}
    for name, source in files.items():
        if posixpath.basename(name) != source.name:
            raise ImproperlyConfigured(
                f"VENDOR_STATIC_FILES: {name} must keep the file name of {source}."
            )
    return files


class VendorFinder(BaseFinder):
    """Finds the files listed in settings.VENDOR_STATIC_FILES (and nothing else of node_modules)."""

    def check(self, **kwargs):
        # A missing file (no `npm ci`) is reported by the deploy check portal.E001.
        return []

    def find(self, path, find_all=False):
        source = vendor_files().get(path)
        if source is None or not source.is_file():
            return []  # "not found", as Django's own finders say it
        return [str(source)] if find_all else str(source)

    def list(self, ignore_patterns):
        for name, source in vendor_files().items():
            if not source.is_file():
                continue
            storage = FileSystemStorage(location=source.parent)
            # collectstatic and whitenoise put a storage's files under its prefix.
            storage.prefix = posixpath.dirname(name)
            yield source.name, storage
