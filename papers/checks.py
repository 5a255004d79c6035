"""System checks of what the papers need from the machine."""

import ctypes.util

from django.core import checks


def harfbuzz_subsetter_found() -> bool:
    """Whether the system has the library WeasyPrint subsets fonts with
    (libharfbuzz-subset). Asked of the system's library index, not of WeasyPrint, whose
    import would add 0.4 s to every start of Django (each management command, the daily
    reminders) for the sake of a warning; a test checks the two agree."""
    return ctypes.util.find_library("harfbuzz-subset") is not None


def font_subsetting_warnings(*, subsetter_found: bool) -> list[checks.CheckMessage]:
    """A warning when the HarfBuzz subsetter is missing.

    Papers are still made then, their fonts subset by fontTools instead, which is slower
    (0.16 s more of the 200-recommendation tracking report) and which WeasyPrint says it
    will stop supporting.
    """
    if subsetter_found:
        return []
    return [
        checks.Warning(
            "WeasyPrint cannot find the HarfBuzz subsetter (libharfbuzz-subset), so board "
            "papers take longer to make.",
            hint="Install the system package libharfbuzz-subset0 (Debian and Ubuntu): "
            "`make install` does so where it can.",
            id="papers.W001",
        )
    ]


@checks.register(checks.Tags.compatibility)
def check_font_subsetting(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return font_subsetting_warnings(subsetter_found=harfbuzz_subsetter_found())
