from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LayoutConfig(AppConfig):
    name = "tixi.layout"
    verbose_name = _("Layout and accessibility")

    def ready(self):
        # a plan target may read a norm's result for its division (indicators sits below layout)
        from tixi.indicators.services import NORM_RESULTS
        from tixi.layout import tables
        from tixi.layout.norms import norm_result

        NORM_RESULTS.append(norm_result)
        tables.register()  # the norms import (template, CLI, web page) through layout's own action
