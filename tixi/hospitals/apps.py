from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HospitalsConfig(AppConfig):
    name = "tixi.hospitals"
    verbose_name = _("Hospital performance")
