"""The English catalogue is complete: no string left untranslated or marked fuzzy."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str) -> list[str]:
    return [block for block in text.split("\n\n") if "msgid" in block]


def _untranslated(block: str) -> bool:
    # msgstr "" followed by no continuation lines; plural forms each need a text too.
    strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"\n?((?:".*"\n?)*)', block, re.MULTILINE)
    return any(first == "" and not rest.strip() for first, rest in strings)


def test_every_dutch_string_has_an_english_translation():
    entries = _entries(PO.read_text(encoding="utf-8"))[1:]  # the first is the header
    assert len(entries) > 1000
    fuzzy = [e.splitlines()[-2:] for e in entries if "#, fuzzy" in e or ", fuzzy" in e]
    missing = [e.splitlines()[-2:] for e in entries if _untranslated(e)]
    assert not fuzzy, fuzzy[:5]
    assert not missing, missing[:5]


def test_the_compiled_catalogue_holds_the_newest_strings():
    # A .po translated but not compiled would leave the English site half Dutch.
    with translation.override("en"):
        assert gettext("Wachtlijst") == "Waiting list"
        assert gettext("Kennisbank") == "Knowledge base"
