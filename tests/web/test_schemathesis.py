"""A bounded schemathesis run against /openapi.json (issue 17): every operation, about 30 generated requests
each, valid and invalid, and every answer below 500 and as the schema describes it."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402  (after the importorskip)

TOKEN = "test-token-5b1f0e7c2d"  # the `writer` fixture's token (tests/web/conftest.py)


@pytest.fixture(scope="module")
def api_schema(store):
    """The API over the web tests' small store, with writing on (requests without the token get 401)."""
    from quotegraph.settings import Settings
    from quotegraph.web import create_app

    return schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(db=store, token=TOKEN)))


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_answers_as_its_schema_says(case):
    # Every check but one: a schema cannot say which days a month has, so a request the schema allows
    # (since=2021-02-30, since=0000) may rightly be a 400 that says why (tests/robustness/test_store_errors.py).
    case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])
