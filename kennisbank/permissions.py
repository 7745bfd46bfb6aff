"""What the "Redacteur" group may do: curate content, never manage users or reference data.

Exactly what the admin in kennisbank/admin/ needs. Edit history and revert are governed by the
item's own view/change permissions (SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS is off), so
no historical-model permissions. Tags: the editors keep the vocabulary tidy (rename, remove a
misspelt tag); tagged items are edited on the item, not through a TaggedItem admin.
The same group edits the modellentool's questionnaire; that app lists its own share
(modellentool/permissions.py), so this module names no other app's models.
Change this list together with a data migration that carries a frozen copy of it and assigns it
with historical models only (see kennisbank 0015), so an old migration never depends on live code.
"""

from portal.permissions import sync_group_permissions

EDITOR_GROUP = "Redacteur"
# Members who may propose events and see who registered for their own events.
ORGANISER_GROUP = "Organisator"
ORGANISER_PERMISSIONS = {"kennisbank": ["organise_event"]}

EDITOR_PERMISSIONS = {
    "kennisbank": [
        "add_item",
        "change_item",
        "delete_item",
        "view_item",
        "publish_item",
        "add_synonym",
        "change_synonym",
        "delete_synonym",
        "view_synonym",
        "add_narrowerterm",
        "change_narrowerterm",
        "delete_narrowerterm",
        "view_narrowerterm",
        "add_dossierentry",
        "change_dossierentry",
        "delete_dossierentry",
        "view_dossierentry",
        "add_sourcelink",
        "change_sourcelink",
        "delete_sourcelink",
        "view_sourcelink",
        "add_attachment",
        "change_attachment",
        "delete_attachment",
        "view_attachment",
        # Members' contributions: review submissions and write to the submitter, moderate the
        # discussion, see registrations and adoption marks (and remove a wrong mark).
        "view_submission",
        "change_submission",
        "view_submissionfile",
        "add_submissionmessage",
        "view_submissionmessage",
        "view_comment",
        "change_comment",
        "moderate_comment",
        "view_commentreport",
        "change_commentreport",
        "view_registration",
        "view_adoptionmark",
        "delete_adoptionmark",
    ],
    "taggit": ["add_tag", "change_tag", "delete_tag", "view_tag"],
    # Reference data (portal): themes are the editors' own; municipalities and forms they look up.
    "portal": [
        "add_theme",
        "change_theme",
        "view_theme",
        "view_municipality",
        "view_collaborationmodel",
    ],
}


def sync_editor_group(group_model, permission_model, permissions=None) -> None:
    """Give the group exactly these permissions (default: EDITOR_PERMISSIONS)."""
    sync_group_permissions(
        group_model,
        permission_model,
        group_name=EDITOR_GROUP,
        permissions=permissions or EDITOR_PERMISSIONS,
    )
