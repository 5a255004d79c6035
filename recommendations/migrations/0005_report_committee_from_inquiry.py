# Every existing report comes from an inquiry: its committee is the inquiry's.
# (Its own migration: PostgreSQL cannot alter a table with pending deferred FK checks.)

from django.db import migrations
from django.db.models import OuterRef, Subquery


def committee_from_inquiry(apps, schema_editor):
    Report = apps.get_model('recommendations', 'Report')
    Inquiry = apps.get_model('recommendations', 'Inquiry')
    Report.objects.filter(inquiry__isnull=False).update(
        committee=Subquery(Inquiry.objects.filter(pk=OuterRef('inquiry')).values('committee')[:1])
    )


class Migration(migrations.Migration):

    dependencies = [
        ('recommendations', '0004_report_source_inspection_and_committee'),
    ]

    operations = [
        migrations.RunPython(committee_from_inquiry, migrations.RunPython.noop),
    ]
