"""Pages of the members' network: accounts, profiles, questions, contact requests, the desk.

Views parse input, call a service from netwerk/members.py and render. Contact details reach a
template only through members.contact_details_for (and the member's own profile and export).
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kennisbank.constants import ItemType, Status
from portal.constants import Visibility
from portal.members import profile_for
from portal.models import MemberProfile

from . import member_reasons, members
from .constants import RequestStatus
from .member_filters import MemberFilter, QuestionFilter
from .member_forms import (
    AnswerForm,
    ContactRequestForm,
    DeleteAccountForm,
    MemberLoginForm,
    MemberPasswordResetForm,
    MemberSetPasswordForm,
    ProfileForm,
    QuestionForm,
    RegistrationForm,
    RouteForm,
)
from .models import Answer, ContactRequest, ItemContact, Question
from .views import error_page

MEMBERS_PER_PAGE = 20
QUESTIONS_PER_PAGE = 20
DESK_PERMISSION = "netwerk.change_question"


def is_editor(user) -> bool:
    return user.is_authenticated and user.has_perm(DESK_PERMISSION)


def _rate_limited(request, template, context):
    messages.error(request, _("U heeft dit te vaak gedaan. Probeer het later opnieuw."))
    return render(request, template, context, status=429)


# --- Accounts ----------------------------------------------------------------------------------


def register(request):
    if request.user.is_authenticated:
        return redirect("netwerk:profile")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            members.rate_limit_hit(action="registration", key=f"ip:{members.client_ip(request)}")
        except members.RateLimited:
            return _rate_limited(request, "registration/register.html", {"form": form})
        data = form.cleaned_data
        members.member_register(
            name=data["name"],
            email=data["email"],
            password=data["password1"],
            province=data["province"],
        )
        return redirect("netwerk:register_done")
    status = 400 if form.is_bound else 200
    return render(request, "registration/register.html", {"form": form}, status=status)


def register_done(request):
    return render(request, "registration/register_done.html")


def confirm(request, uidb64, token):
    user_model = get_user_model()
    try:
        user = user_model.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, user_model.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "registration/confirm_invalid.html", status=400)
    members.member_confirm(user=user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Uw aanmelding is bevestigd. Vul nu uw profiel aan."))
    return redirect("netwerk:profile")


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = MemberLoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


password_reset = auth_views.PasswordResetView.as_view(
    template_name="registration/password_reset_form.html",
    form_class=MemberPasswordResetForm,
    email_template_name="registration/password_reset_email.txt",
    subject_template_name="registration/password_reset_subject.txt",
    success_url=reverse_lazy("netwerk:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="registration/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="registration/password_reset_confirm.html",
    form_class=MemberSetPasswordForm,
    success_url=reverse_lazy("netwerk:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="registration/password_reset_complete.html"
)


# --- Profiles ----------------------------------------------------------------------------------


@login_required
def profile(request):
    """The member's own profile: edit form, contact details and privacy actions."""
    own = profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=own)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            members.item_contacts_link_by_email(profile=own)
            messages.success(request, _("Uw profiel is opgeslagen."))
            return redirect("netwerk:profile")
        return render(request, "netwerk/members/profile_form.html", {"form": form}, status=400)
    return render(request, "netwerk/members/profile_form.html", {"form": form, "profile": own})


@login_required
def profile_export(request):
    data = members.member_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    return response


@login_required
def profile_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            members.member_delete(user=user)
            messages.success(request, _("Uw account en profiel zijn verwijderd."))
            return redirect("home")
        return render(request, "netwerk/members/delete.html", {"form": form}, status=400)
    return render(request, "netwerk/members/delete.html", {"form": form})


