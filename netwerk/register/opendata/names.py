"""Mapping municipality names and CBS codes of any year onto today's (2025) municipalities.

Pure Python (no Django): the loader and its tests use it without a database.

Older sources name municipalities as they were then: the 2016 files use the 390 municipalities
of 2016, and the OpenGR participant lists even use names of municipalities merged before 2016
(Bussum, Zeevang). A name or code resolves through the chain of mergers to today's code:

* a code or name of today resolves to itself;
* a former municipality resolves to its single successor (following later mergers too);
* a municipality split over several successors (Haaren 2021) does not resolve: its old
  memberships cannot be assigned to one of today's municipalities, and the loader reports that;
* a name shared by several municipalities ("Bergen": Noord-Holland and Limburg) resolves only
  with a province hint.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Province markers CBS and others append to names that occur twice ("Bergen (NH.)").
_PROVINCE_SUFFIX = re.compile(r"\s*\((?:nh|l|zh|z|o|gld|u|fr|gr|dr|nb|lb|ov)\.?\)\s*$", re.I)
_PROVINCE_HINTS = {
    "nh": "noord-holland",
    "l": "limburg",
    "lb": "limburg",
    "zh": "zuid-holland",
    "z": "zeeland",
    "o": "overijssel",
    "ov": "overijssel",
    "gld": "gelderland",
    "u": "utrecht",
    "fr": "fryslan",
    "gr": "groningen",
    "dr": "drenthe",
    "nb": "noord-brabant",
}


# A UTF-8 sequence read as cp1252: a lead byte (Â-ô) followed by continuation bytes, which
# cp1252 shows as Latin-1 or typographic characters.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,3}"
)


def _fix(match: re.Match) -> str:
    text = match.group(0)
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("FryslÃ¢n" → "Fryslân"), also next to correct accents."""
    return _MOJIBAKE.sub(_fix, text)


def normalise(name: str) -> str:
    """The comparison form of a name: no accents, case, punctuation or province marker."""
    name = repair_mojibake(name).strip().strip(",;")
    name = re.sub(r"\s*\(gemeente\)\s*$", "", name, flags=re.I)
    name = _PROVINCE_SUFFIX.sub("", name)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.casefold().replace("'", "").replace("’", "")
    name = re.sub(r"[^a-z0-9]+", " ", name)
    return re.sub(r"\s+", " ", name).strip()


def sort_key(name: str) -> str:
    """Dutch alphabetical order: 's-Hertogenbosch under H (the article 's or 't is skipped),
    accents and case ignored, so Súdwest-Fryslân sits among the S."""
    name = re.sub(r"^['’‘`]\s*[st][\s-]+", "", name.strip(), flags=re.I)
    name = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()


def province_key(name: str) -> str | None:
    """ "Provincie Noord-Holland", "Friesland", "Limburg (NL)" → the register's province key."""
    key = normalise(name)
    key = re.sub(r"^provincie ", "", key)
    key = re.sub(r" nl$", "", key)
    key = {
        "friesland": "fryslan",
        "overrijssel": "overijssel",
        "noord brabant": "noord-brabant",
    }.get(key, key)
    key = key.replace(" ", "-")
    return key if key in _PROVINCES else None


_PROVINCES = frozenset(
    {
        "groningen",
        "fryslan",
        "drenthe",
        "overijssel",
        "flevoland",
        "gelderland",
        "utrecht",
        "noord-holland",
        "zuid-holland",
        "zeeland",
        "noord-brabant",
        "limburg",
    }
)


def province_hint_of(name: str) -> str | None:
    """The province a marker names: "Bergen (NH.)" → "noord-holland"."""
    match = re.search(r"\((nh|l|lb|zh|z|o|ov|gld|u|fr|gr|dr|nb)\.?\)\s*$", name.strip(), re.I)
    return _PROVINCE_HINTS[match.group(1).lower()] if match else None


