"""The editors' "te doen" overview on the admin home: what waits for them, with counts and links.

It lives in netwerk because it spans both apps (netwerk builds on kennisbank, not the reverse).
One COUNT query per line, and only the lines the editor may act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from kennisbank.constants import ItemType, Status
from kennisbank.models import CommentReport, Item
from kennisbank.services.submissions import submissions_waiting
from netwerk.community.services.desk import desk_questions
from netwerk.constants import SuggestionStatus
from netwerk.models import Suggestion

DESK_PERMISSION = "netwerk.change_question"


@dataclass(frozen=True)
class TodoLine:
    label: str
    count: int
    url: str


def _changelist(name: str, **filters: str) -> str:
    return f"{reverse(f'admin:{name}_changelist')}?{urlencode(filters)}"


def editor_todo(user) -> list[TodoLine]:
    lines = []
    if user.has_perm("kennisbank.view_submission"):
        lines.append(
            TodoLine(
                _("Inzendingen ter beoordeling"),
                submissions_waiting().count(),
                _changelist("kennisbank_submission", status="ter_beoordeling"),
            )
        )
    if user.has_perm("kennisbank.view_commentreport"):
        lines.append(
            TodoLine(
                _("Gemelde reacties"),
                CommentReport.objects.filter(handled=False).count(),
                _changelist("kennisbank_commentreport", afgehandeld="nee"),
            )
        )
    if user.has_perm("kennisbank.view_item"):
        lines.append(
            TodoLine(
                _("Voorgestelde bijeenkomsten"),
                Item.objects.filter(
                    type=ItemType.EVENT, status=Status.IN_REVIEW, organiser__isnull=False
                ).count(),
                _changelist(
                    "kennisbank_item", type__exact=ItemType.EVENT, status__exact=Status.IN_REVIEW
                ),
            )
        )
    if user.has_perm("netwerk.view_suggestion"):
        lines.append(
            TodoLine(
                _("Correcties op het register"),
                Suggestion.objects.filter(status=SuggestionStatus.NEW).count(),
                _changelist("netwerk_suggestion", status__exact=SuggestionStatus.NEW),
            )
        )
    if user.has_perm(DESK_PERMISSION):
        lines.append(
            TodoLine(
                _("Onbeantwoorde vragen bij de infodesk"),
                desk_questions().order_by().count(),
                reverse("netwerk:desk"),
            )
        )
    return lines
