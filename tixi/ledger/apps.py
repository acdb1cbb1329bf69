from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "tixi.ledger"
    verbose_name = _("Task ledger and major projects")
