from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(*, app_config, using, **kwargs):
    # `migrate` is the one deployment step that touches the schema, so it also makes the
    # database cache's table (settings: production without Redis). createcachetable does
    # nothing when the table exists or no database cache is configured. Once per migrate:
    # the signal comes for every app, and sessions is always installed.
    if app_config.label == "sessions":
        call_command("createcachetable", database=using, verbosity=0)


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portaal"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)

        post_migrate.connect(create_cache_table, dispatch_uid="portal.create_cache_table")
