"""/healthz for the proxy or orchestrator: can this instance serve?

200 when the database answers and every migration is applied, 503 with the reason otherwise.
It reads no session and sets no cookie; it answers over plain http too
(SECURE_REDIRECT_EXEMPT), since probes usually talk to the instance directly.
"""

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def database_problem() -> str | None:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "onbereikbaar"
    return None


def migrations_problem() -> str | None:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        return f"{len(plan)} migratie(s) niet toegepast"
    return None


@require_safe
@never_cache
def health(request):
    checks = {"database": database_problem() or "ok"}
    # Without a database the migrations cannot be read either.
    checks["migrations"] = (
        "niet gecontroleerd" if checks["database"] != "ok" else migrations_problem() or "ok"
    )
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
