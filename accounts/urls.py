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
]
