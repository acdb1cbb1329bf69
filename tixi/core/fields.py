"""A time stamped by the platform's clock (`tixi.core.clock.now`), not the calendar's: on a served demo
living on its own today (TIXI_TODAY, or the day its database remembers) a change, an import or a
login is not dated after everything the demo holds; on a commission's database it is the real time."""

from django.db import models

from tixi.core import clock


class StampField(models.DateTimeField):
    """`auto_now` / `auto_now_add` as Django's, filled from the platform's clock."""

    def pre_save(self, model_instance, add):
        if self.auto_now or (self.auto_now_add and add):
            value = clock.now()
            setattr(model_instance, self.attname, value)
            return value
        return super().pre_save(model_instance, add)
