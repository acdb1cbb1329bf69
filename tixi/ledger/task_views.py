"""Writing the ledger: a task by hand, and a plan read from a document and reviewed item by item."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import formset_factory
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.accounts.permissions import Capability, require, require_within
from tixi.geo.forms import division_in_scope_from_code
from tixi.indicators.models import Direction, Indicator, Nature, Plan, TargetKind
from tixi.ledger.actions import DraftedTask, create_plan_from_draft
from tixi.ledger.engine import parse
from tixi.ledger.engine.documents import NotADocument, read_document
from tixi.ledger.engine.matching import suggest
from tixi.ledger.engine.tables import indicator_rows
from tixi.ledger.forms import DraftTargetForm, DraftTaskForm, TaskForm
from tixi.ledger.models import Task

DOCUMENT_LIMIT = 5 * 1024 * 1024
DOCUMENT_PROBLEMS = {
    "docx": gettext_lazy("the file is not a Word (.docx) document."),
    "type": gettext_lazy("a plan is read from a .txt or .docx file."),
    "binary": gettext_lazy("the file is not text."),
    "encoding": gettext_lazy("the text is neither UTF-8 nor GB18030."),
    "size": gettext_lazy("a plan document may be at most 5 MB."),
}


def _require_planner(user, plan=None):
    require(user, Capability.PLAN)
    if plan is not None:
        require_within(
            user,
            Capability.PLAN,
            plan.region,
            _("This plan's region lies outside your scope: you may read it, not change it."),
        )


@login_required
def task_edit(request, code=None, pk=None):
    """A new task of a plan (`code`) or an existing one (`pk`)."""
    task = (
        get_object_or_404(Task.objects.visible_to(request.user).select_related("plan__region"), pk=pk)
        if pk
        else None
    )
    plan = task.plan if task else get_object_or_404(Plan.objects.visible_to(request.user), code=code)
    _require_planner(request.user, plan)
    form = TaskForm(request.POST if request.method == "POST" else None, instance=task, plan=plan)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
        messages.success(request, _("Saved."))
        return redirect("task-detail", pk=saved.pk)
    return render(
        request,
        "ledger/task_form.html",
        {"form": form, "plan": plan, "task": task},
        status=400 if request.method == "POST" else 200,
    )


class DraftPlanForm(forms.ModelForm):
    region_code = forms.CharField(label=gettext_lazy("region (division code)"), max_length=12)

    class Meta:
        model = Plan
        fields = ["code", "title", "title_en", "issuer", "document_number", "period_start", "period_end"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_region_code(self):
        self.instance.region = division_in_scope_from_code(self.cleaned_data["region_code"], self.user)
        return self.cleaned_data["region_code"]


def drafted_targets(text: str) -> list[dict]:
    """The review form's rows: the indicator table's rows, then the targets of the sentences, each
    with the catalogue indicator its wording suggests (and a comparator that suits its direction)."""
    catalogue = {
        code: (name, direction)
        for code, name, direction in Indicator.objects.values_list("code", "name", "direction")
    }
    names = {code: name for code, (name, _direction) in catalogue.items()}

    def fitting(comparator, code):
        if comparator:
            return comparator
        return "le" if code and catalogue[code][1] == Direction.LOWER else "ge"

    rows = []
    for r in indicator_rows(text):
        code = suggest(r["name"], names)
        rows.append(
            {
                "keep": True,
                "area": r["area"][:64],
                "label": r["name"][:200],
                "indicator": code or "",
                "kind": r["kind"] or TargetKind.VALUE,
                "baseline_year": r["baseline_year"],
                "baseline": r["baseline"],
                "comparator": fitting(r["comparator"], code),
                "value": r["target"],
                "change_per_year": r["change_per_year"],
                "unit": r["unit"][:16],
                "year": r["target_year"],
                "nature": r["nature"],
                "clause": r["clause"],
            }
        )
    for t in parse.targets(text):
        code = suggest(t["text"], names)
        rows.append(
            {
                "keep": True,
                "label": t["text"][:200],
                "indicator": code or "",
                "kind": TargetKind.VALUE,
                "value": t["value"],
                "unit": t["unit"],
                "year": t["year"],
                "comparator": t["comparator"],
                "nature": Nature.UNSTATED,  # a sentence of text states none
                "clause": t["text"],
            }
        )
    return rows


TaskDrafts = formset_factory(DraftTaskForm, extra=0)
TargetDrafts = formset_factory(DraftTargetForm, extra=0)


def _kept(formset):
    """The forms the planner kept; dropped ones are not validated."""
    return [f for f in formset.forms if f.data.get(f.add_prefix("keep"))]


@login_required
def plan_draft(request):
    """Upload a plan document → review what the reader found (keep, correct or drop each task and
    target) → the plan with its tasks and targets, in one transaction."""
    _require_planner(request.user)
    plan_form = DraftPlanForm(request.POST if request.method == "POST" else None, user=request.user)
    errors, tasks, targets = [], None, None
    if request.method == "POST" and "document" in request.FILES:
        upload = request.FILES["document"]
        try:
            if upload.size > DOCUMENT_LIMIT:
                raise NotADocument("size", "too big")
            text = read_document(upload.name, upload.read())
        except NotADocument as error:
            errors.append(_("document: %(problem)s") % {"problem": DOCUMENT_PROBLEMS[error.code]})
            text = ""
        found_tasks = parse.tasks(text)
        if text and not found_tasks and not parse.targets(text) and not indicator_rows(text):
            errors.append(_("The reader found no task and no numeric target: this does not read as a plan."))
        tasks = TaskDrafts(
            prefix="task",
            initial=[
                {
                    "keep": True,
                    "clause": t["clause"],
                    "title": t["title"][:120],
                    "text": t["text"],
                    "deadline": t["deadline"],
                    "lead": "、".join(t["lead_units"]),
                    "cooperating": "、".join(t["cooperating_units"]),
                }
                for t in found_tasks
            ],
            form_kwargs={"plan": Plan(), "create_units": True},
        )
        targets = TargetDrafts(prefix="target", initial=drafted_targets(text))
        plan_form = DraftPlanForm(user=request.user)
        if errors:  # nothing to review: the upload form again, with the reason
            tasks = targets = None
    elif request.method == "POST":
        draft_plan = plan_form.instance
        tasks = TaskDrafts(
            request.POST, prefix="task", form_kwargs={"plan": draft_plan, "create_units": True}
        )
        targets = TargetDrafts(request.POST, prefix="target")
        plan_ok = plan_form.is_valid()
        kept_tasks, kept_targets = _kept(tasks), _kept(targets)
        items_ok = all([f.is_valid() for f in kept_tasks + kept_targets])
        if plan_ok and items_ok and (kept_tasks or kept_targets):
            drafted = [
                DraftedTask(
                    clause=f.cleaned_data["clause"],
                    title=f.cleaned_data["title"],
                    text=f.cleaned_data["text"],
                    deadline=f.cleaned_data["deadline"],
                    lead=[u.name for u in f.cleaned_data["lead"]],
                    cooperating=[u.name for u in f.cleaned_data["cooperating"]],
                )
                for f in kept_tasks
            ]
            try:
                plan = create_plan_from_draft(
                    plan_form.instance, drafted, [f.cleaned_data for f in kept_targets]
                )
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                messages.success(
                    request,
                    _("Plan %(code)s created with %(tasks)s tasks and %(targets)s targets.")
                    % {"code": plan.code, "tasks": len(kept_tasks), "targets": len(kept_targets)},
                )
                return redirect(f"/ledger/?plan={plan.code}")
        elif plan_ok and items_ok:
            errors.append(_("Keep at least one task or target."))
    status = 400 if errors or (request.method == "POST" and tasks is not None and tasks.is_bound) else 200
    return render(
        request,
        "ledger/plan_draft.html",
        {
            "plan_form": plan_form,
            "tasks": tasks,
            "targets": targets,
            "errors": errors,
            "indicators": Indicator.objects.values_list("code", "name") if targets is not None else (),
        },
        status=status,
    )
