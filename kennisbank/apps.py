from django.apps import AppConfig


class KennisbankConfig(AppConfig):
    name = "kennisbank"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from portal.models import Theme

        from .models import Item, Synonym
        from .read_cache import content_changed

        def changed(**kwargs):
            content_changed()

        # Anything a cached search answer or its reference data is built from (read_cache.py).
        for model in (Item, Theme, Synonym):
            post_save.connect(changed, sender=model, dispatch_uid=f"read_cache_{model.__name__}")
            post_delete.connect(changed, sender=model, dispatch_uid=f"read_cache_d{model.__name__}")
        for through in (Item.themes.through, Item.municipalities.through):
            m2m_changed.connect(changed, sender=through, dispatch_uid=f"read_cache_{through}")
