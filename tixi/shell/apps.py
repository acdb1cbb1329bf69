from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShellConfig(AppConfig):
    """The top floor: the home page that sends a user to their scope, serving, benchmarks over every app."""

    name = "tixi.shell"
    verbose_name = _("Tixi")
