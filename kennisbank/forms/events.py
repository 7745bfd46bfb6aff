"""Forms of the event pages: an organiser's proposal and a member's registration."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Theme
from portal.text import single_line

from ..constants import EventKind
from ..models import Item, Registration
from ..services import events as registrations

# <input type="datetime-local"> sends and shows this format; times are Dutch local time.
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_LOCAL)


class EventProposalForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Begint om"),
        widget=DateTimeLocalInput,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        help_text=_("Datum en tijd, bijvoorbeeld 14-03-2027 13:30."),
        error_messages={
            "required": _("Vul in wanneer de bijeenkomst begint."),
            "invalid": _("Vul een datum en tijd in, bijvoorbeeld 14-03-2027 13:30."),
        },
    )
    ends_at = forms.DateTimeField(
        label=_("Eindigt om"),
        required=False,
        widget=DateTimeLocalInput,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        help_text=_("Leeg laten als het einde niet vaststaat."),
        error_messages={"invalid": _("Vul een datum en tijd in, bijvoorbeeld 14-03-2027 17:00.")},
    )
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen"),
        required=False,
        min_value=1,
        max_value=10_000,
        help_text=_(
            "Leeg laten als deelnemers zich niet via het platform aanmelden. Is het vol, dan "
            "komen nieuwe aanmeldingen op een wachtlijst."
        ),
        error_messages={
            "invalid": _("Vul een heel getal in."),
            "min_value": _("Vul ten minste 1 plaats in, of laat het veld leeg."),
            "max_value": _("Meer dan 10.000 plaatsen kan niet via het platform."),
        },
    )

    class Meta:
        model = Item
        fields = [
            "title",
            "summary",
            "body",
            "event_kind",
            "starts_at",
            "ends_at",
            "location",
            "capacity",
            "themes",
        ]
        labels = {
            "title": _("Titel"),
            "summary": _("Samenvatting"),
            "body": _("Beschrijving"),
            "event_kind": _("Soort bijeenkomst"),
            "location": _("Locatie"),
            "themes": _("Thema's"),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 10}),
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "title": _(
                "Kort en herkenbaar, bijvoorbeeld: Masterclass samenwerken in het sociaal domein."
            ),
            "summary": _("Een of twee zinnen: voor wie is het en wat levert het op?"),
            "body": _("Programma, sprekers, kosten. U mag Markdown gebruiken (**vet**, lijstjes)."),
            "location": _("Adres, of ‘online’."),
        }
        error_messages = {
            "title": {"required": _("Geef de bijeenkomst een titel.")},
            "summary": {"required": _("Vat in een of twee zinnen samen waar het over gaat.")},
            "event_kind": {"required": _("Kies de soort bijeenkomst.")},
            "location": {"required": _("Vul de locatie in, of ‘online’.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_kind"].required = True
        self.fields["event_kind"].choices = [("", _("Kies…")), *EventKind.choices]
        self.fields["location"].required = True
        self.fields["themes"].queryset = Theme.objects.order_by("name")

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        # An event sent back to the organiser may already have registrations: keep their seats.
        error = registrations.capacity_error(event=self.instance, capacity=capacity)
        if error:
            raise forms.ValidationError(error)
        return capacity

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at <= timezone.now():
            raise forms.ValidationError(_("De bijeenkomst moet in de toekomst beginnen."))
        return starts_at

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("title"):
            # The title is the subject line of the registration mails: one line.
            cleaned["title"] = single_line(cleaned["title"])
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("De bijeenkomst kan niet eindigen voordat hij begint."))
        return cleaned


class EventRegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "organisation"]
        labels = {"name": _("Uw naam"), "organisation": _("Organisatie")}
        help_texts = {
            "name": _("Zo staat u op de deelnemerslijst."),
            "organisation": _("Uw gemeente of organisatie."),
        }
        error_messages = {"name": {"required": _("Vul uw naam in.")}}
        widgets = {
            "name": forms.TextInput(
                attrs={
                    "class": "utrecht-textbox utrecht-textbox--html-input",
                    "autocomplete": "name",
                }
            ),
            "organisation": forms.TextInput(
                attrs={
                    "class": "utrecht-textbox utrecht-textbox--html-input",
                    "autocomplete": "organization",
                }
            ),
        }

    # The name is the salutation of the registration mails: one line each.
    def clean_name(self):
        name = single_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Vul uw naam in."))
        return name

    def clean_organisation(self):
        return single_line(self.cleaned_data["organisation"])
