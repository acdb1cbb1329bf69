from django import forms
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import scope_of
from tixi.geo.models import Division
from tixi.registry.models import RESOURCE_FIELDS, Institution, InstitutionYear


class InstitutionForm(forms.ModelForm):
    division_code = forms.CharField(label=_("division code"), max_length=12)

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
        code = self.cleaned_data["division_code"].strip()
        if len(code) != 12 or not code.isdigit():
            raise forms.ValidationError(_("A division code must be exactly 12 digits."))
        division = Division.objects.current().filter(code=code).first()
        if division is None:
            raise forms.ValidationError(_("No division has this code."))
        if not scope_of(self.user).covers_path(division.path):
            raise forms.ValidationError(_("This division is outside your scope."))
        self.instance.division = division
        return code


class ResourcesForm(forms.ModelForm):
    """One institution's yearly resource report; the model's validators name each bad field."""

    class Meta:
        model = InstitutionYear
        fields = list(RESOURCE_FIELDS)
