from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ('recommendations', '0005_report_committee_from_inquiry'),
    ]

    operations = [
        migrations.AlterField(
            model_name='report',
            name='committee',
            field=models.ForeignKey(blank=True, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='reports', to='recommendations.committee'),
        ),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('inquiry__isnull', False), ('inspection__isnull', True)), models.Q(('inquiry__isnull', True), ('inspection__isnull', False)), _connector='OR'), name='report_has_exactly_one_source', violation_error_message='A report comes from an inquiry or an inspection, not both and not neither.'),
        ),
    ]
