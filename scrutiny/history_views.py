from django.apps import apps
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View

from core.csv import safe_csv_writer
from core.history import AUDITED_MODELS, history_of, record_readable
from core.views import ObjectPermissionMixin


class HistoryExportView(ObjectPermissionMixin, View):
    """A record's audit trail as CSV: when, who, what, field by field — only the versions
    the user may read; a record the user may not read answers 404, as its page does."""

    permission_required = "scrutiny.view_history"

    def dispatch(self, request, *args, **kwargs):
        # Before the audit-trail permission: a private record is a 404 to everyone who
        # may not read it, so that its address reveals nothing.
        kind = kwargs["kind"]
        if kind not in AUDITED_MODELS:
            raise Http404
        self.instance = get_object_or_404(apps.get_model(AUDITED_MODELS[kind]), pk=kwargs["pk"])
        if not record_readable(request.user, self.instance):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, kind: str, pk: int):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="history-{kind}-{pk}.csv"'
        writer = safe_csv_writer(response)
        writer.writerow(["When", "Who", "Change", "Field", "Before", "After"])
        for entry in history_of(self.instance, user=request.user):
            who = str(entry.who) if entry.who else "System"
            for change in entry.changes or [None]:
                writer.writerow(
                    [
                        entry.when.isoformat(timespec="seconds"),
                        who,
                        entry.kind,
                        change.field if change else "",
                        change.old if change else "",
                        change.new if change else "",
                    ]
                )
        return response
