"""Pages for members: registration, login, password, profile, the member list.

Views parse input, call a service from netwerk/community/services/ and render.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from kennisbank.constants import ItemType
from kennisbank.querysets import published_q
from netwerk.community.filters import MemberFilter
from netwerk.community.forms.members import (
    DeleteAccountForm,
    MemberLoginForm,
    MemberPasswordResetForm,
    MemberSetPasswordForm,
    ProfileForm,
    RegistrationForm,
)
from netwerk.community.services.members import (
    item_contacts_link_by_email,
    member_confirm,
    member_delete,
    member_export,
    member_register,
)
from netwerk.community.services.rate_limits import client_ip, rate_limit_hit
from netwerk.community.views.common import rate_limited
from netwerk.errors import error_page
from netwerk.models import Answer, ItemContact
from portal.constants import Visibility
from portal.members import profile_for
from portal.models import MemberProfile
from portal.ratelimit import RateLimited

MEMBERS_PER_PAGE = 20


# --- Accounts ----------------------------------------------------------------------------------


def register(request):
    if request.user.is_authenticated:
        return redirect("netwerk:profile")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rate_limit_hit(action="registration", key=f"ip:{client_ip(request)}")
        except RateLimited:
            return rate_limited(request, "registration/register.html", {"form": form})
        data = form.cleaned_data
        member_register(
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
    member_confirm(user=user)
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
            item_contacts_link_by_email(profile=own)
            messages.success(request, _("Uw profiel is opgeslagen."))
            return redirect("netwerk:profile")
        return render(request, "netwerk/members/profile_form.html", {"form": form}, status=400)
    return render(request, "netwerk/members/profile_form.html", {"form": form, "profile": own})


@login_required
def profile_export(request):
    data = member_export(user=request.user)
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
            member_delete(user=user)
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
                queryset=ItemContact.objects.filter(published_q("item__")).select_related("item"),
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
