"""Read replica routing: public search, list and register pages read from the replica.

Only when a `replica` database is configured (DATABASE_REPLICA_URL). A view opts in with
`replica_reads` (see the urls modules; the register's API with `replica_reads_api`); inside it,
reads of the public collection and the register (REPLICA_MODELS) go to the replica, unless

- the request already wrote something (its own reads must see that write),
- the read happens inside a transaction on the primary (it must see the transaction's view),
- the client wrote in the last REPLICA_PIN_SECONDS (the pin cookie that ReplicaPinMiddleware
  sets after every POST): a member who just commented, or an editor who just published, sees it
  on the next page even when the replica lags behind.

Everything else always uses the primary: accounts, sessions, django-axes, members' data, rate
limits, submissions, and every write. Migrations run only on the primary.
"""

from __future__ import annotations

import functools
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
PIN_COOKIE = "kp_primary"

# The public collection and the register: what search, lists and register pages read.
REPLICA_MODELS = frozenset(
    {
        "kennisbank.item",
        "kennisbank.theme",
        "kennisbank.synonym",
        "kennisbank.dossierentry",
        "kennisbank.sourcelink",
        "kennisbank.attachment",
        "kennisbank.adoptionmark",
        "modellentool.collaborationmodel",
        "netwerk.municipality",
        "netwerk.formermunicipality",
        "netwerk.datasource",
        "netwerk.organisation",
        "netwerk.collaboration",
        "netwerk.sourcerecord",
        "netwerk.membership",
        "taggit.tag",
        "taggit.taggeditem",
    }
)


@dataclass
class _RequestReads:
    wrote: bool = False


_replica_reads: ContextVar[_RequestReads | None] = ContextVar("replica_reads", default=None)


def replica_configured() -> bool:
    return REPLICA in connections.settings


def replica_reads(view):
    """Let this view's reads of the public collection and the register use the replica."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not replica_configured() or PIN_COOKIE in request.COOKIES:
            return view(request, *args, **kwargs)
        token = _replica_reads.set(_RequestReads())
        try:
            response = view(request, *args, **kwargs)
            # A TemplateResponse (class-based views) renders later, outside this wrapper:
            # render it here, so its template's queries are routed the same way.
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            return response
        finally:
            _replica_reads.reset(token)

    return wrapper


def replica_reads_api(urls: tuple) -> tuple:
    """`replica_reads` for every endpoint of a read-only django-ninja API (its `api.urls`)."""
    patterns, app_name, namespace = urls
    for pattern in patterns:
        pattern.callback = replica_reads(pattern.callback)
    return patterns, app_name, namespace


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _replica_reads.get()
        if state is None or state.wrote or model._meta.label_lower not in REPLICA_MODELS:
            return None  # the primary
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return None
        return REPLICA

    def db_for_write(self, model, **hints):
        state = _replica_reads.get()
        if state is not None:
            state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if db == REPLICA:
            return False
        return None


class ReplicaPinMiddleware:
    """After a write request, keep this client's reads on the primary for a few seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE") and replica_configured():
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
