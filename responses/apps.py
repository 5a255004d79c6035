from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "responses"
    verbose_name = "Responses and position statements"

    def ready(self) -> None:
        # Keeps the recommendations' search documents in step with every write.
        from . import search

        search.connect_receivers()
