from django.core.management.base import BaseCommand

from core.jobs import jobs_delete_expired


class Command(BaseCommand):
    help = "Delete the background jobs whose results have expired (run it daily)."

    def handle(self, *args, **options):
        deleted = jobs_delete_expired()
        self.stdout.write(f"Deleted {deleted} expired job{'s' if deleted != 1 else ''}.")
