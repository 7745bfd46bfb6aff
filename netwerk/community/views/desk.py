"""The editors' infodesk.

Views parse input, call a service from netwerk/community/services/ and render.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk.community import match_reasons
from netwerk.community.forms.questions import RouteForm
from netwerk.community.services import desk as desk_service
from netwerk.community.services.contacts import LimitReached, contact_request_create
from netwerk.community.services.desk import DESK_AFTER_DAYS, desk_questions, question_promote
from netwerk.community.views.common import is_editor, question_for_page
from netwerk.errors import error_page
from portal.ratelimit import RateLimited

# --- Editor desk -------------------------------------------------------------------------------


def _editor_only(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('netwerk:login')}?next={request.path}")
    if not is_editor(request.user):
        raise PermissionDenied
    return None


def desk(request):
    if (response := _editor_only(request)) is not None:
        return response
    context = {
        "questions": list(desk_questions()),
        "days": DESK_AFTER_DAYS,
        "route_form": RouteForm(),
    }
    return render(request, "netwerk/desk/index.html", context)


def desk_statistics(request):
    if (response := _editor_only(request)) is not None:
        return response
    return render(
        request, "netwerk/desk/statistics.html", {"stats": desk_service.desk_statistics()}
    )


@require_POST
def desk_route(request, pk):
    if (response := _editor_only(request)) is not None:
        return response
    question = question_for_page(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    form = RouteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een deskundige."))
        return redirect("netwerk:desk")
    try:
        contact_request_create(
            question=question,
            expert=form.cleaned_data["expert"],
            reasons=match_reasons.routed(),
            sender=request.user,
            routed_by_editor=True,
        )
        messages.success(request, _("De vraag is doorgestuurd."))
    except LimitReached:
        messages.warning(request, _("Deze deskundige heeft deze maand geen ruimte meer."))
    except RateLimited:
        messages.error(request, _("Te veel verzoeken vandaag."))
    return redirect("netwerk:desk")


@require_POST
def desk_promote(request, pk):
    if (response := _editor_only(request)) is not None:
        return response
    question = question_for_page(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    item = question_promote(question=question)
    messages.success(
        request,
        _("Er is een concept-praktijkles gemaakt: %(title)s. Publiceer die in het beheer.")
        % {"title": item.title},
    )
    return redirect(question)
