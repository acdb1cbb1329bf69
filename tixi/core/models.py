from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoToday(models.Model):
    """The day a demo database was built for (one row, written by `tixi demo`): the platform's today
    on that database when TIXI_TODAY is not set (`tixi.core.clock`), so a demo served by `tixi serve`
    judges its deadlines on the day they were drawn for. Its presence marks the database as a demo's;
    a commission's database never holds it (`tixi demo` refuses to run on one)."""

    day = models.DateField(_("the demo's today"))

    class Meta:
        verbose_name = _("the demo's today")
        verbose_name_plural = _("the demo's today")

    def __str__(self):
        return f"{self.day:%Y-%m-%d}"
