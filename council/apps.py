from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Council settings"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (clears the cached settings per request)
