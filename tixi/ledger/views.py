"""Reading the ledger: tasks by plan, unit and status, projects, a task's page and a unit's page.

Every queryset here starts from `visible_to(request.user)`: what lies outside the user's scope is
neither listed, exported nor found by its number (404)."""

import datetime as dt
import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, Sum
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from tixi.accounts.permissions import Capability, can_within
from tixi.accounts.regions import in_region, list_region, work_in
from tixi.core import clock
from tixi.core.exports import exportable
from tixi.core.word import docx_download
from tixi.indicators.models import Plan
from tixi.ledger import services
from tixi.ledger.forms import UnitForm
from tixi.ledger.models import Attachment, Progress, Project, Rectification, Task, TaskStatus, Unit
from tixi.ledger.services import planned_capacity, project_map, project_summaries
from tixi.ledger.tables import ledger_table, project_tables, task_tables, unit_table


def unit_filter_choices(user) -> list[Unit]:
    """The units the ledger's filter offers: those on a task the user sees, one per name (the filter matches by
    name, so 市卫生健康委 of two cities is one choice), in the order of the names the reader sees."""
    by_name = {unit.name: unit for unit in Unit.objects.visible_to(user).on_tasks()}
    return sorted(by_name.values(), key=lambda unit: unit.display_name.casefold())


def _tasks(request):
    """The region's work (`work_in`: a higher plan's tasks only where the region's units take part);
    a plan chosen, all of that plan's tasks the user may read."""
    qs = in_region(Task.objects.visible_to(request.user), list_region(request))
    if not request.GET.get("plan"):
        qs = work_in(qs, list_region(request), request.user)
    qs = qs.select_related("plan").prefetch_related(
        "lead_units",
        "cooperating_units",
        Prefetch("progress", queryset=Progress.objects.order_by("-period")),
    )
    if plan := request.GET.get("plan"):
        qs = qs.filter(plan__code=plan)
    if unit := request.GET.get("unit"):
        qs = qs.filter(lead_units__name=unit) | qs.filter(cooperating_units__name=unit)
    status = request.GET.get("status")
    if status == "overdue":
        qs = qs.exclude(status=TaskStatus.DONE).filter(deadline__lt=clock.today())
    elif status:
        qs = qs.filter(status=status)
    return qs.distinct().order_by("plan__code", "order")


@login_required
@exportable("ledger")
def ledger(request):
    """The task ledger: by plan, by unit, by status; overdue flagged; as .xlsx in the usual form."""
    tasks = list(_tasks(request))
    table = ledger_table(tasks)
    if request.GET.get("format") == "docx":
        return docx_download([table], list_region(request) and list_region(request).name, table.title)
    chosen = (
        Plan.objects.visible_to(request.user)
        .select_related("region")
        .filter(code=request.GET["plan"])
        .first()
        if request.GET.get("plan")
        else None
    )
    region = list_region(request)
    # the plans above the region whose other tasks are left out of its list: read by choosing the plan
    readable = in_region(Task.objects.visible_to(request.user), region)
    partly = (
        Plan.objects.filter(
            pk__in=readable.exclude(pk__in=work_in(readable, region, request.user).values("pk")).values(
                "plan"
            )
        ).order_by("code")
        if chosen is None
        else Plan.objects.none()
    )
    return TemplateResponse(
        request,
        "ledger/tasks.html",
        {
            "tasks": tasks,
            "tables": [table],
            "export_title": _("Task ledger"),
            "plans": Plan.objects.visible_to(request.user).filter(tasks__isnull=False).distinct(),
            "units": unit_filter_choices(request.user),
            "statuses": TaskStatus.choices,
            "params": request.GET,
            "today": clock.today(),
            "may_add_task": chosen is not None and can_within(request.user, Capability.PLAN, chosen.region),
            "list_region": region,
            "partly": partly,
        },
    )


@login_required
@exportable("projects")
def projects(request):
    """Major construction projects with their summaries by year, unit and kind."""
    region = list_region(request)
    rows = list(
        in_region(Project.objects.visible_to(request.user), region)
        .select_related("unit", "plan", "division")
        .annotate(invested=Sum("investments__amount"))
        .order_by("plan__code", "number")
    )
    summary = project_summaries(rows)
    tables = project_tables(rows, summary)
    return TemplateResponse(
        request,
        "ledger/projects.html",
        {
            # none in the region: the (empty) list alone, not four empty summaries and a blank map
            "tables": tables if rows else tables[-1:],
            "projects": rows,
            "export_title": _("Major construction projects"),
            "summary": summary,
            "invested": round(sum(p.invested or 0 for p in rows)),  # whole 万元, shown grouped
            "capacity": planned_capacity(rows),
            "map": project_map(rows),
            "list_region": region,
        },
    )


