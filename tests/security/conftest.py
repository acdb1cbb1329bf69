"""The objects the role matrix and the attack probes walk: one inside the county's scope (米易), one
outside it (达川), for each kind of page."""

import pytest

from tests.conftest import DACHUAN, MIYI


@pytest.fixture
def objects():
    from tixi.geo.models import Population
    from tixi.indicators.models import Indicator, Plan
    from tixi.ledger.models import Project, Task, Unit
    from tixi.registry.models import Institution, InstitutionYear

    def institution(code):
        return Institution.objects.filter(division__path__contains=code).order_by("code").first()

    from tests.surveillance.factories import role_matrix_objects

    dachuan_plan = Plan.objects.filter(region__code=DACHUAN).first()
    city_plan = Plan.objects.filter(region__code="510400000000").first()
    return {
        "plan_in": city_plan.code,
        "plan_out": dachuan_plan.code,
        "institution_in": institution(MIYI).code,
        "institution_out": institution(DACHUAN).code,
        "resources_in": InstitutionYear.objects.filter(institution=institution(MIYI)).first().pk,
        "resources_out": InstitutionYear.objects.filter(institution=institution(DACHUAN)).first().pk,
        "population_in": Population.objects.filter(division__path__contains=MIYI).first().pk,
        "population_out": Population.objects.filter(division__path__contains=DACHUAN).first().pk,
        "indicator": Indicator.objects.order_by("code").first().code,
        "project_out": Project.objects.filter(plan=dachuan_plan).first().pk,
        "task_out": Task.objects.filter(plan__region__code="511700000000").first().pk,  # 达州's plan
        "unit_out": Unit.objects.filter(division__code=DACHUAN).first().pk,
        "norm_in": "pzh-beds",  # 攀枝花's, above 米易
        "norm_out": "dc-ambulances",  # 达川's
        **role_matrix_objects(MIYI, DACHUAN),
    }