def member_list(request):
    profiles = (
        MemberProfile.objects.visible_to(request.user)
        .exclude(visibility=Visibility.HIDDEN)
        .select_related("municipality")
        .prefetch_related("themes", "collaboration_models")
        .order_by("name", "id")
    )
    filters = MemberFilter(request.GET or None, queryset=profiles)
    page_obj = Paginator(filters.qs, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page_obj": page_obj, "filters": filters, "form": filters.form}
    return render(request, "netwerk/members/list.html", context)


def member_detail(request, pk):
    found = (
        MemberProfile.objects.visible_to(request.user)
        .select_related("municipality")
        .prefetch_related(
            "themes",
            "collaboration_models",
            Prefetch(
                "item_contacts",
                queryset=ItemContact.objects.filter(item__status=Status.PUBLISHED).select_related(
                    "item"
                ),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        return error_page(request, _("Dit profiel bestaat niet of is niet zichtbaar."), 404)
    contributions = [c.item for c in found.item_contacts.all()]
    answers = []
    if request.user.is_authenticated:
        answers = list(
            Answer.objects.filter(author_id=found.user_id)
            .select_related("question")
            .order_by("-created_at")[:20]
        )
    context = {
        "member": found,
        "items": [i for i in contributions if i.type != ItemType.EVENT],
        "events": [i for i in contributions if i.type == ItemType.EVENT],
        "answers": answers,
        "full": request.user.is_authenticated,
    }
    return render(request, "netwerk/members/detail.html", context)


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
                question = members.question_create(
                    asker=request.user,
                    title=data["title"],
                    text=data["text"],
                    themes=data["themes"],
                    collaboration_models=data["collaboration_models"],
                    province=data["province"],
                    urgency=data["urgency"],
                )
            except members.RateLimited:
                return _rate_limited(request, "netwerk/questions/form.html", {"form": form})
            return redirect(question)
        return render(request, "netwerk/questions/form.html", {"form": form}, status=400)
    initial_province = profile_for(request.user).province
    # "Stel uw vraag aan het netwerk" on a search without results brings the query along.
    title = " ".join(request.GET.get("titel", "").split())[:200]
    form = QuestionForm(initial={"province": initial_province, "title": title})
    return render(request, "netwerk/questions/form.html", {"form": form})


def _question(pk):
    return (
        Question.objects.select_related("asker__member_profile", "helpful_answer")
        .prefetch_related("themes", "collaboration_models")
        .filter(pk=pk)
        .first()
    )


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
        "items": members.matching_items(question),
        "is_editor": is_editor(request.user),
    }
    if is_asker:
        suggestions = members.suggestions_for(question)
        context["suggestions"] = suggestions
        context["contact_form"] = ContactRequestForm(suggestions=suggestions)
        context["sent_requests"] = list(
            question.contact_requests.select_related("expert").order_by("created_at", "id")
        )
    context.update(extra)
    return context


@login_required
def question_detail(request, pk):
    question = _question(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    return render(request, "netwerk/questions/detail.html", _question_context(request, question))


@login_required
@require_POST
def question_contact(request, pk):
    question = _question(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    if question.asker_id != request.user.pk:
        raise PermissionDenied
    suggestions = members.suggestions_for(question)
    form = ContactRequestForm(request.POST, suggestions=suggestions)
    if not form.is_valid():
        context = _question_context(request, question, contact_form=form)
        return render(request, "netwerk/questions/detail.html", context, status=400)
    by_id = {s.profile.pk: s for s in suggestions}
    sent, full = 0, []
    for expert_id in form.cleaned_data["experts"]:
        chosen = by_id[expert_id]
        try:
            members.contact_request_create(
                question=question,
                expert=chosen.profile,
                message=form.cleaned_data["message"],
                reasons=chosen.match.reasons,
                sender=request.user,
            )
            sent += 1
        except members.LimitReached:
            full.append(chosen.profile.name)
        except members.RateLimited:
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
    question = _question(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        context = _question_context(request, question, answer_form=form)
        return render(request, "netwerk/questions/detail.html", context, status=400)
    try:
        members.answer_create(
            question=question, author=request.user, text=form.cleaned_data["text"]
        )
    except members.RateLimited:
        messages.error(request, _("U heeft vandaag te veel antwoorden gegeven."))
        return redirect(question)
    messages.success(request, _("Uw antwoord is geplaatst."))
    return redirect(reverse("netwerk:question", args=[question.pk]) + "#antwoorden")


@login_required
@require_POST
def question_helpful(request, pk, answer_pk):
    question = _question(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    if question.asker_id != request.user.pk:
        raise PermissionDenied
    answer = question.answers.filter(pk=answer_pk).first()
    if answer is None:
        return error_page(request, _("Dit antwoord bestaat niet."), 404)
    members.answer_mark_helpful(question=question, answer=answer)
    messages.success(request, _("Dank u. Het antwoord is gemarkeerd als nuttig."))
    return redirect(question)


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
        members.contact_request_respond(contact_request=found, accept=decision == "aannemen")
        if decision == "aannemen":
            messages.success(request, _("U heeft het verzoek aangenomen."))
        else:
            messages.info(request, _("U heeft het verzoek afgewezen."))
        return redirect(found)
    context = {
        "contact_request": found,
        "is_expert": is_expert,
        "details": members.contact_details_for(contact_request=found, viewer=request.user),
        "reasons": member_reasons.stored_texts(found.reasons),
        "pending": found.status == RequestStatus.PENDING,
    }
    return render(request, "netwerk/requests/detail.html", context)


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
        "questions": list(members.desk_questions()),
        "days": members.DESK_AFTER_DAYS,
        "route_form": RouteForm(),
    }
    return render(request, "netwerk/desk/index.html", context)


def desk_statistics(request):
    if (response := _editor_only(request)) is not None:
        return response
    return render(request, "netwerk/desk/statistics.html", {"stats": members.desk_statistics()})


@require_POST
def desk_route(request, pk):
    if (response := _editor_only(request)) is not None:
        return response
    question = _question(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    form = RouteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een deskundige."))
        return redirect("netwerk:desk")
    try:
        members.contact_request_create(
            question=question,
            expert=form.cleaned_data["expert"],
            reasons=member_reasons.routed(),
            sender=request.user,
            routed_by_editor=True,
        )
        messages.success(request, _("De vraag is doorgestuurd."))
    except members.LimitReached:
        messages.warning(request, _("Deze deskundige heeft deze maand geen ruimte meer."))
    except members.RateLimited:
        messages.error(request, _("Te veel verzoeken vandaag."))
    return redirect("netwerk:desk")


@require_POST
def desk_promote(request, pk):
    if (response := _editor_only(request)) is not None:
        return response
    question = _question(pk)
    if question is None:
        return error_page(request, _("Deze vraag bestaat niet."), 404)
    item = members.question_promote(question=question)
    messages.success(
        request,
        _("Er is een concept-praktijkles gemaakt: %(title)s. Publiceer die in het beheer.")
        % {"title": item.title},
    )
    return redirect(question)
