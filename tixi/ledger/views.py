import datetime as dt
import io

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from openpyxl import Workbook

from tixi.indicators.models import Plan
from tixi.ledger.models import Progress, Project, Task, TaskStatus, Unit
from tixi.ledger.services import project_summaries


def _tasks(request):
    qs = Task.objects.select_related("plan").prefetch_related(
        "lead_units", "cooperating_units", Prefetch("progress", queryset=Progress.objects.order_by("-period"))
    )
    if plan := request.GET.get("plan"):
        qs = qs.filter(plan__code=plan)
    if unit := request.GET.get("unit"):
        qs = qs.filter(lead_units__name=unit) | qs.filter(cooperating_units__name=unit)
    status = request.GET.get("status")
    if status == "overdue":
        qs = qs.exclude(status=TaskStatus.DONE).filter(deadline__lt=dt.date.today())
    elif status:
        qs = qs.filter(status=status)
    return qs.distinct().order_by("plan__code", "order")


@login_required
def ledger(request):
    """The task ledger: by plan, by unit, by status; overdue flagged; as .xlsx in the usual form."""
    tasks = list(_tasks(request))
    if request.GET.get("format") == "xlsx":
        return _xlsx(tasks)
    return render(
        request,
        "ledger/tasks.html",
        {
            "tasks": tasks,
            "plans": Plan.objects.filter(tasks__isnull=False).distinct(),
            "units": Unit.objects.all(),
            "statuses": TaskStatus.choices,
            "params": request.GET,
            "today": dt.date.today(),
        },
    )


def _xlsx(tasks) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "重点任务台账"
    sheet.append(["序号", "任务", "牵头单位", "配合单位", "完成时限", "进展情况", "存在问题"])
    for n, task in enumerate(tasks, start=1):
        latest = next(iter(task.progress.all()), None)
        sheet.append(
            [
                n,
                f"{task.clause} {task.title}",
                "、".join(u.name for u in task.lead_units.all()),
                "、".join(u.name for u in task.cooperating_units.all()),
                task.deadline.isoformat() if task.deadline else "",
                latest.narrative if latest else task.get_status_display(),
                latest.problems if latest else "",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="tixi-ledger.xlsx"'
    return response


@login_required
def projects(request):
    """Major construction projects with their summaries by year, unit and kind."""
    rows = list(Project.objects.select_related("unit", "plan", "division").order_by("plan__code", "number"))
    return render(request, "ledger/projects.html", {"projects": rows, "summary": project_summaries(rows)})
