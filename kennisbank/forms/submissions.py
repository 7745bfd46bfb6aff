"""The form on which a member reports an experience, and the reply to the editors."""

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import CollaborationModel, Municipality, Theme

from ..constants import ItemType
from ..models import SubmissionMessage
from ..services.uploads import ACCEPT, DEFAULT_MAX_BYTES, UploadRejected, check_upload

WHAT_WENT_WRONG_MIN = 30
# Drafts keep what was typed, but within reason: a draft is not a file store.
DRAFT_TEXT_LIMIT = 20_000
DRAFT_LIST_LIMIT = 400


def _what_went_wrong_message() -> str:
    return gettext(
        "Vertel in ten minste %(min)d tekens wat er misging of tegenviel. Juist daarvan leren "
        "andere gemeenten het meest: een verhaal met alleen successen helpt niemand verder."
    ) % {"min": WHAT_WENT_WRONG_MIN}


def _what_went_wrong_help() -> str:
    return gettext(
        "Verplicht: geen samenwerking loopt zonder haperingen. Wat zou u een volgende keer "
        "anders doen? Ten minste %(min)d tekens."
    ) % {"min": WHAT_WENT_WRONG_MIN}


# Translated when shown, not at import.
WHAT_WENT_WRONG_MESSAGE = lazy(_what_went_wrong_message, str)()


def upload_max_bytes() -> int:
    return getattr(settings, "KENNISBANK_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def upload_max_files() -> int:
    return getattr(settings, "KENNISBANK_UPLOAD_MAX_FILES", 5)


class SubmissionForm(forms.Form):
    """Every field of a submission; its raw values are also the saved draft (Submission.data)."""

    required_css_class = "required"

    item_type = forms.ChoiceField(
        label=_("Wat wilt u delen?"),
        choices=[
            (ItemType.PRACTICE, _("Een praktijkvoorbeeld: zo hebben wij het aangepakt")),
            (ItemType.LESSON, _("Een praktijkles: dit hebben wij ervan geleerd")),
        ],
        initial=ItemType.PRACTICE,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=250,
        help_text=_(
            "Kort en concreet, bijvoorbeeld: ‘Samen één belastingkantoor voor vijf gemeenten’."
        ),
    )
    summary = forms.CharField(
        label=_("Samenvatting"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Twee of drie zinnen: wie werkte samen, waaraan, en met welk resultaat."),
    )
    task = forms.CharField(
        label=_("Wat was de opgave?"),
        max_length=DRAFT_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Welk probleem wilden de gemeenten oplossen, en waarom samen?"),
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Welke gemeenten deden mee?"),
        queryset=Municipality.objects.current().order_by("name"),
        to_field_name="code",
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_(
            "Houd Ctrl (op een Mac: Cmd) ingedrukt om meer gemeenten te kiezen. Typ in de lijst "
            "de eerste letters van een naam om er snel naartoe te gaan."
        ),
        error_messages={"required": _("Kies ten minste één gemeente.")},
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één thema.")},
    )
    collaboration_model = forms.ModelChoiceField(
        label=_("Samenwerkingsvorm"),
        queryset=CollaborationModel.objects.all(),
        to_field_name="key",
        required=False,
        empty_label=_("Weet ik niet of een andere vorm"),
    )
    outcomes = forms.CharField(
        label=_("Wat heeft het opgeleverd?"),
        max_length=DRAFT_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Noem waar u kunt cijfers: besparing in euro's, doorlooptijd, formatie, "
            "tevredenheid van inwoners of medewerkers."
        ),
    )
    what_went_wrong = forms.CharField(
        label=_("Wat ging er mis of viel tegen?"),
        max_length=DRAFT_TEXT_LIMIT,
        min_length=WHAT_WENT_WRONG_MIN,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=lazy(_what_went_wrong_help, str)(),
        error_messages={"required": WHAT_WENT_WRONG_MESSAGE, "min_length": WHAT_WENT_WRONG_MESSAGE},
    )
    advice = forms.CharField(
        label=_("Wat kunnen anderen overnemen?"),
        max_length=DRAFT_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Tips voor gemeenten die hetzelfde willen: waarmee beginnen, wat regelen."),
    )
    contact_name = forms.CharField(label=_("Contactpersoon"), max_length=150)
    contact_organisation = forms.CharField(
        label=_("Organisatie van de contactpersoon"), max_length=150, required=False
    )
    contact_email = forms.EmailField(
        label=_("E-mailadres van de contactpersoon"),
        help_text=_("Alleen ingelogde leden zien dit adres bij het gepubliceerde item."),
    )
    DRAFT_FIELDS = (
        "item_type",
        "title",
        "summary",
        "task",
        "municipalities",
        "themes",
        "collaboration_model",
        "outcomes",
        "what_went_wrong",
        "advice",
        "contact_name",
        "contact_organisation",
        "contact_email",
    )
    LIST_FIELDS = ("municipalities", "themes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("summary", "task", "outcomes", "what_went_wrong", "advice"):
            self.fields[name].widget.attrs.setdefault("class", "utrecht-textarea")
        for name in ("title", "contact_name", "contact_organisation", "contact_email"):
            self.fields[name].widget.attrs.setdefault(
                "class", "utrecht-textbox utrecht-textbox--html-input"
            )
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_organisation"].widget.attrs["autocomplete"] = "organization"

    def draft_data(self) -> dict:
        """The typed values as they are, valid or not: what a draft keeps."""
        data = {}
        for name in self.DRAFT_FIELDS:
            value = self.fields[name].widget.value_from_datadict(self.data, self.files, name)
            # PostgreSQL stores no NUL character in text or JSON; nobody types one either.
            if name in self.LIST_FIELDS:
                values = value if isinstance(value, list | tuple) else []
                data[name] = [str(v).replace("\x00", "")[:100] for v in values][:DRAFT_LIST_LIMIT]
            else:
                data[name] = str(value or "").replace("\x00", "")[:DRAFT_TEXT_LIMIT]
        return data


class AttachmentForm(forms.Form):
    """One file with the submission form; checked on its own, so a draft saves regardless."""

    attachment = forms.FileField(
        label=_("Bijlage toevoegen"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        help_text=_(
            "Een PDF, ODT, DOCX, XLSX of afbeelding (PNG, JPEG, GIF, WebP) van hoogstens 10 MB, "
            "bijvoorbeeld een evaluatie of de samenwerkingsovereenkomst. Bijlagen worden met "
            "uw ervaring gepubliceerd: voeg geen persoonsgegevens of vertrouwelijke stukken toe."
        ),
    )

    def __init__(self, *args, file_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_count = file_count
        self.checked_upload = None

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        if self.file_count >= upload_max_files():
            raise forms.ValidationError(
                _("U kunt hoogstens %(n)d bijlagen meesturen. Verwijder er eerst een.")
                % {"n": upload_max_files()}
            )
        try:
            self.checked_upload = check_upload(
                name=upload.name, size=upload.size, stream=upload, max_bytes=upload_max_bytes()
            )
        except UploadRejected as rejected:
            raise forms.ValidationError(rejected.message) from rejected
        return upload


class SubmissionReplyForm(forms.ModelForm):
    class Meta:
        model = SubmissionMessage
        fields = ["text"]
        labels = {"text": _("Uw antwoord aan de redactie")}
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "class": "utrecht-textarea"})}
