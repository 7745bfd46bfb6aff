"""The form for how often a member gets the digest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from netwerk.community.forms.base import MemberFormMixin
from portal.constants import DigestFrequency


class DigestForm(MemberFormMixin, forms.Form):
    digest_frequency = forms.ChoiceField(
        label=gettext_lazy("Hoe vaak wilt u e-mail met nieuws?"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
    )
