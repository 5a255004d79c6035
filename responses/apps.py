from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "responses"
    verbose_name = "Responses and position statements"

    def ready(self):
        from recommendations.signals import recommendation_moved

        from .services import drafts_stay_with_their_directorate

        recommendation_moved.connect(
            drafts_stay_with_their_directorate, dispatch_uid="responses.drafts_on_move"
        )
