"""Loading a plan's tasks and projects into the ledger from its text, and the summaries a commission reads."""

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tixi.accounts.permissions import Capability, can_within, require_within
from tixi.core import clock
from tixi.core.text import digits
from tixi.core.validators import PLAUSIBLE_DATE, refuse_control_characters_in_bulk
from tixi.geo.engine.shapes import centroid, contains
from tixi.geo.models import Boundary, Division
from tixi.indicators.models import Plan, Target
from tixi.ledger.engine import parse
from tixi.ledger.models import (
    AdditionKind,
    Attachment,
    Milestone,
    Notification,
    Progress,
    Project,
    ProjectAddition,
    ProjectInvestment,
    ProjectStatus,
    Rectification,
    Task,
    TaskStatus,
    Unit,
    validate_attachment,
)

# Beds and childcare places a project adds: "新增床位600张", "设置医养床位30张"; "分别在5个社区设置托位各
# 150个" is 5 × 150 places, multiplied out.
BEDS = re.compile(r"新增(?:医疗)?床位(\d+)张|设置医养床位(\d+)张")
PLACES = re.compile(r"(?:分别在(\d+)个社区设置)?托位各?(\d+)个")


def capacity_added(content: str) -> tuple[int, int]:
    """(beds, childcare places) a project's content adds."""
    beds = sum(int(a or b) for a, b in BEDS.findall(content))
    places = sum(int(times or 1) * int(each) for times, each in PLACES.findall(content))
    return beds, places


# What a project adds by measure, read only where its text states it. Medical beds are the 医疗床位 of a
# breakdown ("新增床位600张（医疗床位300张，养老床位300张）": 300) or else the 新增床位; 医养 and 养老 beds are
# not the registry's 实有床位. The beds of a named kind of hospital are also that kind's beds.
MEDICAL_BEDS = re.compile(r"医疗床位(\d+)张")
NEW_BEDS = re.compile(r"新增床位(\d+)张")
BEDS_OF_HOSPITAL = (
    (("中医医院", "中西医结合医院"), AdditionKind.TCM_HOSPITAL_BEDS),
    (("精神卫生中心", "精神病医院", "精神专科医院"), AdditionKind.PSYCHIATRIC_BEDS),
    (("康复医院",), AdditionKind.REHABILITATION_BEDS),
    (("传染病医院",), AdditionKind.INFECTIOUS_BEDS),
)
BEDS_OF_KIND = (
    (re.compile(r"精神科?床位(\d+)张"), AdditionKind.PSYCHIATRIC_BEDS),
    (re.compile(r"康复床位(\d+)张"), AdditionKind.REHABILITATION_BEDS),
    (re.compile(r"(?:重症监护|重症|ICU)床位(\d+)张"), AdditionKind.ICU_BEDS),
    (re.compile(r"传染病(?:救治)?床位(\d+)张"), AdditionKind.INFECTIOUS_BEDS),
)
INSTITUTIONS = re.compile(
    r"新建(\d+)(?:个|所|家)(社区卫生服务站|社区卫生服务中心|乡镇卫生院|村卫生室|县域医疗卫生次中心|社区医院)"
)
INSTITUTION_KINDS = {
    "社区卫生服务站": AdditionKind.COMMUNITY_HEALTH_STATIONS,
    "社区卫生服务中心": AdditionKind.COMMUNITY_HEALTH_CENTRES,
    "乡镇卫生院": AdditionKind.TOWNSHIP_HEALTH_CENTRES,
    "村卫生室": AdditionKind.VILLAGE_CLINICS,
    "县域医疗卫生次中心": AdditionKind.COUNTY_SUB_CENTRES,
    "社区医院": AdditionKind.COMMUNITY_HOSPITALS,
}
AMBULANCES = re.compile(r"(?:购置|配备|新增)救护车(\d+)辆")
NEGATIVE_PRESSURE = re.compile(r"负压救护车(\d+)辆|其中负压(?:救护车)?(\d+)辆")


