"""System checks of what the papers need from the machine."""

from django.core import checks
from weasyprint.text.ffi import harfbuzz_subset


def font_subsetting_warnings(harfbuzz_subset: object | None) -> list[checks.CheckMessage]:
    """A warning when WeasyPrint found no HarfBuzz subsetter (`harfbuzz_subset` is None).

    Papers are still made then, their fonts subset by fontTools instead, which is slower
    (0.16 s more of the 200-recommendation tracking report) and which WeasyPrint says it
    will stop supporting.
    """
    if harfbuzz_subset is not None:
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
    return font_subsetting_warnings(harfbuzz_subset)
