from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tixi.accounts"
    verbose_name = _("Accounts and audit")

    def ready(self):
        from tixi.accounts import audit, login_audit

        audit.connect_signals()
        login_audit.connect_signals()