def additions_stated(name: str, content: str) -> dict[str, int]:
    """What a project's name and content say it adds, by measure (nothing the text does not state)."""
    found: dict[str, int] = {}
    medical = MEDICAL_BEDS.findall(content)
    beds = sum(map(int, medical)) if medical else sum(map(int, NEW_BEDS.findall(content)))
    if beds:
        found[AdditionKind.BEDS] = beds
        for names, kind in BEDS_OF_HOSPITAL:
            if any(n in name for n in names):
                found[kind] = beds
    for pattern, kind in BEDS_OF_KIND:
        if stated := sum(map(int, pattern.findall(content))):
            found[kind] = max(found.get(kind, 0), stated)
    _beds, places = capacity_added(content)
    if places:
        found[AdditionKind.CHILDCARE_PLACES] = places
    for count, kind in INSTITUTIONS.findall(content):
        found[INSTITUTION_KINDS[kind]] = found.get(INSTITUTION_KINDS[kind], 0) + int(count)
    if ambulances := sum(map(int, AMBULANCES.findall(content))):
        found[AdditionKind.AMBULANCES] = ambulances
    if negative := sum(int(a or b) for a, b in NEGATIVE_PRESSURE.findall(content)):
        found[AdditionKind.NEGATIVE_PRESSURE_AMBULANCES] = negative
        found[AdditionKind.AMBULANCES] = max(found.get(AdditionKind.AMBULANCES, 0), negative)
    return {str(k): v for k, v in found.items()}


def township_of(site: str, townships: dict):
    """The township a project's site names, matched by its whole name (石梯镇 is not 石桥镇); the
    longest name wins, so a street named inside a town's name cannot take it."""
    named = [name for name in townships if name in site]
    return townships[max(named, key=len)] if named else None


# One unit spelt several ways in the seeds: 达川's annex names 三里坪街道's centre three ways, 巴中's
# plan writes its human resources bureau with and without 和.
UNIT_ALIASES = {
    "三里坪社区卫生服务中心": "三里坪街道社区卫生服务中心",
    "三里街道社区卫生服务中心": "三里坪街道社区卫生服务中心",
    "市人力资源和社会保障局": "市人力资源社会保障局",
}


def units_named(names, region) -> list[Unit]:
    """The region's units by name (an alias is its unit), created when a plan names a new one."""
    units = [
        Unit.objects.get_or_create(name=UNIT_ALIASES.get(name, name), division=region)[0] for name in names
    ]
    return list(dict.fromkeys(units))


@transaction.atomic
def load_tasks(plan: Plan, text: str) -> int:
    plan.tasks.all().delete()
    for order, item in enumerate(parse.tasks(text, plan.period_end), start=1):
        task = Task(
            plan=plan,
            order=order,
            clause=item["clause"],
            title=item["title"][:120],
            text=item["text"],
            deadline=item["deadline"],
        )
        task.full_clean(exclude=["lead_units", "cooperating_units"])
        task.save()
        task.lead_units.set(units_named(item["lead_units"], plan.region))
        task.cooperating_units.set(units_named(item["cooperating_units"], plan.region))
    return plan.tasks.count()


@transaction.atomic
def load_projects(plan: Plan, text: str) -> int:
    plan.projects.all().delete()

    townships = {d.name: d for d in Division.objects.filter(path__startswith=plan.region.path, level=4)}
    centres = {
        b.division_id: centroid(b.geometry)
        for b in Boundary.objects.filter(division__path__startswith=plan.region.path)
    }
    for item in parse.projects(text):
        division = township_of(item["site"], townships)
        beds, places = capacity_added(item["content"])
        centre = centres.get((division or plan.region).pk) or (None, None)
        project = Project.objects.create(
            longitude=centre[0],
            latitude=centre[1],
            plan=plan,
            number=item["number"],
            name=item["name"],
            site=item["site"],
            nature=item["nature"],
            content=item["content"],
            start_year=item["start_year"],
            end_year=item["end_year"],
            investment=Decimal(str(item["investment"])),
            unit=units_named([item["unit"]], plan.region)[0],
            leader=item["leader"],
            division=division or plan.region,
            beds_added=beds,
            childcare_places_added=places,
        )
        for what, amount in additions_stated(item["name"], item["content"]).items():
            ProjectAddition.objects.create(
                project=project, what=what, amount=amount
            )  # audited, as the project
    return plan.projects.count()


