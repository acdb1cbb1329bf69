from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tixi.accounts import notes
from tixi.accounts.permissions import Capability, require
from tixi.accounts.regions import in_region, list_region
from tixi.core import clock
from tixi.core.exports import NUMBER, Cell, Column, Table, attach, download_name, exportable
from tixi.core.templatetags.tixi_tags import local_name
from tixi.core.text import digits
from tixi.geo import locks
from tixi.geo.models import Division
from tixi.geo.tree_views import YEARS
from tixi.indicators import actions, statements
from tixi.indicators import items as item_values
from tixi.indicators.areas import area_label
from tixi.indicators.engine import trajectory as tj
from tixi.indicators.models import Nature, Plan, Trajectory
from tixi.indicators.services import (
    TOWNSHIP,
    additive_elements,
    all_definitions,
    definition_of,
    evaluate,
    evaluate_plan,
    national_for,
    national_values,
    row_gap_text,
    spec_of,
    target_text,
    total_exemption,
    township_exemption,
    township_norm,
)

STATUS_LABELS = {
    tj.ACHIEVED: gettext_lazy("achieved"),
    tj.ON_TRACK: gettext_lazy("on track"),
    tj.AT_RISK: gettext_lazy("at risk"),
    tj.OFF_TRACK: gettext_lazy("off track"),
    tj.NO_DATA: gettext_lazy("no data"),
    tj.NOT_JUDGED: gettext_lazy("not judged"),
}


def _year(request, default: int) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if digits(raw) and 2000 <= int(raw) <= 2100 else default


def _division(request, plan: Plan, year: int) -> Division:
    visible = Division.objects.visible_to(request.user)
    code = request.GET.get("division")
    if not code:  # the plan's region, or for a county reading the city's plan, the user's own division
        home = request.user.home_division()
        in_scope = visible.filter(pk=plan.region_id).exists()
        code = plan.region.code if in_scope or home is None else home.code
    division = visible.at(code, year)
    if division is None:
        raise Http404(_("No division has this code in your scope."))
    return division


@login_required
@exportable("plans")
def plan_list(request):
    from django.db.models import Count

    region = list_region(request)
    plans = (
        in_region(Plan.objects.visible_to(request.user), region)
        .select_related("region")
        .annotate(target_count=Count("targets"))
        .order_by("code")
    )
    table = Table(
        _("Plans"),
        [
            Column(_("Title")),
            Column(_("Document number")),
            Column(_("Issuing body")),
            Column(_("Region")),
            Column(_("Plan period")),
            Column(_("Targets"), kind=NUMBER),
        ],
        html_id="plan-list",
    )
    for p in plans:
        table.add(
            # a scorecard is a region's: no link for staff who see their institution only (404)
            Cell(
                p.display_title,
                href=reverse("scorecard", args=[p.code]) if request.user.sees_divisions else "",
            ),
            p.document_number or "—",
            p.display_issuer,
            p.region.display_name,
            f"{p.period_start}–{p.period_end}",
            p.target_count,
        )
    return TemplateResponse(
        request,
        "indicators/plan_list.html",
        {"tables": [table], "plans": plans, "export_title": _("Plans"), "list_region": region},
    )


def scorecard_context(request, code):
    plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("region"), code=code)
    year = _year(request, min(clock.today().year - 1, plan.period_end))
    division = _division(request, plan, year)
    trajectory = request.GET.get("trajectory", "")
    trajectory = trajectory if trajectory in Trajectory.values else ""
    rows = evaluate_plan(plan, division, year, trajectory=trajectory or None)
    area, nature = request.GET.get("area", ""), request.GET.get("nature", "")
    shown = [r for r in rows if (not area or r["area"] == area) and (not nature or r["nature"] == nature)]
    for r in shown:
        r["status_label"] = STATUS_LABELS[r["status"]]
    counts = {key: sum(1 for r in shown if r["status"] == key) for key in STATUS_LABELS}
    return {
        "plan": plan,
        "division": division,
        "year": year,
        "rows": shown,
        "areas": [(a, area_label(a)) for a in dict.fromkeys(r["area"] for r in rows)],
        "area": area,
        "nature": nature,
        "natures": [choice for choice in Nature.choices if choice[0]],
        "trajectory": trajectory,
        "trajectories": Trajectory.choices,
        "years": YEARS,
        "counts": [(STATUS_LABELS[k], k, n) for k, n in counts.items()],
        "rules": statements.judged_rules(plan, division, year),
        "unjudged": statements.unjudged(plan),
        "children": Division.objects.visible_to(request.user)
        .valid_in(year)
        .filter(parent__path=division.path),
        "charts": [
            {
                "id": f"t{r['order']}",
                "label": r["label"],
                # at the indicator's decimals, as the sparkline labels them; up to the year chosen, so
                # that its last point is the table's value (not this year's)
                "series": {
                    y: None if v is None else round(v, r["decimals"])
                    for y, v in r["series"].items()
                    if y <= year
                },
                "baseline_year": r["baseline_year"],
                "baseline": r["baseline"],
                "target_year": r["target_year"],
                "target": r["target"],
                "path": r["trajectory_path"],
            }
            for r in shown
        ],
    }


