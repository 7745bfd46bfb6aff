"""Contact requests: the member's list and one request.

Views parse input, call a service from netwerk/community/services/ and render.
Contact details reach a template only through contacts.contact_details_for.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netwerk.community import match_reasons
from netwerk.community.services.contacts import contact_details_for, contact_request_respond
from netwerk.constants import RequestStatus
from netwerk.errors import error_page
from netwerk.models import ContactRequest
from portal.members import profile_for

# --- Contact requests --------------------------------------------------------------------------


@login_required
def contact_requests(request):
    own = profile_for(request.user)
    received = own.contact_requests.select_related("question").order_by("-created_at")
    sent = (
        ContactRequest.objects.filter(question__asker=request.user)
        .select_related("question", "expert")
        .order_by("-created_at")
    )
    return render(
        request,
        "netwerk/requests/list.html",
        {"received": list(received), "sent": list(sent)},
    )


@login_required
def contact_request(request, pk):
    found = (
        ContactRequest.objects.select_related("question__asker", "expert__user")
        .filter(pk=pk)
        .filter(Q(expert__user=request.user) | Q(question__asker=request.user))
        .first()
    )
    if found is None:
        return error_page(request, _("Dit contactverzoek bestaat niet."), 404)
    is_expert = found.expert.user_id == request.user.pk
    if request.method == "POST":
        decision = request.POST.get("besluit")
        if not is_expert or decision not in {"aannemen", "afwijzen"}:
            return error_page(request, _("Kies aannemen of afwijzen."), 400)
        contact_request_respond(contact_request=found, accept=decision == "aannemen")
        if decision == "aannemen":
            messages.success(request, _("U heeft het verzoek aangenomen."))
        else:
            messages.info(request, _("U heeft het verzoek afgewezen."))
        return redirect(found)
    context = {
        "contact_request": found,
        "is_expert": is_expert,
        "details": contact_details_for(contact_request=found, viewer=request.user),
        "reasons": match_reasons.stored_texts(found.reasons),
        "pending": found.status == RequestStatus.PENDING,
    }
    return render(request, "netwerk/requests/detail.html", context)
