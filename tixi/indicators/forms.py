from django import forms
from django.utils.translation import gettext_lazy as _

from tixi.geo import locks
from tixi.geo.forms import division_in_scope_from_code
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
        self.instance.division = division_in_scope_from_code(self.cleaned_data["division_code"], self.user)
        return self.instance.division.code

    def clean(self):
        cleaned = super().clean()
        period = cleaned.get("period") or ""
        if getattr(self.instance, "division_id", None) and period[:4].isdigit():
            locks.refuse_if_locked(self.instance.division.path, int(period[:4]))
        return cleaned

    def validate_unique(self):
        """A value for an existing cell replaces it (the view upserts), so no uniqueness error."""
