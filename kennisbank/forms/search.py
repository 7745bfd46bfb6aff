"""Forms of the public kennisbank: the search form that turns request.GET into SearchParams."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..search import FACETS, SORT_DATE, SORT_RELEVANCE, Reference, SearchParams, clean_query


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values and drops the rest, instead of rejecting the whole field.

    An old bookmark with a theme that no longer exists should still show results.
    """

    def clean(self, value):
        if isinstance(value, str):
            value = [value]
        value = [str(v) for v in value] if isinstance(value, (list, tuple)) else []
        valid = {str(k) for k, _ in self.choices}
        kept = list(dict.fromkeys(v for v in value if v in valid))
        self.dropped = [v for v in value if v not in valid]
        return kept


class SearchForm(forms.Form):
    """The query string of the search page. Never invalid: bad input is cleaned or dropped,
    with a notice in Dutch (``notices``) where the user would otherwise be puzzled."""

    q = forms.CharField(label=gettext_lazy("Zoekterm"), required=False, strip=False)
    sorteer = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, data, *, reference: Reference):
        super().__init__(data)
        self.reference = reference
        self.notices: list[str] = []
        # NUL bytes and other junk are cleaned below rather than rejected with the whole field.
        for name in ("q", "sorteer", "page"):
            self.fields[name].validators = []
        for spec in FACETS:
            self.fields[spec.param] = LenientMultipleChoiceField(
                label=spec.label, required=False, choices=reference.choices(spec.key)
            )

    def clean_q(self):
        text, notices = clean_query(self.cleaned_data.get("q") or "")
        self.notices += notices
        return text

    def clean_sorteer(self):
        value = self.cleaned_data.get("sorteer") or ""
        return value if value in (SORT_RELEVANCE, SORT_DATE) else ""

    def clean_page(self):
        raw = (self.cleaned_data.get("page") or "").strip()
        if not raw:
            return 1
        try:
            number = int(raw)
        except ValueError:
            number = 0
        if number < 1:
            self.notices.append(_("Ongeldig paginanummer; u ziet de eerste pagina."))
            return 1
        return number

    def params(self) -> SearchParams:
        self.is_valid()  # every field cleans leniently, so cleaned_data is complete
        data = self.cleaned_data
        dropped = [v for spec in FACETS for v in getattr(self.fields[spec.param], "dropped", [])]
        if dropped:
            self.notices.append(
                _("Onbekende filterwaarde genegeerd: %(values)s.")
                % {"values": ", ".join(clean_query(v)[0][:40] for v in dropped[:5])}
            )
        return SearchParams(
            q=data["q"],
            sort=data["sorteer"],
            page=data["page"],
            **{spec.field: tuple(data[spec.param]) for spec in FACETS},
        )
