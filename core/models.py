"""The base's one record: what someone typed when their session had ended."""

from django.conf import settings
from django.db import models


class KeptInput(models.Model):
    """A form posted after its author's session ended (see core.continuity): kept for
    that user alone, put back into the same form when they sign in again, then deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kept_inputs"
    )
    path = models.CharField(max_length=500)
    data = models.JSONField(help_text="The posted fields, each a list of values.")
    kept_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "path"], name="one_kept_input_per_form")
        ]

    def __str__(self) -> str:
        return f"Input kept for {self.user} at {self.path}"
