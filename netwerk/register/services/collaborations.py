"""Editing the register's collaborations."""

from __future__ import annotations

from django.db import transaction

from netwerk.constants import Domain
from netwerk.models import Collaboration


@transaction.atomic
def collaboration_merge(*, keep: Collaboration, other: Collaboration, editor) -> Collaboration:
    """One body entered twice: `keep` takes the other's members, sources, suggestions and name.

    The other's name becomes an alias; both histories stay (the other's ends with its removal,
    with the reason). `keep` is marked as managed by editors, so a reload of the open data does
    not split them again; the reviewed list in fixtures/reference/ does the same for the load.
    """
    if keep.pk == other.pk:
        raise ValueError("keep and other are the same collaboration")
    reason = f"Samengevoegd: '{other.name}' (id {other.pk}) in '{keep.name}' (id {keep.pk})"
    have_municipalities = set(keep.memberships.values_list("municipality_id", flat=True))
    have_organisations = set(keep.memberships.values_list("organisation_id", flat=True))
    for membership in other.memberships.all():
        duplicate = (
            membership.municipality_id and membership.municipality_id in have_municipalities
        ) or (membership.organisation_id and membership.organisation_id in have_organisations)
        membership._history_user = editor
        membership._change_reason = reason
        if duplicate:
            membership.delete()
        else:
            membership.collaboration = keep
            membership.save()
    other.source_records.update(collaboration=keep)
    other.suggestions.update(collaboration=keep)
    for name in [other.name, *other.aliases]:
        if name != keep.name and name not in keep.aliases:
            keep.aliases.append(name)
    if keep.form_id is None and other.form_id is not None:
        keep.form_id, keep.form_basis = other.form_id, other.form_basis
        keep.legal_form_text = keep.legal_form_text or other.legal_form_text
    if keep.domain == Domain.OTHER:
        keep.domain = other.domain
    keep.description = keep.description or other.description
    keep.start_date = keep.start_date or other.start_date
    keep.managed_by_editors = True
    keep._history_user = editor
    keep._change_reason = reason
    keep.save()
    other._history_user = editor
    other._change_reason = reason
    other.delete()
    return keep
