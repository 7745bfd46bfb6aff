"""Forms for questions, contact requests, answers and the desk's routing.

They render with the NL Design System form components through MemberFormMixin (forms/base.py).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from netwerk.community.forms.base import MemberFormMixin
from netwerk.models import Question
from portal.constants import Province
from portal.models import CollaborationModel, MemberProfile, Theme
from portal.text import single_line


class QuestionForm(MemberFormMixin, forms.ModelForm):
    class Meta:
        model = Question
        fields = ["title", "text", "themes", "collaboration_models", "province", "urgency"]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "collaboration_models": forms.CheckboxSelectMultiple,
            "urgency": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"collaboration_models": _("Samenwerkingsvorm")}
        error_messages = {
            "title": {"required": _("Geef uw vraag een titel.")},
            "text": {"required": _("Beschrijf uw vraag.")},
            "urgency": {"required": _("Kies hoe snel u een antwoord nodig heeft.")},
        }
        help_texts = {
            "title": _("Eén zin, bijvoorbeeld: Hoe regelen we samen de WOZ-taxatie?"),
            "text": _("Wat wilt u weten, en waarom? Noem geen namen of persoonsgegevens."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.order_by("name")
        self.fields["collaboration_models"].queryset = CollaborationModel.objects.order_by("name")
        self.fields["province"].choices = [("", _("Heel Nederland")), *Province.choices]

    def clean_title(self):
        # The title is the subject line of the mails about this question.
        title = single_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Geef uw vraag een titel."))
        return title


class ContactRequestForm(MemberFormMixin, forms.Form):
    experts = forms.TypedMultipleChoiceField(
        label=_("Deskundigen"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één deskundige.")},
    )
    message = forms.CharField(
        label=_("Bericht aan de deskundige"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Uw e-mailadres wordt pas gedeeld als de deskundige uw verzoek aanneemt."),
    )

    def __init__(self, *args, suggestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(s.profile.pk, s.profile.name) for s in suggestions if not s.requested]
        self.fields["experts"].choices = choices
        # The page renders the checkboxes itself; the first one carries the id errors link to.
        self.first_choice = choices[0][0] if choices else None


class AnswerForm(MemberFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Uw antwoord"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf uw antwoord.")},
    )


class RouteForm(MemberFormMixin, forms.Form):
    """The editor desk sends an open question to an expert by hand."""

    expert = forms.ModelChoiceField(
        label=_("Deskundige"), queryset=MemberProfile.objects.none(), empty_label=_("Kies")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = MemberProfile.objects.experts().order_by("name")
