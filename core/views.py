"""View pieces every app shares: private-record permissions and service-backed forms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from rules.contrib.views import PermissionRequiredMixin

from .history import EditConflict


class PrivatePermissionMixin(PermissionRequiredMixin):
    """For things whose very existence is private (drafts, exempt reports, unpublished
    inspections): everyone who may not read one gets 404, signed in or not, exactly as
    for an address that holds nothing, so an address reveals nothing. (The 404 page
    offers the sign-in to those who have an account.)"""

    def handle_no_permission(self):
        raise Http404


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
