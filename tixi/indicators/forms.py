from django import forms
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import scope_of
from tixi.geo.models import Division
from tixi.indicators.models import DataValue


class DataValueForm(forms.ModelForm):
    division_code = forms.CharField(label=_("division code"), max_length=12)

    class Meta:
        model = DataValue
        fields = ["element", "option", "period", "value", "comment"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_division_code(self):
        code = self.cleaned_data["division_code"].strip()
        if len(code) != 12 or not code.isdigit():
            raise forms.ValidationError(_("A division code must be exactly 12 digits."))
        division = Division.objects.current().filter(code=code).first() or Division.objects.at(code)
        if division is None:
            raise forms.ValidationError(_("No division has this code."))
        if not scope_of(self.user).covers_path(division.path):
            raise forms.ValidationError(_("This division is outside your scope."))
        self.instance.division = division
        return code

    def clean(self):
        cleaned = super().clean()
        period = cleaned.get("period") or ""
        if getattr(self.instance, "division_id", None) and period[:4].isdigit():
            from tixi.exchange.approval import refuse_if_locked

            refuse_if_locked(self.instance.division.path, int(period[:4]))
        return cleaned

    def validate_unique(self):
        """A value for an existing cell replaces it (the view upserts), so no uniqueness error."""
