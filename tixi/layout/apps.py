from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LayoutConfig(AppConfig):
    name = "tixi.layout"
    verbose_name = _("Layout and accessibility")
