"""The partner finder.

Bad input never reaches a 500: unknown codes give a Dutch 404 page, invalid parameters a Dutch
400 page with the form and its messages.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from netwerk.constants import Domain
from netwerk.register.forms import (
    PartnerForm,
    municipality_choices,
)
from netwerk.register.services.partners import partner_advice_for
from netwerk.register.views.common import age_context, query_guard, wants_csv
from portal.models import Municipality
from portal.spreadsheet import csv_response, export_filename


@query_guard
def partners(request):
    choices = municipality_choices()
    if "domein" not in request.GET:
        # From a municipality page: the form with that municipality chosen, the domain to pick.
        chosen = request.GET.get("gemeente", "")
        form = PartnerForm(initial={"gemeente": chosen}, municipalities=choices)
        return render(request, "netwerk/partners.html", {"form": form})
    form = PartnerForm(request.GET, municipalities=choices)
    if not form.is_valid():
        return render(request, "netwerk/partners.html", {"form": form}, status=400)
    asker = Municipality.objects.get(code=form.cleaned_data["gemeente"])
    domain = form.cleaned_data["domein"]
    advice = partner_advice_for(asker, domain)
    if wants_csv(request):
        together = _("al samen in dit domein")
        return csv_response(
            export_filename("partners", asker.slug, domain),
            [_("deel"), _("plaats"), _("gemeente"), _("score"), _("redenen")],
            [
                [together, "", name, "", f"{body.name} ({body.form or _('vorm onbekend')})"]
                for t, body in advice.together
                for name in t.partners
            ]
            + [
                [
                    _("nieuwe kandidaat"),
                    n,
                    r.municipality.name,
                    r.candidate.score,
                    "; ".join(t for t, _ in r.reasons),
                ]
                for n, r in enumerate(advice.ranking, start=1)
            ],
        )
    context = {
        "form": form,
        "asker": asker,
        "domain_label": Domain(domain).label,
        "domain": domain,
        "advice": advice,
        "ranking": advice.ranking,
        **age_context(),
    }
    return render(request, "netwerk/partners.html", context)
