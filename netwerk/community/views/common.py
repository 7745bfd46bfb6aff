"""What the members' pages share: who is an editor, the rate-limit response."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

from netwerk.models import Question

DESK_PERMISSION = "netwerk.change_question"


def is_editor(user) -> bool:
    return user.is_authenticated and user.has_perm(DESK_PERMISSION)


def rate_limited(request, template, context):
    messages.error(request, _("U heeft dit te vaak gedaan. Probeer het later opnieuw."))
    return render(request, template, context, status=429)


def question_for_page(pk):
    """The question with what its page and the desk show, or None."""
    return (
        Question.objects.select_related("asker__member_profile", "helpful_answer")
        .prefetch_related("themes", "collaboration_models")
        .filter(pk=pk)
        .first()
    )
