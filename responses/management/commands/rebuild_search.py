from django.core.management.base import BaseCommand

from recommendations.models import Recommendation
from responses.search import search_documents_refresh

# Rows per UPDATE: each batch is one short statement, so the table is never locked long.
BATCH = 2000


class Command(BaseCommand):
    help = (
        "Rebuild every recommendation's stored search document (and, on PostgreSQL, its "
        "search vector): after a bulk load, or once after upgrading to full-text search."
    )

    def handle(self, *args, **options):
        ids = list(Recommendation.objects.order_by("pk").values_list("pk", flat=True))
        done = 0
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            done += search_documents_refresh(
                recommendations=Recommendation.objects.filter(pk__in=batch)
            )
        self.stdout.write(f"Rebuilt the search documents of {done} recommendations.")
