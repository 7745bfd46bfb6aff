"""Settings for the Kennisplatform, driven by environment variables.

Development defaults are safe to run locally; production sets DEBUG=0, SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL (see README, "Deploying (gunicorn)").
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def conn_max_age(argv: list[str], environ) -> int:
    """Seconds a database connection is kept: CONN_MAX_AGE (60) under gunicorn, 0 under runserver.

    runserver serves every request in a new thread, and a persistent connection outlives its
    thread: parallel requests would pile up idle connections until PostgreSQL refuses clients.
    """
    if "runserver" in argv[1:2]:
        return 0
    return int(environ.get("CONN_MAX_AGE", "60"))


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdefghij"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY moet gezet zijn als DEBUG uit staat.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "taggit",
    "simple_history",
    "axes",
    "django_tasks_db",
    "crontask",
    "portal",
    "netwerk",
    "modellentool",
    "kennisbank",
]
# Benchmarks and demo loaders (devtools/): development and tests only, never in production.
if DEBUG:
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    # First, so its one line per request times everything below (portal/middleware.py).
    "portal.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A NUL character anywhere in the request: 400 before anything reaches PostgreSQL.
    "portal.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # With a read replica: after a write, the writer's next reads stay on the primary.
    "portal.routers.ReplicaPinMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a Dutch 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default="postgres://postgres@127.0.0.1:5432/kennisplatform",
        conn_max_age=conn_max_age(sys.argv, os.environ),
        conn_health_checks=True,
    )
}
# Optional read replica (a streaming standby of the primary): portal/routers.py sends the public
# search, list and register pages' reads there; everything else, and every write, stays on the
# primary. Migrations run only on the primary; the standby gets the schema by replication.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
DATABASE_ROUTERS = ["portal.routers.ReplicaRouter"]
# After a write, the writer's reads stay on the primary this long (a cookie), so replication
# lag never hides what they just did.
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", "10"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# NL Design System CSS from npm (`npm ci`): only the files the templates use, one by one
# (portal/staticfiles.py says why not whole folders).
VENDOR_STATIC_FILES = {
    "vendor/utrecht-components/index.css": (
        BASE_DIR / "node_modules/@utrecht/component-library-css/dist/index.css"
    ),
    "vendor/utrecht-tokens/theme.css": (
        BASE_DIR / "node_modules/@utrecht/design-tokens/dist/theme.css"
    ),
    # The OpenAPI viewer of the developers' pages (portal/developers.py).
    "vendor/swagger-ui/swagger-ui-bundle.js": (
        BASE_DIR / "node_modules/swagger-ui-dist/swagger-ui-bundle.js"
    ),
    "vendor/swagger-ui/swagger-ui.css": BASE_DIR / "node_modules/swagger-ui-dist/swagger-ui.css",
    # The CSS names its source map; the manifest storage refuses to collect it without.
    "vendor/swagger-ui/swagger-ui.css.map": (
        BASE_DIR / "node_modules/swagger-ui-dist/swagger-ui.css.map"
    ),
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "portal.staticfiles.VendorFinder",
]
# Uploaded files: the local MEDIA_ROOT (one machine), or S3-compatible object storage shared by
# every web instance (STORAGE_BACKEND=s3). Objects are private: item attachments and members'
# submission files are only ever served through views that check who may see them.
STORAGE_BACKEND = os.environ.get("STORAGE_BACKEND", "filesystem").strip().lower()
if STORAGE_BACKEND == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
            "default_acl": "private",
            "querystring_auth": True,
            # Two uploads of "verslag.pdf" to one item must not overwrite each other.
            "file_overwrite": False,
        },
    }
    if not _default_storage["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("STORAGE_BACKEND=s3 vraagt om AWS_STORAGE_BUCKET_NAME.")
elif STORAGE_BACKEND == "filesystem":
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured("STORAGE_BACKEND moet 'filesystem' of 's3' zijn.")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Development and tests serve straight from the finders; production from collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# The cache, shared by every process and host when REDIS_URL (or CACHE_URL) names a Redis
# server. Without one: local memory in development and tests (one process), the database in
# production, since gunicorn's workers are separate processes and a per-process cache would
# keep serving what another worker already invalidated.
CACHE_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "kennisplatform")
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "REDIS_URL/CACHE_URL moet met redis://, rediss:// of unix:// beginnen."
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
    # Sessions read from Redis, written through to the database: a Redis restart logs no one out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # `migrate` creates the table (portal/apps.py runs createcachetable after migrating).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
# Without Redis, sessions live in the database only (Django's default, shared by every host);
# never in a per-process cache.

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Django 6.1 mailers: the console in development, SMTP configured by environment in production.
if os.environ.get("EMAIL_HOST") or not DEBUG:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                # A hanging server must not hold a worker (and the outbox row's lock) for long.
                "timeout": int(os.environ.get("EMAIL_TIMEOUT", "30")),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kennisplatform@example.org")
# The name the platform publishes under: the author of its Atom feeds (RFC 4287 wants one).
PLATFORM_NAME = os.environ.get("PLATFORM_NAME", "Kennisplatform Intergemeentelijke Samenwerking")
# The editors' shared mailbox: told of new submissions, members' replies and event proposals.
EDITORS_EMAIL = os.environ.get("EDITORS_EMAIL", "redactie@example.org")
# Django 6 Tasks API. Mail is first written to the outbox (portal.models.OutgoingMail) and then
# delivered by a task; digests and the outbox's retries are scheduled by crontask (portal/tasks.py,
# netwerk/tasks.py). "database": a durable queue in PostgreSQL, run by `manage.py db_worker`
# (django-tasks-db) — development and production. "immediate": run at once in the request; the
# tests use it (tests/conftest.py), so a mail is in mail.outbox as soon as the action is done.
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND moet een van {sorted(TASKS_BACKENDS)} zijn.")
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}
# The outbox: a failed delivery is tried again after 1, 2, 4, ... minutes (at most
# MAIL_RETRY_MAX_DELAY seconds apart); after MAIL_MAX_ATTEMPTS it stays "failed" for the editors.
MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", "8"))
MAIL_RETRY_BASE_DELAY = 60
MAIL_RETRY_MAX_DELAY = int(os.environ.get("MAIL_RETRY_MAX_DELAY", str(6 * 60 * 60)))

# Members log in on the portal (netwerk); the admin keeps its own login page for editors.
LOGIN_URL = "netwerk:login"
LOGIN_REDIRECT_URL = "netwerk:profile"
LOGOUT_REDIRECT_URL = "home"

# django-axes: axes first, so a locked-out username/IP never reaches the password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Members log in with their e-mail address (netwerk/auth.py).
    "netwerk.auth.EmailBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Every spelling of an address is one username for axes (portal/client.py).
AXES_USERNAME_CALLABLE = "portal.client.normalised_username"
# The client address: X-Forwarded-For only from the TRUSTED_PROXY_COUNT proxies in front of us
# (0: the header is ignored). The same function feeds the members' rate limits.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "portal.client.client_ip"

# Confirmation links in registration mails stay valid this long (seconds).
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# Security: strict by default, relaxed only where DEBUG needs plain http.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Health probes talk to the instance directly, over plain http (portal/health.py).
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

TAGGIT_CASE_INSENSITIVE = True

# JSON lines in production (one object per line, for the log collector), text in development.
# INFO includes one line per request (portal.request); runserver prints its own in development.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT moet json of text zijn.")

# Seconds a cached search answer may be kept (kennisbank/read_cache.py); 0 turns the cache off.
KENNISBANK_READ_CACHE_SECONDS = int(os.environ.get("KENNISBANK_READ_CACHE_SECONDS", "300"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "portal.logs.JsonFormatter"},
        "text": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("LOG_LEVEL", "WARNING" if DEBUG else "INFO"),
    },
}
