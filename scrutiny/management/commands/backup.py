import os
import subprocess
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from scrutiny.backup import EXCLUDED, pg_dump_to, pg_tools_fit


class Command(BaseCommand):
    help = (
        "Export every record and its history to a file (whatever its name) that `restore` "
        "reads back: on PostgreSQL with its client tools, pg_dump's custom format; "
        "otherwise JSON. The file is readable by its owner only: it holds password "
        "hashes, calendar secrets and drafts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", required=True, help="The file to write.")

    def handle(self, *args, output: str, **options):
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        # Written next to the target, owner-only from the first byte, then moved into
        # place: never a half-written backup under the real name, never world-readable.
        partial = target.with_name(f".{target.name}.partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)  # in case a previous attempt left it with other rights
        try:
            if pg_tools_fit():
                with os.fdopen(descriptor, "wb") as stream:
                    pg_dump_to(stream)
            else:
                with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                    # Plain keys (no natural keys: a query per reference per row); the
                    # content types and permissions are in the file, so the keys hold.
                    call_command(
                        "dumpdata",
                        exclude=EXCLUDED,
                        indent=1,
                        format="json",
                        stdout=stream,
                        verbosity=0,
                    )
            os.replace(partial, target)
        except subprocess.CalledProcessError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(
                f"pg_dump failed, and no backup was written: {error.stderr.decode(errors='replace')}"
            ) from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        self.stdout.write(self.style.SUCCESS(f"Everything exported to {output}."))
