"""Error pages that need nothing that may be broken.

400, 403 and 404 use Django's own views with templates/400.html, 403.html and 404.html. The 500
page is rendered here without context processors (they read the session and the user from the
database, which may be the very thing that is down), and falls back to plain HTML when even the
template fails, so a visitor never sees a technical page or gunicorn's bare error.
"""

import logging

from django.http import HttpResponseServerError
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


@requires_csrf_token
def server_error(request):
    try:
        # The footer's language switch posts a form; its token needs no database.
        context = {"request": request, "csrf_token": get_token(request)}
        html = loader.render_to_string("500.html", context)
    except Exception:
        logger.exception("De foutpagina 500.html kon niet worden opgebouwd")
        html = plain_server_error()
    return HttpResponseServerError(html)


def plain_server_error() -> str:
    title = escape(_("Er ging iets mis"))
    text = escape(
        _(
            "Door een fout aan onze kant kon deze pagina niet worden getoond. "
            "Probeer het later opnieuw."
        )
    )
    home = escape(_("Naar de voorpagina"))
    return (
        f'<!DOCTYPE html><html lang="{escape(get_language())}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><main><h1>{title}</h1><p>{text}</p>"
        f'<p><a href="/">{home}</a></p></main></body></html>'
    )


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid token (expired page, cookies off)."""
    return render(request, "403_csrf.html", status=403)
