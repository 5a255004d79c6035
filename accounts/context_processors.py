from django.urls import reverse

from .rules import is_directorate_user, is_officer


def navigation(request):
    """The service navigation, by role: each user sees the places their work is."""
    user = request.user
    items = [("Home", reverse("home"))]
    if is_directorate_user(user):
        items.append(("Your worklist", reverse("responses:worklist")))
    items += [
        ("Recommendations", reverse("recommendations:recommendation_list")),
        ("Inquiries", reverse("recommendations:inquiry_list")),
        ("Inspections", reverse("inspections:inspection_list")),
        ("Committees", reverse("recommendations:committee_list")),
    ]
    if is_officer(user) and user.is_staff:
        items.append(("Reference data", reverse("admin:index")))
    path = request.path
    return {
        "navigation": [
            {
                "label": label,
                "url": url,
                "active": path == url if url == "/" else path.startswith(url),
            }
            for label, url in items
        ]
    }