def project_summaries(projects) -> dict:
    """Totals by first year, by unit and by nature; the grand total reproduces the annex."""
    by = {k: defaultdict(Decimal) for k in ("year", "unit", "nature", "status")}
    total = Decimal(0)
    for p in projects:
        by["year"][p.start_year] += p.investment
        by["unit"][p.unit.display_name] += p.investment
        by["nature"][p.get_nature_display()] += p.investment
        by["status"][p.get_status_display()] += p.investment
        total += p.investment
    return {"total": total, **{k: sorted(v.items(), key=lambda kv: str(kv[0])) for k, v in by.items()}}


def project_map(projects) -> dict:
    """Outlines of the townships of the projects' regions and a point per project (GeoJSON-like)."""
    regions = {p.plan.region_id for p in projects}
    boundaries = Boundary.objects.filter(division__parent_id__in=regions).select_related("division")
    return {
        "features": [
            {"type": "Feature", "properties": {"name": b.division.display_name}, "geometry": b.geometry}
            for b in boundaries
        ],
        "points": [
            {
                "name": p.name,
                "number": p.number,
                "site": p.site,
                "url": f"/ledger/projects/{p.pk}/",
                "value": [p.longitude, p.latitude, float(p.investment)],
            }
            for p in projects
            if p.longitude is not None
        ],
    }


PLANNED_CAPACITY_STATUSES = ("planned", "under_way", "completed")


def planned_capacity(projects) -> dict:
    """Beds and childcare places that the listed projects not yet in use will add."""
    due = [p for p in projects if p.status in PLANNED_CAPACITY_STATUSES]
    return {
        "beds": sum(p.beds_added for p in due),
        "childcare_places": sum(p.childcare_places_added for p in due),
    }


def planned_capacity_in(division) -> dict:
    """The registry's planned capacity of a division's subtree: what its projects will add (one query)."""
    totals = Project.objects.filter(
        division__path__startswith=division.path, status__in=PLANNED_CAPACITY_STATUSES
    ).aggregate(beds=Sum("beds_added"), childcare_places=Sum("childcare_places_added"))
    return {k: v or 0 for k, v in totals.items()}


def bed_projects_in(division) -> list[dict]:
    """The division's projects that add beds and are not given up: name, site, beds and page."""
    projects = Project.objects.filter(
        division__path__startswith=division.path, status__in=PLANNED_CAPACITY_STATUSES, beds_added__gt=0
    ).order_by("plan_id", "number")
    return [
        {"name": p.name, "site": p.site, "beds": p.beds_added, "url": f"/ledger/projects/{p.pk}/"}
        for p in projects
    ]


# a project whose status is one of these adds nothing more: in use (or completed) it is in the
# registry's reports from the year it was done, suspended it may never be built
DONE_STATUSES = (ProjectStatus.COMPLETED, ProjectStatus.IN_USE)


def done_year(project) -> int:
    """The year a completed project was done: its last milestone reached, else its last planned year."""
    reached = [m.reached.year for m in project.milestones.all() if m.reached]
    return max(reached) if reached else project.end_year


def counts_in(project, year: int) -> bool:
    """Whether what a project adds is still to come in a year: not suspended, and not done by that year
    (a project done in or before the year is in that year's reports: counted once, as actual)."""
    if project.status == ProjectStatus.SUSPENDED:
        return False
    if project.status in DONE_STATUSES:
        return done_year(project) > year
    return True


