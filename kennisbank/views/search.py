"""The one search over all item types (see kennisbank/search/ for the search model)."""

from dataclasses import replace
from types import MappingProxyType

from django.shortcuts import render

from ..forms.search import SearchForm
from ..read_cache import cached
from ..search import Reference, load_reference
from ..search import search as run_search


def _reference() -> Reference:
    # The read-only mapping inside cannot be pickled into the cache: a dict travels instead.
    def compute():
        reference = load_reference()
        return replace(reference, municipalities=dict(reference.municipalities))

    reference = cached("search-reference", (), compute)
    return replace(reference, municipalities=MappingProxyType(reference.municipalities))


def search(request):
    # Both depend only on published content and the parameters: cached for everyone, and
    # invalidated by any change to it (read_cache.py).
    reference = _reference()
    form = SearchForm(request.GET, reference=reference)
    params = form.params()
    result = cached("search", params, lambda: run_search(params, reference=reference))
    return render(
        request,
        "kennisbank/search.html",
        {"form": form, "result": result, "notices": [*form.notices, *result.notices]},
    )
