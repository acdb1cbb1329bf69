"""The attack probe of session 9 on the pages older than the newer apps (registry, institutions, yearly
reports, indicators and the catalogue, plans and scorecards, exports, imports, ledger, accounts,
dashboard): odd query parameters and odd form values by a planner are a message or a 4xx, never a 500."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.security.test_role_matrix import NEWER_APPS, build

pytestmark = pytest.mark.django_db

ODD_QUERIES = (
    "year=abc&page=abc&division=abc&plan=bogus&figure=bogus&sort=bogus&format=bogus&period=bogus",
    "year=99999999999999999999&page=-1&division=99999999999999999999&period=9999Q9&limit=-1&offset=-5",
    "year=-1&division=<script>&q=%27%20OR%201%3D1%20--&status=bogus&trajectory=bogus&language=xx",
)
ODD_FORM = {
    "year": "99999999999999999999",
    "value": "1e400",
    "name": "x" * 5000,
    "code": "../../etc/passwd",
    "division": "abc",
    "division_code": "<script>",
    "period": "2024Q9",
    "deadline": "2024-02-30",
    "progress": "-1",
    "percent": "nan",
    "plan": "bogus",
    "status": "bogus",
}


def client_for(user, path):
    client = (APIClient if path.startswith("/api/") else Client)(raise_request_exception=False)
    client.force_login(user)
    return client


def older(objects):
    for route, row in sorted(build(objects).items()):
        if not NEWER_APPS.search(route) and route not in ("logout/", "i18n/setlang/"):
            yield route, row


def test_odd_query_parameters_on_the_older_pages_are_never_a_500(users, objects):
    failures = []
    for _route, (inside, _outside, answers, _capability) in older(objects):
        if inside is None or answers is None:
            continue
        client = client_for(users["planner"], inside)
        for query in ODD_QUERIES:
            path = inside + ("&" if "?" in inside else "?") + query
            status = client.get(path).status_code
            if status >= 500:
                failures.append((path, status))
    assert failures == []


def test_odd_form_values_on_the_older_writes_are_never_a_500(users, objects):
    failures = []
    for _route, (inside, _outside, _answers, capability) in older(objects):
        if inside is None or capability is None:
            continue
        client = client_for(users["planner"], inside)
        if inside.startswith("/api/"):
            response = client.post(inside, ODD_FORM, format="json")
            detail = client.patch(inside, ODD_FORM, format="json")
            statuses = (response.status_code, detail.status_code)
        else:
            statuses = (client.post(inside, ODD_FORM).status_code,)
        if max(statuses) >= 500:
            failures.append((inside, statuses))
    assert failures == []
