"""The whole API fuzzed from its own OpenAPI schema (schemathesis over WSGI), bounded in time: no 5xx,
responses and status codes as the schema says."""

import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tixi.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


# the county user (writes its registry, refused the plans) and the planner (who may write most of the
# API: plans, targets, norms, the ledger), so that the write paths are fuzzed past their refusal too
@pytest.fixture(params=["county", "planner"])
def token(request, users):
    from rest_framework.authtoken.models import Token

    return Token.objects.get_or_create(user=users[request.param])[0].key


@pytest.fixture(autouse=True)
def the_test_keeps_its_connection():
    """Schemathesis calls the WSGI application itself, so each call ends with Django's
    request_finished, whose close_old_connections drops a connection left inside a transaction: the
    test's own on PostgreSQL (SQLite's in-memory test database is never closed). Django's test client
    disconnects it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_answers_as_its_schema_says(case, token):
    # Every check but two: "schema-valid data is accepted" (a schema cannot say that a code has 12
    # digits and names a division in the caller's scope, so such requests rightly get a documented
    # 400/404) and "invalid authentication is refused" (the WSGI client keeps the session cookie of
    # earlier calls; tests/security/test_role_matrix.py checks anonymous access).
    case.call_and_validate(
        headers={"Authorization": f"Token {token}"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance, schemathesis.checks.ignored_auth],
    )


@pytest.mark.django_db
def test_every_operation_challenges_an_anonymous_caller():
    """Without a session or a token every operation answers 401 with WWW-Authenticate (not 403), and
    the schema documents that 401."""
    from django.test import Client

    document = Client().get("/api/schema/?format=json").json()
    wrong = []
    for path, operations in document["paths"].items():
        url = re.sub(r"\{[^}]+\}", "1", path)
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            response = getattr(Client(), method)(url, content_type="application/json")
            if response.status_code != 401 or response.get("WWW-Authenticate") != "Token":
                wrong.append((method, path, response.status_code, response.get("WWW-Authenticate")))
            if "401" not in operation["responses"]:
                wrong.append((method, path, "401 undocumented"))
    assert wrong == []
