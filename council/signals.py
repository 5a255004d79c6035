from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CouncilSettings
from .selectors import forget_council_settings


@receiver(request_started)
def _fresh_settings_per_request(**kwargs) -> None:
    forget_council_settings()


@receiver(post_save, sender=CouncilSettings)
@receiver(post_delete, sender=CouncilSettings)
def _settings_changed(**kwargs) -> None:
    forget_council_settings()
