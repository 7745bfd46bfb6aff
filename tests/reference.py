"""Re-creates the reference data that migrations load, for tests that flush the database."""

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from kennisbank.models import NarrowerTerm, Synonym
from kennisbank.permissions import EDITOR_PERMISSIONS, sync_editor_group
from kennisbank.reference import load_synonyms, load_themes, load_thesaurus
from modellentool.permissions import EDITOR_PERMISSIONS as MODELLENTOOL_EDITOR_PERMISSIONS
from modellentool.reference import load_collaboration_models
from netwerk.permissions import grant_netwerk_editor_permissions
from netwerk.register.opendata.reference import load_municipalities
from portal.models import CollaborationModel, Municipality, Theme


def ensure_reference_data() -> None:
    if not Municipality.objects.exists():
        load_municipalities(Municipality)
    load_collaboration_models(CollaborationModel)
    load_themes(Theme)
    load_synonyms(Synonym)
    load_thesaurus(NarrowerTerm)
    for app_config in django_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    sync_editor_group(Group, Permission, EDITOR_PERMISSIONS | MODELLENTOOL_EDITOR_PERMISSIONS)
    grant_netwerk_editor_permissions(Group, Permission)
