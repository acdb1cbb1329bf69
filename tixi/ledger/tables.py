"""The ledger's tables, built once for the page, its .xlsx/.csv downloads and the Word ledger."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from tixi.core.exports import DATE, NUMBER, Cell, Column, Table


def _units(units) -> str:
    return gettext(", ").join(u.display_name for u in units)


def ledger_table(tasks) -> Table:
    """The task ledger in the form commissions keep it (序号, 任务, 牵头单位, 配合单位, 完成时限, 状态,
    进展情况, 存在问题): the latest progress report of each task."""
    table = Table(
        _("Task ledger"),
        [
            Column(_("No."), kind=NUMBER),
            Column(_("Task"), width=40),
            Column(_("Lead units"), width=24),
            Column(_("Cooperating units"), width=24),
            Column(_("Deadline"), kind=DATE),
            Column(_("Status")),
            Column(_("Progress"), width=50),
            Column(_("Problems"), width=40),
        ],
        html_id="tasks",
    )
    for n, task in enumerate(tasks, start=1):
        latest = next(iter(task.progress.all()), None)
        flag = _("overdue") if task.is_overdue else _("at risk") if task.is_at_risk else ""
        table.add(
            n,
            Cell(
                f"{task.clause} {task.title}",
                href=reverse("task-detail", args=[task.pk]),
                title=task.text,
                note=task.plan.display_title,
            ),
            _units(task.lead_units.all()),
            _units(task.cooperating_units.all()),
            task.deadline,
            Cell(task.get_status_display(), badge=flag),
            latest.narrative if latest else "",
            latest.problems if latest else "",
            item=task,
        )
    return table


def project_tables(projects, summary) -> list[Table]:
    """The summaries by first year, kind, unit and status, then the projects."""
    tables = []
    for key, title, heading in (
        ("year", _("By first year"), _("Year")),
        ("nature", _("By kind"), _("Nature")),
        ("unit", _("By responsible unit"), _("Responsible unit")),
        ("status", _("By status"), _("Status")),
    ):
        table = Table(title, [Column(heading), Column(_("Investment"), kind=NUMBER, decimals=0)])
        for label, amount in summary[key]:
            table.add(str(label), amount)
        tables.append(table)
    tables[-1].html_id = "by-status"
    projects_table = Table(
        _("Projects"),
        [
            Column("#", kind=NUMBER),
            Column(_("Name")),
            Column(_("Site")),
            Column(_("Nature")),
            Column(_("Years")),
            Column(_("Investment"), kind=NUMBER, decimals=0),
            Column(_("Responsible unit")),
            Column(_("Leader")),
            Column(_("Beds"), kind=NUMBER),
            Column(_("Childcare places"), kind=NUMBER),
            Column(_("Status")),
            Column(_("Completed"), kind=NUMBER, decimals=0),
        ],
        html_id="projects",
    )
    for p in projects:
        projects_table.add(
            p.number,
            Cell(p.name, href=reverse("project-detail", args=[p.pk]), title=p.content),
            Cell(p.site, note=p.division.display_name if p.division else ""),
            p.nature or "—",
            f"{p.start_year}–{p.end_year}",
            p.investment,
            p.unit.display_name,
            p.leader,
            p.beds_added or None,
            p.childcare_places_added or None,
            p.get_status_display(),
            p.invested,
        )
    return [*tables, projects_table]


def project_detail_tables(project, investments, invested, invested_share, milestones) -> list[Table]:
    facts = Table(project.name, [Column(_("Item")), Column(_("Value"))], html_id="project-facts")
    site = f"{project.site} · {project.division.display_name}" if project.division else project.site
    share = f" ({invested_share}%)" if invested_share is not None else ""
    for label, value in (
        (_("site"), site),
        (_("nature of construction"), project.get_nature_display()),
        (_("content and scale"), project.content),
        (_("years"), f"{project.start_year}–{project.end_year}"),
        (_("total investment (10,000 yuan)"), project.investment),
        (_("investment completed (10,000 yuan)"), Cell(invested, note=share)),
        (
            _("responsible unit"),
            Cell(project.unit.display_name, href=reverse("unit-page", args=[project.unit.pk])),
        ),
        (_("responsible leader"), project.leader),
        (_("beds added"), project.beds_added),
        (_("childcare places added"), project.childcare_places_added),
        (_("status"), project.get_status_display()),
    ):
        facts.add(label, value)
    by_year = Table(
        _("Investment completed by year"),
        [Column(_("year")), Column(_("investment completed (10,000 yuan)"), kind=NUMBER)],
        html_id="investments",
    )
    for i in investments:
        by_year.add(str(i.year), i.amount)
    steps = Table(
        _("Milestones"),
        [Column(_("milestone")), Column(_("planned date"), kind=DATE), Column(_("date reached"), kind=DATE)],
        html_id="milestones",
        actions="ledger/_milestone_form.html",
    )
    for m in milestones:
        steps.add(
            m.name, m.planned, Cell(m.reached, badge=_("late") if m.is_late and not m.reached else ""), item=m
        )
    adds = Table(
        _("What the project adds"),
        [Column(_("what is added")), Column(_("how many"), kind=NUMBER)],
        html_id="additions",
    )
    for addition in project.additions.all():
        adds.add(addition.get_what_display(), addition.amount)
    return [facts, adds, by_year, steps]  # in the page's order: the downloads write them so


def task_tables(subtasks, progress, rectifications) -> list[Table]:
    below = Table(
        _("Sub-tasks"),
        [
            Column(_("Clause no.")),
            Column(_("Task")),
            Column(_("Lead units")),
            Column(_("Status")),
            Column(_("Percent done"), kind=NUMBER),
        ],
        html_id="subtasks",
    )
    for s in subtasks:
        below.add(
            s.clause,
            Cell(s.title, href=reverse("task-detail", args=[s.pk])),
            _units(s.lead_units.all()),
            Cell(s.get_status_display(), badge=_("overdue") if s.is_overdue else ""),
            s.percent,
        )
    reports = Table(
        _("Progress reports"),
        [
            Column(_("Period")),
            Column(_("Unit")),
            Column(_("Status")),
            Column(_("Percent done"), kind=NUMBER),
            Column(_("Progress")),
            Column(_("Problems")),
        ],
        html_id="progress",
        actions="ledger/_attachments.html",
        actions_heading=_("Attachments"),
    )
    for p in progress:
        reports.add(
            p.period, p.unit.display_name, p.get_status_display(), p.percent, p.narrative, p.problems, item=p
        )
    loop = Table(
        _("Closed loop"),
        [
            Column(_("Problem found")),
            Column(_("Rectification measure")),
            Column(_("Deadline"), kind=DATE),
            Column(_("Status")),
        ],
        html_id="rectifications",
        actions="ledger/_rectification_form.html",
    )
    for r in rectifications:
        loop.add(r.problem, r.measure, r.deadline, r.get_status_display(), item=r)
    return [below, reports, loop]


def unit_table(unit, tasks) -> Table:
    table = Table(
        unit.display_name,
        [
            Column(_("Task")),
            Column(_("Plan")),
            Column(_("Role")),
            Column(_("Deadline"), kind=DATE),
            Column(_("Status")),
        ],
        html_id="unit-tasks",
    )
    for t in tasks:
        leading = unit in t.lead_units.all()
        table.add(
            Cell(f"{t.clause} {t.title}", href=reverse("task-detail", args=[t.pk])),
            t.plan.display_title,
            _("Leading") if leading else _("Cooperating"),
            t.deadline,
            Cell(t.get_status_display(), badge=_("overdue") if t.is_overdue else ""),
        )
    return table
