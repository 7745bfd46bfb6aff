"""The discussion under items and dossiers, and members' adoption marks.

The rules live in kennisbank/services/discussion.py and services/adoptions.py; these views
parse the POST, call one service and send the member back to the comment (#comment-<id>). A form
that does not validate comes back on a small page of its own with the typed text and status 400.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.ratelimit import RateLimited

from ..forms.discussion import AdoptionMarkForm, CommentForm, HideForm, ReportForm
from ..models import AdoptionMark, Comment, Item
from ..services import discussion as rules
from ..services.adoptions import (
    AlreadyMarked,
    adoption_mark_create,
    adoption_mark_delete,
    adoption_markable,
)

COMMENT_FORM = "kennisbank/discussion/comment_form.html"
REPORT_FORM = "kennisbank/discussion/report_form.html"
REFUSED = "kennisbank/discussion/refused.html"
ADOPTION_FORM = "kennisbank/adoption_mark_form.html"


# --- On the detail page ------------------------------------------------------------------------


def discussion_context(request, item: Item) -> dict:
    """What the detail page shows of the discussion (template kennisbank/_discussion.html)."""
    user = request.user
    readable = rules.discussion_readable(item=item, user=user)
    discussion = {
        "readable": readable,
        "is_member": rules.is_member(user),
        "is_moderator": rules.is_moderator(user),
        "can_post": rules.is_member(user) and rules.discussion_open(item=item),
        "login_url": _login_url(item.get_absolute_url() + "#discussie"),
        "threads": [],
        "count": 0,
    }
    if readable:
        comments = rules.thread_comments(item=item, viewer=user)
        discussion["threads"] = rules.build_thread(comments, viewer=user)
        discussion["count"] = len(comments)
    if discussion["can_post"]:
        discussion["form"] = CommentForm(auto_id="discussion_%s")
    return {"discussion": discussion}


def adoption_context(request, item: Item) -> dict:
    """Adoption marks and the "Overgenomen" form on a practice example."""
    if not item.is_published:
        return {"adoption": {"marks": [], "can_mark": False}}
    marks = list(item.adoption_marks.select_related("municipality").order_by("created_at", "id"))
    can_mark = rules.is_member(request.user)
    context = {
        "marks": marks,
        "can_mark": can_mark,
        "login_url": _login_url(item.get_absolute_url() + "#overgenomen"),
    }
    if can_mark:
        context["form"] = AdoptionMarkForm.for_member(request.user)
    return {"adoption": context}


def _login_url(next_url: str) -> str:
    return redirect_to_login(next_url, resolve_url(settings.LOGIN_URL))["Location"]


def _comment_url(comment: Comment) -> str:
    return f"{comment.item.get_absolute_url()}#comment-{comment.pk}"


def _published_comment(pk: int) -> Comment:
    return get_object_or_404(
        Comment.objects.select_related("item", "author__member_profile__municipality"),
        pk=pk,
        item__in=Item.objects.published(),
    )


def _refuse(request, item: Item, message: str, status: int = 403):
    return render(request, REFUSED, {"item": item, "message": message}, status=status)


# --- Posting, replying, editing ------------------------------------------------------------------


@require_POST
def comment_create(request, item_pk):
    item = get_object_or_404(Item.objects.published(), pk=item_pk)
    return _post_comment(request, item, parent=None)


@require_http_methods(["GET", "POST"])
def comment_reply(request, pk):
    parent = _published_comment(pk)
    if request.method == "POST":
        return _post_comment(request, parent.item, parent=parent)
    if not rules.is_member(request.user):
        return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
    return _comment_form_page(request, parent.item, form=CommentForm(), parent=parent)


def _post_comment(request, item: Item, *, parent: Comment | None):
    if not rules.is_member(request.user):
        return redirect(_login_url(item.get_absolute_url() + "#discussie"))
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _comment_form_page(request, item, form=form, parent=parent, status=400)
    try:
        comment = rules.comment_create(
            item=item, author=request.user, text=form.cleaned_data["text"], parent=parent
        )
    except RateLimited as error:
        form.add_error(None, str(error))
        return _comment_form_page(request, item, form=form, parent=parent, status=429)
    except rules.DiscussionError as error:
        form.add_error(None, str(error))
        return _comment_form_page(request, item, form=form, parent=parent, status=403)
    messages.success(request, _("Uw reactie is geplaatst."))
    return redirect(_comment_url(comment))


def _comment_form_page(request, item, *, form, parent=None, comment=None, status=200):
    context = {
        "item": item,
        "form": form,
        "parent": parent,
        "comment": comment,
        "locked": not rules.discussion_open(item=item),
    }
    if parent is not None:
        context["parent_name"], _organisation = rules.author_label(parent, viewer_is_member=True)
    return render(request, COMMENT_FORM, context, status=status)


@require_http_methods(["GET", "POST"])
def comment_edit(request, pk):
    comment = _published_comment(pk)
    item = comment.item
    if not rules.is_member(request.user):
        return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
    if comment.author_id != request.user.pk:
        return _refuse(request, item, _("U kunt alleen uw eigen reacties bewerken."))
    if request.method == "GET":
        if item.discussion_locked:
            return _refuse(request, item, rules.locked_message())
        if not rules.comment_editable(comment=comment, user=request.user):
            return _refuse(request, item, rules.edit_closed_message())
        form = CommentForm(initial={"text": comment.text})
        return _comment_form_page(request, item, form=form, comment=comment)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _comment_form_page(request, item, form=form, comment=comment, status=400)
    try:
        rules.comment_edit(
            comment=comment, user=request.user, text=form.cleaned_data["text"], now=timezone.now()
        )
    except rules.DiscussionError as error:
        # The typed text stays on the page, so the member can copy it into a new reply.
        form.add_error(None, str(error))
        return _comment_form_page(request, item, form=form, comment=comment, status=403)
    messages.success(request, _("Uw reactie is bijgewerkt."))
    return redirect(_comment_url(comment))


# --- Reporting and moderation --------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def comment_report(request, pk):
    comment = _published_comment(pk)
    item = comment.item
    if not rules.is_member(request.user):
        return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
    if comment.author_id == request.user.pk:
        return _refuse(request, item, _("U kunt uw eigen reactie niet melden."))
    if request.method == "GET":
        form = ReportForm()
    else:
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                rules.comment_report(
                    comment=comment, reporter=request.user, reason=form.cleaned_data["reason"]
                )
            except rules.AlreadyReported as error:
                messages.info(request, str(error))
            else:
                messages.success(
                    request, _("Dank u voor uw melding. De redactie bekijkt de reactie.")
                )
            return redirect(_comment_url(comment))
    name, _organisation = rules.author_label(comment, viewer_is_member=True)
    context = {"item": item, "comment": comment, "author_name": name, "form": form}
    return render(request, REPORT_FORM, context, status=400 if form.is_bound else 200)


@require_POST
def comment_moderate(request, pk):
    comment = _published_comment(pk)
    if not rules.is_member(request.user):
        return redirect(_login_url(_comment_url(comment)))
    if not rules.is_moderator(request.user):
        raise PermissionDenied
    form = HideForm(request.POST)
    # The reason is a note for the editors; too long is cut, never a reason to refuse.
    reason = (
        form.cleaned_data["reason"]
        if form.is_valid()
        else form.data["reason"].replace("\x00", "")[:300]
    )
    hide = request.POST.get("action") != "show"
    rules.comments_set_hidden(
        comments=Comment.objects.filter(pk=comment.pk), hidden=hide, reason=reason
    )
    if hide:
        messages.success(request, _("De reactie is verborgen."))
    else:
        messages.success(request, _("De reactie is weer zichtbaar."))
    return redirect(_comment_url(comment))


@require_POST
def discussion_lock(request, item_pk):
    item = get_object_or_404(Item.objects.published(), pk=item_pk)
    if not rules.is_member(request.user):
        return redirect(_login_url(item.get_absolute_url() + "#discussie"))
    if not rules.is_moderator(request.user):
        raise PermissionDenied
    locked = request.POST.get("locked") == "1"
    rules.discussion_set_locked(item=item, locked=locked)
    if locked:
        messages.success(request, _("De discussie is gesloten."))
    else:
        messages.success(request, _("De discussie is weer open."))
    return redirect(item.get_absolute_url() + "#discussie")


@require_GET
def house_rules(request):
    minutes = int(rules.edit_window().total_seconds() // 60)
    return render(request, "kennisbank/house_rules.html", {"edit_minutes": minutes})


# --- Adoption marks ------------------------------------------------------------------------------


@require_POST
def adoption_mark_add(request, item_pk):
    item = get_object_or_404(Item.objects.published(), pk=item_pk)
    if not adoption_markable(item):
        raise PermissionDenied
    back = item.get_absolute_url() + "#overgenomen"
    if not rules.is_member(request.user):
        return redirect(_login_url(back))
    form = AdoptionMarkForm(request.POST)
    if not form.is_valid():
        return render(request, ADOPTION_FORM, {"item": item, "form": form}, status=400)
    try:
        adoption_mark_create(
            item=item,
            member=request.user,
            municipality=form.cleaned_data["municipality"],
            note=form.cleaned_data["note"],
        )
    except AlreadyMarked as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("Dank u. Uw gemeente staat nu bij ‘Overgenomen door’."))
    return redirect(back)


@require_POST
def adoption_mark_remove(request, pk):
    mark = get_object_or_404(
        AdoptionMark.objects.select_related("item"),
        pk=pk,
        item__in=Item.objects.published(),
    )
    back = mark.item.get_absolute_url() + "#overgenomen"
    if not rules.is_member(request.user):
        return redirect(_login_url(back))
    adoption_mark_delete(mark=mark, member=request.user)
    messages.success(request, _("Uw melding is verwijderd."))
    return redirect(back)
