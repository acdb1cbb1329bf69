"""The whole API fuzzed from its own OpenAPI schema (schemathesis over WSGI), bounded in time: no 5xx,
responses and status codes as the schema says."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tixi.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def token(users):
    from rest_framework.authtoken.models import Token

    return Token.objects.get_or_create(user=users["county"])[0].key


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
