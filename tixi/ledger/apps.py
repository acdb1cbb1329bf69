from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "tixi.ledger"
    verbose_name = _("Task ledger and major projects")

    def ready(self):
        # the division dashboard (registry, a lower layer) shows what major projects will add
        from tixi.ledger.services import planned_capacity_in
        from tixi.registry.planned import register_planned_capacity

        register_planned_capacity(planned_capacity_in)
        from tixi.ledger.services import bed_projects_in
        from tixi.registry.planned import register_planned_bed_projects

        register_planned_bed_projects(bed_projects_in)
        # the layout app's siting scenarios become planned projects (layout sits beside the ledger)
        from tixi.indicators.planned_projects import register_project_writer
        from tixi.ledger.actions import projects_from_sites

        register_project_writer(projects_from_sites)
