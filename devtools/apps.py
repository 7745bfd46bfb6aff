from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Benchmarks, the relevance evaluation and the demo loaders: development only.

    Installed when DEBUG is on (settings); production (DEBUG=0) never loads it, and the package
    is left out of the installable distribution (pyproject).
    """

    name = "devtools"
    verbose_name = "Ontwikkelhulpmiddelen"
