"""What every API serializer shares: the model's own validation."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.pagination import PageNumberPagination

from tixi.core.errors import message_dict
from tixi.core.text import digits


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


class Pages(PageNumberPagination):
    """50 rows a page unless the caller asks for up to 1,000 (`?page_size=`): a script reading a
    region's 1,300 institutions needs two pages, not 26, and no caller can ask for everything at once."""

    page_size_query_param = "page_size"
    max_page_size = 1000

    def get_page_size(self, request) -> int:
        """A page size that is not a whole number from 1 up is refused, not ignored (DRF's default
        quietly gives 50 rows to a caller who asked for "null")."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not digits(raw) or int(raw) < 1:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [_("A whole number from 1 to 1,000.")]}
            )
        return min(int(raw), self.max_page_size)
