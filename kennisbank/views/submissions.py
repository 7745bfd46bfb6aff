"""Members report an experience: the structured form, autosaved drafts, revisions, files.

Only the submitter sees a submission here (anyone else gets a 404, so ids reveal nothing);
editors work on it in the admin and may download its files. Nothing typed is lost: every POST
saves the draft first, whatever else fails, and a POST after the session expired is kept in the
session until the member has logged in again (see _stash_unsaved).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..constants import ItemType
from ..forms.submissions import (
    AttachmentForm,
    SubmissionForm,
    SubmissionReplyForm,
    upload_max_files,
)
from ..models import Submission, SubmissionFile, SubmissionMessage
from ..services.submissions import (
    SubmissionLocked,
    SubmissionState,
    TooManyFiles,
    submission_add_file,
    submission_create,
    submission_is_editable,
    submission_message_post,
    submission_remove_files,
    submission_save_draft,
    submission_send,
    submission_state,
    submissions_of,
)

SUBMISSIONS_PER_PAGE = 25
UNSAVED_SESSION_KEY = "kennisbank_submission_unsaved"
EDITOR_FILE_PERMISSION = "kennisbank.view_item"


def _own_submission(request, pk: int) -> Submission:
    submission = submissions_of(request.user).filter(pk=pk).first()
    if submission is None:
        raise Http404
    return submission


def _stash_unsaved(request, pk: int) -> None:
    """The session ran out while the member typed: keep the text until they log in again.

    login() keeps the data of an anonymous session, so the edit page finds it afterwards.
    """
    request.session[UNSAVED_SESSION_KEY] = {
        "pk": pk,
        "data": SubmissionForm(request.POST).draft_data(),
    }


def _restore_unsaved(request, submission: Submission) -> None:
    unsaved = request.session.get(UNSAVED_SESSION_KEY)
    if not unsaved or unsaved.get("pk") != submission.pk:
        return
    del request.session[UNSAVED_SESSION_KEY]
    submission_save_draft(submission=submission, data=unsaved["data"])
    messages.info(
        request, _("Wat u typte voordat u opnieuw moest inloggen, is bewaard in uw concept.")
    )


@login_required
def submission_list(request):
    page_obj = Paginator(
        submissions_of(request.user).order_by("-saved_at", "-id"), SUBMISSIONS_PER_PAGE
    ).get_page(request.GET.get("page"))
    for submission in page_obj:
        submission.state = submission_state(submission)
    return render(request, "kennisbank/submissions/list.html", {"page_obj": page_obj})


@login_required
def submission_new(request):
    if request.method == "POST":
        item_type = request.POST.get("item_type")
        if item_type not in (ItemType.PRACTICE, ItemType.LESSON):
            item_type = ItemType.PRACTICE
        submission = submission_create(submitter=request.user, item_type=item_type)
        return redirect("kennisbank:submission_edit", pk=submission.pk)
    return render(request, "kennisbank/submissions/new.html")


def _form_context(submission, form, attachment_form, **extra):
    return {
        "submission": submission,
        "state": submission_state(submission),
        "form": form,
        "attachment_form": attachment_form,
        "files": list(submission.files.all()),
        "max_files": upload_max_files(),
        "autosave_seconds": getattr(settings, "KENNISBANK_AUTOSAVE_SECONDS", 20),
        **extra,
    }


def submission_edit(request, pk):
    if not request.user.is_authenticated:
        if request.method == "POST":
            _stash_unsaved(request, pk)
        return redirect_to_login(reverse("kennisbank:submission_edit", args=[pk]))
    submission = _own_submission(request, pk)
    if not submission_is_editable(submission):
        messages.info(
            request, _("Deze inzending is gepubliceerd en kan niet meer worden gewijzigd.")
        )
        return redirect("kennisbank:submission_detail", pk=submission.pk)
    _restore_unsaved(request, submission)

    if request.method != "POST":
        form = SubmissionForm(initial=submission.data)
        return render(
            request,
            "kennisbank/submissions/form.html",
            _form_context(submission, form, AttachmentForm()),
        )

    form = SubmissionForm(request.POST)
    # First keep the text, whatever happens to the file or the validation below.
    submission_save_draft(submission=submission, data=form.draft_data())
    submission_remove_files(submission=submission, file_ids=request.POST.getlist("remove_file"))
    attachment_form = AttachmentForm(
        request.POST, request.FILES, file_count=submission.files.count()
    )
    file_ok = attachment_form.is_valid()
    if file_ok and attachment_form.checked_upload:
        try:
            submission_add_file(
                submission=submission,
                upload=attachment_form.cleaned_data["attachment"],
                checked=attachment_form.checked_upload,
                max_files=upload_max_files(),
            )
        except TooManyFiles:
            attachment_form.add_error(
                "attachment",
                _("U kunt hoogstens %(n)d bijlagen meesturen.") % {"n": upload_max_files()},
            )
            file_ok = False
    sending = request.POST.get("action") == "send"
    if sending and form.is_valid() and file_ok:
        try:
            submission_send(submission=submission, cleaned=form.cleaned_data)
        except SubmissionLocked:
            messages.error(request, _("Deze inzending is al gepubliceerd."))
            return redirect("kennisbank:submission_detail", pk=submission.pk)
        messages.success(
            request,
            _(
                "Dank u wel! Uw inzending ligt nu bij de redactie. U krijgt een e-mail zodra "
                "hij is gepubliceerd of als de redactie een vraag heeft."
            ),
        )
        return redirect("kennisbank:submission_detail", pk=submission.pk)
    if not sending and file_ok:
        messages.success(request, _("Uw concept is bewaard."))
        return redirect("kennisbank:submission_edit", pk=submission.pk)
    if not sending:
        # Only the file failed: show the saved text without the errors of unfinished fields.
        form = SubmissionForm(initial=submission.data)
    return render(
        request,
        "kennisbank/submissions/form.html",
        _form_context(submission, form, attachment_form, draft_saved=True),
        status=400,
    )


@require_POST
def submission_autosave(request, pk):
    """Called by static/js/autosave.js; always answers JSON."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {
                "saved": False,
                "message": _(
                    "U bent niet meer ingelogd. Kies ‘Bewaar concept’: na het inloggen staat uw "
                    "tekst weer klaar."
                ),
            },
            status=401,
        )
    submission = Submission.objects.select_related("item").filter(pk=pk).first()
    if submission is None:
        return JsonResponse(
            {"saved": False, "message": _("Deze inzending bestaat niet.")}, status=404
        )
    if submission.submitter_id != request.user.pk:
        return JsonResponse({"saved": False, "message": _("Dit is niet uw inzending.")}, status=403)
    try:
        submission_save_draft(submission=submission, data=SubmissionForm(request.POST).draft_data())
    except SubmissionLocked:
        return JsonResponse(
            {"saved": False, "message": _("Deze inzending kan niet meer worden gewijzigd.")},
            status=409,
        )
    time = formats.time_format(timezone.localtime(submission.saved_at), "H:i")
    return JsonResponse(
        {
            "saved": True,
            "saved_at": submission.saved_at.isoformat(),
            "message": _("Concept bewaard om %(time)s") % {"time": time},
        }
    )


