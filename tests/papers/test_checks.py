from django.core import checks
from weasyprint.text.ffi import harfbuzz_subset

from papers.checks import font_subsetting_warnings


def test_a_machine_without_the_harfbuzz_subsetter_is_warned_how_to_install_it():
    (warning,) = font_subsetting_warnings(subsetter_found=False)

    assert warning.id == "papers.W001"
    assert warning.level == checks.WARNING
    assert "libharfbuzz-subset0" in warning.hint


def test_a_machine_with_the_harfbuzz_subsetter_is_not_warned():
    assert font_subsetting_warnings(subsetter_found=True) == []


def test_the_system_checks_agree_with_weasyprint_on_whether_this_machine_has_the_subsetter():
    warned = any(
        message.id == "papers.W001"
        for message in checks.run_checks(tags=[checks.Tags.compatibility])
    )

    assert warned == (harfbuzz_subset is None)
