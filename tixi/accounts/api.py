"""What every API view shares: rows through the scope, writes through the role table (accounts owns
both, so the views of every app above build on this)."""

from django.db import transaction

from tixi.accounts.permissions import CapabilityPermission


class AtomicWritesMixin:
    """A write through the API is all or nothing: the row, what its save sets off (the paths below a
    moved division, the audit entry) and anything after it in the same request. DRF does not wrap
    views in a transaction (and ATOMIC_REQUESTS would hold SQLite's write lock on every read)."""

    def perform_create(self, serializer):
        with transaction.atomic():
            super().perform_create(serializer)

    def perform_update(self, serializer):
        with transaction.atomic():
            super().perform_update(serializer)


class ScopedViewSetMixin(AtomicWritesMixin):
    """Every row an API view reaches goes through the model's `visible_to(user)`."""

    permission_classes = [CapabilityPermission]
    write_capability = None  # a Capability: what a role needs to write through this view
    base_queryset = None
    http_method_names = ["get", "post", "patch", "head", "options"]  # nothing is deleted through the API

    def get_queryset(self):
        return self.base_queryset.visible_to(self.request.user)
