"""A major construction project: its status, investment completed by year and milestones."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tixi.accounts.models import Role
from tixi.core.exports import exportable
from tixi.ledger.models import Milestone, Project, ProjectInvestment, ProjectStatus


def may_report(user, project) -> bool:
    """Planners, and members of the project's responsible unit."""
    return user.is_superuser or user.role == Role.PLANNER or project.unit.members.filter(pk=user.pk).exists()


def _date(value: str, field: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValidationError({field: _("A date is YYYY-MM-DD.")}) from error


@transaction.atomic
def apply(project, data) -> None:
    """One change from the project page; a bad value raises ValidationError naming the field."""
    action = data.get("action")
    if action == "status":
        if data.get("status") not in ProjectStatus.values:
            raise ValidationError({"status": _("Unknown status.")})
        project.status = data["status"]
        project.save(update_fields=["status"])
    elif action == "investment":
        try:
            year, amount = int(data.get("year") or ""), Decimal(data.get("amount") or "")
        except (ValueError, InvalidOperation) as error:
            raise ValidationError({"amount": _("Give the year and the amount in 10,000 yuan.")}) from error
        row = ProjectInvestment.objects.filter(project=project, year=year).first() or ProjectInvestment(
            project=project, year=year
        )
        row.amount = amount
        row.full_clean()
        row.save()
    elif action == "milestone":
        milestone = Milestone(
            project=project,
            name=(data.get("name") or "").strip(),
            planned=_date(data.get("planned", ""), "planned"),
            reached=_date(data.get("reached", ""), "reached"),
        )
        milestone.full_clean()
        milestone.save()
    elif action == "reached":
        milestone = get_object_or_404(Milestone, pk=data.get("milestone"), project=project)
        milestone.reached = _date(data.get("reached", ""), "reached") or dt.date.today()
        milestone.save(update_fields=["reached"])
    else:
        raise ValidationError({"action": _("Unknown action.")})


@login_required
@exportable("project")
def project_detail(request, pk):
    project = get_object_or_404(Project.objects.select_related("plan", "unit", "division"), pk=pk)
    errors = []
    if request.method == "POST":
        if not may_report(request.user, project):
            raise PermissionDenied(_("Only the responsible unit or a planner reports on a project."))
        try:
            apply(project, request.POST)
        except ValidationError as error:
            errors = (
                [f"{k}: {m}" for k, ms in error.message_dict.items() for m in ms]
                if hasattr(error, "error_dict")
                else error.messages
            )
        else:
            messages.success(request, _("Saved."))
            return redirect("project-detail", pk=project.pk)
    investments = list(project.investments.all())
    done = sum((i.amount for i in investments), Decimal(0))
    return render(
        request,
        "ledger/project.html",
        {
            "project": project,
            "investments": investments,
            "invested": done,
            "invested_share": round(float(done / project.investment) * 100, 1)
            if project.investment
            else None,
            "milestones": project.milestones.all(),
            "statuses": ProjectStatus.choices,
            "may_report": may_report(request.user, project),
            "errors": errors,
            "this_year": dt.date.today().year,
        },
        status=400 if errors else 200,
    )
