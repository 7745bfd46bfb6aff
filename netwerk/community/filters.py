"""Search and filters above the member list and the question list (django-filter).

The query string is Dutch (?zoek=&thema=&vorm=&provincie=&open=), like the rest of the site;
unknown values are dropped by the filter forms rather than answered with an error page.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from kennisbank.models import SEARCH_CONFIG
from netwerk.community.forms.base import MemberFormMixin
from netwerk.models import Question
from portal.constants import Province
from portal.models import CollaborationModel, MemberProfile, Theme
from portal.text import single_line

QUERY_MAX = 100


class FilterForm(MemberFormMixin, forms.Form):
    """Filters render like the other member forms (NL Design System form fields)."""


class QueryFilter(django_filters.CharFilter):
    field_class = forms.CharField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Zoek"))
        kwargs.setdefault("max_length", QUERY_MAX)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(*args, **kwargs)


class MemberFilter(django_filters.FilterSet):
    zoek = QueryFilter(method="search", help_text=_("Naam, functie, organisatie of expertise"))
    thema = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.order_by("name"),
        empty_label=_("Alle thema's"),
    )
    vorm = django_filters.ModelChoiceFilter(
        label=_("Samenwerkingsvorm"),
        field_name="collaboration_models",
        to_field_name="key",
        queryset=CollaborationModel.objects.order_by("name"),
        empty_label=_("Alle vormen"),
    )
    provincie = django_filters.ChoiceFilter(
        label=_("Provincie"),
        field_name="province",
        choices=Province.choices,
        empty_label=_("Heel Nederland"),
    )
    open = django_filters.BooleanFilter(
        label=_("Alleen leden die vragen aannemen"),
        field_name="open_for_questions",
        widget=forms.CheckboxInput,
        method="only_open",
    )

    class Meta:
        model = MemberProfile
        fields: list[str] = []
        form = FilterForm

    def search(self, queryset, name, value):
        value = single_line(value)
        if not value:
            return queryset
        vector = SearchVector(
            "name",
            "role",
            "organisation_name",
            "bio",
            Coalesce(F("municipality__name"), Value("")),
            config=SEARCH_CONFIG,
        )
        query = SearchQuery(value, config=SEARCH_CONFIG, search_type="websearch")
        # A partial name ("jans") finds "Jansen"; a tag is matched whole.
        return queryset.annotate(document=vector).filter(
            Q(document=query) | Q(name__unaccent__icontains=value) | Q(tags__contains=[value])
        )

    def only_open(self, queryset, name, value):
        return queryset.filter(open_for_questions=True) if value else queryset


class QuestionStatus:
    OPEN = "open"
    ANSWERED = "beantwoord"
    CHOICES = [(OPEN, _("Nog zonder nuttig antwoord")), (ANSWERED, _("Beantwoord"))]


class QuestionFilter(django_filters.FilterSet):
    zoek = QueryFilter(method="search", help_text=_("Woorden uit de titel of de vraag"))
    thema = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.order_by("name"),
        empty_label=_("Alle thema's"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=QuestionStatus.CHOICES,
        empty_label=_("Alle vragen"),
        method="by_status",
    )
    provincie = django_filters.ChoiceFilter(
        label=_("Provincie"),
        field_name="province",
        choices=Province.choices,
        empty_label=_("Heel Nederland"),
    )

    class Meta:
        model = Question
        fields: list[str] = []
        form = FilterForm

    def search(self, queryset, name, value):
        value = single_line(value)
        if not value:
            return queryset
        vector = SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
            "text", weight="B", config=SEARCH_CONFIG
        )
        query = SearchQuery(value, config=SEARCH_CONFIG, search_type="websearch")
        return (
            queryset.annotate(document=vector, rank=SearchRank(vector, query))
            .filter(document=query)
            .order_by("-rank", "-created_at", "-id")
        )

    def by_status(self, queryset, name, value):
        if value == QuestionStatus.ANSWERED:
            return queryset.filter(helpful_answer__isnull=False)
        if value == QuestionStatus.OPEN:
            return queryset.filter(helpful_answer__isnull=True)
        return queryset