def planned_additions(places, what: str, year: int) -> list[tuple[int, list[dict]]]:
    """For each place, what the ledger's projects sited in it (its subtree) will add of a measure after
    the year: the total and the projects (name, number, amount, page)."""
    additions = [
        a
        for a in ProjectAddition.objects.filter(what=what, project__division__isnull=False)
        .select_related("project__division", "project__plan")
        .prefetch_related("project__milestones")
        .order_by("project__plan_id", "project__number")
        if counts_in(a.project, year)
    ]
    found = []
    for place in places:
        inside = [a for a in additions if a.project.division.path.startswith(place.path)]
        found.append(
            (
                sum(a.amount for a in inside),
                [
                    {
                        "name": a.project.name,
                        "number": a.project.number,
                        "plan": a.project.plan.code,
                        "site": a.project.site,
                        "amount": a.amount,
                        "status": a.project.status,
                        "url": reverse("project-detail", args=[a.project.pk]),
                    }
                    for a in inside
                ],
            )
        )
    return found


@transaction.atomic
def set_project_addition(project, what: str, amount) -> ProjectAddition | None:
    """What the project adds of one measure: a whole number from 1 up sets it, 0 or empty removes it."""
    if what not in AdditionKind.values:
        raise ValidationError({"what": _("Choose what the project adds.")})
    text = str(amount if amount is not None else "").strip()
    try:
        value = int(text) if text else 0
    except ValueError as error:
        raise ValidationError({"amount": _("How many is a whole number (0 removes it).")}) from error
    if value < 0:
        raise ValidationError({"amount": _("How many is a whole number (0 removes it).")})
    if value == 0:
        ProjectAddition.objects.filter(project=project, what=what).delete()
        return None
    row = ProjectAddition.objects.filter(project=project, what=what).first() or ProjectAddition(
        project=project, what=what
    )
    row.amount = value
    row.full_clean()
    row.save()
    return row


def add_drafted_targets(plan: Plan, rows: list[dict]) -> None:
    """Targets kept from a read document, worded as the plan words them (the forms checked them; the
    pre-save rule on text, which bulk_create skips, is checked before: ValidationError naming the row)."""
    targets = [
        Target(
            plan=plan,
            order=order,
            area=row.get("area") or "",
            label=row["label"],
            clause=row.get("clause") or row["label"],
            indicator=row.get("indicator"),
            division=plan.region,
            kind=row.get("kind") or "value",
            comparator=row["comparator"],
            nature=row.get("nature") or "",
            baseline_year=row.get("baseline_year"),
            baseline_value=row.get("baseline"),
            target_year=row["year"],
            target_value=row.get("value"),
            change_per_year=row.get("change_per_year"),
        )
        for order, row in enumerate(rows, start=1)
    ]
    refuse_control_characters_in_bulk(Target, ((_("row %(n)s") % {"n": t.order}, t) for t in targets))
    Target.objects.bulk_create(targets)


def _date(value: str, field: str):

    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValidationError({field: _("A date is YYYY-MM-DD.")}) from error
    try:
        PLAUSIBLE_DATE(day)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    return day


def may_report(user, project) -> bool:
    """Who reports on a project (status, investment, milestones, surveyed site): planners of the plan's
    region, and members of the project's responsible unit."""
    return (
        can_within(user, Capability.PLAN, project.plan.region)
        or project.unit.members.filter(pk=user.pk).exists()
    )


def may_set_additions(user, project) -> bool:
    """What a project adds counts against the region's norms (a planned bed closes a gap on paper): that
    is the plan's decision, so only planners of the plan's region set it, not the unit that builds."""
    return can_within(user, Capability.PLAN, project.plan.region)


@transaction.atomic
def change_project(project, data, user) -> None:
    """One change reported on a project by `user` (status, investment of a year, milestone added or
    reached, site; a planner also what it adds); refused (PermissionDenied) for anyone else, and a bad
    value raises ValidationError naming the field."""
    action = data.get("action")
    if not may_report(user, project):
        raise PermissionDenied(_("Only the responsible unit or a planner reports on a project."))
    if action == "addition" and not may_set_additions(user, project):
        raise PermissionDenied(_("Only a planner of the plan's region sets what a project adds."))
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
    elif action == "addition":
        set_project_addition(project, data.get("what") or "", data.get("amount"))
    elif action == "position":
        place_project(project, data.get("longitude", ""), data.get("latitude", ""))
    elif action == "reached":
        number = str(data.get("milestone") or "")
        milestone = None
        if number.isascii() and digits(number):
            milestone = Milestone.objects.filter(pk=int(number), project=project).first()
        if milestone is None:
            raise ValidationError({"milestone": _("Unknown milestone.")})
        milestone.reached = _date(data.get("reached", ""), "reached") or clock.today()
        milestone.save(update_fields=["reached"])
    else:
        raise ValidationError({"action": _("Unknown action.")})


