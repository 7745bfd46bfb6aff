"""Follow buttons for kennisbank and netwerk pages: at most one query, nothing for drafts."""

from django import template
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.http import urlencode

from kennisbank.constants import ItemType
from kennisbank.models import Item
from netwerk.constants import FollowKind
from netwerk.models import Follow
from portal.models import Municipality, Theme

register = template.Library()

TEMPLATE = "netwerk/follow/_buttons.html"


def _base(context, level: int = 2) -> dict:
    request = context.get("request")
    here = request.get_full_path() if request is not None else ""
    user = context.get("user")
    return {
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "next": here,
        "login_url": reverse("netwerk:login") + "?" + urlencode({REDIRECT_FIELD_NAME: here}),
        "buttons": [],
        "level": level,
    }


def _button(kind: str, target, followed: bool) -> dict:
    return {"kind": kind, "target": target.pk, "label": str(target), "followed": followed}


@register.inclusion_tag(TEMPLATE, takes_context=True)
def follow_button(context, target, level=2):
    """Follow or unfollow an item's discussion (and a dossier), a theme or a municipality."""
    data = _base(context, level)
    user = data["user"]
    if isinstance(target, Item):
        if not target.is_published:
            return {}
        kinds = [FollowKind.DISCUSSION]
        if target.type == ItemType.DOSSIER:
            kinds.insert(0, FollowKind.DOSSIER)
        followed = set()
        if user is not None and user.is_authenticated:
            followed = set(
                Follow.objects.filter(user=user, item=target).values_list("kind", flat=True)
            )
        data["buttons"] = [_button(kind, target, kind in followed) for kind in kinds]
        return data
    if isinstance(target, Theme):
        kind, lookup = FollowKind.THEME, {"theme": target}
    elif isinstance(target, Municipality):
        kind, lookup = FollowKind.MUNICIPALITY, {"municipality": target}
    else:
        raise template.TemplateSyntaxError("follow_button: theme, item or municipality")
    followed = (
        user is not None
        and user.is_authenticated
        and Follow.objects.filter(user=user, kind=kind, **lookup).exists()
    )
    data["buttons"] = [_button(kind, target, followed)]
    return data


@register.inclusion_tag(TEMPLATE, takes_context=True)
def follow_theme_button(context, slug, level=2):
    """The follow button for a theme known by its slug (the search page filtered by one)."""
    data = _base(context, level)
    user = data["user"]
    # The search form already dropped unknown slugs; visitors only get a login link.
    data["feed_url"] = reverse("kennisbank:theme_feed", args=[slug])
    if user is None or not user.is_authenticated:
        data["buttons"] = [{"kind": FollowKind.THEME}]
        return data
    theme = (
        Theme.objects.filter(slug=slug)
        .annotate(
            followed=Exists(
                Follow.objects.filter(user=user, kind=FollowKind.THEME, theme=OuterRef("pk"))
            )
        )
        .first()
    )
    if theme is None:
        return {}
    data["buttons"] = [_button(FollowKind.THEME, theme, theme.followed)]
    return data


@register.inclusion_tag(TEMPLATE, takes_context=True)
def follow_municipality_button(context, code, level=2):
    """The follow button for a municipality known by its CBS code (the filtered search page)."""
    data = _base(context, level)
    user = data["user"]
    if user is None or not user.is_authenticated:
        data["buttons"] = [{"kind": FollowKind.MUNICIPALITY}]
        return data
    municipality = (
        Municipality.objects.filter(code=code)
        .annotate(
            followed=Exists(
                Follow.objects.filter(
                    user=user, kind=FollowKind.MUNICIPALITY, municipality=OuterRef("pk")
                )
            )
        )
        .first()
    )
    if municipality is None:
        return {}
    data["buttons"] = [_button(FollowKind.MUNICIPALITY, municipality, municipality.followed)]
    return data