@login_required
@exportable("scorecard")
def scorecard(request, code):
    from tixi.indicators.reports import evaluation_table, headline_table

    context = scorecard_context(request, code)
    plan, division, year = context["plan"], context["division"], context["year"]
    query = f"?division={division.code}&year={year}"
    table = evaluation_table(
        plan,
        division,
        year,
        context["rows"],
        link=lambda r: reverse("target-ranking", args=[plan.code, r["order"]]) + query,
    )
    chinese = (request.LANGUAGE_CODE or "")[:2] == "zh"
    for rule in context["rules"]:
        # the pack's English name on English pages; the seed's own words stay in the clause, quoted
        rule["shown_label"] = rule["label"] if chinese else rule.get("label_en") or _("a rule of the plan")
        rule["table"] = _rule_table(rule, year) if rule["concerned"] or rule["no_data"] else None
    unjudged = _unjudged_table(context["unjudged"], request) if context["unjudged"] else None
    context["unjudged_table"] = unjudged
    # the page's tables are the download's sheets: the headline figures, targets, each rule's
    # hospitals, the unjudged goals
    context["tables"] = [
        headline_table(context["rows"]),
        table,
        *(rule["table"] for rule in context["rules"] if rule["table"]),
        *([unjudged] if unjudged else []),
    ]
    context["export_title"] = f"{division.display_name} {year} {plan.display_title}"
    return TemplateResponse(request, "indicators/scorecard.html", context)


def _rule_table(rule: dict, year: int) -> Table:
    states = {
        "breach": Cell(_("beds added: rule breached"), css="status off_track"),
        "held": Cell(_("no beds added"), css="status achieved"),
    }
    table = Table(
        f"{_('Rule for each hospital:')} {rule['shown_label']}"[:80],
        [
            Column(_("Institution")),
            Column(_("Bed occupancy, year before") + " (%)", kind=NUMBER),
            Column(_("Average stay (days), year before"), kind=NUMBER),
            Column(_("Beds, year before"), kind=NUMBER),
            Column(_("Beds, %(year)s") % {"year": year}, kind=NUMBER),
            Column(_("Status")),
        ],
    )
    for j in rule["judgements"]:
        if j.status == "not_concerned":
            continue
        table.add(
            Cell(j.name, href=reverse("institution-detail", args=[j.code])),
            j.occupancy,
            j.average_stay,
            j.beds_before,
            j.beds,
            states.get(j.status, Cell(_("no report to judge by"), css="status no_data")),
        )
    return table


def _unjudged_table(goals: list[dict], request) -> Table:
    chinese = (request.LANGUAGE_CODE or "")[:2] == "zh"
    # the goal's short label is the seed's words: on English pages the verbatim clause, quoted as the
    # Chinese original, stands for it instead of an English table with Chinese sentences in it
    goal_column = [Column(_("Goal"))] if chinese else []
    table = Table(
        _("Goals stated without a number to judge them by"),
        [
            Column(_("Area")),
            *goal_column,
            Column(_("Why it is not judged")),
            Column(_("Clause (Chinese original)")),
        ],
        html_id="unjudged-goals",
    )
    for goal in goals:
        why = goal["why"] if chinese else _("The text states no number.")
        label = [goal["label"]] if chinese else []
        table.add(area_label(goal["area"]), *label, why, f"“{goal['clause']}”")
    return table


