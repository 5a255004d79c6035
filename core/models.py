"""The base's records: what someone typed when their session had ended, and long work
done off the request."""

from django.conf import settings
from django.db import models

from core.reversing import url_for_id


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


class Job(models.Model):
    """Long work done off the request (a large paper's PDF, a large export): who asked,
    how far it has got, and its result, kept here in the database (never on local disk,
    so that any app server can serve it) until it expires."""

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "In progress"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    kind = models.CharField(max_length=50, help_text="Which task does it, e.g. papers.tracking.")
    title = models.CharField(max_length=300, help_text="What is being made, for its page.")
    params = models.JSONField(default=dict, blank=True)
    back_url = models.CharField(max_length=500, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    percent = models.PositiveSmallIntegerField(default=0)
    stage = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    result = models.BinaryField(blank=True, editable=False)
    result_size = models.PositiveIntegerField(default=0, help_text="Bytes.")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return url_for_id("core:job_detail", self.pk)

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
