"""What every API view shares: scope filtering, role-based write permission, model validation."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import permissions, serializers

from tixi.core.errors import message_dict


class RoleWritePermission(permissions.BasePermission):
    """Reading needs a login; writing needs a role that may write (auditors may not)."""

    message = "Your role may read but not change data."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        return request.method in permissions.SAFE_METHODS or request.user.can_write


class ScopedViewSetMixin:
    """Every row an API view reaches goes through the model's `visible_to(user)`."""

    permission_classes = [RoleWritePermission]
    base_queryset = None
    http_method_names = ["get", "post", "patch", "head", "options"]  # nothing is deleted through the API

    def get_queryset(self):
        return self.base_queryset.visible_to(self.request.user)


class CleanModelSerializer(serializers.ModelSerializer):
    """Runs the model's own clean() so that the API refuses what the pages and the CLI refuse."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = self.Meta.model(**{k: v for k, v in attrs.items() if not isinstance(v, list)})
        if self.instance is not None:
            for field in self.Meta.model._meta.concrete_fields:
                if field.attname not in attrs and field.name not in attrs:
                    setattr(instance, field.attname, getattr(self.instance, field.attname))
        try:
            instance.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(message_dict(error)) from error
        return attrs
