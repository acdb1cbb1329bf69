from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tixi.geo.forms import division_in_scope_from_code
from tixi.registry.models import RESOURCE_FIELDS, Institution, InstitutionYear


class InstitutionForm(forms.ModelForm):
    # capitalised as the model fields' labels beside it are ("Division code:", not "division code:")
    division_code = forms.CharField(label=capfirst(_("division code")), max_length=12)

    class Meta:
        model = Institution
        fields = [
            "code",
            "name",
            "type",
            "level",
            "grade",
            "ownership",
            "operator",
            "longitude",
            "latitude",
            "opened_on",
            "closed_on",
        ]
        widgets = {
            "opened_on": forms.DateInput(attrs={"type": "date"}),
            "closed_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            self.fields["division_code"].initial = self.instance.division.code

    def clean_division_code(self):
        self.instance.division = division_in_scope_from_code(self.cleaned_data["division_code"], self.user)
        return self.instance.division.code


class ResourcesForm(forms.ModelForm):
    """One institution's yearly resource report; the model's validators name each bad field."""

    class Meta:
        model = InstitutionYear
        fields = list(RESOURCE_FIELDS)
