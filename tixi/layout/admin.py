from django.contrib import admin

from tixi.accounts.admin import ScopedAdmin
from tixi.layout import actions
from tixi.layout.forms import NormForm
from tixi.layout.models import Norm, NormVersion


@admin.register(Norm)
class NormAdmin(ScopedAdmin):
    """Saves and deletions go through the one action: versioned, audited, only where the user may;
    the list, like every admin list, narrowed to the user's scope (the admin is kept to superusers)."""

    form = NormForm
    list_display = ["code", "name", "region", "kind", "level", "minimum", "maximum", "per", "unit", "year"]
    list_filter = ["region", "kind", "unit"]
    search_fields = ["code", "name", "clause"]
    readonly_fields = ["revision"]

    def save_model(self, request, obj, form, change):
        values = form.values()
        stored = Norm.objects.get(pk=obj.pk) if change else None
        saved = actions.save_norm(values, request.user, stored)
        obj.pk, obj.revision = saved.pk, saved.revision

    def delete_model(self, request, obj):
        actions.delete_norm(obj, request.user)

    def delete_queryset(self, request, queryset):
        for norm in queryset:
            actions.delete_norm(norm, request.user)


@admin.register(NormVersion)
class NormVersionAdmin(admin.ModelAdmin):
    list_display = ["code", "revision", "action", "at", "username"]
    search_fields = ["code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
