"""Forms of the members' network: registration, profile, question, contact request, answer.

They render with the NL Design System form components (utrecht-form-field, -textbox, -select,
-textarea, -checkbox, -radio-button) through MemberFormMixin and one field template, and
summarise their errors above the form (templates/netwerk/members/_error_summary.html).
"""

from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.boundfield import BoundField
from django.forms.widgets import Input
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from portal.constants import Province, TaskType
from portal.forms import LengthCheckedLoginMixin
from portal.models import CollaborationModel, MemberProfile, Municipality, Theme
from portal.text import single_line

from .models import Question

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


# Django's Dutch translation lags behind its password validators; these say it in Dutch.
PASSWORD_MESSAGES = {
    "password_too_short": _("Dit wachtwoord is te kort: gebruik ten minste acht tekens."),
    "password_too_common": _("Dit wachtwoord wordt te vaak gebruikt."),
    "password_entirely_numeric": _("Dit wachtwoord bestaat alleen uit cijfers."),
    "password_too_similar": _("Dit wachtwoord lijkt te veel op uw naam of e-mailadres."),
}


def validate_password_nl(password: str, user) -> None:
    try:
        password_validation.validate_password(password, user)
    except forms.ValidationError as error:
        raise forms.ValidationError(
            [PASSWORD_MESSAGES.get(e.code, e.messages[0]) for e in error.error_list]
        ) from error


class MemberLoginForm(MemberFormMixin, LengthCheckedLoginMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Let op hoofdletters."
        ),
        "inactive": _("Dit account is nog niet bevestigd. Klik op de link in uw e-mail."),
    }


class MemberSetPasswordForm(MemberFormMixin, SetPasswordForm):
    def validate_password_for_user(self, user, password_field_name="password2"):
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                validate_password_nl(password, user)
            except forms.ValidationError as error:
                self.add_error(password_field_name, error)


class MemberPasswordResetForm(MemberFormMixin, PasswordResetForm):
    pass


class RegistrationForm(MemberFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Naam"), max_length=150, error_messages={"required": _("Vul uw naam in.")}
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        error_messages={"required": _("Vul uw e-mailadres in.")},
        help_text=_("Wij sturen hierheen een link om uw aanmelding te bevestigen."),
    )
    province = forms.ChoiceField(
        label=_("Provincie waar u werkt"),
        choices=Province.choices,
        error_messages={"required": _("Kies de provincie waar u werkt.")},
    )
    password1 = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Ten minste acht tekens; niet alleen cijfers en geen veelgebruikt wachtwoord."),
        error_messages={"required": _("Kies een wachtwoord.")},
    )
    password2 = forms.CharField(
        label=_("Wachtwoord nogmaals"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Vul het wachtwoord nogmaals in.")},
    )

    def clean_name(self):
        # The name is the salutation of the confirmation mail: one line.
        name = single_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Vul uw naam in."))
        return name

    def clean_email(self):
        # Whether the address already has an account is not said here (that would tell anyone
        # who has an account); members.member_register mails the owner instead.
        return self.cleaned_data["email"].lower()

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif p1:
            user = get_user_model()(username=data.get("email", ""), email=data.get("email", ""))
            try:
                validate_password_nl(p1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class ProfileForm(MemberFormMixin, forms.ModelForm):
    tags_text = forms.CharField(
        label=_("Trefwoorden"),
        required=False,
        max_length=500,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: inkoop, WOZ, afvalinzameling."),
    )
    languages_text = forms.CharField(
        label=_("Talen"),
        required=False,
        max_length=200,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: Nederlands, Engels, Fries."),
    )
    task_types = forms.MultipleChoiceField(
        label=_("Taaktypen"),
        choices=TaskType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MemberProfile
        fields = [
            "name",
            "municipality",
            "organisation_name",
            "role",
            "province",
            "bio",
            "themes",
            "collaboration_models",
            "task_types",
            "phone",
            "open_for_questions",
            "max_questions_per_month",
            "visibility",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "collaboration_models": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "name": {"required": _("Vul uw naam in.")},
            "province": {"required": _("Kies de provincie waar u werkt.")},
            "visibility": {"required": _("Kies wie uw profiel mag zien.")},
            "max_questions_per_month": {
                "required": _("Vul in hoeveel vragen per maand u hoogstens wilt krijgen.")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.current().order_by("name")
        self.fields["municipality"].empty_label = _("Ik werk niet bij een gemeente")
        self.fields["themes"].queryset = Theme.objects.order_by("name")
        self.fields["collaboration_models"].queryset = CollaborationModel.objects.order_by("name")
        self.fields["max_questions_per_month"].min_value = 0
        self.fields["max_questions_per_month"].max_value = 50
        self.fields["max_questions_per_month"].widget.attrs.update({"min": 0, "max": 50})
        if self.instance.pk:
            self.initial.setdefault("tags_text", ", ".join(self.instance.tags))
            self.initial.setdefault("languages_text", ", ".join(self.instance.languages))

    @staticmethod
    def _split(text: str, size: int) -> list[str]:
        parts = [p.strip() for p in (text or "").split(",")]
        return list(dict.fromkeys(p[:size] for p in parts if p))[:20]

    # Names go into other members' mails (contact requests): one line each.
    def clean_name(self):
        name = single_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Vul uw naam in."))
        return name

    def clean_organisation_name(self):
        return single_line(self.cleaned_data["organisation_name"])

    def clean_role(self):
        return single_line(self.cleaned_data["role"])

    def clean_max_questions_per_month(self):
        value = self.cleaned_data["max_questions_per_month"]
        if value is not None and value > 50:
            raise forms.ValidationError(_("Kies hoogstens 50 vragen per maand."))
        return value

    def clean(self):
        data = super().clean()
        if not data.get("municipality") and not data.get("organisation_name"):
            self.add_error(
                "organisation_name",
                _("Kies uw gemeente of vul de naam van uw organisatie in."),
            )
        return data

    def save(self, commit=True):
        self.instance.tags = self._split(self.cleaned_data.get("tags_text"), 50)
        self.instance.languages = self._split(self.cleaned_data.get("languages_text"), 30)
        return super().save(commit)


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


class DeleteAccountForm(MemberFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Uw wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Vul uw wachtwoord in.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password


class RouteForm(MemberFormMixin, forms.Form):
    """The editor desk sends an open question to an expert by hand."""

    expert = forms.ModelChoiceField(
        label=_("Deskundige"), queryset=MemberProfile.objects.none(), empty_label=_("Kies")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = MemberProfile.objects.experts().order_by("name")
