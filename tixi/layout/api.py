"""Allocation norms through the API: list (filtered, within the reader's places), read, create, change,
delete and each norm's revisions. Every write goes through `tixi.layout.actions` (checked, allowed by
`may_write_norm_of`, versioned, audited)."""

import copy

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as ModelValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from tixi.accounts.permissions import Capability, CapabilityPermission
from tixi.core.errors import message_dict
from tixi.core.text import digits
from tixi.geo.api import params_of
from tixi.layout import actions
from tixi.layout.models import Norm, NormVersion, region_code


def refused(error: ModelValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(message_dict(error))


class NormSerializer(serializers.ModelSerializer):
    class Meta:
        model = Norm
        fields = ["id", *Norm.DEFINITION, "revision"]
        read_only_fields = ["id", "revision"]

    def validate(self, attrs):
        """The action's checks before anything is written, each message on its field."""
        candidate = copy.copy(self.instance) if self.instance is not None else Norm()
        for name, value in attrs.items():
            setattr(candidate, name, value)
        try:
            actions.check_norm(candidate)
        except ModelValidationError as error:
            raise refused(error) from error
        return attrs

    def _write(self, instance):
        try:
            return actions.save_norm(dict(self.validated_data), self.context["request"].user, instance)
        except ModelValidationError as error:
            raise refused(error) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error

    def create(self, validated_data):
        return self._write(None)

    def update(self, instance, validated_data):
        return self._write(instance)


class NormVersionSerializer(serializers.ModelSerializer):
    changed = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = NormVersion
        fields = ["revision", "action", "at", "username", "changed", "before", "after"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "region", str, description="division code of the norm's region (12 digits or fewer)"
            ),
            OpenApiParameter("kind", str),
            OpenApiParameter("level", int),
        ]
    )
)
class NormViewSet(viewsets.ModelViewSet):
    """Allocation norms (配置标准): what is measured, the threshold, where it applies, the source clause.
    Planners write the norms of regions in their scope, catalogue managers any; others read."""

    permission_classes = [CapabilityPermission]
    write_capability = Capability.EDIT_NORMS
    serializer_class = NormSerializer
    lookup_field = "code"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    queryset = Norm.objects.none()  # the schema's types only: every request goes through get_queryset's scope

    def get_queryset(self):
        qs = Norm.objects.visible_to(self.request.user)
        params = params_of(self.request)
        if code := params.get("region", "").strip():
            wanted = region_code(code)
            qs = qs.filter(
                pk__in=[pk for pk, r in qs.values_list("pk", "region") if region_code(r) == wanted]
            )
        if kind := params.get("kind"):
            qs = qs.filter(kind=kind)
        if level := params.get("level", ""):
            if not (digits(level) and len(level) == 1):
                raise ValidationError({"level": [_("A level is a whole number from 1 to 5.")]})
            qs = qs.filter(level=int(level))
        return qs

    def perform_destroy(self, instance):
        try:
            with transaction.atomic():
                actions.delete_norm(instance, self.request.user)
        except ModelValidationError as error:
            raise refused(error) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error

    @extend_schema(responses={200: NormVersionSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def history(self, request, code=None):
        """Every revision of the norm, newest first: who, when, what changed (before and after)."""
        norm = self.get_object()
        versions = NormVersion.of(norm)
        return Response(NormVersionSerializer(versions, many=True).data)
