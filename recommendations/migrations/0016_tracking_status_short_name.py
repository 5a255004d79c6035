"""Tracking statuses get a short name for their tags in lists and tables; the Leeds scale's
long names get theirs where a council has left them as loaded (0002)."""

from django.db import migrations, models

# The Leeds scale's names that wrap over many lines in a table's column, and their short
# names. A status a council has renamed keeps no short name until someone gives it one.
LEEDS_SHORT_NAMES = {
    "Stop monitoring or determine whether any further action is required": "Stop monitoring",
    "Not achieved (Progress made acceptable. Continue monitoring)": (
        "Not achieved: progress acceptable"
    ),
    "Not achieved (Progress made not acceptable. Continue monitoring)": (
        "Not achieved: progress not acceptable"
    ),
}


def name_leeds_statuses(apps, schema_editor):
    TrackingStatus = apps.get_model("recommendations", "TrackingStatus")
    for name, short_name in LEEDS_SHORT_NAMES.items():
        TrackingStatus.objects.filter(name=name, short_name="").update(short_name=short_name)


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0015_withdrawn_indexes")]

    operations = [
        migrations.AddField(
            model_name="trackingstatus",
            name="short_name",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Shown on the status's tag in lists and tables, where a long name would "
                    "wrap over many lines, e.g. “Not achieved: progress acceptable”. Leave "
                    "blank to show the name."
                ),
                max_length=40,
            ),
        ),
        migrations.RunPython(name_leeds_statuses, migrations.RunPython.noop),
    ]
