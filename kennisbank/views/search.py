"""The one search over all item types (filled in by the search work)."""

from django.http import HttpResponse


def search(request):
    return HttpResponse("todo")