@login_required
@exportable("task")
def task_detail(request, pk):
    """A task: its progress reports (with attachments), the closed loop, and the report form for
    the user's responsible units."""
    task = get_object_or_404(
        Task.objects.visible_to(request.user)
        .select_related("plan__region", "parent")
        .prefetch_related("lead_units", "cooperating_units"),
        pk=pk,
    )
    mine = services.responsible_units(request.user, task)
    may_plan = can_within(request.user, Capability.PLAN, task.plan.region)
    errors = []
    action = request.POST.get("action") if request.method == "POST" else None
    if request.method == "POST":
        try:
            if action == "report":
                unit = next((u for u in mine if str(u.pk) == request.POST.get("unit")), None)
                percent = request.POST.get("percent", "").strip() or "0"
                # isdecimal, not isdigit: int() refuses the digit "²", and its English error reached the page
                if not percent.isdecimal():
                    raise ValidationError({"percent": _("Percent done is a whole number from 0 to 100.")})
                services.report_progress(
                    task,
                    request.user,
                    unit,
                    request.POST.get("period", ""),
                    request.POST.get("status", "in_progress"),
                    int(percent),
                    request.POST.get("narrative", ""),
                    request.POST.get("problems", ""),
                    request.FILES.getlist("files"),
                )
            elif action == "raise":
                try:
                    deadline = dt.date.fromisoformat(request.POST.get("deadline") or "")
                except ValueError:
                    raise ValidationError({"deadline": _("A deadline is a date: YYYY-MM-DD.")}) from None
                services.raise_rectification(
                    task,
                    request.user,
                    request.POST.get("problem", ""),
                    request.POST.get("measure", ""),
                    deadline,
                )
            elif action == "assign_down":
                created = services.assign_down(task, request.user)
                messages.info(request, _("%(n)s sub-tasks assigned.") % {"n": len(created)})
                return redirect("task-detail", pk=task.pk)
            elif action == "advance":
                services.advance_rectification(
                    get_object_or_404(Rectification, pk=request.POST.get("rectification"), task=task),
                    request.user,
                )
            messages.success(request, _("Saved."))
            return redirect("task-detail", pk=task.pk)
        except ValidationError as error:
            errors = error.messages
        except ValueError:
            # the ledger's actions refuse with ValidationError; a ValueError is Python's or Django's own
            # (a rectification id that is no number), whose English text must not reach a Chinese page
            errors = [_("A value in the form is not valid: check its numbers and dates.")]
    subtasks = list(task.subtasks.visible_to(request.user).prefetch_related("lead_units"))
    tables = task_tables(
        subtasks,
        task.progress.select_related("unit", "reported_by").prefetch_related("attachments"),
        task.rectifications.all(),
    )
    # a refused report or problem is shown again as typed, its reasons in its own form
    typed = request.POST if errors else {}
    report = {
        "unit": typed.get("unit", ""),
        "period": typed.get("period", ""),
        "status": typed.get("status", task.status),
        "percent": typed.get("percent", ""),
        "narrative": typed.get("narrative", ""),
        "problems": typed.get("problems", ""),
    }
    return TemplateResponse(
        request,
        "ledger/task.html",
        {
            "task": task,
            "tables": tables,
            "subtasks": subtasks,
            "export_title": f"{task.clause} {task.title}",
            "mine": mine,
            "may_plan": may_plan,
            "may_raise": bool(mine) or may_plan,
            "errors": errors if action not in ("report", "raise") else [],
            "report_errors": errors if action == "report" else [],
            "raise_errors": errors if action == "raise" else [],
            "report": report,
            "raised": typed if action == "raise" else {},
            "period_hint": services.last_quarter_ended(clock.today()),
            "statuses": TaskStatus.choices,
        },
        status=400 if errors else 200,
    )


@login_required
@exportable("unit")
def unit_page(request, pk):
    """What a unit is responsible for, and what is overdue; its contacts and members, which a planner
    of its region keeps."""
    unit = get_object_or_404(Unit.objects.visible_to(request.user).select_related("division"), pk=pk)
    may_manage = services.may_manage_unit(request.user, unit)
    form = UnitForm(request.POST if request.method == "POST" else None, instance=unit)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied(_("Only a planner of the unit's region changes its members."))
        if form.is_valid():
            with transaction.atomic():
                form.save()
            messages.success(request, _("Saved."))
            return redirect("unit-page", pk=unit.pk)
    tasks = list(
        Task.objects.visible_to(request.user)
        .filter(Q(lead_units=unit) | Q(cooperating_units=unit))
        .distinct()
        .select_related("plan")
        .prefetch_related("lead_units")
    )
    return TemplateResponse(
        request,
        "ledger/unit.html",
        {
            "unit": unit,
            "tables": [unit_table(unit, tasks)],
            "export_title": unit.display_name,
            "leading": sum(1 for t in tasks if unit in t.lead_units.all()),
            "cooperating": sum(1 for t in tasks if unit not in t.lead_units.all()),
            "overdue": [t for t in tasks if t.is_overdue],
            "members": unit.members.order_by("username"),
            "form": form if may_manage else None,
        },
        status=400 if form.errors else 200,
    )


@login_required
def attachment(request, pk):
    """An attachment, only to those who see its task (the media folder is never served directly)."""
    item = get_object_or_404(
        Attachment.objects.filter(progress__task__in=Task.objects.visible_to(request.user)), pk=pk
    )
    content_type = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.name, content_type=content_type
    )