def place_project(project, longitude: str, latitude: str) -> None:
    """The site as surveyed (the annex names only an address): a point inside the plan's region, and
    the township it falls in becomes the project's division."""
    try:
        x, y = float(longitude), float(latitude)
    except ValueError as error:
        raise ValidationError({"longitude": _("Give longitude and latitude in decimal degrees.")}) from error
    if not (73 <= x <= 136 and 3 <= y <= 54):
        raise ValidationError({"longitude": _("This point lies outside China.")})
    region = project.plan.region
    outline = Boundary.objects.filter(division=region).first()
    if outline is not None and not contains(outline.geometry, x, y):
        raise ValidationError(
            {"longitude": _("This point lies outside %(region)s.") % {"region": region.display_name}}
        )
    townships = Boundary.objects.filter(
        division__path__startswith=region.path, division__level__gt=region.level
    ).select_related("division")
    within = [b.division for b in townships if contains(b.geometry, x, y)]
    project.longitude, project.latitude = x, y
    if within:
        project.division = max(within, key=lambda d: d.level)
    project.save(update_fields=["longitude", "latitude", "division"])


# ---------------------------------------------------------------- who may write
def may_manage_unit(user, unit: Unit) -> bool:
    """A planner whose scope covers the unit's region names its contacts and members."""
    return can_within(user, Capability.PLAN, unit.division)


@transaction.atomic
def assign_down(task: Task, user, today=None) -> list[Task]:
    """The action behind "assign to each division below": only a planner of the plan's region
    (PermissionDenied otherwise), for the page, the API and the CLI alike."""
    require_within(
        user, Capability.PLAN, task.plan.region, _("Only a planner of the plan's region assigns sub-tasks.")
    )
    return add_subtasks_below(task, today)


def add_subtasks_below(task: Task, today=None) -> list[Task]:
    """No user's write (the demo builder's): a sub-task of `task` for each division under the plan's region (counties of a city, townships
    of a county), led by that division's government, with the parent's deadline and targets;
    divisions that already have one are skipped, so assigning twice adds nothing."""
    region = task.plan.region
    year = (today or clock.today()).year
    divisions = list(Division.objects.valid_in(year).filter(parent=region).order_by("code"))
    taken = {unit for sub in task.subtasks.prefetch_related("lead_units") for unit in sub.lead_units.all()}
    created = []
    for n, division in enumerate(divisions, start=1):
        government = Unit.objects.get_or_create(name=f"{division.name}人民政府", division=division)[0]
        if government in taken:
            continue
        sub = Task.objects.create(
            plan=task.plan,
            order=task.order,
            clause=f"{task.clause}-{n}"[:16],
            title=f"{task.title}（{division.name}）"[:120],
            text=task.text,
            deadline=task.deadline,
            parent=task,
        )
        sub.lead_units.set([government])
        sub.targets.set(task.targets.all())
        created.append(sub)
    return created


# ---------------------------------------------------------------- progress and the closed loop
def responsible_units(user, task) -> list[Unit]:
    """The user's units that lead or cooperate on the task."""
    mine = set(user.units.values_list("pk", flat=True)) if getattr(user, "pk", None) else set()
    units = list(task.lead_units.all()) + list(task.cooperating_units.all())
    return [u for u in units if u.pk in mine]


@transaction.atomic
def last_quarter_ended(today) -> str:
    """The month closing the last quarter before today ("2025-09" on 2025-10-15): the period a
    quarterly report is usually for."""
    month = (today.month - 1) // 3 * 3
    return f"{today.year}-{month:02d}" if month else f"{today.year - 1}-12"


