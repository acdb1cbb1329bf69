"""What every API view shares: scope filtering, role-based write permission, model validation."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tixi.accounts.permissions import CapabilityPermission
from tixi.core.errors import message_dict


class ScopedViewSetMixin:
    """Every row an API view reaches goes through the model's `visible_to(user)`."""

    permission_classes = [CapabilityPermission]
    write_capability = None  # a Capability: what a role needs to write through this view
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


class DivisionCodeField(serializers.SlugRelatedField):
    """A 12-digit division code, checked for shape before it is looked up (current map)."""

    default_error_messages = {
        "does_not_exist": _("No division has this code."),
        "invalid": _("A division code must be exactly 12 digits."),
    }

    def __init__(self, **kwargs):
        from tixi.geo.models import Division

        kwargs.setdefault("queryset", Division.objects.current())
        super().__init__(slug_field="code", **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or len(data) != 12 or not data.isdigit():
            self.fail("invalid")
        division = self.get_queryset().filter(code=data).order_by("-valid_from").first()
        if division is None:
            self.fail("does_not_exist")
        return division


def division_in_scope(user, division):
    """The division, or a field error when the user's scope does not cover it."""
    from tixi.accounts.scope import scope_of

    if division is not None and not scope_of(user).covers_path(division.path):
        raise serializers.ValidationError(_("This division is outside your scope."))
    return division
