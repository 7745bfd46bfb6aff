from django.apps import AppConfig


class KennisbankConfig(AppConfig):
    name = "kennisbank"
