from django.contrib import admin

from tixi.accounts.admin import ScopedAdmin
from tixi.registry.models import Department, Designation, Institution, InstitutionYear


@admin.register(Institution)
class InstitutionAdmin(ScopedAdmin):
    list_display = ["code", "name", "type", "level", "grade", "ownership", "division", "is_synthetic"]
    list_filter = ["type", "level", "grade", "ownership", "is_synthetic"]
    search_fields = ["code", "name"]
    raw_id_fields = ["division", "parent"]


@admin.register(InstitutionYear)
class InstitutionYearAdmin(ScopedAdmin):
    list_display = ["institution", "year", "actual_beds", "health_workers", "physicians", "nurses"]
    list_filter = ["year"]
    raw_id_fields = ["institution", "division"]

    def delete_queryset(self, request, queryset):
        """The admin's "delete selected": one DELETE and one audit entry, not one of each per row."""
        from tixi.registry import actions

        scope = request.GET.urlencode() or "selected in the admin"
        actions.delete_yearly_reports(queryset, scope=f"admin: {scope}"[:120])


@admin.register(Designation)
class DesignationAdmin(admin.ModelAdmin):
    list_display = ["institution", "kind", "value", "obtained_on"]
    list_filter = ["kind"]
    raw_id_fields = ["institution"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).filter(institution__in=Institution.objects.visible_to(request.user))
        )


@admin.register(Department)
class DepartmentAdmin(DesignationAdmin):
    list_display = ["institution", "kind", "opened_on", "closed_on"]
