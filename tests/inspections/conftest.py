from datetime import date

import pytest

from inspections import services
from tests.inspections.factories import InspectionFactory


@pytest.fixture
def inspection(committee, directorate_a, officer):
    """A published inspection (7 January 2010) monitored by the conftest committee, saved
    through the service so that it has its report."""
    inspection = InspectionFactory.build(
        committee=committee, directorate=directorate_a, published_on=date(2010, 1, 7)
    )
    return services.inspection_save(inspection=inspection, user=officer)


@pytest.fixture
def finding(inspection, officer):
    """Area for improvement 1, due within three months (April 2010)."""
    return services.area_save(
        inspection=inspection,
        user=officer,
        number=1,
        text="Improve the quality of core assessments and case records.",
        timescale="three_months",
        theme="Looked after children",
    )
