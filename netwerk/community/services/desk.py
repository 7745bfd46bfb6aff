"""The editors' infodesk: questions left without help, routing, statistics, promotion."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, Count, Min, Q, Value, When
from django.utils import timezone
from django.utils.text import slugify

from kennisbank.constants import ItemType, Status
from kennisbank.models import Item
from kennisbank.services.items import item_saved
from netwerk.constants import RequestStatus, Urgency
from netwerk.models import (
    ContactRequest,
    Question,
)
from portal.models import MemberProfile

# Questions without a helpful answer after this many days go to the editor desk.
DESK_AFTER_DAYS = 7


def desk_questions(now: dt.datetime | None = None):
    """Questions older than DESK_AFTER_DAYS with no helpful answer and no accepted request.

    Urgent ones ("deze week") first, then the oldest.
    """
    cutoff = (now or timezone.now()) - dt.timedelta(days=DESK_AFTER_DAYS)
    return (
        Question.objects.filter(created_at__lt=cutoff, helpful_answer__isnull=True)
        .exclude(contact_requests__status=RequestStatus.ACCEPTED)
        .annotate(
            answer_count=Count("answers", distinct=True),
            request_count=Count("contact_requests", distinct=True),
        )
        .annotate(urgent=Case(When(urgency=Urgency.HIGH, then=Value(0)), default=Value(1)))
        .prefetch_related("themes")
        .order_by("urgent", "created_at", "id")
    )


@dataclass(frozen=True)
class ExpertLoad:
    name: str
    asked: int
    accepted: int
    declined: int
    pending: int
    limit: int


@dataclass(frozen=True)
class DeskStatistics:
    questions: int
    answered: int
    median_hours_to_first_answer: float | None
    requests: int
    declined: int
    loads: list[ExpertLoad]

    @property
    def answered_share(self) -> int:
        return round(100 * self.answered / self.questions) if self.questions else 0


def desk_statistics() -> DeskStatistics:
    """Share answered, median time to first answer, declines and per-expert load."""
    questions = list(
        Question.objects.annotate(
            first_answer=Min("answers__created_at"),
            accepted=Count(
                "contact_requests",
                filter=Q(contact_requests__status=RequestStatus.ACCEPTED),
            ),
        ).values("created_at", "first_answer", "accepted", "helpful_answer")
    )
    answered = [q for q in questions if q["first_answer"] or q["accepted"] or q["helpful_answer"]]
    waits = [
        (q["first_answer"] - q["created_at"]).total_seconds() / 3600
        for q in questions
        if q["first_answer"]
    ]
    loads = [
        ExpertLoad(
            name=p.name,
            asked=p.asked,
            accepted=p.accepted,
            declined=p.declined,
            pending=p.pending,
            limit=p.max_questions_per_month,
        )
        for p in MemberProfile.objects.annotate(
            asked=Count("contact_requests"),
            accepted=Count(
                "contact_requests", filter=Q(contact_requests__status=RequestStatus.ACCEPTED)
            ),
            declined=Count(
                "contact_requests", filter=Q(contact_requests__status=RequestStatus.DECLINED)
            ),
            pending=Count(
                "contact_requests", filter=Q(contact_requests__status=RequestStatus.PENDING)
            ),
        )
        .filter(asked__gt=0)
        .order_by("-asked", "name")
    ]
    return DeskStatistics(
        questions=len(questions),
        answered=len(answered),
        median_hours_to_first_answer=round(statistics.median(waits), 1) if waits else None,
        requests=ContactRequest.objects.count(),
        declined=ContactRequest.objects.filter(status=RequestStatus.DECLINED).count(),
        loads=loads,
    )


def question_promote(*, question: Question) -> Item:
    """A draft kennisbank lesson (praktijkles) from a question and its answers, for editors.

    The draft names no members: editors add a contact person (with consent) in the admin.
    """
    if question.promoted_item_id:
        return question.promoted_item
    answers = list(question.answers.all())
    helpful_id = question.helpful_answer_id
    answers.sort(key=lambda a: (a.pk != helpful_id, a.created_at))
    body = [question.text, "", "## Wat collega's antwoordden", ""]
    for a in answers:
        body += [a.text, ""]
    base = slugify(question.title)[:100] or "vraag"
    slug = f"{base}-les-{question.pk}"
    with transaction.atomic():
        item = Item.objects.create(
            type=ItemType.LESSON,
            title=question.title[:250],
            slug=slug,
            summary=question.text[:1000],
            body="\n".join(body).strip(),
            published_on=timezone.localdate(),
            status=Status.DRAFT,
        )
        item.themes.set(question.themes.all())
        item_saved(item=item, previous=None)
        question.promoted_item = item
        question.save(update_fields=["promoted_item"])
    return item
