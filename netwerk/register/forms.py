"""Forms of the netwerkregie pages: they turn query strings into validated choices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netwerk.constants import Domain
from netwerk.models import Collaboration, Suggestion
from netwerk.register.services.regions import MAX_SELECTION
from portal.models import CollaborationModel, Municipality


def municipality_choices() -> list[tuple[str, str]]:
    return list(Municipality.objects.current().order_by("sort_name").values_list("code", "name"))


class PartnerForm(forms.Form):
    gemeente = forms.ChoiceField(label=_("Uw gemeente"))
    domein = forms.ChoiceField(label=_("Onderwerp"), choices=Domain.choices)

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = municipalities if municipalities is not None else municipality_choices()
        self.fields["gemeente"].choices = [("", _("Kies een gemeente")), *choices]


class SelectionForm(forms.Form):
    gemeente = forms.MultipleChoiceField(
        label=_("Gemeenten"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste twee gemeenten.")},
    )

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = municipalities if municipalities is not None else municipality_choices()
        self.fields["gemeente"].choices = choices

    def clean_gemeente(self):
        codes = list(dict.fromkeys(self.cleaned_data["gemeente"]))
        if len(codes) < 2:
            raise forms.ValidationError(_("Kies ten minste twee gemeenten."))
        if len(codes) > MAX_SELECTION:
            raise forms.ValidationError(
                _("Kies hoogstens %(max)d gemeenten."), params={"max": MAX_SELECTION}
            )
        return codes


class MapForm(forms.Form):
    MEASURES = [
        ("aantal", _("Aantal samenwerkingsverbanden")),
        ("domein", _("Aantal samenwerkingsverbanden in één domein")),
        ("verband", _("Deelname aan één samenwerkingsverband")),
    ]
    maat = forms.ChoiceField(label=_("Kleur de kaart naar"), choices=MEASURES, required=False)
    domein = forms.ChoiceField(
        label=_("Domein"), choices=[("", _("Kies een domein")), *Domain.choices], required=False
    )
    verband = forms.CharField(label=_("Samenwerkingsverband"), required=False, max_length=250)

    def clean(self):
        data = super().clean()
        wanted = (data.get("verband") or "").strip()
        # A name typed in the field means "show this one", whatever the measure left at its default.
        if wanted and data.get("maat") in ("", "aantal"):
            data["maat"] = "verband"
        data["maat"] = data.get("maat") or "aantal"
        if data["maat"] == "domein" and not data.get("domein"):
            self.add_error("domein", _("Kies het domein dat de kaart moet tonen."))
        self.alternatives = []
        if data["maat"] == "verband":
            found, self.alternatives = collaboration_by_name(wanted)
            if found is None and self.alternatives:
                self.add_error(
                    "verband",
                    _("Meer verbanden passen bij '%(q)s'; kies er een uit de lijst.")
                    % {"q": wanted},
                )
            elif found is None:
                self.add_error("verband", _("Geen samenwerkingsverband gevonden met deze naam."))
            data["collaboration"] = found
        return data


def collaboration_by_name(wanted: str, most: int = 10):
    """A collaboration by its name, another name, its address (slug) or a unique part of its
    name; else (None, up to `most` names that contain the text, to choose from)."""
    if not wanted:
        return None, []
    active = Collaboration.objects.active()
    exact = (
        Collaboration.objects.filter(slug=wanted).first()
        or active.filter(name__iexact=wanted).first()
        or active.filter(aliases__contains=[wanted]).first()
    )
    if exact is not None:
        return exact, []
    partial = list(active.filter(name__icontains=wanted).order_by("name")[: most + 1])
    if len(partial) == 1:
        return partial[0], []
    return None, [c.name for c in partial[:most]]


class CollaborationFilterForm(forms.Form):
    q = forms.CharField(label=_("Naam bevat"), required=False, max_length=100)
    domein = forms.ChoiceField(
        label=_("Domein"), choices=[("", _("Alle domeinen")), *Domain.choices], required=False
    )
    vorm = forms.ChoiceField(label=_("Samenwerkingsvorm"), required=False)
    gemeente = forms.CharField(label=_("CBS-code gemeente"), required=False, max_length=6)
    beeindigd = forms.BooleanField(label=_("Ook beëindigde verbanden"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vorm"].choices = [
            ("", _("Alle vormen")),
            ("onbekend", _("Vorm onbekend")),
            *CollaborationModel.objects.order_by("order", "weight").values_list("key", "name"),
        ]

    def clean_gemeente(self):
        code = self.cleaned_data["gemeente"].strip().upper()
        if code and not Municipality.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Onbekende CBS-code: %(code)s"), params={"code": code})
        return code


class SuggestionForm(forms.ModelForm):
    """A member's correction of an existing collaboration or a proposal for a new one."""

    class Meta:
        model = Suggestion
        fields = [
            "name",
            "domain",
            "form",
            "members_to_add",
            "members_to_remove",
            "ended",
            "explanation",
            "source_url",
        ]
        labels = {
            "name": _("Naam (als die anders moet)"),
            "domain": _("Domein"),
            "form": _("Samenwerkingsvorm"),
            "members_to_add": _("Gemeenten die deelnemen maar ontbreken"),
            "members_to_remove": _("Gemeenten die niet (meer) deelnemen"),
            "ended": _("Dit samenwerkingsverband bestaat niet meer"),
            "explanation": _("Toelichting voor de redactie"),
            "source_url": _("Bron (webadres van een besluit, regeling of website)"),
        }
        help_texts = {
            "members_to_add": _("Houd Ctrl (of Cmd) ingedrukt om meer gemeenten te kiezen."),
        }

    def __init__(self, *args, collaboration=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.collaboration = collaboration
        current = Municipality.objects.current().order_by("sort_name")
        self.fields["members_to_add"].queryset = current
        self.fields["form"].queryset = CollaborationModel.objects.order_by("order", "weight")
        if collaboration is None:
            self.fields["name"].required = True
            self.fields["name"].label = _("Naam van het samenwerkingsverband")
            self.fields["domain"].required = True
            del self.fields["members_to_remove"]
            del self.fields["ended"]
        else:
            self.fields["members_to_remove"].queryset = current.filter(
                memberships__collaboration=collaboration
            )

    def clean(self):
        data = super().clean()
        if self.collaboration is None and len(data.get("members_to_add") or []) < 2:
            self.add_error(
                "members_to_add", _("Een samenwerkingsverband heeft ten minste twee gemeenten.")
            )
        return data
