"""The municipality register of 2025 and each municipality's neighbours.

Frozen: data/0002_municipalities_2025.csv is the CBS-derived register as netwerk.reference read it
(fixtures/reference/gemeenten_2025_merged.csv), mapped onto the fields the model had then."""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

MUNICIPALITIES_CSV = Path(__file__).resolve().parent / "data" / "0002_municipalities_2025.csv"
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


def common_name(row):
    """The usual name; the CSV's usual name lost the apostrophe of 's-Hertogenbosch."""
    official, usual = row["naam_cbs_2025"], row["naam_gangbaar"]
    return official if official.startswith("'") and official[1:] == usual else usual


def load(apps, schema_editor):
    Municipality = apps.get_model("netwerk", "Municipality")
    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_code = {}
    for row in rows:
        name = common_name(row)
        obj, _ = Municipality.objects.update_or_create(
            code=row["gemeentecode"],
            defaults={
                "name": name,
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
            },
        )
        by_code[obj.code] = obj
    for row in rows:
        codes = [c for c in row["buurgemeenten"].split(";") if c]
        by_code[row["gemeentecode"]].neighbours.set([by_code[c] for c in codes])


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0001_municipality")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
