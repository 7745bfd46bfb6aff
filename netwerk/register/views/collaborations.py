"""The list of collaborations, one collaboration, and members' suggestions for them.

Bad input never reaches a 500: unknown codes give a Dutch 404 page, invalid parameters a Dutch
400 page with the form and its messages.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView

from netwerk.constants import SuggestionStatus
from netwerk.errors import error_page
from netwerk.models import Collaboration, Membership
from netwerk.register.forms import (
    CollaborationFilterForm,
    SuggestionForm,
)
from netwerk.register.views.common import age_context, query_guard, wants_csv
from portal.models import Municipality
from portal.spreadsheet import csv_response, export_filename

COLLABORATIONS_PER_PAGE = 50


@query_guard
def collaboration_list(request):
    form = CollaborationFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "netwerk/collaboration_list.html", {"form": form}, status=400)
    data = form.cleaned_data if form.is_bound else {}
    queryset = Collaboration.objects.select_related("form", "data_source").annotate(
        municipality_count=Count("memberships", filter=Q(memberships__municipality__isnull=False))
    )
    if not data.get("beeindigd"):
        queryset = queryset.active()
    if data.get("q"):
        queryset = queryset.filter(Q(name__icontains=data["q"]) | Q(aliases__icontains=data["q"]))
    if data.get("domein"):
        queryset = queryset.filter(domain=data["domein"])
    if data.get("vorm") == "onbekend":
        queryset = queryset.filter(form__isnull=True)
    elif data.get("vorm"):
        queryset = queryset.filter(form__key=data["vorm"])
    municipality = None
    if data.get("gemeente"):
        municipality = Municipality.objects.get(code=data["gemeente"])
        queryset = queryset.filter(memberships__municipality=municipality)
    queryset = queryset.order_by("name", "id")
    if wants_csv(request):
        return csv_response(
            export_filename("samenwerkingsverbanden", municipality.slug if municipality else ""),
            [_("naam"), _("domein"), _("vorm"), _("aantal gemeenten"), _("bron"), _("datum bron")],
            [
                [
                    c.name,
                    c.get_domain_display(),
                    c.form.name if c.form else "",
                    c.municipality_count,
                    c.data_source.title if c.data_source else c.source_note,
                    c.source_date.isoformat() if c.source_date else "",
                ]
                for c in queryset
            ],
        )
    page_obj = Paginator(queryset, COLLABORATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page_obj, "municipality": municipality, **age_context()}
    return render(request, "netwerk/collaboration_list.html", context)


@query_guard
def collaboration_detail(request, slug):
    collaboration = (
        Collaboration.objects.select_related("form", "data_source")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related(
                    "municipality", "organisation", "data_source"
                ),
            ),
            "source_records__data_source",
        )
        .filter(slug=slug)
        .first()
    )
    if collaboration is None:
        return error_page(request, _("Dit samenwerkingsverband bestaat niet."), status=404)
    memberships = list(collaboration.memberships.all())
    municipalities = sorted(
        (m for m in memberships if m.municipality_id), key=lambda m: m.municipality.sort_name
    )
    organisations = sorted(
        (m for m in memberships if m.organisation_id), key=lambda m: m.organisation.name
    )
    if wants_csv(request):
        return csv_response(
            export_filename("deelnemers", collaboration.slug),
            [_("deelnemer"), _("CBS-code"), _("soort"), _("rol"), _("naam in de bron")],
            [
                [
                    m.municipality.name,
                    m.municipality.code,
                    _("gemeente"),
                    m.get_role_display(),
                    m.name_in_source,
                ]
                for m in municipalities
            ]
            + [
                [
                    m.organisation.name,
                    "",
                    m.organisation.get_kind_display(),
                    m.get_role_display(),
                    m.name_in_source,
                ]
                for m in organisations
            ],
        )
    context = {
        "collaboration": collaboration,
        "municipalities": municipalities,
        "organisations": organisations,
        "records": list(collaboration.source_records.all()),
        **age_context(),
    }
    return render(request, "netwerk/collaboration_detail.html", context)


class SuggestionCreate(LoginRequiredMixin, CreateView):
    """Logged-in users propose a correction or a new collaboration; editors review it."""

    form_class = SuggestionForm
    template_name = "netwerk/suggestion_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.collaboration = None
        if "slug" in kwargs:
            self.collaboration = Collaboration.objects.filter(slug=kwargs["slug"]).first()
            if self.collaboration is None:
                return error_page(request, _("Dit samenwerkingsverband bestaat niet."), status=404)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "collaboration": self.collaboration}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "collaboration": self.collaboration}

    def form_valid(self, form):
        form.instance.collaboration = self.collaboration
        form.instance.submitted_by = self.request.user
        form.instance.status = SuggestionStatus.NEW
        self.object = form.save()
        messages.success(
            self.request,
            _("Dank u. De redactie bekijkt uw voorstel en past het register zo nodig aan."),
        )
        if self.collaboration is not None:
            return redirect(self.collaboration)
        return redirect(reverse("netwerk:collaborations"))
