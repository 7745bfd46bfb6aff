from django.apps import AppConfig


class NetwerkConfig(AppConfig):
    name = "netwerk"
