"""Users, their role and scope, and the audit trail."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import PATH_END, scope_of
from tixi.core.fields import StampField


class Role(models.TextChoices):
    PLANNER = "planner", _("city planner")
    COUNTY = "county", _("county administrator")
    INSTITUTION = "institution", _("institution staff")
    CDC = "cdc", _("CDC analyst")
    AUDITOR = "auditor", _("auditor (read-only)")
    # a superuser's: its rights come from being a superuser (every right, everywhere), not from this
    # role, which only names it; `createsuperuser` gives it (it showed "auditor", the default)
    ADMIN = "admin", _("administrator (superuser)")


# the roles `tixi createuser` gives; an administrator is made with `tixi manage createsuperuser`
ASSIGNED_ROLES = [role for role in Role.values if role != Role.ADMIN]


class TixiUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.AUDITOR)
    scope_divisions = models.ManyToManyField(
        "geo.Division", verbose_name=_("divisions in scope"), blank=True, related_name="+"
    )
    scope_institutions = models.ManyToManyField(
        "registry.Institution", verbose_name=_("institutions in scope"), blank=True, related_name="+"
    )

    objects = TixiUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def may(self) -> dict[str, bool]:
        """{capability: allowed} for templates (`user.may.edit_registry`); the table is in permissions."""
        from tixi.accounts.permissions import Capability, can

        return {capability.value: can(self, capability) for capability in Capability}

    def home_division(self):
        return self.scope_divisions.order_by("level", "path").first()

    @property
    def sees_divisions(self) -> bool:
        """Whether any division is in scope: an institution's staff see their institution only, so
        the pages of a region (its dashboard, scorecards, sign-off) are not offered to them."""
        scope = scope_of(self)
        return scope.unrestricted or bool(scope.paths)


# Actors that are not accounts, recorded by name: shown in the page's language (the demo's builder is
# not an English word on a Chinese page)
DEMO_ACTOR = "tixi demo"
ACTOR_NAMES = {DEMO_ACTOR: _("demo data generation"), "system": _("system")}


class AuditEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Entries about rows within the user's scope; entries about no division (accounts, the
        catalogue, logins) only to superusers and to whoever made them."""
        scope = scope_of(user)
        if scope.unrestricted:
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        within = Q(pk__in=[])
        for path in scope.paths:
            within |= Q(division_path__gte=path, division_path__lt=path + PATH_END)
        return self.filter(within | Q(division_path="", user=user))


class Authored(models.Model):
    """Who made a recorded change and when; the user name is kept when the account goes."""

    at = StampField(_("time"), auto_now_add=True)
    by = models.ForeignKey(
        User, verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """Who changed what, when, with the values before and after, and where (the division path of
    the row recorded, where it has one), so that an auditor reads the trail of their own region."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")
        BULK = "bulk", _("bulk operation")
        LOGIN_FAILED = "login_failed", _("failed login")
        LOCKED_OUT = "locked_out", _("locked out")
        SESSION_EXPIRED = "session_expired", _("logged out when idle")

    at = StampField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(User, verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    model = models.CharField(_("object type"), max_length=64)
    object_pk = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    division_path = models.CharField(_("division"), max_length=160, blank=True, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_pk"])]

    @property
    def actor_display(self) -> str:
        """The user name, or for a program (the demo's builder) what it is, in the active language."""
        return str(ACTOR_NAMES.get(self.username, self.username))

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.model} {self.object_repr}"
