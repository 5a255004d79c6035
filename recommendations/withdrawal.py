"""Withdrawing an inquiry, report or recommendation entered by mistake, restoring one,
and deleting one for good where nothing refers to it. Officers only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView

from core.forms import GovukErrorMessagesMixin
from core.views import ObjectPermissionMixin, ServiceFormMixin, refusal_as_message

from . import selectors, services
from .models import Inquiry, Recommendation, Report, Withdrawable

# The URL's word for each kind of item that can be withdrawn.
KINDS: dict[str, type[Withdrawable]] = {
    "inquiries": Inquiry,
    "reports": Report,
    "recommendations": Recommendation,
}


class WithdrawForm(GovukErrorMessagesMixin, forms.Form):
    reason = forms.CharField(
        label="Why is it being withdrawn?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, “Entered twice by mistake”. Officers see this reason in its "
        "history.",
        error_messages={"required": "Enter why it is being withdrawn"},
    )


def _label(item: Withdrawable) -> str:
    if isinstance(item, Recommendation):
        return f"{item.title} of {item.report.title}"
    return str(item)


def _place_after_leaving(item: Withdrawable) -> str:
    """Where to go once the item is deleted: the page it was listed on."""
    if isinstance(item, Recommendation):
        return item.report.get_absolute_url()
    if isinstance(item, Report):
        return item.source.get_absolute_url()
    return item.committee.get_absolute_url()


class WithdrawableItemMixin(ObjectPermissionMixin):
    permission_required = "recommendations.withdraw_record"

    def dispatch(self, request, *args, **kwargs):
        model = KINDS.get(kwargs["kind"])
        if model is None:
            raise Http404
        self.item = get_object_or_404(model.objects.all(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            item=self.item,
            item_label=_label(self.item),
            back_url=self.item.get_absolute_url(),
            **kwargs,
        )


class RecordWithdrawView(WithdrawableItemMixin, ServiceFormMixin, FormView):
    form_class = WithdrawForm
    template_name = "recommendations/withdraw_form.html"

    def get(self, request, *args, **kwargs):
        if self.item.is_withdrawn:
            messages.info(request, f"{_label(self.item)} is already withdrawn.")
            return redirect(self.item)
        return super().get(request, *args, **kwargs)

    def perform(self, form):
        return services.record_withdraw(
            item=self.item, user=self.request.user, reason=form.cleaned_data["reason"]
        )

    @property
    def success_message(self):
        return (
            f"{_label(self.item)} withdrawn. It no longer appears in any list, count or "
            "paper; you can restore it from this page."
        )

    def get_success_url(self):
        return self.item.get_absolute_url()


class RecordRestoreView(WithdrawableItemMixin, TemplateView):
    """POST only: put a withdrawn item back."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        with refusal_as_message(request):
            services.record_restore(item=self.item, user=request.user)
            messages.success(request, f"{_label(self.item)} restored to the record.")
        return redirect(self.item)


class RecordDeleteView(WithdrawableItemMixin, TemplateView):
    """Asks first; deletes only what nothing refers to."""

    template_name = "recommendations/delete_confirm.html"

    def post(self, request, *args, **kwargs):
        leave_to = _place_after_leaving(self.item)
        label = _label(self.item)
        try:
            services.record_delete(item=self.item, user=request.user)
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(refusal=" ".join(error.messages)), status=200
            )
        messages.success(request, f"{label} deleted.")
        return HttpResponseRedirect(leave_to)


class WithdrawnListView(ObjectPermissionMixin, TemplateView):
    """What officers have withdrawn, to check or restore."""

    permission_required = "recommendations.withdraw_record"
    template_name = "recommendations/withdrawn_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(withdrawn=selectors.withdrawn_records(), **kwargs)
