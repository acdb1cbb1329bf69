from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tixi.core"
    verbose_name = _("Tixi")

    def ready(self):
        from tixi.core import clock
        from tixi.core.validators import guard_text_fields

        clock.connect_signals()

        guard_text_fields(c for c in apps.get_app_configs() if c.name.startswith("tixi."))
