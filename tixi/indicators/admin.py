from django.contrib import admin

from tixi.indicators.models import NationalTarget


@admin.register(NationalTarget)
class NationalTargetAdmin(admin.ModelAdmin):
    """National targets are country-wide reference values: no division scope applies."""

    list_display = ["indicator", "year", "value", "source"]
    list_filter = ["year"]
    search_fields = ["indicator__code", "indicator__name", "source"]
    raw_id_fields = ["indicator"]
