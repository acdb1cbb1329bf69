"""What every API view shares: rows through the scope, writes through the role table (accounts owns
both, so the views of every app above build on this)."""

from tixi.accounts.permissions import CapabilityPermission


class ScopedViewSetMixin:
    """Every row an API view reaches goes through the model's `visible_to(user)`."""

    permission_classes = [CapabilityPermission]
    write_capability = None  # a Capability: what a role needs to write through this view
    base_queryset = None
    http_method_names = ["get", "post", "patch", "head", "options"]  # nothing is deleted through the API

    def get_queryset(self):
        return self.base_queryset.visible_to(self.request.user)
