"""A major construction project: its status, investment completed by year and milestones."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from tixi.core import clock
from tixi.core.exports import exportable
from tixi.ledger.models import AdditionKind, Project, ProjectStatus
from tixi.ledger.services import change_project, may_report, may_set_additions
from tixi.ledger.tables import project_detail_tables


@login_required
@exportable("project")
def project_detail(request, pk):
    project = get_object_or_404(
        Project.objects.visible_to(request.user).select_related("plan__region", "unit", "division"), pk=pk
    )
    errors = []
    allowed = may_report(request.user, project)
    if request.method == "POST":
        try:
            change_project(project, request.POST, request.user)
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
    share = round(float(done / project.investment) * 100, 1) if project.investment else None
    milestones = list(project.milestones.all())
    return TemplateResponse(
        request,
        "ledger/project.html",
        {
            "tables": project_detail_tables(project, investments, done, share, milestones),
            "export_title": f"{project.number}. {project.name}",
            "project": project,
            "investments": investments,
            "invested": done,
            "invested_share": round(float(done / project.investment) * 100, 1)
            if project.investment
            else None,
            "milestones": project.milestones.all(),
            "statuses": ProjectStatus.choices,
            "addition_kinds": AdditionKind.choices,
            "may_report": allowed,
            "may_set_additions": may_set_additions(request.user, project),
            "errors": errors,
            "this_year": clock.today().year,
        },
        status=400 if errors else 200,
    )
