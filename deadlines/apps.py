from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "deadlines"
    verbose_name = "Deadlines, reminders and calendars"

    def ready(self) -> None:
        # Deadlines listens to the record's events and emails people about them; the
        # record does not import deadlines (see README, "Architecture").
        from . import notifications

        notifications.connect()
