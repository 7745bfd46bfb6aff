"""How the members' forms render: NL Design System form components (utrecht-form-field,
-textbox, -select, -textarea, -checkbox, -radio-button) through MemberFormMixin and one field
template, with their errors summarised above the form
(templates/includes/form_errors.html).
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.boundfield import BoundField
from django.forms.widgets import Input
from django.template.loader import render_to_string

FIELD_TEMPLATE = "netwerk/members/_field.html"
# First match wins: CheckboxInput and the choice widgets are Inputs/Selects too.
WIDGET_CLASSES = (
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input", ""),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input", ""),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input", ""),
    (
        forms.Textarea,
        "utrecht-textarea utrecht-textarea--html-textarea",
        "utrecht-textarea--invalid",
    ),
    (forms.Select, "utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    (Input, "utrecht-textbox utrecht-textbox--html-input", "utrecht-textbox--invalid"),
)


class MemberBoundField(BoundField):
    """A field in NL Design System dress: component classes, invalid state, our template."""

    def as_field_group(self):
        # The project's template engine (the form renderer's own does not see templates/).
        return render_to_string(FIELD_TEMPLATE, {"field": self})

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        for kind, classes, invalid in WIDGET_CLASSES:
            if isinstance(widget, kind):
                extra = [classes] + ([invalid] if invalid and self.errors else [])
                attrs["class"] = " ".join([attrs.get("class", ""), *extra]).strip()
                break
        return attrs

    @property
    def anchor(self) -> str:
        """The id the error summary links to (the first option of a group)."""
        return f"{self.auto_id}_0" if self.use_fieldset else self.id_for_label


@dataclass(frozen=True)
class SummaryLine:
    anchor: str
    label: str
    message: str


class MemberFormMixin:
    bound_field_class = MemberBoundField

    def error_summary(self) -> list[SummaryLine]:
        lines = []
        for name, errors in self.errors.items():
            if name == NON_FIELD_ERRORS or name not in self.fields:
                lines += [SummaryLine("", "", e) for e in errors]
            else:
                field = self[name]
                lines += [SummaryLine(field.anchor, field.label, e) for e in errors]
        return lines

    def only_missing(self) -> bool:
        """Every error is an empty required field: the summary then says "vul nog in"."""
        data = self.errors.as_data()
        return bool(data) and all(e.code == "required" for errors in data.values() for e in errors)
