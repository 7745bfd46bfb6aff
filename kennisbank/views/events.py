"""Event proposals by organisers, registration with a waiting list, attendee lists.

Views parse input, call one function of kennisbank/services/events.py and render. E-mail addresses
of attendees reach a page or export only through registrations.can_see_attendee_emails.
"""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.spreadsheet import attachment_header, cell_safe, export_filename

from ..constants import ItemType, RegistrationStatus
from ..forms.events import EventProposalForm, EventRegistrationForm
from ..models import Item
from ..services import events as registrations

PROPOSAL_FIELDS = EventProposalForm.Meta.fields


def registration_context(request, item: Item) -> dict:
    """What the event page shows about registering (template kennisbank/_registration.html)."""
    if item.capacity is None:
        # No registration on the platform: the page still says where to register (the editors).
        return {"registration": None, "registration_email": settings.EDITORS_EMAIL}
    availability = registrations.event_availability(item)
    mine = registrations.active_registration(event=item, user=request.user)
    context = {
        "open": registrations.accepts_registrations(item),
        "availability": availability,
        "mine": mine,
        "position": None,
        "form": None,
        "login_url": f"{reverse('netwerk:login')}?next={item.get_absolute_url()}",
        "attendees_url": (
            reverse("kennisbank:event_attendees", args=[item.slug])
            if registrations.can_see_attendees(user=request.user, event=item)
            else None
        ),
    }
    if mine is not None and mine.status == RegistrationStatus.WAITING:
        context["position"] = registrations.waiting_position(mine)
    elif mine is None and context["open"] and request.user.is_authenticated:
        context["form"] = EventRegistrationForm(
            initial=registrations.attendee_defaults(request.user),
            auto_id="registration_%s",
        )
    return {"registration": context}


def _registrable_event(request, slug) -> Item:
    return get_object_or_404(
        Item.objects.visible_to(request.user).of_type(ItemType.EVENT), slug=slug
    )


@require_POST
def register(request, slug):
    event = _registrable_event(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(event.get_absolute_url())
    form = EventRegistrationForm(request.POST, auto_id="registration_%s")
    if not form.is_valid():
        context = {"event": event, "form": form}
        return render(request, "kennisbank/events/register.html", context, status=400)
    try:
        registration, created = registrations.registration_register(
            event=event, user=request.user, **form.cleaned_data
        )
    except registrations.RegistrationClosed:
        messages.error(request, _("Aanmelden voor deze bijeenkomst kan niet (meer)."))
        return redirect(event)
    except registrations.RegistrationFailed:
        messages.error(request, _("Uw aanmelding is niet gelukt. Probeer het nog eens."))
        return redirect(event)
    if not created:
        messages.info(request, _("U was al aangemeld; er is niets veranderd."))
    elif registration.status == RegistrationStatus.REGISTERED:
        messages.success(
            request,
            _("U bent aangemeld. U krijgt een bevestiging per e-mail, met de agenda-afspraak."),
        )
    else:
        messages.success(
            request,
            _(
                "De bijeenkomst is vol: u staat op de wachtlijst. Komt er een plaats vrij, "
                "dan bent u automatisch aangemeld en krijgt u bericht."
            ),
        )
    return redirect(event)


@require_POST
def cancel(request, slug):
    event = _registrable_event(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(event.get_absolute_url())
    cancelled, _moved = registrations.registration_cancel(event=event, user=request.user)
    if cancelled is None:
        messages.info(request, _("U was niet (meer) aangemeld voor deze bijeenkomst."))
    else:
        messages.success(request, _("U bent afgemeld."))
    return redirect(event)


# --- Organisers ---------------------------------------------------------------------------------


def _not_organiser(request):
    return render(request, "kennisbank/events/not_organiser.html", status=403)


@login_required
def my_events(request):
    if not registrations.can_organise(request.user):
        return _not_organiser(request)
    events = list(registrations.organiser_events(organiser=request.user))
    for event in events:
        event.editable = event.status in registrations.EDITABLE_STATUSES
    return render(request, "kennisbank/events/mine.html", {"events": events})


@login_required
def propose(request):
    if not registrations.can_organise(request.user):
        return _not_organiser(request)
    form = EventProposalForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            registrations.event_propose(
                organiser=request.user,
                **{name: form.cleaned_data[name] for name in PROPOSAL_FIELDS},
            )
            messages.success(
                request,
                _(
                    "Uw voorstel is verstuurd. De redactie bekijkt het en publiceert het; "
                    "tot dan kunt u het hier nog wijzigen."
                ),
            )
            return redirect("kennisbank:my_events")
        return render(request, "kennisbank/events/form.html", {"form": form}, status=400)
    return render(request, "kennisbank/events/form.html", {"form": form})


@login_required
def edit(request, slug):
    if not registrations.can_organise(request.user):
        return _not_organiser(request)
    event = Item.objects.of_type(ItemType.EVENT).filter(slug=slug, organiser=request.user).first()
    if event is None:
        raise Http404
    if not registrations.can_edit_proposal(user=request.user, event=event):
        messages.error(
            request,
            _(
                "Deze bijeenkomst is al gepubliceerd. Wilt u iets wijzigen, "
                "neem dan contact op met de redactie."
            ),
        )
        return redirect("kennisbank:my_events")
    form = EventProposalForm(request.POST or None, instance=event)
    if request.method == "POST":
        if form.is_valid():
            registrations.event_proposal_update(
                event=event, **{name: form.cleaned_data[name] for name in PROPOSAL_FIELDS}
            )
            messages.success(request, _("Uw voorstel is bijgewerkt."))
            return redirect("kennisbank:my_events")
        context = {"form": form, "event": event}
        return render(request, "kennisbank/events/form.html", context, status=400)
    return render(request, "kennisbank/events/form.html", {"form": form, "event": event})


# --- Attendee list ------------------------------------------------------------------------------


def _attendee_event(request, slug) -> Item:
    event = get_object_or_404(Item.objects.of_type(ItemType.EVENT), slug=slug)
    if not registrations.can_see_attendees(user=request.user, event=event):
        # Other members do not learn that the list exists, nor who is on it.
        raise Http404
    return event


@login_required
def attendees(request, slug):
    event = _attendee_event(request, slug)
    rows = list(registrations.attendees(event))
    context = {
        "event": event,
        "registered": [r for r in rows if r.status == RegistrationStatus.REGISTERED],
        "waiting": [r for r in rows if r.status == RegistrationStatus.WAITING],
        "show_email": registrations.can_see_attendee_emails(user=request.user, event=event),
    }
    response = render(request, "kennisbank/events/attendees.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def attendees_csv(request, slug):
    event = _attendee_event(request, slug)
    show_email = registrations.can_see_attendee_emails(user=request.user, event=event)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = attachment_header(export_filename("deelnemers", event.slug))
    response["Cache-Control"] = "private, no-store"
    # A byte order mark and semicolons: Excel with Dutch settings opens it as columns.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    header = [_("Naam"), _("Organisatie"), _("Status"), _("Plaats"), _("Aangemeld op")]
    writer.writerow([*header, _("E-mailadres")] if show_email else header)
    for row in registrations.attendees(event):
        values = [
            cell_safe(row.name),
            cell_safe(row.organisation),
            row.get_status_display(),
            row.seat or "",
            timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
        writer.writerow([*values, cell_safe(row.user.email)] if show_email else values)
    return response
