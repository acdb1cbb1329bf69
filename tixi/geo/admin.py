from django.contrib import admin

from tixi.accounts.admin import ScopedAdmin
from tixi.geo.models import Division, Population


@admin.register(Division)
class DivisionAdmin(ScopedAdmin):
    list_display = ["code", "name", "level", "valid_from", "valid_to", "is_synthetic"]
    list_filter = ["level", "is_synthetic"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent", "successor"]


@admin.register(Population)
class PopulationAdmin(ScopedAdmin):
    list_display = ["division", "year", "sex", "age_band", "count"]
    list_filter = ["year", "sex", "age_band"]
    raw_id_fields = ["division"]
