from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from tixi.accounts.models import AuditEntry, User


class ScopedAdmin(admin.ModelAdmin):
    """The admin, like every page, shows only what the user's scope covers."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


def superusers_only(request) -> bool:
    """The admin narrows lists but not foreign-key choices or saves to a scope, so it is kept to
    superusers; planners, counties and institutions write through the scoped pages, API and imports."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = superusers_only


@admin.register(User)
class TixiUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Tixi", {"fields": ("role", "scope_divisions", "scope_institutions")}),
    )
    list_display = ["username", "role", "is_active", "is_staff"]
    raw_id_fields = ["scope_divisions", "scope_institutions"]

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "action", "model", "object_repr"]
    list_filter = ["action", "model"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
