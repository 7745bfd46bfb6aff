"""The advice as PDF: WeasyPrint renders the result page's own print layout."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The NL Design System CSS is written for browsers; WeasyPrint warns about every property it
# does not know (hundreds per PDF). Those warnings say nothing about our PDF, so keep errors only.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class StaticFilesFetcher(URLFetcher):
    """Serves /static/ from disk and refuses everything else.

    The PDF must not depend on (or make requests to) the network, the live site included: the
    stylesheets come from the same files whitenoise serves.
    """

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = unquote(urlparse(url).path)
        prefix = "/" + settings.STATIC_URL.lstrip("/")
        if not path.startswith(prefix):
            raise ValueError(f"Geen externe bronnen in de PDF: {url}")
        name = path.removeprefix(prefix)
        found = _static_file(name)
        if found is None:
            raise ValueError(f"Bestand niet gevonden: {name}")
        content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": content_type})


def _static_file(name: str) -> Path | None:
    if ".." in Path(name).parts:
        return None
    try:
        stored = Path(staticfiles_storage.path(name))
        if stored.is_file():
            return stored
    except (NotImplementedError, ValueError):
        pass
    located = finders.find(name)
    return Path(located) if located else None


def html_to_pdf(html: str, *, base_url: str) -> bytes:
    return HTML(string=html, base_url=base_url, url_fetcher=StaticFilesFetcher()).write_pdf()
