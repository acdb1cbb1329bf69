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
