"""Questions and their answers."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from netwerk.community.services.rate_limits import rate_limit_hit
from netwerk.models import (
    Answer,
    Question,
)
from portal.mail import mail_render


def question_create(
    *,
    asker,
    title: str,
    text: str,
    themes,
    province: str,
    urgency: str,
    collaboration_models=(),
):
    rate_limit_hit(action="question", key=f"user:{asker.pk}")
    with transaction.atomic():
        question = Question.objects.create(
            asker=asker, title=title, text=text, province=province, urgency=urgency
        )
        question.themes.set(themes)
        question.collaboration_models.set(collaboration_models)
    return question


# The same answer posted again within this time (a double click, a resent form) is one answer.
ANSWER_DUPLICATE_WINDOW = dt.timedelta(minutes=2)


def answer_create(*, question: Question, author, text: str) -> Answer:
    """An answer in the thread; the asker gets an e-mail (without the author's address).

    Posting the same text again shortly after returns the first answer, as comments do.
    """
    with transaction.atomic():
        # Lock the question so parallel identical posts see each other's answer.
        Question.objects.select_for_update().filter(pk=question.pk).first()
        duplicate = (
            Answer.objects.filter(
                question=question,
                author=author,
                text=text,
                created_at__gte=timezone.now() - ANSWER_DUPLICATE_WINDOW,
            )
            .order_by("-id")
            .first()
        )
        if duplicate is not None:
            return duplicate
        rate_limit_hit(action="answer", key=f"user:{author.pk}")
        answer = Answer.objects.create(question=question, author=author, text=text)
    asker = question.asker
    if asker is not None and asker.pk != author.pk and asker.email:
        mail_render(
            template="netwerk/mail/answer.txt",
            context={"question": question},
            subject=f"Nieuw antwoord op uw vraag: {question.title}",
            to=asker.email,
        )
    return answer


def answer_mark_helpful(*, question: Question, answer: Answer) -> None:
    question.helpful_answer = answer
    question.save(update_fields=["helpful_answer"])
