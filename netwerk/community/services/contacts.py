"""Contact requests: a member asks an expert, the expert accepts or declines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from netwerk.community import match_reasons, matching
from netwerk.community.services.rate_limits import rate_limit_hit
from netwerk.constants import RequestStatus
from netwerk.models import (
    ContactRequest,
    Question,
)
from portal.mail import mail_render
from portal.models import MemberProfile


class LimitReached(Exception):
    """The expert was already asked as often this month as they allow."""


def month_start(now: dt.datetime | None = None) -> dt.datetime:
    local = timezone.localtime(now or timezone.now())
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def asked_this_month(expert: MemberProfile) -> int:
    return expert.contact_requests.filter(created_at__gte=month_start()).count()


def contact_request_create(
    *,
    question: Question,
    expert: MemberProfile,
    message: str = "",
    reasons: Iterable[matching.Reason] = (),
    sender,
    routed_by_editor: bool = False,
) -> ContactRequest:
    """Ask one expert; refuses beyond the expert's monthly limit. Mails the expert."""
    rate_limit_hit(action="contact_request", key=f"user:{sender.pk}")
    with transaction.atomic():
        # Lock the expert so two requests at once cannot both take the last place this month.
        expert = MemberProfile.objects.select_for_update().get(pk=expert.pk)
        if not expert.open_for_questions or asked_this_month(expert) >= (
            expert.max_questions_per_month
        ):
            raise LimitReached(expert.pk)
        contact_request, created = ContactRequest.objects.get_or_create(
            question=question,
            expert=expert,
            defaults={
                "message": message,
                "reasons": match_reasons.to_stored(reasons),
                "routed_by_editor": routed_by_editor,
            },
        )
    if created:
        mail_render(
            template="netwerk/mail/contact_request.txt",
            context={
                "name": expert.name,
                "question": question,
                "link": settings.SITE_URL + contact_request.get_absolute_url(),
            },
            subject=f"Een collega vraagt uw hulp: {question.title}",
            to=expert.user.email,
        )
    return contact_request


def contact_request_respond(*, contact_request: ContactRequest, accept: bool) -> None:
    if contact_request.status != RequestStatus.PENDING:
        return
    contact_request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    contact_request.responded_at = timezone.now()
    contact_request.save(update_fields=["status", "responded_at"])
    asker = contact_request.question.asker
    if asker is not None and asker.email:
        mail_render(
            template="netwerk/mail/contact_response.txt",
            context={"contact_request": contact_request, "accepted": accept},
            subject=f"Reactie op uw contactverzoek: {contact_request.question.title}",
            to=asker.email,
        )


@dataclass(frozen=True)
class ContactDetails:
    name: str
    email: str
    phone: str


def contact_details_for(*, contact_request: ContactRequest, viewer) -> ContactDetails | None:
    """The other person's details, only for the two people of an accepted request."""
    if contact_request.status != RequestStatus.ACCEPTED or not viewer.is_authenticated:
        return None
    asker = contact_request.question.asker
    expert_user = contact_request.expert.user
    if viewer.pk == expert_user.pk and asker is not None:
        other = MemberProfile.objects.filter(user=asker).first()
        return ContactDetails(
            other.name if other else "", asker.email, other.phone if other else ""
        )
    if asker is not None and viewer.pk == asker.pk:
        return ContactDetails(
            contact_request.expert.name, expert_user.email, contact_request.expert.phone
        )
    return None
