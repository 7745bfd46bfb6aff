"""Pages for following: saved searches, follow buttons, the digest choice, feeds, unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from kennisbank.feeds import PublishedItemFeed
from kennisbank.models import Item
from kennisbank.search import load_reference, matching_condition
from netwerk.community.forms.follows import DigestForm
from netwerk.community.services import digests, follows
from netwerk.errors import error_page
from netwerk.models import SavedSearch
from portal.members import profile_for

FEED_SIZE = 30


def _next_url(request, fallback: str) -> str:
    """Where to go after a follow button: back to the page it was on, never off-site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --- saved searches ---------------------------------------------------------------------------


@login_required
@require_POST
def saved_search_create(request):
    query = request.POST.get("query", "")[:4000]
    try:
        result = follows.saved_search_create(
            user=request.user, query_string=query, name=request.POST.get("name", "")
        )
    except follows.FollowError as error:
        return error_page(request, str(error), status=400)
    if result.created:
        messages.success(
            request,
            _("Uw zoekopdracht is bewaard: %(name)s. Nieuwe resultaten krijgt u in uw e-mail.")
            % {"name": follows.quoted(result.saved_search.name)},
        )
    else:
        messages.info(
            request,
            _("U had deze zoekopdracht al bewaard als %(name)s.")
            % {"name": follows.quoted(result.saved_search.name)},
        )
    # Back to the search, in its saved (clean) spelling.
    return redirect(reverse("kennisbank:search") + "?" + result.saved_search.query_string)


@login_required
@require_POST
def saved_search_delete(request, pk):
    if follows.saved_search_delete(user=request.user, pk=pk):
        messages.success(request, _("De zoekopdracht is verwijderd."))
    return redirect("netwerk:follow_settings")


# --- follow buttons ---------------------------------------------------------------------------


def _follow_change(request, *, start: bool):
    try:
        kind = request.POST.get("kind", "")
        target = follows.follow_target(
            kind=kind, target=request.POST.get("target", ""), published_only=start
        )
    except follows.FollowError as error:
        return error_page(request, str(error), status=400)
    if start:
        follows.follow_create(user=request.user, kind=kind, target=target)
        messages.success(request, _("U volgt nu %(target)s.") % {"target": target})
    else:
        stopped = follows.follow_delete(user=request.user, kind=kind, target=target)
        if not stopped and isinstance(target, Item) and not target.is_published:
            # Not followed and not public: the message would tell a draft's title.
            return error_page(request, _("Wat u wilt volgen bestaat niet (meer)."), status=400)
        messages.success(request, _("U volgt %(target)s niet meer.") % {"target": target})
    return redirect(_next_url(request, reverse("netwerk:follow_settings")))


@login_required
@require_POST
def follow_start(request):
    return _follow_change(request, start=True)


@login_required
@require_POST
def follow_stop(request):
    return _follow_change(request, start=False)


@login_required
def follow_settings(request):
    """ "Volgen en e-mail": saved searches, follows and how often the digest comes."""
    profile = profile_for(request.user)
    form = DigestForm(request.POST or None, initial={"digest_frequency": profile.digest_frequency})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            follows.digest_frequency_set(
                profile=profile, frequency=form.cleaned_data["digest_frequency"]
            )
            messages.success(request, _("Uw keuze voor de e-mail is opgeslagen."))
            return redirect("netwerk:follow_settings")
        status = 400
    saved = list(SavedSearch.objects.filter(user=request.user))
    for search in saved:
        search.feed_url = request.build_absolute_uri(
            reverse("netwerk:saved_search_feed", args=[search.feed_token])
        )
    context = {
        "form": form,
        "saved_searches": saved,
        "follows": follows.follows_of(user=request.user),
    }
    return render(request, "netwerk/follow/settings.html", context, status=status)


# --- unsubscribe without logging in -----------------------------------------------------------


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without a token; the URL is signed.
def digest_unsubscribe(request, token):
    profile = digests.unsubscribe_profile(token=token)
    if profile is None:
        return error_page(
            request,
            _(
                "Deze afmeldlink klopt niet (meer). Log in en kies bij ‘Volgen en e-mail’ "
                "of u nog e-mail wilt krijgen."
            ),
            status=400,
        )
    done = False
    if request.method == "POST":
        digests.digest_unsubscribe(profile=profile)
        done = True
    elif request.method not in ("GET", "HEAD"):
        return error_page(request, _("Deze vraag kunnen we niet beantwoorden."), status=405)
    return render(request, "netwerk/follow/unsubscribe.html", {"done": done, "token": token})


# --- the Atom feed of a saved search ----------------------------------------------------------


class SavedSearchFeed(PublishedItemFeed):
    """New results of a saved search; the secret token in the address replaces a login."""

    def get_object(self, request, token):
        saved = SavedSearch.objects.filter(feed_token=token).first()
        if saved is None or not saved.user.is_active:
            raise Http404
        return saved

    def title(self, obj):
        return _("Kennisplatform IGS: %(name)s") % {"name": obj.name}

    def link(self, obj):
        return reverse("kennisbank:search") + "?" + obj.query_string

    def subtitle(self, obj):
        return _("Nieuwe publicaties voor uw bewaarde zoekopdracht")

    def items(self, obj):
        reference = load_reference()
        condition = matching_condition(
            follows.search_params(obj.query_string, reference), reference
        )
        return (
            Item.objects.published()
            .filter(condition)
            .order_by(F("published_at").desc(nulls_last=True), "-published_on", "-id")[:FEED_SIZE]
        )
