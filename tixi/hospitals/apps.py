from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HospitalsConfig(AppConfig):
    name = "tixi.hospitals"
    verbose_name = _("Hospital performance")

    def ready(self):
        # exchange (a lower layer) dispatches `tixi import/template discharges` to the streamed importer;
        # the plan targets (indicators) ask for a share's gap in cases
        from tixi.exchange.streamed import StreamedTable, register
        from tixi.hospitals import figures, importing, targets
        from tixi.hospitals.engine.grouper import stays
        from tixi.indicators.services import CASE_GAPS

        register(
            StreamedTable(
                "discharges",
                _("discharge records"),
                importing.discharge_template,
                importing.import_discharges,
            )
        )
        CASE_GAPS.append(targets.gap_finder)
        # stays without the payer's DRG are grouped by Tixi's CHS-DRG 1.1 grouper (`tixi drg`)
        figures.set_grouper(stays.group_stays, stays.NAME)
