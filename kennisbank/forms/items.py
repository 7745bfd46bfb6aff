"""Forms for the editors' admin: the item form, the dossier formset and the tag autocomplete."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelectMultiple, RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal.constants import Motive

from ..constants import ItemType
from ..models import Item
from ..services.events import capacity_error


class ItemAdminForm(forms.ModelForm):
    motives = forms.MultipleChoiceField(
        label=_("Motieven"),
        choices=Motive.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Waarom werken de gemeenten samen?"),
    )

    class Meta:
        model = Item
        # The admin passes the fields of its fieldsets; this is the same editable set.
        fields = [
            "type",
            "title",
            "slug",
            "summary",
            "body",
            "themes",
            "tags",
            "municipalities",
            "region",
            "collaboration_model",
            "task_type",
            "motives",
            "outcomes",
            "what_went_wrong",
            "advice",
            "evidence_level",
            "adopted_from",
            "adoption_note",
            "event_kind",
            "starts_at",
            "ends_at",
            "location",
            "capacity",
            "contact_name",
            "contact_organisation",
            "contact_email",
            "status",
            "published_on",
            "featured",
            "discussion_public",
            "discussion_locked",
        ]
        widgets = {"themes": forms.CheckboxSelectMultiple}
        help_texts = {
            "type": _("Bepaalt welke onderdelen hieronder van toepassing zijn."),
            "title": _("Kort en herkenbaar; verschijnt als kop en in zoekresultaten."),
            "slug": _(
                "Deel van het webadres, gevuld uit de titel. Na publicatie liever niet meer "
                "wijzigen: bestaande links werken dan niet meer."
            ),
            "summary": _("Een of twee zinnen; verschijnt in zoekresultaten en overzichten."),
            "themes": _("Een of meer thema's; bezoekers filteren hierop."),
            "municipalities": _(
                "Betrokken gemeenten; zoek op naam of CBS-code (GM0546). "
                "De provincie volgt hieruit voor het provinciefilter."
            ),
            "region": _("Vrije tekst, bijvoorbeeld ‘Hoeksche Waard’ of ‘regio Foodvalley’."),
            "collaboration_model": _("De vorm van samenwerking die in dit item centraal staat."),
            "task_type": _("Het soort gemeentelijke taak waarin wordt samengewerkt."),
            "outcomes": _("Wat heeft de samenwerking opgeleverd? Markdown is toegestaan."),
            "what_went_wrong": _("Eerlijke lessen: wat liep anders dan gedacht?"),
            "adopted_from": _(
                "Het praktijkvoorbeeld waarvan deze aanpak is overgenomen. Telt mee bij "
                "‘meest overgenomen’ zodra dit item gepubliceerd is."
            ),
            "adoption_note": _("Wat is er overgenomen en wat is aangepast?"),
            "featured": _("Alleen voor themadossiers: uitgelichte dossiers staan vooraan."),
            "event_kind": _("Alleen voor bijeenkomsten."),
            "starts_at": _("Verplicht voor een bijeenkomst."),
            "ends_at": _("Leeg laten als het einde niet vaststaat."),
            "location": _("Adres of ‘online’."),
            "contact_name": _("Aanspreekpunt voor vragen over dit item."),
            "contact_email": _("Wordt op de website getoond."),
            "published_on": _(
                "Bepaalt de volgorde en het jaarfilter. Bij publiceren wordt een datum in de "
                "toekomst vandaag."
            ),
            "status": _(
                "Alleen gepubliceerde items zijn voor bezoekers zichtbaar. Publiceren en "
                "intrekken mag alleen wie daar het recht voor heeft."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The revert form of django-simple-history builds its instance from a historical
        # record; the themes are recorded too, so show the themes of that version.
        record = getattr(self.instance, "_history", None)
        if record is not None and "themes" in self.fields and not self.is_bound:
            self.initial["themes"] = [row.theme_id for row in record.themes.all()]

    def clean(self):
        cleaned = super().clean()
        # The database constraints hold these too; here they get a message per field.
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if (
            cleaned.get("type") == ItemType.EVENT
            and starts_at is None
            and not self.has_error("starts_at")
        ):
            self.add_error("starts_at", _("Een bijeenkomst heeft een begintijd nodig."))
        if ends_at is not None and starts_at is None and not self.has_error("starts_at"):
            self.add_error("starts_at", _("Vul ook de begintijd in als er een eindtijd is."))
        if ends_at is not None and starts_at is not None and ends_at < starts_at:
            self.add_error("ends_at", _("De bijeenkomst kan niet eindigen voordat hij begint."))
        if "capacity" in self.changed_data and not self.has_error("capacity"):
            problem = capacity_error(event=self.instance, capacity=cleaned.get("capacity"))
            if problem:
                self.add_error("capacity", problem)
        adopted_from = cleaned.get("adopted_from")
        if adopted_from is not None and adopted_from.pk == self.instance.pk:
            self.add_error(
                "adopted_from", _("Een praktijkvoorbeeld kan niet van zichzelf zijn overgenomen.")
            )
        return cleaned


class DossierEntryFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("item") is not None and not self._should_delete_form(form)
        ]
        if kept and self.instance.type != ItemType.DOSSIER:
            raise ValidationError(
                _("Alleen een themadossier heeft onderdelen. Verwijder ze of kies dat soort.")
            )
        for form in kept:
            if self.instance.pk is not None and form.cleaned_data["item"].pk == self.instance.pk:
                form.add_error("item", _("Een dossier kan niet in zichzelf staan."))


class TagAdminForm(forms.ModelForm):
    def clean_name(self):
        # TAGGIT_CASE_INSENSITIVE: taggit looks tags up with iexact, so "WOZ" next to "woz"
        # would make every later tagging with that name fail.
        name = self.cleaned_data["name"].strip()
        same = type(self.instance)._default_manager.filter(name__iexact=name)
        if same.exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("Het trefwoord ‘%(name)s’ bestaat al (hoofdletters tellen niet mee)."),
                params={"name": name},
            )
        return name


def tag_autocomplete_field(db_field, request, admin_site) -> forms.ModelMultipleChoiceField:
    """Tags with the admin's own autocomplete and "add" button.

    taggit's TaggableManager is not a ManyToManyField, so `autocomplete_fields` passes it by;
    this gives it the same select2 widget, searching through the registered Tag admin (its
    search_fields and view permission), and the same "+" popup to add a new tag.
    """
    tag_model = db_field.remote_field.model
    field = forms.ModelMultipleChoiceField(
        queryset=tag_model._default_manager.all(),
        required=not db_field.blank,
        label=capfirst(db_field.verbose_name),
        help_text=_("Kies bestaande trefwoorden; met + voegt u een nieuw trefwoord toe."),
        widget=AutocompleteSelectMultiple(db_field, admin_site),
    )
    tag_admin = admin_site.get_model_admin(tag_model)
    field.widget = RelatedFieldWidgetWrapper(
        field.widget,
        db_field.remote_field,
        admin_site,
        can_add_related=tag_admin.has_add_permission(request),
    )
    return field
