"""The one search over all item types (see kennisbank/search.py for the search model)."""

from django.shortcuts import render

from ..forms import SearchForm
from ..search import load_reference
from ..search import search as run_search


def search(request):
    reference = load_reference()
    form = SearchForm(request.GET, reference=reference)
    params = form.params()
    result = run_search(params, reference=reference)
    return render(
        request,
        "kennisbank/search.html",
        {"form": form, "result": result, "notices": [*form.notices, *result.notices]},
    )
