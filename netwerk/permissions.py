"""What the editors of the netwerkregie may do: correct collaborations, review suggestions.

A group of its own ("Redacteur netwerkregie"), next to the kennisbank's "Redacteur" group whose
permissions kennisbank.permissions keeps exact; an editor of both is in both groups.
Municipalities, former municipalities and data sources are reference data: editors look, never
edit. Change this list together with a data migration that carries a frozen copy of it and
assigns it with historical models only (see netwerk 0006).
"""

from portal.permissions import sync_group_permissions

EDITOR_GROUP = "Redacteur netwerkregie"

# Reference data (portal): look, never edit.
REFERENCE_PERMISSIONS = {
    "portal": ["view_municipality", "view_formermunicipality", "view_datasource"]
}

NETWERK_EDITOR_PERMISSIONS = [
    "add_collaboration",
    "change_collaboration",
    "delete_collaboration",
    "view_collaboration",
    "add_membership",
    "change_membership",
    "delete_membership",
    "view_membership",
    "add_organisation",
    "change_organisation",
    "view_organisation",
    "view_sourcerecord",
    "change_suggestion",
    "view_suggestion",
    # The infodesk (netwerk/desk/): route open questions, see statistics, promote to a lesson.
    # Member profiles are deliberately absent: editors never see members' contact details.
    "view_question",
    "change_question",
    "view_answer",
    "view_contactrequest",
    "add_contactrequest",
    # Evidence for the matching: which member is the contact for which kennisbank item.
    "add_itemcontact",
    "delete_itemcontact",
    "view_itemcontact",
]


def grant_netwerk_editor_permissions(group_model, permission_model, permissions=None) -> None:
    """Give the group exactly these netwerk permissions (default NETWERK_EDITOR_PERMISSIONS)."""
    sync_group_permissions(
        group_model,
        permission_model,
        group_name=EDITOR_GROUP,
        permissions={
            **REFERENCE_PERMISSIONS,
            "netwerk": permissions or NETWERK_EDITOR_PERMISSIONS,
        },
    )
