from django.apps import AppConfig


class ModellentoolConfig(AppConfig):
    name = "modellentool"
