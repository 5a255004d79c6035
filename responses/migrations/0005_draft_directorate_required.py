# A separate migration: PostgreSQL cannot alter a table with the backfill's pending
# (deferred) foreign-key checks in the same transaction.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("responses", "0004_draft_directorate"),
    ]

    operations = [
        migrations.AlterField(
            model_name="positionstatement",
            name="directorate",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="recommendations.directorate",
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="directorate",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="recommendations.directorate",
            ),
        ),
        ]