def cbs_code(value: str | int) -> str:
    """ "358", "0358" or "GM0358" → "GM0358"."""
    text = str(value).strip().upper()
    if text.startswith("GM"):
        text = text[2:]
    return f"GM{int(text):04d}"


@dataclass(frozen=True)
class Resolution:
    """Today's municipality for a name or code, or why there is none."""

    code: str | None
    status: str  # "current", "merged", "split", "ambiguous", "unknown"
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.code is not None


@dataclass
class MunicipalityIndex:
    """Today's municipalities plus every known former one, by code and by normalised name."""

    current: dict[str, str] = field(default_factory=dict)  # code → name
    province: dict[str, str] = field(default_factory=dict)  # code → province key
    # former code → successor codes (one, or several after a split), and its name
    former: dict[str, tuple[str, ...]] = field(default_factory=dict)
    former_names: dict[str, str] = field(default_factory=dict)
    # normalised name → codes (current or former) carrying that name
    names: dict[str, set[str]] = field(default_factory=dict)
    # names of former municipalities without a known code: name → successor name
    former_by_name: dict[str, str] = field(default_factory=dict)

    def add_current(self, code: str, names: list[str], province: str) -> None:
        self.current[code] = names[0]
        self.province[code] = province
        for name in names:
            self._add_name(name, code)

    def add_former(self, code: str, name: str, successors: tuple[str, ...]) -> None:
        self.former[code] = successors
        self.former_names[code] = name
        self._add_name(name, code)

    def add_former_name(self, name: str, successor_name: str) -> None:
        """A former municipality known only by name (OWMS): resolved through its successor."""
        self.former_by_name.setdefault(normalise(name), successor_name)

    def add_alias(self, alias: str, name: str) -> None:
        """A spelling found in a source ("Haasbergen") for a known name ("Haaksbergen")."""
        codes = self.names.get(normalise(name))
        if not codes:
            raise KeyError(f"alias {alias!r}: onbekende naam {name!r}")
        self.names.setdefault(normalise(alias), set()).update(codes)

    def _add_name(self, name: str, code: str) -> None:
        self.names.setdefault(normalise(name), set()).add(code)

    def resolve_code(self, code: str) -> Resolution:
        return self._follow(cbs_code(code), depth=0)

    def _follow(self, code: str, depth: int) -> Resolution:
        if code in self.current:
            return Resolution(code, "current" if depth == 0 else "merged")
        if code in self.former and depth < 10:
            successors = self.former[code]
            if len(successors) > 1:
                names = ", ".join(self.current.get(c, c) for c in successors)
                return Resolution(
                    None, "split", f"{self.former_names[code]} is verdeeld over {names}"
                )
            return self._follow(successors[0], depth + 1)
        return Resolution(None, "unknown", f"onbekende CBS-code {code}")

    def resolve_name(self, name: str, province: str | None = None) -> Resolution:
        province = province_hint_of(name) or province
        key = normalise(name)
        seen: set[str] = set()
        hops = 0
        # A name of a municipality merged before 2016 leads, by name, to its successor.
        while key not in self.names and key in self.former_by_name and key not in seen:
            seen.add(key)
            successor = self.former_by_name[key]
            province = province_hint_of(successor) or province
            key = normalise(successor)
            hops += 1
        codes = self.names.get(key)
        if not codes:
            return Resolution(None, "unknown", f"geen gemeente met de naam {name!r}")
        resolved = {c: self._follow(c, depth=0) for c in sorted(codes)}
        found = {r.code for r in resolved.values() if r.ok}
        if len(found) > 1 and province:
            found = {c for c in found if self.province.get(c) == province}
        if len(found) == 1:
            code = found.pop()
            merged = hops > 0 or any(r.status == "merged" for r in resolved.values())
            return Resolution(code, "merged" if merged else "current")
        if len(found) > 1:
            names = ", ".join(sorted(self.current[c] for c in found))
            return Resolution(None, "ambiguous", f"{name!r} kan meerdere gemeenten zijn: {names}")
        # Only a split municipality carries this name.
        first = next(iter(resolved.values()))
        return first
