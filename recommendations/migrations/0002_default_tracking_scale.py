"""Load the Leeds recommendation-tracking scale (DOMAIN.md) as the default, editable data."""

from django.db import migrations

LEEDS_SCALE = [
    (1, "Stop monitoring or determine whether any further action is required", "grey", True),
    (2, "Achieved", "green", True),
    (3, "Not achieved (Obstacle)", "red", False),
    (4, "Not achieved (Progress made acceptable. Continue monitoring)", "yellow", False),
    (5, "Not achieved (Progress made not acceptable. Continue monitoring)", "orange", False),
    (6, "Not for monitoring", "purple", True),
]


def load_scale(apps, schema_editor):
    TrackingStatus = apps.get_model("recommendations", "TrackingStatus")
    for position, name, colour, ends_monitoring in LEEDS_SCALE:
        TrackingStatus.objects.get_or_create(
            position=position,
            defaults={"name": name, "colour": colour, "ends_monitoring": ends_monitoring},
        )


def unload_scale(apps, schema_editor):
    TrackingStatus = apps.get_model("recommendations", "TrackingStatus")
    TrackingStatus.objects.filter(name__in=[row[1] for row in LEEDS_SCALE]).delete()


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0001_initial")]
    operations = [migrations.RunPython(load_scale, unload_scale)]