@login_required
@exportable("ranking")
def ranking(request, code, order):
    """One target across the child divisions of a division: drill-down and ranking."""
    plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("region"), code=code)
    target = get_object_or_404(plan.targets.select_related("indicator"), order=order)
    year = _year(request, min(clock.today().year - 1, plan.period_end))
    division = _division(request, plan, year)
    children = list(
        Division.objects.visible_to(request.user).valid_in(year).filter(parent__path=division.path)
    )
    definition = definition_of(target.indicator, target.institution_name)
    # the year, the year before and the baseline year of each child: a row's status and gap are its own
    # ("逐年提高" reads the year before, a fixed change a year the baseline)
    wanted = sorted({year, year - 1, target.baseline_year or year})
    cells = [item_values.Cell(c, y) for c in children for y in wanted]
    found = evaluate([definition], cells, all_definitions()).values[definition.code] if cells else []
    by_child = [
        {
            y: (None if v != v else float(v))
            for y, v in zip(wanted, found[k * len(wanted) : (k + 1) * len(wanted)], strict=True)
        }
        for k in range(len(children))
    ]
    spec = spec_of(target)
    national = national_for(national_values([target.indicator_id]), target)
    plan_targets = list(plan.targets.select_related("division"))
    additive = additive_elements()
    rows = []
    decimals = target.indicator.decimals
    for child, values in zip(children, by_child, strict=True):
        value = values[year]
        norm = township_norm(target, child, plan_targets) if child.level >= TOWNSHIP else None
        judged_by = norm or target
        state = tj.status(
            spec_of(norm) if norm else spec,
            year,
            value,
            previous=values.get(year - 1),
            baseline_actual=values.get(judged_by.baseline_year) if judged_by.baseline_year else None,
            national=national,
        )
        exemption = township_exemption(target, definition, child, plan_targets, additive)
        if exemption:
            state = tj.Status(tj.NOT_JUDGED, exemption, {})
        rows.append(
            {
                "division": child,
                # at the indicator's decimals, as the scorecard and the Word report show it; so the
                # download holds it too (judged above on the value itself)
                "value": None if value is None else round(value, decimals),
                "status": state.status,
                "status_label": STATUS_LABELS[state.status],
                "reason": exemption,
                "gap": "" if exemption else row_gap_text(judged_by, values, year),
            }
        )
    # a reason that is the target's, not the row's (a township's rate per residents is not held to the
    # county's target; a total of the region judges no part of it): said once above the table, and
    # the columns that would repeat it on every row (status, gap) are left out when no row is judged
    not_judged = ""
    if rows and all(r["reason"] for r in rows):
        if total_exemption(target, definition, children[0], additive):
            not_judged = _(
                "Not judged: the target is a total of %(region)s, not a target of each of its parts; "
                "their values are shown for reference."
            ) % {"region": target.division.display_name}
        elif len({r["reason"] for r in rows}) == 1:
            not_judged = rows[0]["reason"]
    judged = not not_judged
    gaps = any(r["gap"] for r in rows)  # no row with a gap of its own (none has a value): no gap column
    lower = target.indicator.direction == "lower"
    rows.sort(key=lambda r: (r["value"] is None, (r["value"] or 0) if lower else -(r["value"] or 0)))
    for rank, r in enumerate(rows, start=1):
        r["rank"] = rank if r["value"] is not None else None
    table = Table(
        f"{division.display_name} {year}",
        [
            Column(_("Rank"), kind=NUMBER),
            Column(_("Division")),
            Column(_("Actual"), kind=NUMBER, decimals=decimals),
            *([Column(_("Status"))] if judged else []),
            *([Column(_("Gap"))] if judged and gaps else []),
        ],
        html_id="ranking",
        empty=_("No division below this one."),
    )
    for r in rows:
        table.add(
            r["rank"],
            Cell(
                r["division"].name,
                href=reverse("scorecard", args=[plan.code]) + f"?division={r['division'].code}&year={year}",
            ),
            r["value"],
            *([Cell(r["status_label"], note=r["reason"] or "")] if judged else []),
            *([r["gap"]] if judged and gaps else []),
        )
    context = {"plan": plan, "target": target, "division": division, "year": year, "tables": [table]}
    context["not_judged"] = not_judged
    # the target as the scorecard writes it ("≥100", "5–8", "逐年提高"), not the raw stored number
    # with its year as the scorecard writes it (≥78.2（2025年）), not the bare number (（2025）)
    context["target_text"] = _("%(target)s (%(year)s)") % {
        "target": target_text(target, national),
        "year": target.target_year,
    }
    # an English page names the target by its indicator's English name; the plan's own words stay in the clause
    english = not (get_language() or "").startswith("zh")
    context["heading"] = target.indicator.name_en if english and target.indicator.name_en else target.label
    context["export_title"] = f"{division.display_name} {year} {context['heading']}"
    if not_judged:
        # the reason the page says once above the table heads the download too (journey17: the .xlsx
        # and .csv held the rows without status and gap, and no word of why)
        table.preamble = [context["export_title"], not_judged]
    # a target counted from the registry (R{...}, N{...}) leads on to the institutions and yearly
    # reports behind it: the planner's journey (a target off track -> the institutions) ended here
    formula = f"{target.indicator.numerator} {target.indicator.denominator or ''}"
    if "R{" in formula or "N{" in formula:
        context["institutions_href"] = reverse("institution-list") + f"?division={division.code}&year={year}"
    return TemplateResponse(request, "indicators/ranking.html", context)


