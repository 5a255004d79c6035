from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from recommendations.models import TrackingStatus
from scrutiny.backup import database_is_empty


class Command(BaseCommand):
    help = "Restore a `backup` file into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A file written by `manage.py backup`.")

    def handle(self, *args, file: str, **options):
        if not Path(file).is_file():
            raise CommandError(f"{file} does not exist.")
        if not database_is_empty():
            raise CommandError(
                "The database already holds records: restore only into an empty database "
                "(create it and run `manage.py migrate` first). Nothing was changed."
            )
        with transaction.atomic():
            # The backup carries the council's own tracking scale, which replaces the default.
            TrackingStatus.objects.all().delete()
            call_command("loaddata", file, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Restored from {file}."))
