"""Forms of the discussion and the adoption marks; the messages keep the member's text."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from portal.models import Municipality

from ..services.discussion import MAX_LENGTH


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Uw reactie"),
        widget=forms.Textarea(attrs={"rows": 6}),
        # No maxlength attribute: the browser would cut a pasted text off without a word;
        # the server says how much too long it is and keeps all of it.
        help_text=_(
            "Hoogstens %(n)d tekens. U kunt Markdown gebruiken: **vet**, *schuin*, lijstjes "
            "en links."
        )
        % {"n": MAX_LENGTH},
        error_messages={"required": _("Schrijf eerst uw reactie.")},
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text) > MAX_LENGTH:
            raise forms.ValidationError(
                _(
                    "Uw reactie is %(length)d tekens lang; hoogstens %(max)d mag. Maak hem "
                    "korter; uw tekst staat er nog."
                ),
                params={"length": len(text), "max": MAX_LENGTH},
                code="max_length",
            )
        return text


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom meldt u deze reactie?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: beledigend, reclame, persoonsgegevens van een ander."),
        error_messages={
            "required": _("Schrijf kort waarom u de reactie meldt."),
            "max_length": _("Houd de reden kort: hoogstens %(limit_value)d tekens."),
        },
    )


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reden (voor de redactie)"), max_length=300, required=False)


class AdoptionMarkForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente die het overnam"),
        queryset=Municipality.objects.current(),
        empty_label=_("Kies een gemeente"),
        error_messages={
            "required": _("Kies de gemeente die het voorbeeld overnam."),
            "invalid_choice": _("Kies een bestaande gemeente uit de lijst."),
        },
    )
    note = forms.CharField(
        label=_("Korte toelichting"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat nam uw gemeente over, en wat deed u anders? Hoogstens 500 tekens."),
        error_messages={"max_length": _("Houd de toelichting kort: hoogstens 500 tekens.")},
    )

    @classmethod
    def for_member(cls, user) -> "AdoptionMarkForm":
        """The empty form, the member's own municipality (netwerk profile) chosen.

        One query: the choices and the member's municipality come together, which matters on
        the practice page every member opens.
        """
        mine = Municipality.objects.filter(pk=OuterRef("pk"), members__user=user)
        rows = (
            Municipality.objects.current()
            .annotate(mine=Exists(mine))
            .values_list("pk", "name", "mine")
        )
        choices, initial = [("", cls.base_fields["municipality"].empty_label)], None
        for pk, name, is_mine in rows:
            choices.append((pk, name))
            if is_mine:
                initial = pk
        form = cls(initial={"municipality": initial} if initial else None)
        form.fields["municipality"].choices = choices
        return form
