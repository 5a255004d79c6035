"""View pieces every app shares: private-record permissions and service-backed forms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from rules.contrib.views import PermissionRequiredMixin

from . import downloads
from .history import EditConflict


class PrivatePermissionMixin(PermissionRequiredMixin):
    """For things whose very existence is private (drafts, exempt reports): a signed-in
    user without permission gets 404, not 403; anyone else is asked to sign in."""

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise Http404
        return super().handle_no_permission()


class DownloadMixin:
    """A list page that also downloads as a file: the same URL with `format=csv` (or
    another format an app registered in core.downloads) gives the list's rows, with its
    filters and sort, as that file."""

    download_kind = ""
    download_name = "download"

    def download_queryset(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        make = downloads.find(self.download_kind, request.GET.get("format", ""))
        if make is None:
            return super().get(request, *args, **kwargs)
        return make(request, self.download_queryset(), self.download_name)


class ServiceFormMixin:
    """A form view whose write is done by a service function.

    Subclasses implement `perform(form)`; a ValidationError from the service is shown
    on the form like any other error, and nothing is saved.
    """

    success_message = ""

    def perform(self, form):  # pragma: no cover - abstract
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.object = self.perform(form)
        except EditConflict as conflict:
            # Keep the user's edits on screen, now answering the latest version, so that
            # saving again is a choice made knowing what the other person changed.
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = conflict.current_version
            form.add_error(None, conflict)
            return self.form_invalid(form)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, field_errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, field_errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        # Not super(): ModelFormMixin would save the form a second time, behind the service.
        return HttpResponseRedirect(self.get_success_url())
