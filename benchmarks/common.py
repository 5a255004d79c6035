"""What every benchmark needs: Django set up on the database it measures, and each step
run in a process of its own (its peak memory and its Django set-up are its own)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_setup(database_url: str | None = None, **environment: str) -> None:
    """Django on `database_url` (default: DATABASE_URL as it is), with any other
    environment defaults the benchmark needs."""
    if database_url is not None:
        os.environ["DATABASE_URL"] = database_url
    for name, value in {"DJANGO_SETTINGS_MODULE": "scrutiny.settings", **environment}.items():
        os.environ.setdefault(name, value)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def run_step(module: str, *args: str) -> dict:
    """Run `python -m <module> args` and return the JSON its last line prints."""
    result = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"benchmark step failed: {module} {' '.join(args)}")
    return json.loads(result.stdout.strip().splitlines()[-1])
