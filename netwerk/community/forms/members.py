"""Forms for members' accounts: login, password, registration, profile, deletion.

They render with the NL Design System form components through MemberFormMixin (forms/base.py).
"""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from netwerk.community.forms.base import MemberFormMixin
from portal.constants import Province, TaskType
from portal.forms import LengthCheckedLoginMixin
from portal.models import CollaborationModel, MemberProfile, Municipality, Theme
from portal.text import single_line

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
