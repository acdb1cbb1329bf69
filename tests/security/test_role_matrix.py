"""The role matrix: every URL the resolver knows (pages, API, exports, downloads) × every role ×
an object in the county's scope (米易) and one outside it (达川), with the answer each should get.
A new URL without a row here fails `test_every_url_has_a_row` (temba's CRUDL test mixin is the model).

Reads: the status of a GET. Writes: a POST (PATCH on API details) by every role, with a valid body
(`tests/security/matrix_bodies.py`, an empty PATCH on API details, or none where none is needed): a
role with the capability succeeds (2xx/3xx) and the row is written; a role without it gets 403 (or 404
where the object is outside its scope) and nothing is written. A new write without a body fails
`test_every_write_has_a_body`."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from tests.conftest import DACHUAN, MIYI
from tests.security.matrix_bodies import BODIES
from tixi.accounts.permissions import Capability, can

pytestmark = pytest.mark.django_db

ROLES = ("planner", "county", "institution", "cdc", "auditor", "dazhou", "dachuan")
C = Capability


def routes():
    """Every route string, the admin and DRF's format-suffix twins (the same views) left out."""

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if not str(p.pattern).startswith("admin"):
                    yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if "(?P<format>" not in route and "<drf_format_suffix" not in route:
                    yield route

    return sorted(set(walk(get_resolver().url_patterns)))


# route → (path in scope, path outside, GET answers by role (in, out), write capability or None)
# `all` = every role; `scoped` = the county's scope is within 攀枝花: planner, county, cdc, auditor
# see 米易, the institution user does not; only the planner (攀枝花 and the seed regions) sees 达川.
# The two 达州 roles see it the other way round: the 达州 planner and the 达川 county see 达川, not 米易
# (for them the "inside" column is the object outside their scope: a planner of another city).
SCOPED_IN = {
    "planner": 200,
    "county": 200,
    "institution": 404,
    "cdc": 200,
    "auditor": 200,
    "dazhou": 404,
    "dachuan": 404,
}
SCOPED_OUT = {
    "planner": 200,
    "county": 404,
    "institution": 404,
    "cdc": 404,
    "auditor": 404,
    "dazhou": 200,
    "dachuan": 200,
}
# the roles whose scope holds 达川 and not 米易
DAZHOU_ROLES = ("dazhou", "dachuan")
ALL = dict.fromkeys(ROLES, 200)

# Surveillance: who reads what, in one place (the signal pages may be narrowed to fewer roles: edit
# the answers here). Case reports and channel counts are read within the scope like the registry.
# Early-warning signals: every role but the institution reads them (`Capability.SEE_SIGNALS`).
SIGNAL_LIST = {**ALL, "institution": 403}  # the signals page and the API lists (filtered to the scope)
SIGNAL_IN = {**SCOPED_IN, "institution": 403}  # a signal or compound signal of 米易
SIGNAL_OUT = {**SCOPED_OUT, "institution": 403}  # ... of 达川
CASE_LIST = ALL  # the case report and channel count lists (filtered to the scope): reporters read theirs
CASES_IN, CASES_OUT = SCOPED_IN, SCOPED_OUT  # a case report or channel count of 米易 / 达川
CATALOGUE = ALL  # the disease list and the trigger rules, shared by every region
# Allocation norms: each role reads the norms of its places and of the regions above them (a city's
# norm binds its counties): a 攀枝花 norm is read by every role of 米易, a 达川 norm by the planner only.
# Writing needs `Capability.EDIT_NORMS` and a region in the writer's scope (tests/layout/test_norm_writes.py).
NORM_IN, NORM_OUT = {**ALL, "dazhou": 404, "dachuan": 404}, SCOPED_OUT
NORM_FORM = {**dict.fromkeys(ROLES, 403), "planner": 200, "dazhou": 200}  # the new-norm form: writers only

# The apps added last: each of their routes is walked by every role inside and outside the scope,
# unless it is a list or a shared catalogue (no object of a place) named here.
NEWER_APPS = re.compile(
    r"^(surveillance|hospitals|layout|access)/|^api/\^?(case-reports|channel-counts|diseases|trigger-rules|signals|compound-signals|norms)/"
)
LISTS_AND_CATALOGUES = {
    "surveillance/",
    "api/^case-reports/$",
    "api/^channel-counts/$",
    "api/^diseases/$",
    "api/^diseases/(?P<code>[^/.]+)/$",
    "api/^trigger-rules/$",
    "api/^trigger-rules/(?P<code>[^/.]+)/$",
    "api/^signals/$",
    "api/^compound-signals/$",
    "api/^norms/$",
    "layout/norms/",
    "layout/norms.xlsx",
    "layout/norms/new/",
}


