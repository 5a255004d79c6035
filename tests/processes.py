"""`manage.py` run in a process of its own, for the tests of what happens at start-up
(settings are read once per process, so a changed environment needs a new one)."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    """`manage.py args` with `environment` over this process's own, less its
    DJANGO_SECRET_KEY: the key is the one the test gives, or none."""
    env = {name: value for name, value in os.environ.items() if name != "DJANGO_SECRET_KEY"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**env, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
