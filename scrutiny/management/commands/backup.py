from django.core.management import call_command
from django.core.management.base import BaseCommand

from scrutiny.backup import EXCLUDED


class Command(BaseCommand):
    help = "Export every record and its history to a JSON file that `restore` reads back."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", required=True, help="The file to write.")

    def handle(self, *args, output: str, **options):
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            natural_foreign=True,
            indent=1,
            output=output,
            verbosity=0,
        )
        self.stdout.write(self.style.SUCCESS(f"Everything exported to {output}."))
