"""What the netwerkregie pages share: the parameter guard, CSV choice, the age of the data."""

from __future__ import annotations

import functools

from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.utils.translation import gettext as _

from netwerk.errors import error_page
from netwerk.register.services.data_sources import data_sources


def query_guard(view):
    """A query string with more parameters than Django parses gives a Dutch 400, not a crash."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            request.GET  # noqa: B018 - parsing happens on first access
        except TooManyFieldsSent:
            # The page around the message (the site search) reads request.GET too.
            request.GET = QueryDict()
            return error_page(request, _("De vraag bevat te veel gegevens om te verwerken."))
        return view(request, *args, **kwargs)

    return wrapper


def wants_csv(request) -> bool:
    return request.GET.get("formaat") == "csv"


def age_context():
    sources = data_sources()
    dated = [s for s in sources if s.key != "cbs-gebiedsindelingen-2023"]
    return {
        "sources": sources,
        "oldest": min((s.reference_date for s in dated), default=None),
        "newest": max((s.reference_date for s in dated), default=None),
    }
