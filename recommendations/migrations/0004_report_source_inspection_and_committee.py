# A report's source is an inquiry or an inspection; the committee that tracks it is stored.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0001_initial"),
        ("recommendations", "0003_alter_recommendation_report_back_meeting"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="committee",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reports",
                to="recommendations.committee",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="inspection",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reports",
                to="inspections.inspection",
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="inquiry",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reports",
                to="recommendations.inquiry",
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="kind",
            field=models.CharField(
                choices=[
                    ("interim", "Interim report"),
                    ("final", "Final report"),
                    ("inspection", "Inspection report"),
                ],
                default="final",
                max_length=20,
            ),
        ),
    ]
