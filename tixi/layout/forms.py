from django import forms
from django.core.exceptions import ValidationError

from tixi.layout import actions
from tixi.layout.models import Norm


class NormForm(forms.ModelForm):
    """A norm's definition, checked by the action's own rules (expressions, region) field by field;
    the admin and the norm pages save it through `actions.save_norm`."""

    class Meta:
        model = Norm
        fields = list(Norm.DEFINITION)
        widgets = {
            "clause": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def _post_clean(self):
        super()._post_clean()
        if not self.errors:
            try:
                actions.check_norm(self.instance)
            except ValidationError as error:
                self._update_errors(error)

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in Norm.DEFINITION if name in self.cleaned_data}
