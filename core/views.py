"""View pieces every app shares: the permission base every rule-checking view uses (its
object read once a request), private-record permissions and service-backed forms; the
pages of a job done off the request."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django.views.generic.edit import BaseCreateView
from rules.contrib.views import PermissionRequiredMixin

from .history import EditConflict
from .jobs import jobs_visible_to
from .models import Job
from .services import record_save


class ObjectPermissionMixin(PermissionRequiredMixin):
    """The one base of every view that checks a rule (rules' PermissionRequiredMixin):
    the object the rule is checked against is read once per request.

    rules asks the view's `get_object()` for that object in dispatch(); Django's detail,
    edit and delete views ask again in get() and post(), and a view's own refusal
    handling may ask once more. Each would be another query for the same row, so the
    first read is kept on the view (Django makes a view instance per request) and given
    to every later ask. A view with no object of its own (a list, a form) or none yet (a
    create view) is checked against no object, as rules does."""

    _object_read: Model | None = None

    def get_permission_object(self) -> Model | None:
        # As rules does, except that rules asks any view that has a get_object(), and this
        # base gives every view one: look for one of the view's own.
        if isinstance(self, BaseCreateView) or not self._has_own_get_object():
            return None
        return self.get_object()

    @classmethod
    def _has_own_get_object(cls) -> bool:
        return any(
            "get_object" in vars(base) for base in cls.__mro__ if base is not ObjectPermissionMixin
        )

    def get_object(self, queryset: QuerySet | None = None) -> Model:
        if queryset is not None:
            # Another queryset asks for another read (say, with rows locked): not kept,
            # and what is kept stays the page's object.
            return super().get_object(queryset)
        if self._object_read is None:
            self._object_read = super().get_object()
        return self._object_read


class PrivatePermissionMixin(ObjectPermissionMixin):
    """For things whose very existence is private (drafts, exempt reports, unpublished
    inspections): everyone who may not read one gets 404, signed in or not, exactly as
    for an address that holds nothing, so an address reveals nothing. (The 404 page
    offers the sign-in to those who have an account.)"""

    def handle_no_permission(self):
        raise Http404


def query_without(request: HttpRequest, *names: str) -> str:
    """The request's query string without `names` (its page or its format), for links
    that add their own: the same list, another page or another form of it."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def show_refusal(form, error: ValidationError) -> None:
    """Show a service's refusal on the form that asked for the write, nothing saved."""
    if isinstance(error, EditConflict):
        # Keep the user's edits on screen, now answering the latest version, so that
        # saving again is a choice made knowing what the other person changed.
        form.data = form.data.copy()
        form.data[form.add_prefix("version")] = error.current_version
        form.add_error(None, error)
    elif hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


@contextmanager
def refusal_as_message(request: HttpRequest) -> Iterator[None]:
    """For a button that only POSTs (agree, restore, tell the directorates): a service's
    refusal inside the block becomes an error message on the next page, nothing saved,
    and the rest of the block (its success message) is skipped."""
    try:
        yield
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))


class ServiceFormMixin:
    """A form view whose write is done by a service function.

    Subclasses implement `perform(form)`; a ValidationError from the service is shown
    on the form like any other error, and nothing is saved.
    """

    success_message = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kept = getattr(self.request, "kept_input", None)
        if kept is not None and self.request.method == "GET":
            # What the user typed before their session ended (core.continuity): shown
            # bound, with any errors, and saved only when they choose to.
            kwargs["data"] = kept
        return kwargs

    def perform(self, form):  # pragma: no cover - abstract
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.object = self.perform(form)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        # Not super(): ModelFormMixin would save the form a second time, behind the service.
        return HttpResponseRedirect(self.get_success_url())


class ParentObjectMixin:
    """A page about something that belongs to a parent named in the URL (a meeting of a
    committee, a report of an inquiry...): `self.parent`, or 404 when there is none.

    With `parent_form_kwarg`, the form is given the parent under that name; with
    `parent_instance_field`, the form's new object is given it in that field; with
    `return_to_parent`, a successful form returns to the parent's page."""

    parent_model: type[Model]
    parent_url_kwarg = ""
    parent_form_kwarg = ""
    parent_instance_field = ""
    return_to_parent = False

    def get_parent_queryset(self):
        return self.parent_model._default_manager.all()

    def dispatch(self, request, *args, **kwargs):
        self.parent = get_object_or_404(
            self.get_parent_queryset(), pk=kwargs[self.parent_url_kwarg]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.parent_form_kwarg:
            kwargs[self.parent_form_kwarg] = self.parent
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.parent_instance_field:
            setattr(form.instance, self.parent_instance_field, self.parent)
        return form

    def get_success_url(self):
        if self.return_to_parent:
            return self.parent.get_absolute_url()
        return super().get_success_url()


class RecordFormView(ObjectPermissionMixin, ServiceFormMixin):
    """Create or edit a piece of the record on the shared form page; `perform` saves it
    through a service (by default `record_save`, which validates and stamps the user)."""

    template_name = "form_page.html"
    page_title = ""
    parent = None  # set by ParentObjectMixin: the object the form belongs to
    fallback_url_name = "home"  # the back link when there is neither parent nor object

    def perform(self, form):
        return record_save(instance=form.save(commit=False), user=self.request.user)

    def get_success_url(self):
        return self.object.get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.page_title
        back_to = self.parent or getattr(self, "object", None)
        context["back_url"] = (
            back_to.get_absolute_url() if back_to else reverse(self.fallback_url_name)
        )
        return context


@require_POST
def session_keep_alive(request: HttpRequest) -> JsonResponse:
    """ "Stay signed in": any request renews the session (SESSION_SAVE_EVERY_REQUEST);
    this one says how long it now has. Signed-out callers get 401, not a sign-in page."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False}, status=401)
    return JsonResponse({"signed_in": True, "expires_in": settings.SESSION_COOKIE_AGE})


class JobMixin:
    """A job's pages: its owner's (and staff's) alone; 404 for everyone else, signed in
    or not, as for an address that holds nothing."""

    def dispatch(self, request, *args, **kwargs):
        self.job = get_object_or_404(jobs_visible_to(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class JobDetailView(JobMixin, TemplateView):
    """How far a job has got (the page refreshes itself until it is done), then its
    download, or why it failed."""

    template_name = "core/job_detail.html"
    refresh_seconds = 3

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            job=self.job, refresh_seconds=self.refresh_seconds, **kwargs
        )


class JobDownloadView(JobMixin, View):
    def get(self, request, *args, **kwargs):
        if self.job.state != Job.State.DONE:
            raise Http404
        content = Job.objects.values_list("result", flat=True).get(pk=self.job.pk)
        response = HttpResponse(bytes(content), content_type=self.job.content_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=self.job.filename
        )
        return response
