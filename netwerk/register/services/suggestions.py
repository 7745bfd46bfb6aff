"""Members' suggestions: the editor accepts (applies to the register) or rejects them."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from netwerk.constants import Domain, SuggestionStatus
from netwerk.models import Collaboration, Membership, Suggestion
from portal.slugs import unique_slug


@transaction.atomic
def suggestion_accept(*, suggestion: Suggestion, editor) -> Collaboration:
    """Applies a member's proposal to the register (the editor's change is in the history)."""
    collaboration = suggestion.collaboration
    if collaboration is None:
        collaboration = Collaboration(
            name=suggestion.name,
            domain=suggestion.domain or Domain.OTHER,
            form=suggestion.form,
            form_basis="redactie" if suggestion.form else "",
            source_note=suggestion.source_url[:300],
            source_date=timezone.localdate(),
            managed_by_editors=True,
        )
        collaboration.slug = unique_slug(Collaboration, suggestion.name, fallback="samenwerking")
    else:
        if suggestion.name:
            collaboration.name = suggestion.name
        if suggestion.domain:
            collaboration.domain = suggestion.domain
        if suggestion.form:
            collaboration.form, collaboration.form_basis = suggestion.form, "redactie"
        if suggestion.source_url:
            collaboration.source_note = suggestion.source_url[:300]
            collaboration.source_date = timezone.localdate()
        collaboration.managed_by_editors = True
    if suggestion.ended:
        collaboration.ended = True
    collaboration._history_user = editor
    collaboration.save()
    for municipality in suggestion.members_to_add.all():
        Membership.objects.get_or_create(collaboration=collaboration, municipality=municipality)
    removed = Membership.objects.filter(
        collaboration=collaboration, municipality__in=suggestion.members_to_remove.all()
    )
    for membership in removed:
        membership._history_user = editor
        membership.delete()
    suggestion.collaboration = collaboration
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.reviewed_by = editor
    suggestion.reviewed_at = timezone.now()
    suggestion.save()
    return collaboration


def suggestion_reject(*, suggestion: Suggestion, editor, note: str = "") -> None:
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.reviewed_by = editor
    suggestion.reviewed_at = timezone.now()
    if note:
        suggestion.editor_note = note
    suggestion.save()
