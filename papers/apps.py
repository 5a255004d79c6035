from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = "Board papers"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the system checks
