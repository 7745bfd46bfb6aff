"""From the open data files to the register: what to load, and why the rest is not loaded.

Pure Python (no Django): build_plan() reads the files in fixtures/reference/ and returns a Plan, the
complete desired state plus a report per file. netwerk/register/opendata/loading.py writes the plan
to the database. Every row of every file ends in exactly one place: loaded, or not loaded with a
reason (rows = loaded + not loaded), so nothing is dropped silently.

How the sources are combined (newest and most authoritative first):

1. CBS "Gebieden in Nederland 2022": the statutory regions (veiligheidsregio, GGD, jeugd,
   arbeidsmarkt, RES, RMC, Veilig Thuis). Their member lists are authoritative.
2. OpenGR 2016: participants of gemeenschappelijke regelingen, by name. A GR of a statutory kind
   (a GGD, a veiligheidsregio) whose members overlap with a CBS region of that kind is that
   region: its name is kept as a source record, its member list gives way to the newer one.
3. OWMS 2016: regional bodies with legal form and start/end dates, members by service area.
   A body is matched to an earlier record by name, else by kind and member overlap; otherwise
   it becomes a record of its own.
4. Regioatlas 2016: regional divisions for omgevingsdiensten, sociale diensten, sociale
   werkvoorziening, Wmo, centrumgemeenten, veiligheidshuizen and RIEC's, matched the same way.

Names and codes of 2016 (and older) are mapped onto today's municipalities through the merger table
(netwerk/register/opendata/names.py); a membership of a merged municipality passes to its successor,
which took over its rights and duties.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from netwerk.register.opendata.classify import (
    KINDS,
    OWMS_FORMS,
    classify,
    organisation_kind,
    says_ended,
)
from netwerk.register.opendata.names import (
    MunicipalityIndex,
    Resolution,
    cbs_code,
    normalise,
    province_key,
    repair_mojibake,
)
from netwerk.register.opendata.sources import REFERENCE_DIR, REGIOATLAS_FILES

OVERLAP_MATCH = 0.5  # Jaccard of member sets above which two records of one kind are one body
MAX_EXAMPLES = 8

CBS_DIVISIONS = {
    "Arbeidsmarktregio's": ("arbeidsmarktregio", "Arbeidsmarktregio"),
    "GGD-regio's": ("ggd", "GGD-regio"),
    "Jeugdregio's": ("jeugdregio", "Jeugdregio"),
    "Regionale Energiestrategie regio’s": ("res", "RES-regio"),
    "Regionale Meld- en Coördinatiepunten": ("rmc", "RMC-regio"),
    "Veilig Thuis Regio's": ("veilig_thuis", "Veilig Thuis"),
    "Veiligheidsregio's": ("veiligheidsregio", "Veiligheidsregio"),
}

REGIOATLAS_KINDS = {
    "Fysiek__omgevingsdienstenregionaleuitvoeringsdiensten": ("omgevingsdienst", "{}"),
    "Sociaal__centrumgemeentemaatschappelijkeopvangbeschermdwonen": (
        "centrum_mo_bw",
        "Maatschappelijke opvang en beschermd wonen, centrumgemeente {}",
    ),
    "Sociaal__centrumgemeentenvrouwenopvanggeweldinhuiselijkekring": (
        "centrum_vrouwenopvang",
        "Vrouwenopvang en huiselijk geweld, centrumgemeente {}",
    ),
    "Sociaal__socialewerkvoorziening": ("werkvoorziening", "{}"),
    "Sociaal__intergemeentelijkesocialediensten": ("sociale_dienst", "{}"),
    "Sociaal__wmoregios": ("wmo_regio", "Wmo-regio {}"),
    "Veiligheid__veiligheidshuizen": ("veiligheidshuis", "{}"),
    "Veiligheid__regionaalinformatieenexpertisecentra": ("riec", "{}"),
}

OWMS_SKIPPED_TYPES = {"Waterschap", "Provincie", "Politiekorps", "Politiekorps|Dienst"}
OWMS_KINDS = {
    "GGD": "ggd",
    "Veiligheidsregio": "veiligheidsregio",
    "Veiligheidsregio|GGD": "veiligheidsregio",
    "Milieudienst": "omgevingsdienst",
    "SocialeDienst": "sociale_dienst",
}
OWMS_DOMAINS = {"Recreatieschap": "recreatie-en-natuur", "Plusregio": "bestuur-en-samenwerking"}

# --- reasons (Dutch: they appear in the command's report and on the sources page) ------------

R_SPLIT = "gemeente is opgesplitst; het lidmaatschap is niet aan één gemeente van nu toe te wijzen"
R_AMBIGUOUS = "naam past bij meerdere gemeenten en de bron zegt niet welke"
R_UNKNOWN_NAME = "deelnemer niet herkend als gemeente of andere organisatie"
R_UNKNOWN_CODE = "onbekende gemeentecode"
R_NEWER = "deelnemers volgen de nieuwere bron (CBS 2022) voor deze regio"
R_NO_REGION = "geen regio ingevuld"
R_NO_MEMBERS = "geen deelnemende gemeenten bekend"
R_NOT_COLLAB_TYPE = "{} is geen samenwerkingsverband van gemeenten"
R_STATISTICAL = "indeling '{}' is een statistische of rijksindeling, geen samenwerking"
R_NOT_FORMER = "geen opgeheven gemeente (wordt niet gebruikt)"
R_CURRENT_MUNICIPALITY = "bestaande gemeente (staat al in het register)"
R_FORMER_UNRESOLVED = "opgeheven gemeente zonder herkenbare opvolger"
R_NOT_MUNICIPALITY_CODE = "code van een {}: niet gebruikt (geen deelnemers in dit bestand)"
R_DUPLICATE_FORMER = "dezelfde opgeheven gemeente staat al in het register"


@dataclass
class FileReport:
    """What happened to the rows of one file."""

    source: str
    file: str
    rows: int = 0
    loaded: int = 0
    not_loaded: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def ok(self) -> None:
        self.rows += 1
        self.loaded += 1

    def skip(self, reason: str, example: str = "") -> None:
        self.rows += 1
        self._count(reason, example)

    def retract(self, reason: str, example: str = "") -> None:
        """A row counted as loaded turns out not to be (its member gave way to a newer source)."""
        self.loaded -= 1
        self._count(reason, example)

    def _count(self, reason: str, example: str) -> None:
        self.not_loaded[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if example and example not in shown and len(shown) < MAX_EXAMPLES:
            shown.append(example)

    @property
    def not_loaded_total(self) -> int:
        return sum(self.not_loaded.values())

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "rows": self.rows,
            "loaded": self.loaded,
            "not_loaded": dict(self.not_loaded.most_common()),
            "examples": self.examples,
        }


@dataclass
class MemberSpec:
    source: str
    role: str = "deelnemer"
    names: list[str] = field(default_factory=list)
    rows: list[tuple[FileReport, str]] = field(default_factory=list)

    def add_row(self, report: FileReport, name: str) -> None:
        report.ok()
        self.rows.append((report, name))
        if name and name not in self.names:
            self.names.append(name)

    def retract(self, reason: str) -> None:
        for report, name in self.rows:
            report.retract(reason, name)
        self.rows = []


@dataclass
class CollabSpec:
    source: str
    external_id: str
    name: str
    domain: str
    task_type: str
    form: str | None
    form_basis: str
    legal_form_text: str
    kind: str | None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    ended: bool = False
    authoritative: bool = False
    records: dict[tuple[str, str], str] = field(default_factory=dict)
    municipalities: dict[str, MemberSpec] = field(default_factory=dict)
    organisations: dict[str, MemberSpec] = field(default_factory=dict)  # normalised name → spec
    aliases: set[str] = field(default_factory=set)  # other name keys (spellings, alt labels)
    merged_names: list[str] = field(default_factory=list)  # names of entries merged into this

    def __post_init__(self) -> None:
        self.records.setdefault((self.source, self.external_id), self.name)

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.external_id)

    def codes(self) -> set[str]:
        return set(self.municipalities)

    def add_municipality(
        self, code: str, report: FileReport, name: str, source: str, role: str = "deelnemer"
    ) -> None:
        member = self.municipalities.setdefault(code, MemberSpec(source=source))
        member.add_row(report, name)
        if role != "deelnemer":
            member.role = role

    def add_organisation(self, key: str, report: FileReport, name: str, source: str) -> None:
        self.organisations.setdefault(key, MemberSpec(source=source)).add_row(report, name)

    def name_keys(self) -> set[str]:
        return {name_key(name) for name in self.records.values()} | self.aliases


@dataclass(frozen=True)
class FormerSpec:
    code: str | None
    name: str
    ended_on: dt.date | None
    direct_successor_name: str
    successor: str | None
    successors: tuple[str, ...]
    note: str
    source: str


@dataclass
class Plan:
    index: MunicipalityIndex
    former: list[FormerSpec]
    collaborations: list[CollabSpec]
    organisations: dict[str, tuple[str, str]]  # normalised name → (name, kind)
    reports: list[FileReport]

    def reports_for(self, source: str) -> list[FileReport]:
        return [r for r in self.reports if r.source == source]


def name_key(name: str) -> str:
    """Identity of a body's name: without parenthesised additions ("(OLCT)", "(in liquidatie)")."""
    return normalise(re.sub(r"\([^)]*\)", " ", repair_mojibake(name)))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _read(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def _date(value: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _owms_end(value: str) -> dt.date | None:
    """ "31/12/01" (last day of the municipality) → 2002-01-01, the day it was merged."""
    match = re.fullmatch(r"(\d{2})/(\d{2})/(\d{2})", (value or "").strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    year += 1900 if year > 30 else 2000
    return dt.date(year, month, day) + dt.timedelta(days=1)


# --- 1. the municipality index -----------------------------------------------------------------


def build_index(
    base: Path, reports: list[FileReport]
) -> tuple[MunicipalityIndex, list[FormerSpec]]:
    index = MunicipalityIndex()
    for row in _read(base / "gemeenten_2025_merged.csv"):
        index.add_current(
            row["gemeentecode"],
            [row["naam_gangbaar"], row["naam_cbs_2025"]],
            province_key(row["provincie"]) or "",
        )

    former: list[FormerSpec] = []
    report = FileReport("herindelingen-2016-2025", "herindelingen_2016_2025.csv")
    reports.append(report)
    for row in _read(base / "herindelingen_2016_2025.csv"):
        successors = tuple(c for c in row["opvolgers"].split(";") if c)
        if not successors or any(c not in index.current for c in successors):
            report.skip("opvolger is geen gemeente van 2025", row["naam_oud"])
            continue
        # A municipality that mostly went to one successor (Winsum) follows that one; a real
        # split (Haaren) has no code_opvolger and resolves to nothing.
        main = row["code_opvolger"]
        index.add_former(row["code_oud"], row["naam_oud"], (main,) if main else successors)
        former.append(
            FormerSpec(
                code=row["code_oud"],
                name=row["naam_oud"],
                ended_on=_date(row["datum"]),
                direct_successor_name=", ".join(index.current[c] for c in successors),
                successor=main or None,
                successors=successors,
                note=row["toelichting"],
                source="herindelingen-2016-2025",
            )
        )
        report.ok()

    # 2016 names from the regioatlas (CBS code + name of 2016), so 2016 spellings resolve too.
    for row in _read(base / REGIOATLAS_FILES[0], delimiter=";"):
        code = cbs_code(row["CBS"])
        if code in index.current or code in index.former:
            index._add_name(row["Gemeente"], code)

    # Municipalities merged before 2016, known by name, each pointing to its direct successor.
    report = FileReport("osn-2016", "owms_don_organisaties_2016.csv")
    reports.append(report)
    owms_former: list[dict[str, str]] = []
    for row in _read(base / "openstate_2016/owms_don_organisaties_2016.csv"):
        if row["type"] != "Gemeente":
            report.skip(R_NOT_FORMER)
        elif not row["endDate"] or not row["opvolger_label"]:
            report.skip(R_CURRENT_MUNICIPALITY)
        else:
            index.add_former_name(row["owms_label"], row["opvolger_label"])
            owms_former.append(row)

    # CBS organisation codes: codes of municipalities merged before 2016 and 2016 spellings.
    cbs_report = FileReport("osn-2016", "cbs_overheidsorganisaties_GM_GR_PV_WS_2016.csv")
    reports.append(cbs_report)
    cbs_rows = _read(base / "openstate_2016/cbs_overheidsorganisaties_GM_GR_PV_WS_2016.csv")
    historic_codes: dict[str, str] = {}  # normalised name → code
    kinds = {"GR": "gemeenschappelijke regeling", "PV": "provincie", "WS": "waterschap"}
    for row in cbs_rows:
        prefix = row["cbsId"][:2]
        if prefix != "GM":
            cbs_report.skip(R_NOT_MUNICIPALITY_CODE.format(kinds.get(prefix, prefix)))
            continue
        code = row["cbsId"]
        if code in index.current or code in index.former:
            index._add_name(row["cbsName"], code)
            cbs_report.ok()
            continue
        resolution = index.resolve_name(row["cbsName"])
        if resolution.ok:
            index.add_former(code, row["cbsName"], (resolution.code,))
            historic_codes[normalise(row["cbsName"])] = code
            cbs_report.ok()
        else:
            cbs_report.skip(R_FORMER_UNRESOLVED, row["cbsName"])

    seen = {normalise(f.name) for f in former}
    for row in owms_former:
        key = normalise(row["owms_label"])
        resolution = index.resolve_name(row["owms_label"])
        if key in seen:
            report.skip(R_DUPLICATE_FORMER, row["owms_label"])
        elif not resolution.ok:
            report.skip(R_FORMER_UNRESOLVED, row["owms_label"])
        else:
            seen.add(key)
            report.ok()
            former.append(
                FormerSpec(
                    code=historic_codes.get(key),
                    name=row["owms_label"],
                    ended_on=_owms_end(row["endDate"]),
                    direct_successor_name=row["opvolger_label"],
                    successor=resolution.code,
                    successors=(resolution.code,),
                    note="",
                    source="osn-2016",
                )
            )

    report = FileReport("herindelingen-2016-2025", "gemeentenamen_varianten.csv")
    reports.append(report)
    for row in _read(base / "gemeentenamen_varianten.csv"):
        try:
            index.add_alias(row["variant"], row["naam"])
        except KeyError:
            report.skip("variant van een onbekende naam", row["variant"])
        else:
            report.ok()
    return index, former


# --- 2. collaborations per source --------------------------------------------------------------


class Register:
    """The collaborations found so far, with the lookups used to recognise the same body."""

    def __init__(self) -> None:
        self.specs: list[CollabSpec] = []
        self.by_key: dict[tuple[str, str], CollabSpec] = {}
        self.by_name: dict[str, CollabSpec] = {}
        self.organisations: dict[str, tuple[str, str]] = {}

    def add(self, spec: CollabSpec) -> None:
        self.specs.append(spec)
        self.by_key[spec.key] = spec
        for key in spec.name_keys():
            self.by_name.setdefault(key, spec)

    def match(self, spec: CollabSpec, *, by_name: bool = True) -> CollabSpec | None:
        if by_name:
            for key in spec.name_keys():
                found = self.by_name.get(key)
                if found is not None and found is not spec:
                    return found
        if spec.kind is None or spec.ended or len(spec.municipalities) < 2:
            return None
        best, best_score = None, OVERLAP_MATCH
        for other in self.specs:
            if other is spec or other.kind != spec.kind or other.ended:
                continue
            score = jaccard(spec.codes(), other.codes())
            if score >= best_score:
                best, best_score = other, score
        return best

    def absorb(self, target: CollabSpec, other: CollabSpec) -> None:
        """One body in two sources: the first (older in the precedence) record absorbs the other."""
        target.records.update(other.records)
        target.aliases |= other.aliases
        for key in other.name_keys():
            self.by_name.setdefault(key, target)
        if target.form is None and other.form is not None:
            target.form, target.form_basis = other.form, other.form_basis
            target.legal_form_text = other.legal_form_text or target.legal_form_text
        elif not target.legal_form_text:
            target.legal_form_text = other.legal_form_text
        target.start_date = target.start_date or other.start_date
        if target.ended and not target.end_date:
            target.end_date = other.end_date
        for key, member in other.organisations.items():
            existing = target.organisations.get(key)
            if existing is None:
                target.organisations[key] = member
            else:
                existing.rows += member.rows
        for code, member in other.municipalities.items():
            existing = target.municipalities.get(code)
            if existing is not None:
                existing.rows += member.rows
                existing.names += [n for n in member.names if n not in existing.names]
                if member.role != "deelnemer":
                    existing.role = member.role
            elif target.authoritative:
                member.retract(R_NEWER)
            else:
                target.municipalities[code] = member

    def add_or_merge(self, spec: CollabSpec, *, by_name: bool = True) -> None:
        target = self.match(spec, by_name=by_name)
        if target is None:
            self.add(spec)
        else:
            self.absorb(target, spec)


def _resolve_member(
    index: MunicipalityIndex, name: str, province: str | None
) -> tuple[Resolution, str | None]:
    """A participant name: (municipality resolution, organisation kind if not a municipality)."""
    if "duitsland" in normalise(name):
        return Resolution(None, "unknown"), "buitenland"
    resolution = index.resolve_name(name, province)
    if resolution.ok or resolution.status in ("split", "ambiguous"):
        return resolution, None
    return resolution, organisation_kind(name)


def _skip_unresolved(report: FileReport, resolution: Resolution, example: str) -> None:
    reason = {"split": R_SPLIT, "ambiguous": R_AMBIGUOUS}.get(resolution.status, R_UNKNOWN_NAME)
    report.skip(reason, example)


def load_cbs_2022(base: Path, index: MunicipalityIndex, register: Register, reports) -> None:
    source = "cbs-gebieden-2022"
    report = FileReport(source, "cbs_gemeente_regio_lidmaatschap_2022_long.csv")
    reports.append(report)
    for row in _read(base / "cbs_2022/cbs_gemeente_regio_lidmaatschap_2022_long.csv"):
        division = CBS_DIVISIONS.get(row["indeling"])
        if division is None:
            report.skip(R_STATISTICAL.format(row["indeling"]))
            continue
        kind, label = division
        region_code, region_name = row["regio_code"].strip(), row["regio_naam"].strip()
        if not region_code:
            report.skip(R_NO_REGION, row["gemeentenaam"])
            continue
        resolution = index.resolve_code(row["gemeentecode"])
        if not resolution.ok:
            report.skip(R_UNKNOWN_CODE, row["gemeentecode"])
            continue
        spec = register.by_key.get((source, region_code))
        if spec is None:
            keep = kind == "ggd" and re.search(r"ggd|gezondheid", region_name, re.I)
            keep = keep or normalise(region_name).startswith(normalise(label))
            name = region_name if keep else f"{label} {region_name}"
            c = classify(name, kind=kind)
            spec = CollabSpec(
                source=source,
                external_id=region_code,
                name=name,
                domain=c.domain,
                task_type=c.task_type,
                form=c.form,
                form_basis=c.form_basis,
                legal_form_text=c.legal_form_text,
                kind=kind,
                authoritative=True,
            )
            register.add(spec)
        spec.add_municipality(resolution.code, report, row["gemeentenaam"], source)


def load_opengr(base: Path, index: MunicipalityIndex, register: Register, reports) -> None:
    source = "opengr-2016"
    report = FileReport(source, "gr_deelnemers_opengr_provincies.csv")
    reports.append(report)
    specs: dict[str, CollabSpec] = {}
    for row in _read(base / "openstate_2016/gr_deelnemers_opengr_provincies.csv"):
        gr_name = re.sub(r"\s+", " ", repair_mojibake(row["Gemeenschappelijke regeling"])).strip()
        key = name_key(gr_name)
        spec = specs.get(key)
        if spec is None:
            c = classify(gr_name)
            spec = CollabSpec(
                source=source,
                external_id=key,
                name=gr_name,
                domain=c.domain,
                task_type=c.task_type,
                form=c.form,
                form_basis=c.form_basis,
                legal_form_text="Gemeenschappelijke regeling (opgave provincie, OpenGR 2016)",
                kind=c.kind,
                ended=says_ended(gr_name),
            )
            specs[key] = spec
        else:
            spec.aliases.add(key)
            spec.ended = spec.ended or says_ended(gr_name)
        participant = re.sub(r"\s+", " ", repair_mojibake(row["Deelnemer"])).strip().strip(",")
        resolution, organisation = _resolve_member(
            index, participant, province_key(row["Provincie"])
        )
        if resolution.ok:
            spec.add_municipality(resolution.code, report, participant, source)
        elif organisation is not None:
            org_key = normalise(participant)
            register.organisations.setdefault(org_key, (participant, organisation))
            spec.add_organisation(org_key, report, participant, source)
        else:
            _skip_unresolved(report, resolution, participant)
    for spec in specs.values():
        register.add_or_merge(spec)


def load_owms(base: Path, index: MunicipalityIndex, register: Register, reports) -> None:
    source = "osn-2016"
    org_report = FileReport(source, "owms_organisaties_regionaal_2016.csv")
    link_report = FileReport(source, "owms_werkgebied_organisatie_gemeente_2016.csv")
    reports += [org_report, link_report]
    orgs: dict[str, dict[str, str]] = {}
    order: list[str] = []
    for row in _read(base / "openstate_2016/owms_organisaties_regionaal_2016.csv"):
        orgs[row["uri"]] = row
        order.append(row["uri"])
    specs: dict[str, CollabSpec] = {}
    for uri in order:
        row = orgs[uri]
        if row["type"] in OWMS_SKIPPED_TYPES:
            continue
        label = row["label"].strip()
        if not label or label.isdigit():  # a few GGD labels in the export are numbers
            label = uri.removeprefix("overheid:").replace("_", " ")
        label = repair_mojibake(label)
        form, legal = OWMS_FORMS.get(row["samenwerkingsvorm"], (None, ""))
        c = classify(label, kind=OWMS_KINDS.get(row["type"]))
        domain = OWMS_DOMAINS.get(row["type"], c.domain)
        end = _date(row["end_date"])
        spec = CollabSpec(
            source=source,
            external_id=uri,
            name=label,
            domain=domain,
            task_type=c.task_type if domain == c.domain else "",
            form=form or c.form,
            form_basis="bron" if form else c.form_basis,
            legal_form_text=f"{legal} (OWMS 2016)" if legal else c.legal_form_text,
            kind=c.kind,
            start_date=_date(row["start_date"]),
            end_date=end,
            ended=end is not None,
        )
        for alt in row["alt_labels"].split("|"):
            if alt.strip() and not alt.strip().isdigit() and len(alt.strip()) > 6:
                spec.aliases.add(name_key(alt))
        specs[uri] = spec

    for row in _read(base / "openstate_2016/owms_werkgebied_organisatie_gemeente_2016.csv"):
        org = orgs.get(row["org_uri"])
        if org is None:
            link_report.skip("organisatie ontbreekt in de lijst van organisaties", row["org_label"])
            continue
        if org["type"] in OWMS_SKIPPED_TYPES:
            link_report.skip(R_NOT_COLLAB_TYPE.format(org["type"]))
            continue
        resolution = Resolution(None, "unknown")
        if row["gemeente_cbs_code"].strip().isdigit():
            resolution = index.resolve_code(row["gemeente_cbs_code"])
        if not resolution.ok and resolution.status != "split":
            resolution = index.resolve_name(row["gemeente_label"])
        if resolution.ok:
            specs[row["org_uri"]].add_municipality(
                resolution.code, link_report, row["gemeente_label"], source
            )
        else:
            _skip_unresolved(link_report, resolution, row["gemeente_label"])

    for uri in order:
        row = orgs[uri]
        if row["type"] in OWMS_SKIPPED_TYPES:
            org_report.skip(R_NOT_COLLAB_TYPE.format(row["type"]), row["label"])
            continue
        spec = specs[uri]
        if not spec.municipalities:
            org_report.skip(R_NO_MEMBERS, spec.name)
            continue
        org_report.ok()
        register.add_or_merge(spec)


def load_regioatlas(base: Path, index: MunicipalityIndex, register: Register, reports) -> None:
    source = "regioatlas-2016"
    for relative in REGIOATLAS_FILES:
        path = base / relative
        kind, pattern = REGIOATLAS_KINDS[path.stem]
        report = FileReport(source, path.name)
        reports.append(report)
        specs: dict[str, CollabSpec] = {}
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, delimiter=";")
            next(reader)
            for row in reader:
                if not any(cell.strip() for cell in row):
                    report.skip("lege regel")
                    continue
                municipality, code, region = row[0].strip(), row[1].strip(), row[2].strip()
                if not region:
                    report.skip(R_NO_REGION, municipality)
                    continue
                resolution = (
                    index.resolve_code(code) if code.isdigit() else index.resolve_name(municipality)
                )
                if not resolution.ok:
                    _skip_unresolved(report, resolution, municipality)
                    continue
                key = f"{path.stem}:{normalise(region)}"
                spec = specs.get(key)
                if spec is None:
                    c = classify(region, kind=kind)
                    spec = CollabSpec(
                        source=source,
                        external_id=key,
                        name=pattern.format(region),
                        domain=c.domain,
                        task_type=c.task_type,
                        form=c.form,
                        form_basis=c.form_basis,
                        legal_form_text=c.legal_form_text,
                        kind=kind,
                    )
                    specs[key] = spec
                role = "deelnemer"
                if kind.startswith("centrum_"):
                    centre = index.resolve_name(region)
                    if centre.ok and centre.code == resolution.code:
                        role = "centrumgemeente"
                spec.add_municipality(resolution.code, report, municipality, source, role)
        for spec in specs.values():
            register.add_or_merge(spec)


MERGES_FILE = "samenvoegingen_register.csv"
R_MERGE_NOT_FOUND = "samenvoeging: '{}' niet gevonden in het register"
R_MERGE_SAME = "samenvoeging: beide namen wijzen naar hetzelfde verband"


def merge_specs(keep: CollabSpec, other: CollabSpec) -> None:
    """Two entries found to be one body: `keep` takes the other's sources, members and name."""
    keep.records.update(other.records)
    keep.aliases |= other.name_keys()
    for name in [other.name, *other.merged_names]:
        if name != keep.name and name not in keep.merged_names:
            keep.merged_names.append(name)
    if keep.form is None and other.form is not None:
        keep.form, keep.form_basis = other.form, other.form_basis
        keep.legal_form_text = other.legal_form_text or keep.legal_form_text
    elif not keep.legal_form_text:
        keep.legal_form_text = other.legal_form_text
    if keep.domain == "overig":
        keep.domain, keep.task_type = other.domain, other.task_type
    keep.start_date = keep.start_date or other.start_date
    for code, member in other.municipalities.items():
        existing = keep.municipalities.get(code)
        if existing is None:
            keep.municipalities[code] = member
        else:
            existing.rows += member.rows
            existing.names += [n for n in member.names if n not in existing.names]
    for key, member in other.organisations.items():
        existing = keep.organisations.get(key)
        if existing is None:
            keep.organisations[key] = member
        else:
            existing.rows += member.rows


def apply_merges(base: Path, specs: list[CollabSpec], reports) -> list[CollabSpec]:
    """The reviewed list of duplicates (fixtures/reference/samenvoegingen_register.csv)."""
    report = FileReport("herindelingen-2016-2025", MERGES_FILE)
    reports.append(report)
    path = base / MERGES_FILE
    if not path.exists():
        return specs
    by_key: dict[str, CollabSpec] = {}
    for spec in specs:
        for key in spec.name_keys():
            by_key.setdefault(key, spec)
    gone: set[int] = set()
    for row in _read(path):
        keep = by_key.get(name_key(row["behouden"]))
        other = by_key.get(name_key(row["samenvoegen"]))
        if keep is None or other is None:
            missing = row["behouden"] if keep is None else row["samenvoegen"]
            report.skip(R_MERGE_NOT_FOUND.format(missing), missing)
            continue
        if keep is other:
            report.skip(R_MERGE_SAME, row["samenvoegen"])
            continue
        merge_specs(keep, other)
        gone.add(id(other))
        for key, spec in by_key.items():
            if spec is other:
                by_key[key] = keep
        report.ok()
    return [spec for spec in specs if id(spec) not in gone]


def build_plan(base: Path = REFERENCE_DIR) -> Plan:
    reports: list[FileReport] = []
    index, former = build_index(base, reports)
    register = Register()
    load_cbs_2022(base, index, register, reports)
    load_opengr(base, index, register, reports)
    load_owms(base, index, register, reports)
    load_regioatlas(base, index, register, reports)
    return Plan(
        index=index,
        former=former,
        collaborations=apply_merges(base, register.specs, reports),
        organisations=register.organisations,
        reports=reports,
    )


__all__ = ["KINDS", "Plan", "build_plan"]
