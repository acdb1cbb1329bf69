from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tixi.geo.forms import division_in_scope_from_code
from tixi.indicators.models import DataValue


class DataValueForm(forms.ModelForm):
    # capitalised as the model fields' labels beside it are ("Division code:", not "division code:")
    division_code = forms.CharField(label=capfirst(_("division code")), max_length=12)

    class Meta:
        model = DataValue
        fields = ["element", "option", "period", "value", "comment"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_division_code(self):
        self.instance.division = division_in_scope_from_code(self.cleaned_data["division_code"], self.user)
        return self.instance.division.code

    def validate_unique(self):
        """A value for an existing cell replaces it (the view upserts), so no uniqueness error."""
