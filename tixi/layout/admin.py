from django.contrib import admin

from tixi.layout.models import Norm


@admin.register(Norm)
class NormAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "region", "kind", "level", "minimum", "maximum", "per", "unit", "year"]
    list_filter = ["region", "kind", "unit"]
    search_fields = ["code", "name", "clause"]