@login_required
def scorecard_download(request, code, fmt):
    """The scorecard as a Word report (中期/终期评估) or as an .xlsx table."""
    from tixi.indicators import reports

    context = scorecard_context(request, code)
    plan, division, year = context["plan"], context["division"], context["year"]
    if fmt == "docx":
        content = reports.evaluation_docx(plan, division, year, context["rows"])
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        content = reports.evaluation_xlsx(plan, division, year, context["rows"])
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=kind)
    what = reports.report_kind(plan, year) if fmt == "docx" else _("indicator table")
    return attach(
        response, download_name(division.display_name, year, plan.display_title, what, extension=fmt)
    )


@login_required
@exportable("data-values")
def data_values(request):
    """Enter a data element's value for a division and period; recent values in scope below."""
    from django.contrib import messages
    from django.core.exceptions import ValidationError
    from django.shortcuts import redirect

    from tixi.indicators.forms import DataValueForm
    from tixi.indicators.models import DataValue

    form = DataValueForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST":
        require(request.user, Capability.ENTER_DATA)
        if form.is_valid():
            data = form.cleaned_data
            fields = {name: data[name] for name in ("element", "option", "period", "value", "comment")}
            try:
                actions.save_data_value({**fields, "division": form.instance.division}, request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("data-values")
    region = list_region(request)
    recent = list(
        in_region(DataValue.objects.visible_to(request.user), region)
        .select_related("element", "division", "stored_by")
        .order_by("-updated_at")[:50]
    )
    locked = locks.locked_cells((v.division.path, v.year) for v in recent)
    for v in recent:
        v.locked = (v.division.path, v.year) in locked
    table = Table(
        _("Recent values"),
        [
            Column(_("Data element")),
            Column(_("Division")),
            Column(_("Period")),
            Column(_("Value"), kind=NUMBER),
            Column(_("Comment")),
            Column(_("Synthetic")),
            Column(_("Stored by")),
            Column(_("Approval")),
        ],
    )
    for v in recent:
        element = local_name(v.element)
        table.add(
            f"{element} ({v.option_label})" if v.option else element,
            v.division.display_name,
            v.period,
            # a whole value reads whole ("241,159", not "241,159.0": most values are counts)
            Cell(v.value, decimals=0 if v.value is not None and float(v.value).is_integer() else None),
            # a comment a program wrote, in the reader's language (a typed one as typed)
            notes.in_language(v.comment),
            _("synthetic") if v.is_synthetic else "",
            v.stored_by.username if v.stored_by else "—",
            Cell(_("approved"), note="🔒") if v.locked else "",
        )
    return TemplateResponse(
        request,
        "indicators/data_values.html",
        {"form": form, "tables": [table], "export_title": _("Data values"), "list_region": region},
        status=400 if request.method == "POST" else 200,
    )
