"""Saved searches and follows: what a member wants to hear about in the digest and in feeds."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisbank.constants import ItemType
from kennisbank.forms.search import SearchForm
from kennisbank.models import Item
from kennisbank.search import FACETS, Reference, SearchParams, clean_query, load_reference
from netwerk.constants import FollowKind
from netwerk.models import Follow, SavedSearch
from portal.constants import DigestFrequency
from portal.models import MemberProfile, Municipality, Theme

QUERY_STRING_MAX = SavedSearch._meta.get_field("query_string").max_length
NAME_MAX = SavedSearch._meta.get_field("name").max_length
# A digest runs every saved search of every member: a limit keeps that cost bounded.
MAX_SAVED_SEARCHES = 50


class FollowError(Exception):
    """Something a member asked that cannot be done; the message is Dutch, for the page."""


# --- saved searches ---------------------------------------------------------------------------


def search_params(query_string: str, reference: Reference) -> SearchParams:
    """A (saved) query string as search parameters; unknown filter values are dropped."""
    form = SearchForm(QueryDict(query_string.lstrip("?")), reference=reference)
    return form.params()


def normalise_query_string(params: SearchParams) -> str:
    """One spelling per search: page and sort order dropped, filters sorted."""
    pairs = [(spec.param, value) for spec in FACETS for value in params.selected(spec.key)]
    pairs.sort()
    if params.q:
        pairs.insert(0, ("q", params.q))
    return urlencode(pairs)


def saved_search_default_name(params: SearchParams, reference: Reference) -> str:
    """ "‘jeugd’ – Thema: Jeugd, Provincie: Utrecht": the search as the member would say it."""
    parts = []
    for spec in FACETS:
        chosen = params.selected(spec.key)
        if chosen:
            labels = dict(reference.choices(spec.key))
            values = ", ".join(sorted(labels.get(value, value) for value in chosen))
            parts.append(f"{spec.label}: {values}")
    text = f"‘{params.q}’" if params.q else ""
    name = " – ".join(p for p in [text, "; ".join(parts)] if p) or _("Alle kennisitems")
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"


QUOTES = ("‘", "“", "'", '"')


def quoted(name: str) -> str:
    """The name between quotes for a sentence, unless it starts with a quote already (default
    names do: ‘jeugd’ – Thema: Jeugd); quoting it again read ‘‘jeugd’ – …’."""
    return name if name.startswith(QUOTES) else f"‘{name}’"


@dataclass(frozen=True)
class SavedSearchResult:
    saved_search: SavedSearch
    created: bool


def saved_search_create(*, user, query_string: str, name: str = "") -> SavedSearchResult:
    """Save a search for the member; saving the same search again returns the existing one."""
    reference = load_reference()
    params = search_params(query_string, reference)
    normalised = normalise_query_string(params)
    if len(normalised) > QUERY_STRING_MAX:
        raise FollowError(_("Deze zoekopdracht is te lang om te bewaren. Kies minder filters."))
    existing = SavedSearch.objects.filter(user=user, query_string=normalised).first()
    if existing is not None:
        return SavedSearchResult(existing, created=False)
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise FollowError(
            _("U kunt hoogstens %(n)s zoekopdrachten bewaren. Verwijder er eerst een.")
            % {"n": MAX_SAVED_SEARCHES}
        )
    name = clean_query(name)[0][:NAME_MAX] or saved_search_default_name(params, reference)
    try:
        with transaction.atomic():
            saved = SavedSearch.objects.create(
                user=user,
                name=name,
                query_string=normalised,
                feed_token=secrets.token_urlsafe(24),
            )
    except IntegrityError:
        # The same search saved twice at once (double click): the first one counts.
        return SavedSearchResult(
            SavedSearch.objects.get(user=user, query_string=normalised), created=False
        )
    return SavedSearchResult(saved, created=True)


def saved_search_delete(*, user, pk: int) -> bool:
    deleted, _rows = SavedSearch.objects.filter(user=user, pk=pk).delete()
    return bool(deleted)


# --- follows ----------------------------------------------------------------------------------


def follow_target(*, kind: str, target: str, published_only: bool = True):
    """The theme, dossier, item or municipality a follow form points at, or FollowError.

    Only published items can be followed: a draft's discussion is nobody's business yet. Any
    item can be unfollowed (published_only=False), also one withdrawn since it was followed.
    """
    if kind not in FollowKind.values:
        raise FollowError(_("Dit kunt u niet volgen."))
    try:
        pk = int(target)
    except (TypeError, ValueError):
        raise FollowError(_("Dit kunt u niet volgen.")) from None
    if kind == FollowKind.THEME:
        found = Theme.objects.filter(pk=pk).first()
    elif kind == FollowKind.MUNICIPALITY:
        found = Municipality.objects.filter(pk=pk).first()
    else:
        items = Item.objects.published() if published_only else Item.objects.all()
        if kind == FollowKind.DOSSIER:
            items = items.of_type(ItemType.DOSSIER)
        found = items.filter(pk=pk).first()
    if found is None:
        raise FollowError(_("Wat u wilt volgen bestaat niet (meer)."))
    return found


def _target_fields(kind: str, target) -> dict:
    field = {
        FollowKind.THEME: "theme",
        FollowKind.MUNICIPALITY: "municipality",
        FollowKind.DOSSIER: "item",
        FollowKind.DISCUSSION: "item",
    }[FollowKind(kind)]
    return {field: target}


def follow_create(*, user, kind: str, target) -> bool:
    """Follow; returns False when the member already followed it."""
    _follow, created = Follow.objects.get_or_create(
        user=user, kind=kind, **_target_fields(kind, target)
    )
    return created


def follow_delete(*, user, kind: str, target) -> bool:
    deleted, _rows = Follow.objects.filter(
        user=user, kind=kind, **_target_fields(kind, target)
    ).delete()
    return bool(deleted)


def follows_of(*, user) -> list[Follow]:
    return list(
        Follow.objects.filter(user=user)
        .select_related("theme", "item", "municipality")
        .order_by("kind", "created_at", "id")
    )


# --- the digest choice ------------------------------------------------------------------------


def digest_frequency_set(*, profile: MemberProfile, frequency: str, now=None) -> None:
    """Change how often the member gets the digest.

    Turning it back on starts from now: a member who stopped the mail months ago should not get
    everything since in one go.
    """
    now = now or timezone.now()
    fields = ["digest_frequency", "updated_at"]
    if profile.digest_frequency == DigestFrequency.NEVER and frequency != DigestFrequency.NEVER:
        profile.digest_covered_until = now
        fields.append("digest_covered_until")
    profile.digest_frequency = frequency
    profile.save(update_fields=fields)
