"""Themes, the synonym list and the "Redacteur" group, frozen as of this migration: THEMES and
data/0003_synonyms.csv are kennisbank.reference's lists then, the permissions those of
kennisbank.permissions.EDITOR_PERMISSIONS then."""

import csv
from pathlib import Path

from django.db import migrations

SYNONYMS_CSV = Path(__file__).resolve().parent / "data" / "0003_synonyms.csv"

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


def create_permissions_now(apps):
    """Django creates permissions after migrate; the group below needs them now. Those of the
    historical models, the way Django documents it for data migrations."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def sync_group(apps, group_name, permissions):
    """Give the group exactly these permissions ({app_label: [codename, ...]})."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    perms = []
    for app_label, codenames in permissions.items():
        found = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in found}
        if missing:
            raise RuntimeError(f"Permissions ontbreken voor {app_label}: {sorted(missing)}")
        perms.extend(found)
    group.permissions.set(perms)


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

    create_permissions_now(apps)

    sync_group(
        apps,
        "Redacteur",
        {
            "kennisbank": [
                "add_item", "change_item", "delete_item", "view_item", "publish_item",
                "view_historicalitem",
                "add_theme", "change_theme", "view_theme",
                "add_synonym", "change_synonym", "delete_synonym", "view_synonym",
                "add_dossierentry", "change_dossierentry", "delete_dossierentry", "view_dossierentry",
                "add_sourcelink", "change_sourcelink", "delete_sourcelink", "view_sourcelink",
                "add_attachment", "change_attachment", "delete_attachment", "view_attachment",
            ],
            "taggit": ["add_tag", "change_tag", "view_tag", "view_taggeditem"],
            "netwerk": ["view_municipality"],
            "modellentool": ["view_collaborationmodel"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0002_items_themes_synonyms"),
        ("netwerk", "0002_load_municipalities_2025"),
        ("modellentool", "0002_seed_collaboration_models"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
