"""Form pieces for divisions that every app's forms share."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import scope_of
from tixi.core.text import digits
from tixi.geo.models import Division


def division_in_scope_from_code(code: str, user):
    """The division a 12-digit code names (current map first), refused outside the user's scope."""
    code = (code or "").strip()
    if len(code) != 12 or not digits(code):
        raise forms.ValidationError(_("A division code must be exactly 12 digits."))
    division = Division.objects.current().filter(code=code).first() or Division.objects.at(code)
    if division is None:
        raise forms.ValidationError(_("No division has this code."))
    if not scope_of(user).covers_path(division.path):
        raise forms.ValidationError(_("This division is outside your scope."))
    return division
