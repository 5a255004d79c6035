"""The one way to read the council's settings: `council_settings()`.

It is read once per request (and once per management command run) and reread after the
settings are saved, so pages cost no extra query per use.
"""

import threading

from .models import CouncilSettings

_cache = threading.local()


def council_settings() -> CouncilSettings:
    """The council's settings; the defaults (unsaved) before an administrator sets them."""
    cached = getattr(_cache, "settings", None)
    if cached is None:
        cached = CouncilSettings.objects.filter(pk=CouncilSettings.SINGLETON_PK).first()
        if cached is None:
            cached = CouncilSettings()
        _cache.settings = cached
    return cached


def forget_council_settings() -> None:
    """Drop the cached settings: the next read goes to the database."""
    _cache.settings = None
