"""Forms of the ledger: a task (new, edited, or a parsed draft under review) and a parsed target."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tixi.accounts.models import User
from tixi.indicators.models import Comparator, Indicator, Nature, Target, TargetKind
from tixi.ledger.models import Task, Unit


def unit_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r"[、,，;；\n]", text or "") if n.strip()]


class UnitForm(forms.ModelForm):
    """A unit's contact people and its members, typed as user names separated by 、."""

    member_names = forms.CharField(
        label=capfirst(_("members")), required=False, help_text=_("Separate names with 、")
    )

    class Meta:
        model = Unit
        fields = ["contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member_names"].initial = "、".join(
            self.instance.members.order_by("username").values_list("username", flat=True)
        )

    def clean_member_names(self):
        names = unit_names(self.cleaned_data["member_names"])
        users = list(User.objects.filter(username__in=names, is_active=True))
        missing = sorted(set(names) - {u.username for u in users})
        if missing:
            raise ValidationError(_("No active user is named %(names)s.") % {"names": "、".join(missing)})
        return users

    def save(self, commit=True):
        unit = super().save()
        unit.members.set(self.cleaned_data["member_names"])
        return unit


class TaskForm(forms.ModelForm):
    """Units are typed as the plan names them, separated by 、; a task needs a lead unit."""

    lead = forms.CharField(label=capfirst(_("lead units")), help_text=_("Separate names with 、"))
    cooperating = forms.CharField(label=capfirst(_("cooperating units")), required=False)

    class Meta:
        model = Task
        fields = ["clause", "title", "text", "deadline", "parent", "targets"]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}),
            "text": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, plan, create_units=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.create_units = plan, create_units
        self.instance.plan = plan
        if "parent" in self.fields:  # a task by hand: sub-task of, and targets of, its plan
            self.fields["parent"].queryset = plan.tasks.exclude(pk=self.instance.pk)
            self.fields["targets"].queryset = plan.targets.all()
            self.fields["targets"].required = False
            # the targets are all of this task's plan: their labels, not the plan's code before each
            self.fields["targets"].label_from_instance = lambda target: target.label
        if self.instance.pk:
            self.fields["lead"].initial = "、".join(u.name for u in self.instance.lead_units.all())
            self.fields["cooperating"].initial = "、".join(
                u.name for u in self.instance.cooperating_units.all()
            )

    def _units(self, field) -> list[Unit]:
        names = unit_names(self.cleaned_data.get(field, ""))
        if self.plan.region_id is None:  # a draft whose region is not given yet: the plan form says so
            return [Unit(name=n[:120]) for n in names]
        known = {u.name: u for u in Unit.objects.filter(name__in=names, division=self.plan.region)}
        missing = [n for n in names if n not in known]
        if missing and not self.create_units:
            raise ValidationError(
                _("Unknown responsible unit: %(names)s. Add it to the units first.")
                % {"names": "、".join(missing)}
            )
        return [known.get(n) or Unit(name=n[:120], division=self.plan.region) for n in names]

    def clean_lead(self):
        units = self._units("lead")
        if not units:
            raise ValidationError(_("A task needs a lead unit."))
        return units

    def clean_cooperating(self):
        return self._units("cooperating")

    def save(self, commit=True):
        task = super().save(commit=False)
        if task.order == 0:
            task.order = (self.plan.tasks.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        task.save()

        def saved(units):  # a new unit named by several drafted tasks is created once
            return [
                u if u.pk else Unit.objects.get_or_create(name=u.name, division=self.plan.region)[0]
                for u in units
            ]

        task.lead_units.set(saved(self.cleaned_data["lead"]))
        task.cooperating_units.set(saved(self.cleaned_data["cooperating"]))
        task.targets.set(self.cleaned_data.get("targets") or [])
        return task


class DraftTaskForm(TaskForm):
    """A task the reader drafted: the planner keeps it (as corrected) or drops it."""

    keep = forms.BooleanField(label=_("keep"), required=False, initial=True)

    class Meta(TaskForm.Meta):
        fields = ["clause", "title", "text", "deadline"]


class DraftTargetForm(forms.Form):
    """A target the reader drafted, from a sentence or a row of the indicator table; the indicator
    it measures is suggested from the catalogue and can be corrected (by its code) or left empty."""

    keep = forms.BooleanField(label=_("keep"), required=False, initial=True)
    area = forms.CharField(label=_("area"), max_length=64, required=False)
    label = forms.CharField(label=_("as the plan words it"), max_length=200)
    indicator = forms.CharField(label=_("indicator"), max_length=64, required=False)
    kind = forms.ChoiceField(label=_("kind"), choices=TargetKind.choices, initial=TargetKind.VALUE)
    baseline_year = forms.IntegerField(
        label=_("baseline year"), min_value=2000, max_value=2100, required=False
    )
    baseline = forms.FloatField(label=_("baseline"), required=False)
    comparator = forms.ChoiceField(label=_("comparator"), choices=Comparator.choices)
    value = forms.FloatField(label=_("target"), required=False)
    change_per_year = forms.FloatField(label=_("change per year"), required=False)
    unit = forms.CharField(label=_("unit"), max_length=16, required=False)
    year = forms.IntegerField(label=_("target year"), min_value=2000, max_value=2100)
    nature = forms.ChoiceField(
        label=_("nature"), choices=Nature.choices, initial=Nature.UNSTATED, required=False
    )
    clause = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_indicator(self):
        code = self.cleaned_data.get("indicator", "").strip()
        if not code:
            return None
        indicator = Indicator.objects.filter(code=code).first()
        if indicator is None:
            raise ValidationError(_("No indicator has the code %(code)s.") % {"code": code})
        return indicator

    def clean(self):
        """The target's own rules (a value for a value, a ceiling only where lower is better…)."""
        data = super().clean()
        if self.errors:
            return data
        target = Target(
            indicator=data.get("indicator"),
            kind=data["kind"],
            comparator=data["comparator"],
            baseline_year=data.get("baseline_year"),
            baseline_value=data.get("baseline"),
            target_year=data["year"],
            target_value=data.get("value"),
            change_per_year=data.get("change_per_year"),
        )
        try:
            target.clean()
        except ValidationError as error:
            fields = {"target_value": "value", "baseline_year": "baseline_year", "target_high": "value"}
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(fields.get(name, name if name in self.fields else None), message)
        return data