def build(objects):
    o = objects
    return {
        "i18n/setlang/": (None, None, None, None),  # a POST-only language switch, no data
        "api/schema/": ("/api/schema/", None, ALL, None),
        "api/docs/": ("/api/docs/", None, ALL, None),
        "api/redoc/": ("/api/redoc/", None, ALL, None),
        "api/expressions/describe/": ("/api/expressions/describe/?expression=1", None, ALL, None),
        "api/plans/": ("/api/plans/", None, ALL, None),
        "api/plans/<slug:code>/evaluation/": (
            f"/api/plans/{o['plan_in']}/evaluation/?year=2024&division={MIYI}",
            f"/api/plans/{o['plan_out']}/evaluation/?year=2024",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "api/analytics/": (None, None, None, None),  # needs dimensions; tests/indicators covers it
        "api/completeness/": (f"/api/completeness/?division={MIYI}&year=2024", None, SCOPED_IN, None),
        "api/datasets/": ("/api/datasets/", None, ALL, None),
        "api/dataValueSets": (
            f"/api/dataValueSets?orgUnit={MIYI}&period=2024",
            f"/api/dataValueSets?orgUnit={DACHUAN}&period=2024",
            (SCOPED_IN, SCOPED_OUT),
            C.ENTER_DATA,
        ),
        "api/dataValueSets.<str:ext>": (
            f"/api/dataValueSets.csv?orgUnit={MIYI}&period=2024",
            None,
            SCOPED_IN,
            C.ENTER_DATA,
        ),
        "api/^divisions/$": ("/api/divisions/", None, ALL, C.EDIT_DIVISIONS),
        "api/^divisions/(?P<code>[^/.]+)/$": (
            f"/api/divisions/{MIYI}/",
            f"/api/divisions/{DACHUAN}/",
            (SCOPED_IN, SCOPED_OUT),
            C.EDIT_DIVISIONS,
        ),
        "api/divisions/<str:code>/figures/": (
            f"/api/divisions/{MIYI}/figures/?year=2024",
            f"/api/divisions/{DACHUAN}/figures/?year=2024",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "api/^population/$": ("/api/population/", None, ALL, C.EDIT_DIVISIONS),
        "api/^population/total/$": (f"/api/population/total/?division={MIYI}&year=2024", None, None, None),
        "api/^population/(?P<pk>[^/.]+)/$": (
            f"/api/population/{o['population_in']}/",
            f"/api/population/{o['population_out']}/",
            (SCOPED_IN, SCOPED_OUT),
            C.EDIT_DIVISIONS,
        ),
        "api/^institutions/$": ("/api/institutions/", None, ALL, C.EDIT_REGISTRY),
        "api/^institutions/(?P<code>[^/.]+)/$": (
            f"/api/institutions/{o['institution_in']}/",
            f"/api/institutions/{o['institution_out']}/",
            (SCOPED_IN, SCOPED_OUT),
            C.EDIT_REGISTRY,
        ),
        "api/^resources/$": ("/api/resources/", None, ALL, C.EDIT_REGISTRY),
        "api/^resources/(?P<pk>[^/.]+)/$": (
            f"/api/resources/{o['resources_in']}/",
            f"/api/resources/{o['resources_out']}/",
            (SCOPED_IN, SCOPED_OUT),
            C.EDIT_REGISTRY,
        ),
        "api/^indicators/$": ("/api/indicators/", None, ALL, C.MANAGE_CATALOGUE),
        "api/^indicators/(?P<code>[^/.]+)/$": (
            f"/api/indicators/{o['indicator']}/",
            None,
            ALL,
            C.MANAGE_CATALOGUE,
        ),
        "api/^datavalues/$": ("/api/datavalues/", None, ALL, C.ENTER_DATA),
        "api/^datavalues/(?P<pk>[^/.]+)/$": (None, None, None, C.ENTER_DATA),  # tests/indicators
        "api/^case-reports/$": ("/api/case-reports/", None, CASE_LIST, C.REPORT_CASES),
        "api/^case-reports/(?P<pk>[^/.]+)/$": (
            f"/api/case-reports/{o['case_in']}/",
            f"/api/case-reports/{o['case_out']}/",
            (CASES_IN, CASES_OUT),
            C.REPORT_CASES,
        ),
        "api/^channel-counts/$": ("/api/channel-counts/", None, CASE_LIST, C.REPORT_CASES),
        "api/^channel-counts/(?P<pk>[^/.]+)/$": (
            f"/api/channel-counts/{o['count_in']}/",
            f"/api/channel-counts/{o['count_out']}/",
            (CASES_IN, CASES_OUT),
            C.REPORT_CASES,
        ),
        "api/^diseases/$": ("/api/diseases/", None, CATALOGUE, None),
        "api/^diseases/(?P<code>[^/.]+)/$": ("/api/diseases/hfmd/", None, CATALOGUE, None),
        "api/^trigger-rules/$": ("/api/trigger-rules/", None, CATALOGUE, None),
        "api/^trigger-rules/(?P<code>[^/.]+)/$": (
            "/api/trigger-rules/respiratory-township/",
            None,
            CATALOGUE,
            None,
        ),
        "api/^signals/$": ("/api/signals/", None, SIGNAL_LIST, None),
        "api/^signals/(?P<pk>[^/.]+)/$": (
            f"/api/signals/{o['signal_in']}/",
            f"/api/signals/{o['signal_out']}/",
            (SIGNAL_IN, SIGNAL_OUT),
            None,
        ),
        "api/^signals/(?P<pk>[^/.]+)/move/$": (  # POST only: walked by the write tests
            f"/api/signals/{o['signal_in']}/move/",
            f"/api/signals/{o['signal_out']}/move/",
            None,
            C.VERIFY_SIGNALS,
        ),
        "api/^compound-signals/$": ("/api/compound-signals/", None, SIGNAL_LIST, None),
        "api/^compound-signals/(?P<pk>[^/.]+)/$": (
            f"/api/compound-signals/{o['compound_in']}/",
            f"/api/compound-signals/{o['compound_out']}/",
            (SIGNAL_IN, SIGNAL_OUT),
            None,
        ),
        "api/^norms/$": ("/api/norms/", None, ALL, C.EDIT_NORMS),
        "api/^norms/(?P<code>[^/.]+)/$": (
            f"/api/norms/{o['norm_in']}/",
            f"/api/norms/{o['norm_out']}/",
            (NORM_IN, NORM_OUT),
            C.EDIT_NORMS,
        ),
        "api/^norms/(?P<code>[^/.]+)/history/$": (
            f"/api/norms/{o['norm_in']}/history/",
            f"/api/norms/{o['norm_out']}/history/",
            (NORM_IN, NORM_OUT),
            None,
        ),
        "layout/norms/": ("/layout/norms/", None, ALL, None),
        "layout/norms.xlsx": ("/layout/norms.xlsx", None, ALL, None),
        "layout/norms/new/": ("/layout/norms/new/", None, NORM_FORM, C.EDIT_NORMS),
        "layout/norms/<slug:code>/": (
            f"/layout/norms/{o['norm_in']}/",
            f"/layout/norms/{o['norm_out']}/",
            (NORM_IN, NORM_OUT),
            C.EDIT_NORMS,
        ),
        "layout/norms/<slug:code>/delete/": (  # POST only: walked by the write tests
            f"/layout/norms/{o['norm_in']}/delete/",
            f"/layout/norms/{o['norm_out']}/delete/",
            None,
            C.EDIT_NORMS,
        ),
        "api/": ("/api/", None, ALL, None),
        "": ("/", None, dict.fromkeys(ROLES, 302), None),
        "login/": ("/login/", None, ALL, None),
        "logout/": (None, None, None, None),  # would end the session under test
        "audit/": (
            "/audit/",
            None,
            {**dict.fromkeys(ROLES, 403), "planner": 200, "auditor": 200, "dazhou": 200},
            None,
        ),
        "divisions/": ("/divisions/", None, ALL, None),
        "divisions/<str:code>/": (
            f"/divisions/{MIYI}/",
            f"/divisions/{DACHUAN}/",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "divisions/<str:code>/map.json": (
            f"/divisions/{MIYI}/map.json",
            f"/divisions/{DACHUAN}/map.json",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "layout/<str:code>/gaps/": (
            f"/layout/{MIYI}/gaps/?year=2024",
            f"/layout/{DACHUAN}/gaps/?year=2024",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "layout/<str:code>/coverage/": (
            f"/layout/{MIYI}/coverage/?year=2024",
            f"/layout/{DACHUAN}/coverage/?year=2024",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "layout/<str:code>/site/": (  # POST saves a scenario or makes projects: planners only
            f"/layout/{MIYI}/site/?year=2024",
            f"/layout/{DACHUAN}/site/?year=2024",
            (SCOPED_IN, SCOPED_OUT),
            C.PLAN,
        ),
        "institutions/": ("/institutions/", None, ALL, None),
        "institutions/new/": ("/institutions/new/", None, None, C.EDIT_REGISTRY),
        "institutions/<str:code>/": (
            f"/institutions/{o['institution_in']}/",
            f"/institutions/{o['institution_out']}/",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "institutions/<str:code>/edit/": (
            f"/institutions/{o['institution_in']}/edit/",
            None,
            None,
            C.EDIT_REGISTRY,
        ),
        "institutions/<str:code>/resources/<int:year>/": (
            f"/institutions/{o['institution_in']}/resources/2024/",
            None,
            None,
            C.EDIT_REGISTRY,
        ),
        "institutions/<str:code>/resources/<int:year>/field/": (
            f"/institutions/{o['institution_in']}/resources/2024/field/",
            None,
            None,
            C.EDIT_REGISTRY,
        ),
        "plans/": ("/plans/", None, ALL, None),
        "datavalues/": ("/datavalues/", None, ALL, C.ENTER_DATA),
        "plans/<slug:code>/": (
            f"/plans/{o['plan_in']}/?division={MIYI}",
            f"/plans/{o['plan_out']}/",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "plans/<slug:code>/targets/<int:order>/": (None, None, None, None),  # tests/indicators
        "^plans/(?P<code>[-\\w]+)/report\\.(?P<fmt>docx|xlsx)$": (
            f"/plans/{o['plan_in']}/report.xlsx?division={MIYI}",
            f"/plans/{o['plan_out']}/report.xlsx",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "imports/": ("/imports/", None, ALL, C.IMPORT),
        "imports/<int:pk>/confirm/": (None, None, None, None),  # tests/exchange/test_import_scope.py
        "imports/<int:pk>/errors.xlsx": (None, None, None, None),  # idem
        "imports/<int:pk>/undo/": (None, None, None, None),  # idem
        "imports/templates/<str:table>.xlsx": ("/imports/templates/population.xlsx", None, ALL, None),
        "approvals/": (f"/approvals/?division={MIYI}&year=2024", None, SCOPED_IN, C.APPROVE),
        "validation/": (f"/validation/?division={MIYI}&year=2024", None, SCOPED_IN, C.APPROVE),
        "datasets/": ("/datasets/", None, ALL, None),
        "datasets/<slug:code>/entry/": (None, None, None, None),  # tests/exchange/test_data_sets.py
        "datasets/<slug:code>/entry/field/": (None, None, None, None),  # tests/security/test_roles.py
        "datasets/<slug:code>/completeness/": (None, None, None, None),  # tests/exchange
        "ledger/": ("/ledger/", None, ALL, None),
        "hospitals/": (
            f"/hospitals/?division={MIYI}&year=2024",
            f"/hospitals/?division={DACHUAN}&year=2024",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "hospitals/upcoding/": (
            f"/hospitals/upcoding/?division={MIYI}&year=2024",
            f"/hospitals/upcoding/?division={DACHUAN}&year=2024",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "hospitals/<str:code>/": (
            f"/hospitals/{o['institution_in']}/",
            f"/hospitals/{o['institution_out']}/",
            (SCOPED_IN, SCOPED_OUT),
            None,
        ),
        "ledger/projects/": ("/ledger/projects/", None, ALL, None),
        "ledger/projects/<int:pk>/": (
            None,
            f"/ledger/projects/{o['project_out']}/",
            (None, SCOPED_OUT),
            None,
        ),
        "ledger/plans/<slug:code>/tasks/new/": (
            f"/ledger/plans/{o['plan_in']}/tasks/new/",
            None,
            None,
            C.PLAN,
        ),
        "ledger/tasks/<int:pk>/": (None, f"/ledger/tasks/{o['task_out']}/", (None, SCOPED_OUT), None),
        "ledger/tasks/<int:pk>/edit/": (f"/ledger/tasks/{o['task_out']}/edit/", None, None, C.PLAN),
        "ledger/drafts/": (None, None, None, C.PLAN),
        "ledger/units/<int:pk>/": (None, f"/ledger/units/{o['unit_out']}/", (None, SCOPED_OUT), None),
        "ledger/attachments/<int:pk>/": (None, None, None, None),  # tests/ledger/test_scope.py
        "surveillance/": ("/surveillance/", None, SIGNAL_LIST, None),
        "surveillance/signals/<int:pk>/": (
            f"/surveillance/signals/{o['signal_in']}/",
            f"/surveillance/signals/{o['signal_out']}/",
            (SIGNAL_IN, SIGNAL_OUT),
            C.VERIFY_SIGNALS,
        ),
    }


def test_every_url_has_a_row(objects):
    table = build(objects)
    assert sorted(set(routes()) - set(table)) == [], "a URL without a row in the role matrix"
    assert sorted(set(table) - set(routes())) == [], "a row for a URL that is gone"


def test_the_newer_apps_are_walked_inside_and_outside_the_scope(objects):
    """Every route of surveillance, hospitals, layout (and access) is read by every role on an object
    inside and one outside the county's scope, or written there (POST-only routes), unless it is a
    list or a shared catalogue."""
    table = build(objects)
    newer = [route for route in routes() if NEWER_APPS.search(route)]
    assert len(newer) >= 17, newer
    unwalked = []
    for route in newer:
        if route in LISTS_AND_CATALOGUES:
            assert table[route][0] and table[route][2], route
            continue
        inside, outside, answers, capability = table[route]
        read_both = isinstance(answers, tuple) and all(answers) and inside and outside
        written_both = answers is None and capability and inside and outside
        if not (read_both or written_both):
            unwalked.append(route)
    assert unwalked == []


def client_for(user, path):
    if path.startswith("/api/"):
        client = APIClient()
        client.force_authenticate(user)
    else:
        client = Client()
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_reads(users, objects, role):
    user = users[role]
    wrong = []
    for route, (inside, outside, answers, _capability) in build(objects).items():
        if answers is None:
            continue
        answers_in, answers_out = answers if isinstance(answers, tuple) else (answers, None)
        for path, expected in ((inside, answers_in), (outside, answers_out)):
            if path is None or expected is None:
                continue
            status = client_for(user, path).get(path).status_code
            if status != expected[role]:
                wrong.append((route, path, status, expected[role]))
    assert wrong == [], "\n".join(map(str, wrong))


def test_anonymous_reads_nothing(objects):
    for route, (inside, _outside, _answers, _capability) in build(objects).items():
        if inside is None or route in ("login/", "api/schema/", "api/docs/", "api/redoc/"):
            continue
        response = Client().get(inside)
        if inside.startswith("/api/"):  # the API challenges (401 and how to authenticate), never 403
            assert response.status_code == 401, (route, response.status_code)
            assert response["WWW-Authenticate"] == "Token", route
        else:  # a page sends to the login form
            assert response.status_code == 302 and "/login/" in response["Location"], (
                route,
                response.status_code,
            )


# writes naming their place in the body, not in the path: each writer names its own place (米易 or
# 达川, its institution); a place outside the scope is refused by the field (tests/security/
# test_scope_real_writes.py, tests/exchange/test_dhis2.py)
PLACE_IN_THE_BODY = {
    "api/dataValueSets",
    "api/dataValueSets.<str:ext>",
    "api/^divisions/$",
    "api/^population/$",
    "api/^institutions/$",
    "api/^resources/$",
    "api/^indicators/$",
    "api/^datavalues/$",
    "api/^case-reports/$",
    "api/^channel-counts/$",
    "api/^norms/$",
    "layout/norms/new/",
    "institutions/new/",
    "datavalues/",
    "imports/",
}
# ... of those, the ones naming a division: the institution user's scope is one institution and no
# division, so it has no place to name there and is refused by the field (400 naming it)
DIVISION_IN_THE_BODY = PLACE_IN_THE_BODY - {"api/^resources/$", "api/^indicators/$", "imports/"}
SCOPED_BY_INSTITUTION = ("institution",)


def write(user, path, body=None, content_type=""):
    client = client_for(user, path)
    detail = path.startswith("/api/") and re.search(r"/api/[-\w]+/[^/?]+/$", path.split("?")[0])
    send = client.patch if detail else client.post
    body = body or {}
    if content_type:
        return send(path, body, content_type=content_type)
    return send(path, body, format="json") if path.startswith("/api/") else send(path, body)


def said(response) -> str:
    """What a wrong answer said, for the failure message (the field a 400 names)."""
    text = response.content.decode(errors="replace")
    errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', text, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", " ".join(errors) or text)[:300]


# The norm delete and the validation run need no field; API details take an empty
# PATCH (a valid partial update). Every other write has a valid body in `BODIES`.
EMPTY_BODY_IS_VALID = {
    "layout/norms/<slug:code>/delete/",
    "validation/",
}


def is_api_detail(path: str) -> bool:
    return path.startswith("/api/") and bool(re.search(r"/api/[-\w]+/[^/?]+/$", path.split("?")[0]))


def test_every_write_has_a_body(objects):
    """A write of the table that is sent no valid body could pass with a 400: a new write needs one
    in `BODIES` (tests/security/matrix_bodies.py), unless an empty body is valid for it."""
    writes = {
        r: inside for r, (inside, _o, _a, capability) in build(objects).items() if capability and inside
    }
    without = {r for r, inside in writes.items() if r not in BODIES and r not in EMPTY_BODY_IS_VALID}
    assert {r for r in without if not is_api_detail(writes[r])} == set()
    assert set(BODIES) <= set(writes), set(BODIES) - set(writes)


# rows without an object outside the scope whose path still names a place or object of 攀枝花 (米易's
# institution, the city's plan, 米易's approvals): outside the scope of the two 达州 roles
PANZHIHUA_ONLY = {
    "institutions/<str:code>/edit/",
    "institutions/<str:code>/resources/<int:year>/",
    "institutions/<str:code>/resources/<int:year>/field/",
    "approvals/",
    "validation/",
    "ledger/plans/<slug:code>/tasks/new/",
}


def of_panzhihua(route, outside) -> bool:
    """Whether the row's "inside" path names a place or object of 攀枝花 (outside the 达州 roles' scope)."""
    return route not in PLACE_IN_THE_BODY and (outside is not None or route in PANZHIHUA_ONLY)


@pytest.mark.parametrize("role", ROLES)
def test_writes_follow_the_table(users, objects, role):
    """Each role writes the rows' "inside" objects with a valid body: allowed with the capability, the
    write succeeds (2xx/3xx) and its row is created or changed; refused (the role lacks the
    capability, or the object is outside its scope: 米易's, written by a planner of 达州 or the county
    of 达川), it is 403 or 404 and nothing is written."""
    user = users[role]
    wrong = []
    for route, (inside, outside, answers, capability) in build(objects).items():
        if capability is None or inside is None:
            continue
        spec = BODIES.get(route)
        before = spec.effect(objects, user) if spec else None
        body = spec.make(objects, user) if spec else None
        path = spec.path(objects) if spec and spec.path else inside
        response = write(user, path, body, spec.content_type if spec else "")
        status = response.status_code
        after = spec.effect(objects, user) if spec else None
        read_in = answers[0] if isinstance(answers, tuple) else answers
        # an object the role does not see (the institution user and 米易's objects): a write is 404
        unseen = route not in PLACE_IN_THE_BODY and bool(read_in) and read_in[role] == 404
        no_place = route in DIVISION_IN_THE_BODY and role in SCOPED_BY_INSTITUTION
        # 米易's institution, the city's plan, 米易's approvals: outside the institution user's scope too
        unseen = unseen or (route in PANZHIHUA_ONLY and role in SCOPED_BY_INSTITUTION)
        allowed = (
            can(user, capability)
            and not unseen
            and not no_place
            and not (role in DAZHOU_ROLES and of_panzhihua(route, outside))
        )
        refusals = (400, 403, 404) if no_place else (403, 404)
        if status >= 500 or (allowed and status >= 400) or (not allowed and status not in refusals):
            wrong.append((route, status, "allowed" if allowed else "refused", said(response)))
        elif spec and (before != after) != allowed:
            wrong.append(
                (
                    route,
                    status,
                    "allowed" if allowed else "refused",
                    "written" if before != after else "unchanged",
                )
            )
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_writes_outside_the_scope(users, objects, role):
    """On an object of 达川 only the planner (whose scope holds the seed regions) and the two 达州 roles
    may write, and only with the capability; every other role is refused (404: it does not see the
    object, or 403)."""
    user = users[role]
    wrong = []
    for route, (_inside, outside, _answers, capability) in build(objects).items():
        if capability is None or outside is None or route in PLACE_IN_THE_BODY:
            continue
        seen = role in ("planner", *DAZHOU_ROLES)
        status = write(user, outside).status_code
        allowed = seen and can(user, capability)
        if status >= 500 or (allowed and status == 403) or (not allowed and status not in (403, 404)):
            wrong.append((route, status, "allowed" if allowed else "refused"))
    assert wrong == []


def test_a_signal_page_names_no_institution_outside_the_scope():
    """The resources near a signal (beds, ambulances, fever clinics, the CDC) are the county's, but only
    those of institutions the reader's scope holds: a CDC analyst of one township of 米易 is not shown
    the rest of the county's registry (whose pages answer it 404)."""
    import datetime as dt

    from django.utils import timezone

    from tests.factories import user as make_user
    from tixi.geo.models import Division
    from tixi.registry.models import Institution
    from tixi.surveillance.models import Signal

    township = Division.objects.current().filter(parent__code=MIYI).order_by("code").first()
    now = timezone.now()
    signal = Signal.objects.create(
        source="cases", code="hfmd", division=township, resolution="week", basis="report",
        period_start=dt.date(2025, 10, 13), period_label="2025-W42", method="cidars-percentile",
        method_version="test", observed=5, threshold=2, raised_at=now, verify_by=now + dt.timedelta(hours=24),
    )  # fmt: skip
    outside = Institution.objects.filter(division__path__startswith=township.parent.path).exclude(
        division__path__startswith=township.path
    )
    named = {i.name for i in outside} | {i.code for i in outside}
    assert named
    page = Client()
    page.force_login(make_user("cdc", divisions=[township]))
    response = page.get(f"/surveillance/signals/{signal.pk}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert [name for name in named if name in text] == []
    everyone = Client()
    everyone.force_login(make_user("cdc", divisions=[township.parent]))  # the county's analyst sees them
    assert any(name in everyone.get(f"/surveillance/signals/{signal.pk}/").content.decode() for name in named)


def test_a_form_naming_an_object_of_another_place_than_its_page_is_refused(users):
    """The siting page of 米易 turns only 米易's scenarios into projects: a scenario of 达川 named in its
    form (by id) is 404 there, even for the planner whose scope holds both, and nothing is made."""
    from tixi.geo.models import Division
    from tixi.layout.models import SitingScenario

    dachuan = Division.objects.current().get(code=DACHUAN)
    township = Division.objects.current().filter(parent=dachuan).order_by("code").first()
    site = {
        "place": township.code,
        "place_name": township.name,
        "near": "",
        "longitude": 107.5,
        "latitude": 31.2,
    }
    scenario = SitingScenario.objects.create(
        name="达川方案", division=dachuan, year=2024, kind="township", minutes=30, sites=[site],
        covered_before=0, newly_covered=10, bound=10, gap_percent=0,
    )  # fmt: skip
    page = Client()
    page.force_login(users["planner"])
    form = {"action": "projects", "scenario": scenario.pk, "plan": "dachuan-14th-health"}
    assert page.post(f"/layout/{MIYI}/site/?year=2024", form).status_code == 404
    scenario.refresh_from_db()
    assert scenario.projects == []


def test_no_write_without_the_csrf_token(objects):
    """Every write of the table, pages and API alike, sent by a logged-in browser session without the
    CSRF token is refused as such (403 naming CSRF), even for a superuser who may write everything."""
    from tests.factories import user as make_user

    superuser = make_user("planner", is_superuser=True, is_staff=True)
    wrong = []
    for route, (inside, outside, _answers, capability) in build(objects).items():
        for path in (inside, outside):
            if capability is None or path is None:
                continue
            client = (
                APIClient(enforce_csrf_checks=True)
                if path.startswith("/api/")
                else Client(enforce_csrf_checks=True)
            )
            client.force_login(superuser)  # a session, as a browser has (a token is not a cookie)
            detail = path.startswith("/api/") and re.search(r"/api/[-\w]+/[^/?]+/$", path.split("?")[0])
            send = client.patch if detail else client.post
            response = send(path, {}, format="json") if path.startswith("/api/") else send(path, {})
            if response.status_code != 403 or "CSRF" not in response.content.decode():
                wrong.append((route, path, response.status_code))
    assert wrong == []


ODD_PARAMETERS = [
    f"/layout/{MIYI}/gaps/?year=abc",
    f"/layout/{MIYI}/gaps/?year=99999999999999999999",
    f"/layout/{MIYI}/coverage/?year=-1&whatif=1&minutes=-5",
    f"/layout/{MIYI}/coverage/?whatif=1&minutes=nan",
    f"/layout/{MIYI}/coverage/?whatif=1&minutes=inf&kind=bogus",
    f"/layout/{MIYI}/coverage/?whatif=1&close=bogus&add=bogus",
    f"/layout/{MIYI}/site/?k=0",
    f"/layout/{MIYI}/site/?k=abc",
    f"/layout/{MIYI}/site/?k=99999",
    f"/layout/{MIYI}/site/?k=3&minutes=-5",
    f"/layout/{MIYI}/site/?k=3&minutes=nan",
    f"/layout/{MIYI}/site/?k=3&candidates=0",
    f"/layout/{MIYI}/site/?k=3&sweep=-1",
    f"/layout/{MIYI}/site/?k=3&kind=bogus",
    "/layout/%00/coverage/",
    "/hospitals/?year=abc&figure=bogus",
    "/hospitals/?division=abc",
    "/hospitals/?division=%00",
    "/hospitals/upcoding/?division=500237000000&year=2000",
    "/hospitals/%00/",
    "/surveillance/?status=bogus&county=%00&overdue=abc",
    "/surveillance/signals/99999999999999999999/",
    "/api/signals/99999999999999999999/",
    "/api/signals/abc/",
    "/api/case-reports/99999999999999999999/",
    "/api/case-reports/?page=-1&division=abc",
]


def test_odd_parameters_on_the_newer_apps_are_never_a_500(users):
    """Non-numeric and out-of-range years, k = 0, huge k, negative or NaN minutes, unknown kinds and
    codes, ids beyond 64 bits: a message or a 4xx, never a 500."""
    page = Client(raise_request_exception=False)
    page.force_login(users["planner"])
    api = APIClient(raise_request_exception=False)
    api.force_authenticate(users["planner"])
    answers = {
        path: (api if path.startswith("/api/") else page).get(path).status_code for path in ODD_PARAMETERS
    }
    assert {path: status for path, status in answers.items() if status >= 500} == {}


GARBAGE = "垃圾\x1b"  # not a number, a date, a code or a choice, and an escape in a text


def garbled(body):
    """The valid body with every value made garbage (an upload stays a file: its content is read)."""
    if isinstance(body, str):
        return f"{GARBAGE},{GARBAGE},,\n"
    return {k: v if hasattr(v, "read") else GARBAGE for k, v in body.items()}


def names_a_field(response) -> bool:
    """A refusal that says what is wrong: a JSON object of fields (or DRF's parse error), a DHIS2
    import summary with its conflicts, or a page with an error list or message."""
    if response.get("Content-Type", "").startswith("application/json"):
        data = response.json()
        return isinstance(data, dict) and bool(data.get("conflicts") or set(data) - {"detail"})
    text = response.content.decode()
    return 'class="errorlist' in text or 'class="error"' in text


def test_empty_and_garbage_bodies_are_refused_naming_the_field(objects):
    """Every write of the table, by a superuser (who may write everything, anywhere), sent an empty
    body and its valid body with every value garbage: a 4xx that names what is wrong, never a 5xx
    and never a success (an empty body only where none is needed: the norm delete,
    the validation run, an empty PATCH)."""
    from tests.factories import user as make_user

    superuser = make_user("planner", is_superuser=True, is_staff=True)
    wrong = []
    for route, (inside, _outside, _answers, capability) in build(objects).items():
        if capability is None or inside is None:
            continue
        spec = BODIES.get(route)
        path = spec.path(objects) if spec and spec.path else inside
        tries = [("empty", "" if spec and spec.content_type else {})]
        if spec:
            tries.append(("garbage", garbled(spec.make(objects, superuser))))
        for kind, body in tries:
            empty_is_valid = kind == "empty" and (route in EMPTY_BODY_IS_VALID or is_api_detail(path))
            response = write(superuser, path, body, spec.content_type if spec else "")
            status = response.status_code
            if empty_is_valid:
                if status >= 400:
                    wrong.append((route, kind, status, said(response)))
            elif not 400 <= status < 500 or not names_a_field(response):
                wrong.append((route, kind, status, said(response)))
    assert wrong == [], "\n".join(map(str, wrong))


def test_an_empty_or_unknown_approval_is_a_400_naming_the_field(users):
    """An empty POST to /approvals/ was a 404 (a child division of code ""): the action is named."""
    from tixi.exchange.models import Approval

    page = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    page.force_login(users["county"])
    before = list(Approval.objects.values_list("pk", "status"))
    for body, field in (({}, "操作"), ({"action": "bogus"}, "操作"), ({"action": "return"}, "区划")):
        response = page.post(f"/approvals/?division={MIYI}&year=2024", body)
        assert response.status_code == 400, (body, response.status_code)
        assert re.search(rf'<li class="error" role="alert">{field}：[^<]+</li>', response.content.decode()), (
            body
        )
    assert list(Approval.objects.values_list("pk", "status")) == before
