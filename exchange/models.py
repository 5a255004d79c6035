"""An import of a tracker file: what was uploaded, by whom, the choices made for it, and
how its run went. Kept after it is done as the record of the import."""

from django.conf import settings
from django.db import models

from core.reversing import url_for_id


class ImportJob(models.Model):
    class State(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded: being checked"
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Not imported"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for an import from the command line.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    # The file until it is imported (then emptied: the records it made are the result).
    content = models.BinaryField(blank=True, editable=False)
    sheet = models.CharField(max_length=100, blank=True)
    options = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.UPLOADED)
    stage = models.CharField(max_length=200, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    already_imported_count = models.PositiveIntegerField(default=0)
    summary = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import of {self.filename}"

    def get_absolute_url(self) -> str:
        return url_for_id("exchange:import_detail", self.pk)

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def change_reason(self) -> str:
        return f"Imported from {self.filename} (import {self.pk})"[:100]
