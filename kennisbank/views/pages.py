"""Home, detail pages, dossiers, events, most adopted, feeds (filled in by the pages work)."""

from django.http import HttpResponse
from django.shortcuts import render


def home(request):
    return render(request, "kennisbank/home.html", {})


def detail(request, type_path, slug):
    return HttpResponse("todo")


def dossiers(request):
    return HttpResponse("todo")


def events(request):
    return HttpResponse("todo")


def event_ical(request, slug):
    return HttpResponse("todo")


def most_adopted(request):
    return HttpResponse("todo")
