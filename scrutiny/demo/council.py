"""The demo council's settings (the admin's "Council settings" page). Idempotent: an
administrator's later changes are kept."""

from council.models import CouncilSettings


def load_demo_council() -> None:
    CouncilSettings.objects.get_or_create(
        pk=CouncilSettings.SINGLETON_PK,
        defaults={
            "council_name": "Leeds City Council",
            "access_contact": "the Scrutiny Support Unit (scrutiny.support@leeds.gov.uk)",
        },
    )
