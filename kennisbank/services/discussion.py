"""The discussion under kennisbank items and dossiers: who reads, who posts, and the thread.

Rules (one place, used by the views and the detail page):

* Reading: members (logged-in, active accounts) read the discussion of every published item;
  anonymous visitors only where an editor set ``Item.discussion_public``. Moderators (permission
  kennisbank.moderate_comment) also read it on an unpublished item they preview.
* Posting: members, on published items whose discussion is not locked; at most
  ``POSTS_PER_WINDOW`` new comments per ``POST_WINDOW`` per member.
* Editing: the author, within ``settings.KENNISBANK_COMMENT_EDIT_MINUTES`` (default 15) after
  posting, while the comment is not hidden and the discussion is open. Authors never delete;
  editors hide.
* Names: members see the author's profile name and organisation; anonymous readers of a public
  discussion see "Een deelnemer", so a member's name only reaches the open web when the member
  publishes it themself (netwerk profile visibility). Never an e-mail address or a username
  (usernames are e-mail addresses).

The thread is fetched in one query and built here; replies deeper than ``MAX_DEPTH`` are shown
at that depth, with a link to the comment they answer, so the page stays readable on a phone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.ratelimit import rate_limit_check

from ..models import Comment, CommentReport, Item

MODERATE_PERMISSION = "kennisbank.moderate_comment"
DEFAULT_EDIT_MINUTES = 15
POSTS_PER_WINDOW = 10
POST_WINDOW = dt.timedelta(minutes=10)
# The same text again this soon is a double click or a resent form, not a new reply.
DUPLICATE_WINDOW = dt.timedelta(minutes=2)
MAX_DEPTH = 2
MAX_LENGTH = 5000


class DiscussionError(Exception):
    """A rule stopped the action; str(error) is the Dutch message for the member."""


class DiscussionLocked(DiscussionError):
    pass


class EditWindowClosed(DiscussionError):
    pass


class AlreadyReported(DiscussionError):
    pass


def edit_window() -> dt.timedelta:
    return dt.timedelta(
        minutes=getattr(settings, "KENNISBANK_COMMENT_EDIT_MINUTES", DEFAULT_EDIT_MINUTES)
    )


def edit_closed_message() -> str:
    return _(
        "Deze reactie kan niet meer worden bewerkt: dat kan tot %(minutes)d minuten na het "
        "plaatsen."
    ) % {"minutes": edit_window().total_seconds() // 60}


def locked_message() -> str:
    return _("De discussie is gesloten; er kunnen geen reacties meer bij of worden bewerkt.")


# --- Who may do what ---------------------------------------------------------------------------


def is_member(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_moderator(user) -> bool:
    return is_member(user) and user.is_staff and user.has_perm(MODERATE_PERMISSION)


def discussion_readable(*, item: Item, user) -> bool:
    if not item.is_published:
        return is_moderator(user)
    return is_member(user) or item.discussion_public


def discussion_open(*, item: Item) -> bool:
    return item.is_published and not item.discussion_locked


def comment_editable(*, comment: Comment, user, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        is_member(user)
        and comment.author_id == user.pk
        and not comment.hidden
        and not comment.item.discussion_locked
        and now - comment.created_at <= edit_window()
    )


# --- Writes --------------------------------------------------------------------------------------


def comment_create(
    *,
    item: Item,
    author,
    text: str,
    parent: Comment | None = None,
    now: dt.datetime | None = None,
) -> Comment:
    now = now or timezone.now()
    with transaction.atomic():
        # Lock the item row: a lock by an editor and a post cannot cross, and the rate count
        # below sees the member's own posts from parallel requests.
        item = Item.objects.select_for_update().get(pk=item.pk)
        if not discussion_open(item=item):
            raise DiscussionLocked(locked_message())
        if parent is not None and parent.item_id != item.pk:
            raise DiscussionError(_("Deze reactie hoort bij een ander kennisitem."))
        duplicate = (
            Comment.objects.filter(
                item=item,
                parent=parent,
                author=author,
                text=text,
                created_at__gte=now - DUPLICATE_WINDOW,
            )
            .order_by("-id")
            .first()
        )
        if duplicate is not None:
            return duplicate
        rate_limit_check(
            Comment.objects.filter(author=author),
            limit=POSTS_PER_WINDOW,
            window=POST_WINDOW,
            now=now,
            message=_(
                "U heeft in korte tijd veel reacties geplaatst. Wacht een paar minuten en "
                "probeer het dan opnieuw; uw tekst staat hieronder nog."
            ),
        )
        return Comment.objects.create(item=item, parent=parent, author=author, text=text)


def comment_edit(*, comment: Comment, user, text: str, now: dt.datetime | None = None) -> Comment:
    now = now or timezone.now()
    if comment.item.discussion_locked:
        raise DiscussionLocked(locked_message())
    if not comment_editable(comment=comment, user=user, now=now):
        raise EditWindowClosed(edit_closed_message())
    comment.text = text
    comment.edited_at = now
    comment.save(update_fields=["text", "edited_at"])
    return comment


def comment_report(*, comment: Comment, reporter, reason: str) -> CommentReport:
    if comment.author_id == reporter.pk:
        raise DiscussionError(_("U kunt uw eigen reactie niet melden."))
    try:
        with transaction.atomic():
            return CommentReport.objects.create(comment=comment, reporter=reporter, reason=reason)
    except IntegrityError:
        # The constraint commentreport_once: a second click, or two tabs.
        raise AlreadyReported(
            _("U had deze reactie al gemeld. De redactie bekijkt uw melding.")
        ) from None


def comments_set_hidden(*, comments, hidden: bool, reason: str = "") -> int:
    """Hide (with the editors' reason) or show again; replies stay visible either way."""
    return comments.update(hidden=hidden, hidden_reason=reason if hidden else "")


def reports_mark_handled(*, reports) -> int:
    return reports.update(handled=True)


def discussion_set_locked(*, item: Item, locked: bool) -> None:
    Item.objects.filter(pk=item.pk).update(discussion_locked=locked)
    item.discussion_locked = locked


# --- The thread ----------------------------------------------------------------------------------


@dataclass
class CommentNode:
    comment: Comment
    depth: int
    author_name: str
    author_organisation: str
    # Set when the comment is shown flatter than it really is: the comment it answers.
    reply_to: Comment | None = None
    reply_to_name: str = ""
    can_edit: bool = False
    can_report: bool = False
    children: list[CommentNode] = field(default_factory=list)


def author_label(comment: Comment, *, viewer_is_member: bool) -> tuple[str, str]:
    """(name, organisation) as shown with a comment; see the module docstring."""
    if not viewer_is_member:
        return _("Een deelnemer"), ""
    author = comment.author
    if author is None:
        return _("Voormalig lid"), ""
    profile = getattr(author, "member_profile", None)
    if profile is not None:
        organisation = profile.municipality.name if profile.municipality_id else ""
        return profile.name, organisation or profile.organisation_name
    return author.get_full_name() or _("Een deelnemer"), ""


def thread_comments(*, item: Item, viewer) -> list[Comment]:
    """All comments of the item in one query, oldest first, with what the page needs."""
    queryset = Comment.objects.filter(item=item).select_related(
        "author__member_profile__municipality"
    )
    if is_member(viewer):
        queryset = queryset.annotate(
            reported_by_viewer=Exists(
                CommentReport.objects.filter(comment=OuterRef("pk"), reporter=viewer)
            )
        )
    if is_moderator(viewer):
        queryset = queryset.annotate(
            open_reports=Count("reports", filter=Q(reports__handled=False))
        )
    comments = list(queryset.order_by("created_at", "id"))
    for comment in comments:
        comment.item = item  # the rules look at the item (locked?); no query per comment
    return comments


def build_thread(
    comments: list[Comment], *, viewer, now: dt.datetime | None = None
) -> list[CommentNode]:
    """Nest the comments under their parents, at most MAX_DEPTH deep."""
    now = now or timezone.now()
    member = is_member(viewer)
    nodes: dict[int, CommentNode] = {}
    for comment in comments:
        name, organisation = author_label(comment, viewer_is_member=member)
        nodes[comment.pk] = CommentNode(
            comment=comment,
            depth=0,
            author_name=name,
            author_organisation=organisation,
            can_edit=comment_editable(comment=comment, user=viewer, now=now),
            can_report=member
            and comment.author_id != viewer.pk
            and not getattr(comment, "reported_by_viewer", False),
        )
    roots: list[CommentNode] = []
    # The list each comment is shown in; a too-deep reply joins its parent's list.
    placed_in: dict[int, list[CommentNode]] = {}
    # Oldest first, so a parent is always placed before its replies.
    for comment in comments:
        node = nodes[comment.pk]
        parent = nodes.get(comment.parent_id)
        if parent is None:
            siblings = roots
        elif parent.depth < MAX_DEPTH:
            node.depth = parent.depth + 1
            siblings = parent.children
        else:
            # Too deep to indent further: next to its parent, saying whom it answers.
            node.depth = MAX_DEPTH
            node.reply_to = parent.comment
            node.reply_to_name = parent.author_name
            siblings = placed_in[parent.comment.pk]
        siblings.append(node)
        placed_in[comment.pk] = siblings
    return roots
