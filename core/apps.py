from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The base every app builds on: history, forms, the GOV.UK renderer, view mixins,
    email delivery, and keeping what a user typed when their session ended.

    It imports no other app of the project (tests/test_architecture.py holds it to that).
    """

    name = "core"
    verbose_name = "Core"
