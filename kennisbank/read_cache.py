"""Cached reads of published content: search results and the search's reference data.

Anonymous readers ask the same questions over and over ("jeugdzorg", the search page without a
query); computing the answer costs tens of milliseconds of PostgreSQL time, serving it from
Django's cache framework (``caches["default"]``: local memory, or Redis when configured) a
fraction of a millisecond. Everything cached here depends only on published content, never on
the user, so one entry serves everyone.

Invalidation: every key carries the *content version*, a PostgreSQL sequence
(``kennisbank_content_version``, migration 0010) that ``content_changed()`` advances whenever an
item, theme or synonym changes (signals in apps.py, plus the services that write with
``update()``). A sequence, not a cache entry, because it is shared by every gunicorn worker and
host even when the cache is per process; reading it is one trivial query. It is advanced both at
once and after the commit: at once so the editor's own next request sees the change, after the
commit so an answer computed from the old rows just before the commit cannot outlive it.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.utils import translation

SEQUENCE = "kennisbank_content_version"


def _timeout() -> int:
    return settings.KENNISBANK_READ_CACHE_SECONDS


def content_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value FROM {SEQUENCE}")
        return cursor.fetchone()[0]


def _advance() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT nextval('{SEQUENCE}')")


def content_changed() -> None:
    """Published content may have changed: every cached answer is stale from now on."""
    _advance()
    transaction.on_commit(_advance)


def cached[T](name: str, parts: object, compute: Callable[[], T]) -> T:
    """compute(), cached under `name` for `parts` (a repr-able key) and the content version."""
    timeout = _timeout()
    if not timeout:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"kb:{name}:{content_version()}:{translation.get_language()}:{digest}"
    cache = caches["default"]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
