"""The admin's import page: upload a JSON Lines file, see the dry run per line, then confirm."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..services import imports as import_uploads
from ..services.imports import Outcome

PERMISSIONS = ("kennisbank.add_item", "kennisbank.change_item", "kennisbank.publish_item")


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("JSON Lines-bestand"),
        help_text=gettext_lazy(
            "Eén kennisitem per regel, zoals bij manage.py import_kennisbank; hoogstens 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".jsonl,.json,.txt"}),
    )


def can_import(user) -> bool:
    return user.has_perms(PERMISSIONS)


def import_view(model_admin, request):
    if not can_import(request.user):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Kennisitems importeren"),
        "form": ImportUploadForm(),
        "max_lines": import_uploads.MAX_LINES,
    }
    action = request.POST.get("action") if request.method == "POST" else None
    token = request.POST.get("token", "")
    changelist = reverse("admin:kennisbank_item_changelist")
    try:
        if action == "upload":
            form = ImportUploadForm(request.POST, request.FILES)
            context["form"] = form
            if form.is_valid():
                try:
                    token, report = import_uploads.import_upload_store(
                        upload=form.cleaned_data["file"], session=request.session
                    )
                except import_uploads.ImportFileRefused as exc:
                    form.add_error("file", str(exc))
                else:
                    context.update(token=token, report=report)
        elif action == "confirm":
            try:
                report = import_uploads.import_upload_confirm(token=token, session=request.session)
            except import_uploads.ImportChanged as changed:
                messages.warning(
                    request,
                    _(
                        "Sinds de proefimport is er iets veranderd; er is niets ingelezen. "
                        "Hieronder staat wat de import nu zou doen."
                    ),
                )
                context.update(token=token, report=changed.report)
            else:
                messages.success(
                    request,
                    _(
                        "Import klaar: %(new)d nieuw, %(updated)d bijgewerkt, "
                        "%(rejected)d regels afgewezen."
                    )
                    % {
                        "new": report.created,
                        "updated": report.updated,
                        "rejected": report.rejected,
                    },
                )
                return redirect(changelist)
        elif action == "cancel":
            import_uploads.import_upload_cancel(token=token, session=request.session)
            messages.info(request, _("De import is geannuleerd; er is niets ingelezen."))
            return redirect(request.path)
    except import_uploads.ImportExpired:
        messages.error(
            request,
            _("Deze proefimport is verlopen of al ingelezen. Upload het bestand opnieuw."),
        )
        return redirect(request.path)
    if "report" in context:
        report = context["report"]
        context["rejected_lines"] = [r for r in report.lines if r.outcome is Outcome.REJECTED]
        context["outcome_labels"] = {
            Outcome.NEW: _("Nieuw"),
            Outcome.UPDATED: _("Bijgewerkt"),
            Outcome.REJECTED: _("Afgewezen"),
        }
        context["rows"] = [(r, context["outcome_labels"][r.outcome]) for r in report.lines]
    return TemplateResponse(request, "admin/kennisbank/item/import.html", context)
