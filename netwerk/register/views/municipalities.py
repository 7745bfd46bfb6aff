"""One municipality's page (or CSV).

Bad input never reaches a 500: unknown codes give a Dutch 404 page, invalid parameters a Dutch
400 page with the form and its messages.
"""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netwerk.constants import KENNISBANK_THEME_DOMAINS
from netwerk.errors import error_page
from netwerk.register.services.municipalities import municipality_overview
from netwerk.register.views.common import age_context, query_guard, wants_csv
from portal.models import Municipality
from portal.spreadsheet import csv_response, export_filename


@query_guard
def municipality_lookup(request):
    """The "go to a municipality" form on the overview page: a code → its page."""
    code = request.GET.get("gemeente", "").strip().upper()
    found = Municipality.objects.current().filter(code=code).first() if code else None
    if found is None:
        return error_page(request, _("Kies een gemeente uit de lijst."), status=400)
    return redirect(found.get_network_url())


@query_guard
def municipality(request, slug):
    found = Municipality.objects.current().filter(slug=slug).first()
    if found is None:
        return error_page(request, _("Deze gemeente bestaat niet (meer)."), status=404)
    overview = municipality_overview(found)
    if wants_csv(request):
        rows = []
        for group in overview.groups:
            for c in group.collaborations:
                rows.append(
                    [
                        c.name,
                        group.label,
                        c.form.name if c.form else "",
                        c.legal_form_text,
                        c.own_membership.get_role_display(),
                        ", ".join(str(p.member) for p in c.partners),
                        c.data_source.title if c.data_source else c.source_note,
                        c.source_date.isoformat() if c.source_date else "",
                    ]
                )
        return csv_response(
            export_filename("samenwerkingen", found.slug),
            [
                _("samenwerkingsverband"),
                _("domein"),
                _("vorm"),
                _("rechtsvorm volgens bron"),
                _("rol"),
                _("partners"),
                _("bron"),
                _("datum bron"),
            ],
            rows,
        )
    context = {
        "overview": overview,
        "municipality": found,
        "theme_domains": KENNISBANK_THEME_DOMAINS,
        **age_context(),
    }
    return render(request, "netwerk/municipality.html", context)
