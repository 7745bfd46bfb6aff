"""Loading the municipality register from the CBS-derived CSV shipped in fixtures/reference/."""

import csv
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

from netwerk.register.opendata.names import sort_key

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "fixtures" / "reference"
MUNICIPALITIES_CSV = REFERENCE_DIR / "gemeenten_2025_merged.csv"
SOURCE_2025 = "CBS 2025 (gemeenten_2025_merged.csv)"

PROVINCE_BY_NAME = {
    "Groningen": "groningen",
    "Friesland": "fryslan",
    "Fryslân": "fryslan",
    "Drenthe": "drenthe",
    "Overijssel": "overijssel",
    "Flevoland": "flevoland",
    "Gelderland": "gelderland",
    "Utrecht": "utrecht",
    "Noord-Holland": "noord-holland",
    "Zuid-Holland": "zuid-holland",
    "Zeeland": "zeeland",
    "Noord-Brabant": "noord-brabant",
    "Limburg": "limburg",
}


def read_municipalities(path: Path = MUNICIPALITIES_CSV) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def common_name(row: dict) -> str:
    """The usual name; the CSV's usual name lost the apostrophe of 's-Hertogenbosch."""
    official, usual = row["naam_cbs_2025"], row["naam_gangbaar"]
    return official if official.startswith("'") and official[1:] == usual else usual


def municipality_values(row: dict) -> dict:
    """The model fields of one row of the register CSV."""
    name = common_name(row)
    return {
        "name": name,
        "sort_name": sort_key(name),
        "official_name": row["naam_cbs_2025"],
        "slug": slugify(name),
        "province": PROVINCE_BY_NAME[row["provincie"]],
        "population": int(row["inwoners"]) if row["inwoners"] else None,
        "area_km2": Decimal(row["oppervlakte_km2"]) if row["oppervlakte_km2"] else None,
        "seat": row["bestuurscentrum"],
        "corop_code": row["corop_code"],
        "corop_name": row["corop_naam"],
        "safety_region_code": row["veiligheidsregio_code"],
        "safety_region_name": row["veiligheidsregio_naam"],
        "source": SOURCE_2025,
    }


def load_municipalities(municipality_model, path: Path = MUNICIPALITIES_CSV) -> int:
    """Create or update every municipality and its neighbours; returns the number of rows.

    Takes the model class so the data migration can pass its historical model.
    """
    rows = read_municipalities(path)
    # An early migration passes a model from before later fields (sort_name) existed.
    fields = {f.name for f in municipality_model._meta.get_fields()}
    by_code = {}
    for row in rows:
        values = {k: v for k, v in municipality_values(row).items() if k in fields}
        obj, _ = municipality_model.objects.update_or_create(
            code=row["gemeentecode"], defaults=values
        )
        by_code[obj.code] = obj
    for row in rows:
        codes = [c for c in row["buurgemeenten"].split(";") if c]
        by_code[row["gemeentecode"]].neighbours.set([by_code[c] for c in codes])
    return len(rows)
