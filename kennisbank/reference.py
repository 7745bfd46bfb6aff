"""Reference content every installation starts with: themes, the synonym list and the
thesaurus of broader and narrower terms."""

import csv
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "reference"
SYNONYMS_CSV = REFERENCE_DIR / "afkortingen_openbaar_bestuur.csv"
THESAURUS_CSV = REFERENCE_DIR / "thesaurus_gemeentelijke_taken.csv"

THEMES = [
    ("Sociaal domein", "sociaal-domein"),
    ("Jeugd", "jeugd"),
    ("Werk en inkomen", "werk-en-inkomen"),
    ("Schuldhulpverlening", "schuldhulpverlening"),
    ("Bedrijfsvoering", "bedrijfsvoering"),
    ("ICT en informatievoorziening", "ict-en-informatievoorziening"),
    ("Belastingen en WOZ", "belastingen-en-woz"),
    ("Omgeving en milieu", "omgeving-en-milieu"),
    ("Veiligheid", "veiligheid"),
    ("Wonen", "wonen"),
    ("Klimaat en energie", "klimaat-en-energie"),
    ("Economie", "economie"),
    ("Dienstverlening", "dienstverlening"),
    ("Bestuur en samenwerking", "bestuur-en-samenwerking"),
]


def load_themes(theme_model) -> None:
    for name, slug in THEMES:
        theme_model.objects.get_or_create(slug=slug, defaults={"name": name})


def load_synonyms(synonym_model, path: Path = SYNONYMS_CSV) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            synonym_model.objects.get_or_create(
                term=row["term"],
                expansion=row["expansion"],
                defaults={"exact_uppercase_only": row["expand_only_exact_uppercase"] == "yes"},
            )


def load_thesaurus(narrower_model, path: Path = THESAURUS_CSV) -> None:
    """Add the broader/narrower pairs that are missing, so editors' own rows stay."""
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            narrower_model.objects.get_or_create(term=row["broader"], narrower=row["narrower"])
