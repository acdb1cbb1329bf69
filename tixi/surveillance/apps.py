from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveillanceConfig(AppConfig):
    name = "tixi.surveillance"
    verbose_name = _("Surveillance and early warning")

    def ready(self):
        from django.db.models.signals import post_save

        from tixi.exchange.models import ImportBatch
        from tixi.surveillance import names, tables
        from tixi.surveillance.hooks import after_import

        tables.register()
        names.register()
        post_save.connect(after_import, sender=ImportBatch, dispatch_uid="surveillance_after_import")
