"""Editor groups with an exact set of permissions, shared by the apps' migrations and tests."""


def sync_group_permissions(
    group_model, permission_model, *, group_name: str, permissions: dict[str, list[str]]
) -> None:
    """Give the group exactly these permissions ({app_label: [codename, ...]}).

    Takes the model classes so data migrations can pass their historical models; a migration
    passes a frozen copy of its list, so it never asks for permissions of models that come later.
    """
    group, _ = group_model.objects.get_or_create(name=group_name)
    perms = []
    for app_label, codenames in permissions.items():
        found = list(
            permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
        missing = set(codenames) - {p.codename for p in found}
        if missing:
            raise RuntimeError(f"Permissions ontbreken voor {app_label}: {sorted(missing)}")
        perms.extend(found)
    group.permissions.set(perms)
