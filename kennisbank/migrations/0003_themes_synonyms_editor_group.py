import csv
from pathlib import Path

from django.contrib.auth.management import create_permissions
from django.db import migrations

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

SYNONYMS_CSV = (
    Path(__file__).resolve().parents[2] / "fixtures" / "reference" / "afkortingen_openbaar_bestuur.csv"
)


def seed(apps, schema_editor):
    Theme = apps.get_model("kennisbank", "Theme")
    for name, slug in THEMES:
        Theme.objects.get_or_create(slug=slug, defaults={"name": name})

    Synonym = apps.get_model("kennisbank", "Synonym")
    with SYNONYMS_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            Synonym.objects.get_or_create(
                term=row["term"],
                expansion=row["expansion"],
                defaults={"exact_uppercase_only": row["expand_only_exact_uppercase"] == "yes"},
            )

    # Permissions are normally created after migrate; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    from kennisbank.permissions import sync_editor_group

    sync_editor_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0002_items_themes_synonyms"),
        ("netwerk", "0002_load_municipalities_2025"),
        ("modellentool", "0002_seed_collaboration_models"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
