import csv

from django.apps import apps
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from core.history import AUDITED_MODELS, history_of


class HistoryExportView(PermissionRequiredMixin, View):
    """A record's whole audit trail as CSV: when, who, what, field by field."""

    permission_required = "scrutiny.view_history"

    def get(self, request, kind: str, pk: int):
        if kind not in AUDITED_MODELS:
            raise Http404
        model = apps.get_model(AUDITED_MODELS[kind])
        instance = get_object_or_404(model, pk=pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="history-{kind}-{pk}.csv"'
        writer = csv.writer(response)
        writer.writerow(["When", "Who", "Change", "Field", "Before", "After"])
        for entry in history_of(instance):
            who = str(entry.who) if entry.who else "System"
            rows = entry.changes or [None]
            for change in rows:
                writer.writerow(
                    [
                        entry.when.isoformat(timespec="seconds"),
                        who,
                        entry.kind,
                        change.field if change else "",
                        _safe(change.old) if change else "",
                        _safe(change.new) if change else "",
                    ]
                )
        return response


def _safe(value: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in {"=", "+", "-", "@"} else value