@login_required
def submission_detail(request, pk):
    submission = _own_submission(request, pk)
    reply_form = SubmissionReplyForm(request.POST or None)
    state = submission_state(submission)
    if request.method == "POST" and reply_form.is_valid():
        submission_message_post(
            submission=submission,
            author=request.user,
            text=reply_form.cleaned_data["text"],
            from_editors=False,
        )
        messages.success(request, _("Uw bericht is naar de redactie gestuurd."))
        return redirect("kennisbank:submission_detail", pk=submission.pk)
    thread = SubmissionMessage.objects.filter(submission=submission).order_by("created_at", "id")
    context = {
        "submission": submission,
        "state": state,
        "editable": submission_is_editable(submission),
        "is_sent": state != SubmissionState.DRAFT,
        "files": list(submission.files.all()),
        "thread": list(thread),
        "reply_form": reply_form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "kennisbank/submissions/detail.html", context, status=status)


def submission_file(request, pk, file_pk):
    """A submission's file, only for its submitter and the editors; always as a download."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    attached = (
        SubmissionFile.objects.select_related("submission")
        .filter(pk=file_pk, submission_id=pk)
        .first()
    )
    allowed = attached is not None and (
        attached.submission.submitter_id == user.pk
        # Editors only see what was sent to them: an unsent draft is the member's own business.
        or (
            attached.submission.sent_at is not None
            and user.is_staff
            and user.has_perm(EDITOR_FILE_PERMISSION)
        )
    )
    if not allowed:
        raise Http404
    try:
        handle = attached.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attached.original_name,
        content_type=attached.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # Even if a browser showed it inline, the file may not run anything in our origin.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
