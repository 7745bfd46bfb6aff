"""Matching reasons in words: the edge where netwerk/community/matching.py's reason codes become
text.

The engine says what matched (a theme, an item's title, the words the question and the profile
share); this module says it in the reader's language through gettext. Contact requests keep the
reasons as data (dicts) so the expert reads them in their own language too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netwerk.community import matching
from portal.constants import Province, TaskType

# Reasons the editor desk gives when it routes a question by hand.
ROUTED = "routed"
MAX_TITLES = 2


def _quoted(titles: Sequence[str]) -> list[str]:
    return [_("‘%(title)s’") % {"title": t} for t in titles]


def _join(parts: Sequence[str]) -> str:
    """ "a", "a en b", "a, b en c" """
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return _("%(first)s en %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def _names(terms: Iterable[str]) -> str:
    return _join([matching.lower_first(t) for t in terms])


def _titles(titles: Sequence[str]) -> str:
    shown = _quoted(titles[:MAX_TITLES])
    rest = len(titles) - len(shown)
    if rest:
        shown.append(ngettext("nog %(n)s ander", "nog %(n)s andere", rest) % {"n": rest})
    return _join(shown)


def _task_labels(keys: Iterable[str]) -> str:
    labels = dict(TaskType.choices)
    return _join([str(labels.get(k, k)).lower() for k in keys])


def reason_text(reason: matching.Reason) -> str:
    code = reason.code
    if code == matching.THEME:
        return _("specialisme: %(names)s") % {"names": _names(reason.terms)}
    if code == matching.FORM:
        return _("kent de samenwerkingsvorm %(names)s") % {"names": _names(reason.terms)}
    if code == matching.TASK:
        return _("werkt aan %(tasks)s") % {"tasks": _task_labels(reason.terms)}
    if code == matching.TAG:
        return _("trefwoord in het profiel: %(tags)s") % {"tags": _join(reason.terms)}
    if code == matching.ITEM:
        text = ngettext(
            "is contactpersoon van het kennisitem %(titles)s",
            "is contactpersoon van de kennisitems %(titles)s",
            reason.count,
        ) % {"titles": _titles(reason.titles)}
        if reason.terms:
            text += " " + _("(over %(names)s)") % {"names": _names(reason.terms)}
        return text
    if code == matching.ANSWER:
        return ngettext(
            "gaf een gewaardeerd antwoord op de verwante vraag %(titles)s",
            "gaf gewaardeerde antwoorden op de verwante vragen %(titles)s",
            reason.count,
        ) % {"titles": _titles(reason.titles)}
    if code == matching.PROFILE_WORDS:
        if not reason.terms:
            return _("het profiel lijkt op de vraag")
        return _("het profiel noemt ook %(words)s") % {"words": _join(_quoted(reason.terms))}
    if code == matching.CONTRIBUTION_WORDS:
        return _("schreef over %(words)s in %(titles)s") % {
            "words": _join(_quoted(reason.terms)),
            "titles": _titles(reason.titles),
        }
    if code == matching.PROVINCE:
        labels = dict(Province.choices)
        return _("werkt ook in %(province)s") % {
            "province": labels.get(reason.terms[0], reason.terms[0]) if reason.terms else ""
        }
    if code == matching.MUNICIPALITY_FORM:
        return ngettext(
            "%(municipality)s werkt al samen in een %(forms)s (%(n)s samenwerking)",
            "%(municipality)s werkt al samen in een %(forms)s (%(n)s samenwerkingen)",
            reason.count,
        ) % {
            "municipality": reason.titles[0] if reason.titles else _("de gemeente"),
            "forms": _names(reason.terms),
            "n": reason.count,
        }
    if code == matching.LOAD:
        return ngettext(
            "deze maand al %(asked)s van %(limit)s vraag",
            "deze maand al %(asked)s van %(limit)s vragen",
            reason.limit,
        ) % {"asked": reason.count, "limit": reason.limit}
    if code == ROUTED:
        return _("doorgestuurd door de redactie")
    return ""


def reason_texts(reasons: Iterable[matching.Reason]) -> list[str]:
    return [text for r in reasons if (text := reason_text(r))]


def to_stored(reasons: Iterable[matching.Reason]) -> list[dict]:
    """Reasons as JSON for ContactRequest.reasons."""
    return [asdict(r) for r in reasons]


def routed() -> tuple[matching.Reason, ...]:
    return (matching.Reason(ROUTED),)


def stored_texts(stored: Iterable) -> list[str]:
    """A contact request's reasons in words; requests from before the codes kept sentences."""
    texts = []
    known = set(matching.Reason.__dataclass_fields__)
    for entry in stored or ():
        if isinstance(entry, str):
            texts.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("code"), str):
            fields = {k: v for k, v in entry.items() if k in known}
            for key in ("terms", "titles"):
                fields[key] = tuple(str(v) for v in fields.get(key) or ())
            if text := reason_text(matching.Reason(**fields)):
                texts.append(text)
    return texts
