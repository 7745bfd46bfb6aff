"""The open data sets behind the register: files, publisher, licence and reference date.

Pure Python: the loader, the checksum and the "bronnen" page all read this one list. The files
live in fixtures/reference/ (copied there so the portal runs without the shared data folder);
fixtures/reference/SOURCES.md gives the full provenance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "fixtures" / "reference"

# The mapping rules are part of what was loaded: a change to them reloads unchanged files too.
RULE_MODULES = ("plan.py", "classify.py", "names.py", "sources.py", "loading.py")


@dataclass(frozen=True)
class SourceSpec:
    key: str
    title: str
    publisher: str
    licence: str
    url: str
    reference_date: dt.date
    reference_note: str
    files: tuple[str, ...]  # relative to REFERENCE_DIR

    def paths(self) -> list[Path]:
        return [REFERENCE_DIR / name for name in self.files]


REGIOATLAS_FILES = (
    "openstate_2016/regioatlas/Fysiek__omgevingsdienstenregionaleuitvoeringsdiensten.csv",
    "openstate_2016/regioatlas/Sociaal__centrumgemeentemaatschappelijkeopvangbeschermdwonen.csv",
    "openstate_2016/regioatlas/Sociaal__centrumgemeentenvrouwenopvanggeweldinhuiselijkekring.csv",
    "openstate_2016/regioatlas/Sociaal__socialewerkvoorziening.csv",
    "openstate_2016/regioatlas/Sociaal__intergemeentelijkesocialediensten.csv",
    "openstate_2016/regioatlas/Sociaal__wmoregios.csv",
    "openstate_2016/regioatlas/Veiligheid__veiligheidshuizen.csv",
    "openstate_2016/regioatlas/Veiligheid__regionaalinformatieenexpertisecentra.csv",
)

SOURCES: tuple[SourceSpec, ...] = (
    SourceSpec(
        key="cbs-gemeenten-2025",
        title="Gemeenten 2025 (CBS-indeling, COROP, veiligheidsregio, buurgemeenten)",
        publisher="CBS, samengevoegd uit open bronnen",
        licence="CC-BY 4.0 (CBS) en de licenties van de gebruikte bronnen",
        url="https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar",
        reference_date=dt.date(2025, 1, 1),
        reference_note="indeling op 1 januari 2025; COROP 2024, veiligheidsregio 2023",
        files=("gemeenten_2025_merged.csv",),
    ),
    SourceSpec(
        key="herindelingen-2016-2025",
        title="Gemeentelijke herindelingen 2017-2023",
        publisher="Samengesteld voor dit portaal uit de herindelingswetten (CBS-codes)",
        licence="Feiten, geen auteursrecht",
        url="https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar",
        reference_date=dt.date(2025, 1, 1),
        reference_note="alle herindelingen tussen de 390 gemeenten van 2016 en de 342 van 2025",
        files=(
            "herindelingen_2016_2025.csv",
            "gemeentenamen_varianten.csv",
            "samenvoegingen_register.csv",
        ),
    ),
    SourceSpec(
        key="osn-2016",
        title="Overheidsorganisaties: OWMS-waardelijsten en CBS-organisatiecodes",
        publisher="KOOP (OWMS) en CBS, via Open State Foundation (openstate/datasets)",
        licence="Open overheidsdata; geen licentie vermeld in de bron",
        url="https://github.com/openstate/datasets/tree/master/osn/sources",
        reference_date=dt.date(2016, 9, 1),
        reference_note="export van 1 september 2016",
        files=(
            "openstate_2016/owms_don_organisaties_2016.csv",
            "openstate_2016/cbs_overheidsorganisaties_GM_GR_PV_WS_2016.csv",
            "openstate_2016/owms_organisaties_regionaal_2016.csv",
            "openstate_2016/owms_werkgebied_organisatie_gemeente_2016.csv",
        ),
    ),
    SourceSpec(
        key="opengr-2016",
        title="OpenGR: deelnemers aan gemeenschappelijke regelingen (Wob-verzoeken aan provincies)",
        publisher="Open State Foundation",
        licence="ODC-PDDL-1.0 (publiek domein)",
        url="https://github.com/openstate/datasets/tree/master/gemeenschappelijke_regelingen/provincies",
        reference_date=dt.date(2016, 3, 7),
        reference_note="stand maart 2016; onvolledig (niet alle provincies leverden alles)",
        files=("openstate_2016/gr_deelnemers_opengr_provincies.csv",),
    ),
    SourceSpec(
        key="regioatlas-2016",
        title="Regioatlas: regionale indelingen per gemeente",
        publisher="Ministerie van BZK (regioatlas.nl), via Open State Foundation",
        licence="Open overheidsdata; geen licentie vermeld in de bron",
        url="https://github.com/openstate/datasets/tree/master/gemeenschappelijke_regelingen/regioatlas",
        reference_date=dt.date(2016, 3, 21),
        reference_note="stand maart 2016",
        files=REGIOATLAS_FILES,
    ),
    SourceSpec(
        key="cbs-gebieden-2022",
        title="CBS Gebieden in Nederland 2022 (tabel 85067NED)",
        publisher="CBS",
        licence="CC-BY 4.0",
        url="https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85067NED",
        reference_date=dt.date(2022, 1, 1),
        reference_note="indeling op 1 januari 2022 (345 gemeenten)",
        files=("cbs_2022/cbs_gemeente_regio_lidmaatschap_2022_long.csv",),
    ),
    SourceSpec(
        key="cbs-gebiedsindelingen-2023",
        title="Gemeentegrenzen 2023 (gegeneraliseerd, TopoJSON)",
        publisher="CBS/PDOK cbsgebiedsindelingen, via minvws/nl-covid19-data-dashboard",
        licence="CC-BY 4.0 (CBS/PDOK); bestand EUPL-1.2",
        url="https://github.com/minvws/nl-covid19-data-dashboard",
        reference_date=dt.date(2023, 1, 1),
        reference_note="grenzen 2023, gelijk aan 2025 (342 gemeenten)",
        files=("geo/nl-vr-gm_2023.topo.json",),
    ),
)

SOURCE_BY_KEY = {spec.key: spec for spec in SOURCES}


def checksum(spec: SourceSpec) -> str:
    """SHA-256 over the mapping rules and the bytes of every file of one source."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in [here / name for name in RULE_MODULES] + spec.paths():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
