from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "tixi.exchange"
    verbose_name = _("Data in and out")

    def ready(self):
        # approval locks the data that lower apps write (yearly reports, data values): they ask geo.locks
        from tixi.exchange import approval, workbooks
        from tixi.geo.locks import Locks, register_locks
        from tixi.registry.layouts import register_template_writer

        register_locks(Locks(approval.refuse_if_locked, approval.locked_cells, approval.state_of))
        # the institution list downloads in the import template's layout (registry, a lower layer)
        register_template_writer(workbooks.export)
