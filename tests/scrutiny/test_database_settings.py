"""How the application's PostgreSQL connections are set up (scrutiny/settings.py)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a PostgreSQL planner setting"
)


@pytest.mark.django_db
def test_the_planner_costs_a_random_read_as_for_data_in_memory():
    # With the server's default of 4, the home pages' due lists merged a board's reports
    # with every inquiry in the council instead of looking up the few they need.
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
