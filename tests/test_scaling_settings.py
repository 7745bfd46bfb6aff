"""Object storage, the shared cache and sessions are chosen by environment (portal/settings.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'storage': s.STORAGES['default'], 'cache': s.CACHES['default'], "
    "'session': s.SESSION_ENGINE}))"
)


def settings_with(**env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "CACHE_URL", "STORAGE_BACKEND"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_object_storage_and_redis_by_environment():
    result = settings_with(
        STORAGE_BACKEND="s3",
        AWS_STORAGE_BUCKET_NAME="kennisplatform",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        REDIS_URL="redis://cache.example.org:6379/1",
    )
    assert result.returncode == 0, result.stderr
    chosen = json.loads(result.stdout.splitlines()[-1])
    assert chosen["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = chosen["storage"]["OPTIONS"]
    assert options["bucket_name"] == "kennisplatform"
    assert options["endpoint_url"] == "https://s3.example.org"
    # Nothing uploaded is public; the portal hands files out after its own checks.
    assert options["default_acl"] == "private" and options["querystring_auth"] is True
    assert options["file_overwrite"] is False
    assert chosen["cache"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert chosen["cache"]["LOCATION"] == "redis://cache.example.org:6379/1"
    assert chosen["session"] == "django.contrib.sessions.backends.cached_db"


def test_production_without_redis_shares_the_cache_through_the_database():
    result = settings_with(
        DEBUG="0", SECRET_KEY="s" * 50, ALLOWED_HOSTS="kennisplatform.example.org"
    )
    assert result.returncode == 0, result.stderr
    chosen = json.loads(result.stdout.splitlines()[-1])
    assert chosen["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert chosen["cache"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert chosen["session"] == "django.contrib.sessions.backends.db"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"STORAGE_BACKEND": "s3"}, "AWS_STORAGE_BUCKET_NAME"),
        ({"STORAGE_BACKEND": "ftp"}, "STORAGE_BACKEND"),
        ({"CACHE_URL": "memcached://127.0.0.1"}, "redis://"),
    ],
)
def test_a_wrong_configuration_stops_with_a_clear_message(env, message):
    result = settings_with(**env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.django_db
def test_migrate_makes_the_database_cache_table(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
    assert "portal_cache" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert "portal_cache" in connection.introspection.table_names()
    caches["default"].set("facetten", [1, 2, 3])
    assert caches["default"].get("facetten") == [1, 2, 3]
