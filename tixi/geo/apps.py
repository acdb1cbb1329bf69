from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "tixi.geo"
    verbose_name = _("Divisions and population")

    def ready(self):
        from tixi.geo import names

        names.register()  # the audit trail names population rows in the reader's language
