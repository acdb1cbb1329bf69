"""Creating users with a role and a scope (the one path the CLI and later imports use)."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tixi.accounts.models import ASSIGNED_ROLES, User
from tixi.core.text import digits

# accounts is the lowest app (geo and registry filter through its scope), so it reaches divisions and
# institutions through the relations it declares by name, never by importing the apps above it.
Division = User._meta.get_field("scope_divisions").related_model
Institution = User._meta.get_field("scope_institutions").related_model


@transaction.atomic
def create_user(username: str, password: str, role: str, division_codes=(), institution_codes=()) -> User:
    errors = {}
    if role not in ASSIGNED_ROLES:
        errors["role"] = [_("Unknown role; one of: %(roles)s.") % {"roles": ", ".join(ASSIGNED_ROLES)}]
    if User.objects.filter(username=username).exists():
        errors["username"] = [_("This user name is taken.")]
    divisions = []
    for code in division_codes:
        division = Division.objects.current().filter(code=code).first()
        if len(code) != 12 or not digits(code):
            errors.setdefault("division", []).append(_("A division code must be exactly 12 digits."))
        elif division is None:
            errors.setdefault("division", []).append(_("No division has this code."))
        else:
            divisions.append(division)
    institutions = list(Institution.objects.filter(code__in=institution_codes))
    if len(institutions) != len(set(institution_codes)):
        errors["institution"] = [_("No institution has this code.")]
    if not divisions and not institutions:
        errors.setdefault("division", []).append(_("A user needs a scope: a division or an institution."))
    try:
        validate_password(password, user=User(username=username))  # also: not like the user name
    except ValidationError as error:
        errors["password"] = list(error.messages)
    if errors:
        raise ValidationError(errors)
    user = User(username=username, role=role)
    user.set_password(password)
    user.save()
    user.scope_divisions.set(divisions)
    user.scope_institutions.set(institutions)
    return user
