from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/council-account/", views.CouncilSignInView.as_view(), name="council_sign_in"),
    path(
        "sign-in/council-account/callback/",
        views.CouncilCallbackView.as_view(),
        name="council_callback",
    ),
    path(
        "sign-in/council-account/failed/",
        views.CouncilSignInFailedView.as_view(),
        name="council_sign_in_failed",
    ),
    path("sign-in/code/", views.TwoFactorView.as_view(), name="two_factor"),
    path("sign-in/recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("people/invite/", views.InviteView.as_view(), name="invite"),
    path("people/invite/csv/", views.InviteFromCsvView.as_view(), name="invite_csv"),
]