def report_progress(
    task, user, unit, period: str, status: str, percent: int, narrative: str, problems: str, files=()
):

    if unit not in responsible_units(user, task):
        raise ValidationError(
            {"unit": _("This unit is not responsible for the task, or you are not one of its members.")}
        )
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period or ""):
        raise ValidationError({"period": _("A period is YYYY-MM.")})
    if period > f"{clock.today():%Y-%m}":
        raise ValidationError(
            {
                "period": _("%(period)s has not begun: report on a period up to this month.")
                % {"period": period}
            }
        )
    for upload in files:
        validate_attachment(upload)
    progress = Progress(
        task=task,
        unit=unit,
        period=period,
        status=status,
        percent=percent,
        narrative=narrative,
        problems=problems,
        reported_by=user,
    )
    progress.full_clean()
    progress.save()
    for upload in files:
        Attachment.objects.create(progress=progress, file=upload, name=upload.name[:200])
    if task.lead_units.filter(pk=unit.pk).exists():  # the lead unit's report sets the task's state
        task.status, task.percent = status, percent
        task.save(update_fields=["status", "percent"])
    return progress


@transaction.atomic
def raise_rectification(task, user, problem: str, measure: str, deadline):
    """A problem found and its rectification measure: only a responsible unit's member or a planner of
    the plan's region raises one (PermissionDenied otherwise)."""
    if not (responsible_units(user, task) or can_within(user, Capability.PLAN, task.plan.region)):
        raise PermissionDenied(_("Only a responsible unit or a planner raises a problem."))
    if not problem.strip() or not measure.strip():
        raise ValidationError(_("Give the problem and the rectification measure."))
    return Rectification.objects.create(
        task=task, problem=problem, measure=measure, deadline=deadline, raised_by=user
    )


@transaction.atomic
def advance_rectification(rectification, user):
    """A responsible unit reports it rectified; then a member of the lead unit verifies and closes it."""
    units = responsible_units(user, rectification.task)
    if rectification.status == Rectification.Status.OPEN:
        if not units:
            raise ValidationError(_("Only a responsible unit can report the rectification."))
        rectification.status = Rectification.Status.RECTIFIED
    elif rectification.status == Rectification.Status.RECTIFIED:
        if not set(units) & set(rectification.task.lead_units.all()):
            raise ValidationError(_("Only the lead unit verifies and closes."))
        rectification.status, rectification.verified_by = Rectification.Status.CLOSED, user
        rectification.closed_at = clock.now()
    else:
        raise ValidationError(_("This loop is already closed."))
    rectification.save()
    return rectification


def remind(days: int, today=None) -> dict[Unit, list]:
    """Tasks not done that fall due within `days` or are overdue, per responsible unit; members
    get an in-app notification (once a day per task)."""
    today = today or clock.today()
    due = (
        Task.objects.exclude(status=TaskStatus.DONE)
        .filter(deadline__lte=today + dt.timedelta(days=days))
        .prefetch_related("lead_units__members", "cooperating_units__members")
    )

    by_unit: dict = defaultdict(list)
    notes, seen = [], set()
    # once a day on the clock the notices are stamped by (the platform's: a demo's today on a demo)
    already = set(
        Notification.objects.filter(created__date=timezone.localdate(clock.now())).values_list(
            "user_id", "task_id"
        )
    )
    for task in due:
        overdue = task.deadline < today
        for unit in {*task.lead_units.all(), *task.cooperating_units.all()}:
            by_unit[unit].append((task, overdue))
            for member in unit.members.all():
                text = f"{'已逾期' if overdue else '即将到期'}：{task.clause} {task.title}（{task.deadline:%Y-%m-%d}）"
                if (member.pk, task.pk) not in already | seen:
                    seen.add((member.pk, task.pk))
                    notes.append(Notification(user=member, task=task, text=text[:300]))
    Notification.objects.bulk_create(notes)
    return by_unit
