from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "Scrutiny and recommendations"

    def ready(self) -> None:
        from . import tally

        post_migrate.connect(tally.rebuild_after_migrate, sender=self)
