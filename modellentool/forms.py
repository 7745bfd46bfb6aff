"""Forms of the questionnaire: one step's questions, the answers carried along, a comparison."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from . import scoring
from .models import Question
from .services import UNKNOWN

Selections = dict[str, list[str]]  # question pk → chosen option pks, as text (session-safe)


def field_name(question: Question) -> str:
    return f"q{question.pk}"


class StepForm(forms.Form):
    """The questions of one step; every question has "Weet ik niet" and none is required."""

    def __init__(self, *args, questions: Iterable[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            choices = [(str(o.pk), o.label) for o in question.options_list]
            choices.append((UNKNOWN, _("Weet ik niet")))
            if question.kind == "multi":
                field = forms.MultipleChoiceField(choices=choices, required=False)
            else:
                field = forms.ChoiceField(choices=choices, required=False)
            field.label = question.text
            self.fields[field_name(question)] = field

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            name = field_name(question)
            value = cleaned.get(name)
            if isinstance(value, list) and UNKNOWN in value and len(value) > 1:
                self.add_error(
                    name,
                    _("Kies ‘Weet ik niet’ óf een of meer antwoorden, niet allebei."),
                )
        return cleaned

    def selections(self) -> Selections:
        """The answers of this step; "Weet ik niet" is an empty list."""
        chosen: Selections = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question)) or []
            values = value if isinstance(value, list) else [value]
            chosen[str(question.pk)] = [v for v in values if v and v != UNKNOWN]
        return chosen


def carried_selections(questions: Iterable[Question], data: Mapping) -> tuple[Selections, bool]:
    """Answers of the other steps, carried in hidden fields so an expired session loses nothing.

    Returns the valid ones and whether anything was dropped (a tampered or outdated value).
    """
    carried: Selections = {}
    dropped = False
    for question in questions:
        name = field_name(question)
        if name not in data:
            continue
        valid = {str(o.pk) for o in question.options_list}
        values = [v for v in data.getlist(name) if v != UNKNOWN]
        kept = [v for v in values if v in valid]
        if len(kept) != len(values) or (question.kind != "multi" and len(kept) > 1):
            dropped = True
            kept = kept[:1] if question.kind != "multi" else kept
        carried[str(question.pk)] = kept
    return carried, dropped


def clean_session_selections(questions: Iterable[Question], raw: object) -> Selections:
    """The session's answers, keeping only options that still belong to these questions."""
    if not isinstance(raw, dict):
        return {}
    clean: Selections = {}
    for question in questions:
        values = raw.get(str(question.pk))
        if not isinstance(values, list):
            continue
        valid = {str(o.pk) for o in question.options_list}
        kept = [v for v in values if isinstance(v, str) and v in valid]
        clean[str(question.pk)] = kept if question.kind == "multi" else kept[:1]
    return clean


class CompareForm(forms.Form):
    vorm = forms.MultipleChoiceField(
        choices=[(key, key) for key in scoring.MODEL_KEYS],
        error_messages={
            "required": _("Kies twee of drie samenwerkingsvormen om te vergelijken."),
            "invalid_choice": _("Kies alleen samenwerkingsvormen uit de lijst."),
        },
    )

    def clean_vorm(self):
        chosen = list(dict.fromkeys(self.cleaned_data["vorm"]))
        if len(chosen) > 3:
            raise forms.ValidationError(
                _(
                    "U koos %(count)s vormen; u kunt er hoogstens drie tegelijk vergelijken. "
                    "Haal een of meer vinkjes weg."
                )
                % {"count": len(chosen)}
            )
        if len(chosen) < 2:
            raise forms.ValidationError(
                _("Kies nog een vorm: vergelijken kan met twee of drie samenwerkingsvormen.")
            )
        return chosen
