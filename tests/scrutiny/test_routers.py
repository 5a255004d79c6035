"""The optional read replica: which reads move to it, and that writes never do. (The
test databases have one alias; these check the routing decisions, not a second server.)"""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from recommendations.models import Recommendation
from scrutiny.routers import REPLICA, ReplicaRouter, reads_from_replica, replica_reads
from tests.factories import OfficerFactory


@pytest.fixture
def with_replica(settings):
    settings.DATABASES = {**settings.DATABASES, REPLICA: settings.DATABASES["default"]}


def _request(method: str, path: str, user=None):
    request = getattr(RequestFactory(), method)(path)
    request.user = user or AnonymousUser()
    return request


def test_a_public_page_reads_from_the_replica():
    assert reads_from_replica(_request("get", "/recommendations/"))


def test_an_api_read_reads_from_the_replica(db):
    assert reads_from_replica(_request("get", "/api/v1/recommendations", OfficerFactory()))


def test_a_signed_in_page_reads_from_the_primary(db):
    assert not reads_from_replica(_request("get", "/recommendations/", OfficerFactory()))


def test_a_post_reads_from_the_primary():
    assert not reads_from_replica(_request("post", "/api/v1/recommendations"))


def test_reads_in_a_replica_block_go_to_the_replica(with_replica):
    router = ReplicaRouter()
    assert router.db_for_read(Recommendation) is None
    with replica_reads():
        assert router.db_for_read(Recommendation) == REPLICA
        assert router.db_for_write(Recommendation) == "default"
    assert router.db_for_read(Recommendation) is None


def test_without_a_replica_every_read_stays_on_the_primary():
    assert REPLICA not in settings.DATABASES
    with replica_reads():
        assert ReplicaRouter().db_for_read(Recommendation) is None


def test_only_the_primary_is_migrated():
    assert ReplicaRouter().allow_migrate("default", "recommendations")
    assert not ReplicaRouter().allow_migrate(REPLICA, "recommendations")
