"""Settings for `manage.py bench_load`'s gunicorn: production settings (DEBUG=0) except static
files, which are served by whitenoise from the finders instead of a collectstatic manifest.

TODO(issue 10, production static files): once `collectstatic` builds the manifest (fixed on the
production-path branch), drop this module and let bench_load run `collectstatic` and gunicorn
with `portal.settings` exactly as the README's "Deploying" section does
(kennisbank/management/commands/bench_load.py, SETTINGS_MODULE). The load generator never
fetches static files, so the figures do not depend on it.
"""

import os
import warnings

from portal.settings import *  # noqa: F403
from portal.settings import STORAGES

# No collectstatic, so no STATIC_ROOT: whitenoise's warning about it is expected here.
warnings.filterwarnings("ignore", message="No directory at")

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# bench_load --no-cache: the same load without kennisbank/read_cache.py (0 = off).
KENNISBANK_READ_CACHE_SECONDS = int(os.environ.get("BENCH_READ_CACHE_SECONDS", "300"))
