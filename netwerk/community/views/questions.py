"""Questions: the list, asking, the thread, contacting an expert, answers.

Views parse input, call a service from netwerk/community/services/ and render.
Contact details reach a template only through contacts.contact_details_for.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk.community.filters import QuestionFilter
from netwerk.community.forms.questions import (
    AnswerForm,
    ContactRequestForm,
    QuestionForm,
)
from netwerk.community.services import questions as question_service
from netwerk.community.services.contacts import LimitReached, contact_request_create
from netwerk.community.services.experts import matching_items, suggestions_for
from netwerk.community.views.common import is_editor, question_for_page, rate_limited
from netwerk.errors import error_page
from netwerk.models import Question
from portal.members import profile_for
from portal.ratelimit import RateLimited

QUESTIONS_PER_PAGE = 20


# --- Questions ---------------------------------------------------------------------------------


def question_list(request):
    """Members see the questions; visitors see what the network is and how to join."""
    if not request.user.is_authenticated:
        return render(request, "netwerk/questions/intro.html", {"next": request.get_full_path()})
    questions = (
        Question.objects.annotate(answer_count=Count("answers"))
        .prefetch_related("themes")
        .order_by("-created_at", "-id")
    )
    filters = QuestionFilter(request.GET or None, queryset=questions)
    page_obj = Paginator(filters.qs, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    mine = Question.objects.filter(asker=request.user).order_by("-created_at")[:20]
    context = {"page_obj": page_obj, "filters": filters, "form": filters.form, "mine": list(mine)}
    return render(request, "netwerk/questions/list.html", context)


@login_required
def question_create(request):
    form = QuestionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                question = question_service.question_create(
                    asker=request.user,
                    title=data["title"],
                    text=data["text"],
                    themes=data["themes"],
                    collaboration_models=data["collaboration_models"],
                    province=data["province"],
                    urgency=data["urgency"],
                )
            except RateLimited:
                return rate_limited(request, "netwerk/questions/form.html", {"form": form})
            return redirect(question)
        return render(request, "netwerk/questions/form.html", {"form": form}, status=400)
    initial_province = profile_for(request.user).province
    # "Stel uw vraag aan het netwerk" on a search without results brings the query along.
    title = " ".join(request.GET.get("titel", "").split())[:200]
    form = QuestionForm(initial={"province": initial_province, "title": title})
    return render(request, "netwerk/questions/form.html", {"form": form})


def _question_context(request, question, **extra):
    is_asker = question.asker_id == request.user.pk
    answers = list(
        question.answers.select_related("author__member_profile").order_by("created_at", "id")
    )
    context = {
        "question": question,
        "is_asker": is_asker,
        "answers": answers,
        "answer_form": AnswerForm(),
        "items": matching_items(question),
        "is_editor": is_editor(request.user),
    }
    if is_asker:
        suggestions = suggestions_for(question)
        context["suggestions"] = suggestions
        context["contact_form"] = ContactRequestForm(suggestions=suggestions)
        context["sent_requests"] = list(
            question.contact_requests.select_related("expert").order_by("created_at", "id")
        )
    context.update(extra)
    return context


@login_required
def question_detail(request, pk):
    question = question_for_page(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    return render(request, "netwerk/questions/detail.html", _question_context(request, question))


@login_required
@require_POST
def question_contact(request, pk):
    question = question_for_page(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    if question.asker_id != request.user.pk:
        raise PermissionDenied
    suggestions = suggestions_for(question)
    form = ContactRequestForm(request.POST, suggestions=suggestions)
    if not form.is_valid():
        context = _question_context(request, question, contact_form=form)
        return render(request, "netwerk/questions/detail.html", context, status=400)
    by_id = {s.profile.pk: s for s in suggestions}
    sent, full = 0, []
    for expert_id in form.cleaned_data["experts"]:
        chosen = by_id[expert_id]
        try:
            contact_request_create(
                question=question,
                expert=chosen.profile,
                message=form.cleaned_data["message"],
                reasons=chosen.match.reasons,
                sender=request.user,
            )
            sent += 1
        except LimitReached:
            full.append(chosen.profile.name)
        except RateLimited:
            messages.error(request, _("U heeft vandaag te veel contactverzoeken verstuurd."))
            break
    if sent:
        messages.success(
            request,
            _("Uw verzoek is verstuurd. U krijgt bericht zodra een deskundige reageert."),
        )
    for name in full:
        messages.warning(
            request, _("%(name)s heeft deze maand geen ruimte meer voor vragen.") % {"name": name}
        )
    return redirect(question)


@login_required
@require_POST
def question_answer(request, pk):
    question = question_for_page(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        context = _question_context(request, question, answer_form=form)
        return render(request, "netwerk/questions/detail.html", context, status=400)
    try:
        question_service.answer_create(
            question=question, author=request.user, text=form.cleaned_data["text"]
        )
    except RateLimited:
        messages.error(request, _("U heeft vandaag te veel antwoorden gegeven."))
        return redirect(question)
    messages.success(request, _("Uw antwoord is geplaatst."))
    return redirect(reverse("netwerk:question", args=[question.pk]) + "#antwoorden")


@login_required
@require_POST
def question_helpful(request, pk, answer_pk):
    question = question_for_page(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    if question.asker_id != request.user.pk:
        raise PermissionDenied
    answer = question.answers.filter(pk=answer_pk).first()
    if answer is None:
        return error_page(request, _("Dit antwoord bestaat niet."), 404)
    question_service.answer_mark_helpful(question=question, answer=answer)
    messages.success(request, _("Dank u. Het antwoord is gemarkeerd als nuttig."))
    return redirect(question)
