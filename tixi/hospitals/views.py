"""Pages: hospitals of a division ranked with a funnel plot, one hospital over the years against its
targets, and the upcoding watch. Every figure comes from `figures.load` (DuckDB over the stored records)."""

from urllib.parse import urlencode

import pyarrow as pa
import pyarrow.compute  # noqa: F401 (pa.compute)
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.core import clock
from tixi.core.exports import NUMBER, Cell, Column, Table, exportable
from tixi.core.text import digits
from tixi.geo.models import Division
from tixi.hospitals import figures, names, targets
from tixi.hospitals.engine import indicators as ind
from tixi.hospitals.management.commands.drg import REASON_TEXTS
from tixi.hospitals.models import Discharge
from tixi.indicators.models import Plan, Target
from tixi.registry.engine import classification
from tixi.registry.models import Institution, InstitutionType

# what a page may rank by: figure -> (label, numerator, denominator) for shares; None for the others
RANKED = {
    "surgery_share": (gettext_lazy("surgery share"), "surgery_patients", "discharges"),
    "minimally_invasive_share": (
        gettext_lazy("minimally invasive surgery share"), "minimally_invasive_patients", "surgery_patients"
    ),
    "level4_share": (gettext_lazy("level-4 surgery share"), "level4_patients", "surgery_patients"),
    "level3_share": (gettext_lazy("level-3 surgery share"), "level3_patients", "surgery_patients"),
    "day_surgery_share": (
        gettext_lazy("day surgery share of elective surgery"), "day_surgery_patients", "elective_surgery_patients"
    ),
    "pathway_share": (gettext_lazy("clinical pathway share"), "pathway_patients", "discharges"),
    "low_risk_mortality": (gettext_lazy("low-risk group mortality"), "low_risk_deaths", "low_risk_cases"),
    "cmi": (gettext_lazy("case mix index (CMI)"), None, None),
    "alos": (gettext_lazy("average length of stay (days)"), None, None),
    "bed_occupancy": (gettext_lazy("bed occupancy"), None, None),
    "time_efficiency": (gettext_lazy("time efficiency index"), None, None),
    "cost_efficiency": (gettext_lazy("cost efficiency index"), None, None),
}  # fmt: skip
VOLUMES = {
    "discharges": gettext_lazy("discharges"),
    "surgery_patients": gettext_lazy("surgery patients"),
    "elective_surgery_patients": gettext_lazy("elective surgery patients"),
    "low_risk_cases": gettext_lazy("stays in low-risk groups"),
}
REASONS = {
    ind.NOT_GROUPED: gettext_lazy(
        "not grouped: no payer DRG and no group from the grouper (left out of CMI)"
    ),
    ind.NO_WEIGHT: gettext_lazy("its DRG has no weight in the table (left out of CMI)"),
    ind.DAY_SURGERY_OVER_24H: gettext_lazy("flagged day surgery but stayed over 24 hours (not day surgery)"),
    ind.DAY_SURGERY_NOT_ELECTIVE_SURGERY: gettext_lazy("flagged day surgery but not elective surgery"),
}
# the decimals a figure is shown with: those of the catalogue's indicators on it (shares 1, CMI 2,
# average stay 2; tests/hospitals/test_trust_pages.py holds them to the catalogue), not the engine's
# full precision ("31.684 %" where the indicator reads 31.7)
DECIMALS = {figure: 1 for figure in RANKED} | {
    "cmi": 2,
    "alos": 2,
    "time_efficiency": 2,
    "cost_efficiency": 2,
    "low_risk_mortality": 2,
}


def rounded(value, figure: str):
    return None if value is None else round(value, DECIMALS[figure])


LOWER_IS_BETTER = {"alos", "low_risk_mortality", "time_efficiency", "cost_efficiency"}
# the national assessment judges the level-4 share in tertiary hospitals and the level-3 share in
# secondary ones (notes/hospitals.md): a hospital of another grade is not ranked or plotted on it
JUDGED_LEVEL = {"level4_share": 3, "level3_share": 2}
GRADE_NOTES = {
    "level4_share": gettext_lazy(
        "The level-4 surgery share is judged in tertiary hospitals only: the secondary ones are judged on "
        "the level-3 share."
    ),
    "level3_share": gettext_lazy(
        "The level-3 surgery share is judged in secondary hospitals only: the tertiary ones are judged on "
        "the level-4 share."
    ),
}


def shown(versions: dict | None) -> dict | None:
    """The versions a page states: the list versions once each (the four lists usually share one)."""
    if versions is None:
        return None
    lists = ", ".join(names.version_name(v) for v in sorted(set(versions["lists"].values())))
    return {
        **versions,
        "list_versions": lists or "—",
        "weights": names.version_name(versions.get("weights")),
        "code_map": names.version_name(versions.get("code_map")),
    }


def _year(request) -> int:
    raw = request.GET.get("year", "")
    default = clock.today().year - 1
    return int(raw) if digits(raw) and 2000 <= int(raw) <= 2100 else default


def _division(request, year: int) -> Division:
    visible = Division.objects.visible_to(request.user)
    code = request.GET.get("division")
    if not code:
        home = request.user.home_division()
        region = Plan.objects.visible_to(request.user).order_by("code").values_list("region__code", flat=True)
        code = home.code if home else next(iter(region), None)
    if code and len(code) in (2, 4, 6, 9):  # a short code: 5119 or 511900 is 巴中市
        code = code.ljust(12, "0")
    division = visible.at(code, year) if code else None
    if division is None:
        raise Http404(_("No division has this code in your scope."))
    return division


def _visible_rows(request, rows: list[dict]) -> list[dict]:
    codes = set(
        Institution.objects.visible_to(request.user)
        .filter(code__in=[r["hospital"] for r in rows])
        .values_list("code", flat=True)
    )
    return [r for r in rows if r["hospital"] in codes]


def _own_hospitals(user):
    """The hospitals an account without a division in scope (an institution's staff) may read."""
    kinds = [t for t in InstitutionType.values if classification.category_of(t) == classification.HOSPITAL]
    return Institution.objects.visible_to(user).filter(type__in=kinds).order_by("code")


def headline(*figures) -> Table:
    """A page's headline figures (its cards and its workbook's first sheet): (label, value, decimals)."""
    table = Table(_("Headline figures"), [Column(_("Figure")), Column(_("Value"), kind=NUMBER)])
    for label, value, decimals in figures:
        table.add(str(label), Cell(value, decimals=decimals))
    return table


def ranking_tables(figure: str, ranked: list[dict], funnel: dict | None) -> list[Table]:
    """[headline figures, the ranking] of a division's hospitals on one figure, as the page shows them
    and its .xlsx/.csv write them: the values rounded to the indicator's decimals."""
    label = RANKED[figure][0]
    figures_shown = [
        (_("Hospitals"), len(ranked), 0),
        (_("Discharges"), sum(r["discharges"] or 0 for r in ranked), 0),
    ]
    if funnel:  # a share over all the hospitals ranked (the funnel's centre line)
        figures_shown.append(
            (_("%(figure)s, all hospitals") % {"figure": label}, funnel["overall"], DECIMALS[figure])
        )
    table = Table(
        _("Ranking"),
        [
            Column(_("Rank"), kind=NUMBER, decimals=0),
            Column(_("Hospital")),
            Column(_("Grade"), kind=NUMBER, decimals=0),
            Column(str(label), kind=NUMBER, decimals=DECIMALS[figure]),
            Column(_("Discharges"), kind=NUMBER, decimals=0),
            Column(_("Surgery share"), kind=NUMBER, decimals=DECIMALS["surgery_share"]),
            Column(_("ALOS"), kind=NUMBER, decimals=DECIMALS["alos"]),
            Column("CMI", kind=NUMBER, decimals=DECIMALS["cmi"]),
        ],
        html_id="hospital-ranking",
        empty=_("No discharge records for this division and year."),
    )
    for r in ranked:
        table.add(
            r["rank"],
            Cell(r["hospital_name"], href=reverse("hospital-detail", args=[r["hospital"]])),
            r.get("level"),
            r["value"],
            r["discharges"],
            rounded(r.get("surgery_share"), "surgery_share"),
            rounded(r.get("alos"), "alos"),
            rounded(r.get("cmi"), "cmi"),
        )
    return [headline(*figures_shown), table]


def own_tables(hospitals) -> list[Table]:
    """The hospitals an institution's staff may open (when they are not one): a table of links."""
    table = Table(_("Hospital performance"), [Column(_("Hospital"))], html_id="own-hospitals", stack=False)
    for hospital in hospitals:
        table.add(Cell(hospital.display_name, href=reverse("hospital-detail", args=[hospital.code])))
    return [table]


@login_required
@exportable("hospital-ranking")
def hospital_list(request):
    if not request.user.sees_divisions and not request.GET.get("division"):
        # an institution's staff rank no region: the entry opens their own hospital (there was a 404);
        # a region named stays refused as before
        own = list(_own_hospitals(request.user)[:2])
        if len(own) == 1:
            return redirect("hospital-detail", code=own[0].code)
        hospitals = list(_own_hospitals(request.user))
        context = {"hospitals": hospitals, "tables": own_tables(hospitals)}
        if not hospitals:
            request.exportable = False  # a page that says why there is nothing has nothing to download
        return TemplateResponse(request, "hospitals/own.html", context)
    return _ranking(request)


def _load_figures(division, year):
    """A year's discharge figures, or a 404 that says why (no code list, weight table or division that year)."""
    try:
        return figures.load(division, year)
    except figures.FigureError as error:
        raise Http404(str(error)) from error


def _ranking(request):
    year = _year(request)
    division = _division(request, year)
    figure = request.GET.get("figure", "level4_share")
    if figure not in RANKED:
        figure = "level4_share"
    loaded = _load_figures(division, year)
    rows = _visible_rows(request, figures.hospital_figures(loaded))
    loaded.con.close()
    rows = [r for r in rows if r["discharges"]]
    if figure in JUDGED_LEVEL:
        rows = [r for r in rows if r.get("level") == JUDGED_LEVEL[figure]]
    lower = figure in LOWER_IS_BETTER
    ranked = sorted(rows, key=lambda r: (r[figure] is None, (r[figure] or 0) * (1 if lower else -1)))
    for rank, row in enumerate(ranked, start=1):
        row["rank"] = rank if row[figure] is not None else None
        row["value"] = rounded(row[figure], figure)
    label, numerator, denominator = RANKED[figure]
    funnel = None
    if numerator:
        points = [r for r in rows if r[denominator]]
        total_n = sum(r[numerator] for r in points)
        total_d = sum(r[denominator] for r in points)
        if total_d:
            overall = 100.0 * total_n / total_d
            funnel = {
                "overall": rounded(overall, figure),
                "points": [[r[denominator], rounded(r[figure], figure), r["hospital_name"]] for r in points],
                "limits": ind.funnel_limits(overall, [r[denominator] for r in points]),
                "x": str(VOLUMES[denominator]),
                "y": str(label),
            }
    return TemplateResponse(
        request,
        "hospitals/list.html",
        {
            "division": division,
            "year": year,
            "years": list(range(year - 5, year + 2)),
            "figure": figure,
            "figure_label": label,
            "decimals": DECIMALS[figure],
            "figures": [(k, v[0]) for k, v in RANKED.items()],
            "rows": ranked,
            "funnel": funnel,
            "grade_note": GRADE_NOTES.get(figure),
            "versions": shown(loaded.versions.as_dict()),
            "synthetic": Discharge.objects.filter(year=year, is_synthetic=True).exists(),
            "tables": ranking_tables(figure, ranked, funnel),
            "export_title": f"{division.display_name} {year} {_('Hospital performance')} {label}",
        },
    )


def _targets_for(hospital: Institution, user) -> dict[str, list[dict]]:
    """figure -> the plan targets this hospital's figure is held to (the targets of plans over its region
    whose hospital set — level, type, ownership — includes it), of the plans the user may read."""
    result: dict[str, list[dict]] = {}
    path = hospital.division.path
    held = Target.objects.visible_to(user).select_related("indicator", "plan", "division")
    for target in held.exclude(indicator=None):
        code = target.indicator.numerator.strip().removeprefix("#{").removesuffix("}")
        spec = targets.BY_ELEMENT.get(code)
        if spec is None or not path.startswith(target.division.path) or target.target_value is None:
            continue
        if hospital.level not in spec.levels or (spec.types and hospital.type not in spec.types):
            continue
        if spec.ownership and hospital.ownership != spec.ownership:
            continue
        result.setdefault(spec.figure, []).append(
            {
                "plan": target.plan.display_title,
                "label": target.label,
                "value": target.target_value,
                "year": target.target_year,
            }
        )
    return result


def _grouper_reasons(loaded, cases: list[dict]) -> dict[str, list[str]]:
    """record id -> the grouper's reason for giving no group, and the codes its mapping could not map."""
    if loaded.grouping_log is None:
        return {}
    wanted = {c["record_id"] for c in cases if c["cmi_excluded"] == ind.NOT_GROUPED}
    result = {}
    for entry in loaded.grouping_log.select(["record_id", "reason", "unmapped_codes"]).to_pylist():
        if entry["record_id"] in wanted:
            reasons = [_(REASON_TEXTS[entry["reason"]])] if entry["reason"] else []
            if entry["unmapped_codes"]:
                reasons.append(
                    _("codes it could not map: %(codes)s")
                    % {"codes": entry["unmapped_codes"].replace(";", ", ")}
                )
            result[entry["record_id"]] = reasons
    return result


# the figures of a hospital's tables by year, department and month: key, heading, decimals
BREAKDOWN = (
    ("discharges", gettext_lazy("Discharges"), 0),
    ("surgery_share", gettext_lazy("Surgery share"), 1),
    ("minimally_invasive_share", gettext_lazy("MI share"), 1),
    ("level4_share", gettext_lazy("Level-4 share"), 1),
    ("level3_share", gettext_lazy("Level-3 share"), 1),
    ("day_surgery_share", gettext_lazy("Day surgery share"), 1),
    ("pathway_share", gettext_lazy("Pathway share"), 1),
    ("alos", gettext_lazy("ALOS"), 2),
    ("cmi", "CMI", 2),
    ("not_grouped", gettext_lazy("Not grouped"), 0),
)
CASES_SHOWN = 100  # the stays a drill-down lists (the download holds as many)


def _figure_table(title, first: Column, rows, label_of, html_id, extra=()) -> Table:
    """A table of one hospital's figures, a row per year, department or month (`label_of` gives the first
    cell, a link to the stays where there is a drill-down); `extra` adds (key, heading, decimals) after ALOS."""
    spec = list(BREAKDOWN)
    at = next(i for i, (key, *_rest) in enumerate(spec) if key == "alos") + 1
    spec[at:at] = list(extra)
    table = Table(
        title,
        [first, *(Column(label, kind=NUMBER, decimals=decimals) for _key, label, decimals in spec)],
        html_id=html_id,
        empty=_("No discharge records for this hospital."),
    )
    for row in rows:
        table.add(label_of(row), *(row.get(key) for key, _label, _decimals in spec))
    return table


def _drill(year: int, **chosen) -> str:
    return "?" + urlencode({"year": year, **chosen}) + "#cases"


def _cases_table(loaded, title: str, where: str) -> Table:
    """The stays of a department or month: what puts each in a figure, and why one is left out."""
    yes = _("yes")
    table = Table(
        title,
        [
            Column(_("Record id")),
            Column(_("Department")),
            Column(_("Discharge month")),
            Column(_("Length of stay (days)"), kind=NUMBER, decimals=0),
            Column(_("Surgery")),
            Column(_("MI")),
            Column(_("Level 4")),
            Column(_("Level 3")),
            Column(_("Elective surgery")),
            Column(_("Day surgery")),
            Column(_("Pathway")),
            Column("DRG"),
            Column(_("Weight"), kind=NUMBER, decimals=4),
            Column(_("Why left out")),
        ],
        html_id="cases",
        empty=_("No stays."),
    )
    for case in ind.cases(loaded.con, where, CASES_SHOWN):
        reasons = [str(REASONS[r]) for r in (case["cmi_excluded"], case["day_surgery_excluded"]) if r]
        table.add(
            case["record_id"],
            names.department_name(case["department"]),
            month_text(case["month"]),
            case["los_days"],
            *(
                yes if case[flag] else ""
                for flag in ("surgery", "minimally_invasive", "level4", "level3", "elective_surgery")
            ),
            yes if case["day_surgery_case"] else "",
            yes if case["pathway_entered"] else "",
            case["drg"] or "",
            case["weight"],
            "; ".join(reasons),
        )
    return table


def month_text(month: int) -> str:
    """202403 → "2024-03" (not a number to group by thousands)."""
    return f"{month // 100}-{month % 100:02d}"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@login_required
@exportable("hospital-performance")
def hospital_detail(request, code):
    """A hospital's figures over the years against its targets, and for one year by department and by
    month, each row drilling down to its stays. One load of the hospital's records of every year, so
    the page asks the database as often for six years and forty departments as for one."""
    hospital = get_object_or_404(
        Institution.objects.visible_to(request.user).select_related("division"), code=code
    )
    years = sorted(
        set(Discharge.objects.filter(institution=hospital).values_list("year", flat=True).distinct())
    )
    context = {"hospital": hospital, "years": years, "tables": [], "latest_year": None}
    context["export_title"] = f"{hospital.display_name} {_('Hospital performance')}"
    if not years:
        return TemplateResponse(request, "hospitals/detail.html", context)
    raw = request.GET.get("year", "")
    year = int(raw) if digits(raw) and int(raw) in years else years[-1]
    # the reference of its DRGs (efficiency indices, low-risk groups): the hospitals of its city
    reference = figures.city_of(hospital.division, years[-1])
    loaded = figures.load(reference, years[-1], hospital=hospital.code, years=years)
    by_year = {r["year"]: r for r in figures.hospital_figures(loaded, ("hospital", "year"))}
    departments = [
        r for r in figures.hospital_figures(loaded, ("hospital", "year", "department")) if r["year"] == year
    ]
    months = [r for r in figures.hospital_figures(loaded, ("hospital", "month")) if r["month"] // 100 == year]
    # drill-down: the stays of the latest year left out of a figure, and why
    left_out = ind.cases(
        loaded.con,
        f"f.year = {years[-1]} AND (cmi_excluded IS NOT NULL OR day_surgery_excluded IS NOT NULL)",
        50,
    )
    why_not_grouped = _grouper_reasons(loaded, left_out)
    for case in left_out:
        case["reasons"] = [str(REASONS[r]) for r in (case["cmi_excluded"], case["day_surgery_excluded"]) if r]
        if case["cmi_excluded"] == ind.NOT_GROUPED:  # and why the grouper gave no group
            case["reasons"] += why_not_grouped.get(case["record_id"], [])
    # the code mapping's log over the latest year's stays Tixi grouped
    if loaded.grouping_log is not None:
        latest = loaded.con.execute("SELECT record_id FROM discharges WHERE year = ?", [years[-1]])
        loaded.grouping_log = loaded.grouping_log.filter(
            pa.compute.is_in(loaded.grouping_log["record_id"], latest.fetch_arrow_table()["record_id"])
        )
    mapping_log = figures.mapping_log(loaded)
    if mapping_log:
        mapping_log["code_map_name"] = names.version_name(mapping_log["code_map"])
    chosen = None  # the department or month whose stays are listed
    department, month = request.GET.get("department"), request.GET.get("month", "")
    if department is not None and any(r["department"] == department for r in departments):
        chosen = (
            _("Stays of %(department)s, %(year)s")
            % {"department": names.department_name(department) or "—", "year": year},
            f"f.year = {year} AND f.department = {_quoted(department)}",
        )
    elif digits(month) and any(r["month"] == int(month) for r in months):
        chosen = (_("Stays discharged in %(month)s") % {"month": month}, f"f.month = {int(month)}")
    cases_table = _cases_table(loaded, *chosen) if chosen else None
    loaded.con.close()
    versions = shown(loaded.versions.as_dict())
    held_to = _targets_for(hospital, request.user)
    charts = []
    for figure, (label, _numerator, _denominator) in RANKED.items():
        values = {str(y): rounded(by_year[y].get(figure), figure) for y in years if y in by_year}
        if not any(v is not None for v in values.values()):
            continue
        charts.append(
            {"id": figure, "label": str(label), "values": values, "targets": held_to.get(figure, [])}
        )
    year_table = _figure_table(
        _("By year"),
        Column(_("Year")),  # a year is a label: "2024", never "2,024"
        [by_year[y] for y in years if y in by_year],
        lambda r: Cell(str(r["year"])),
        "hospital-years",
        extra=[("bed_occupancy", _("Bed occupancy"), 1)],
    )
    department_table = _figure_table(
        _("By department, %(year)s") % {"year": year},
        Column(_("Department")),
        departments,
        lambda r: Cell(
            names.department_name(r["department"]) or "—", href=_drill(year, department=r["department"])
        ),
        "hospital-departments",
    )
    month_table = _figure_table(
        _("By month, %(year)s") % {"year": year},
        Column(_("Discharge month")),
        months,
        lambda r: Cell(month_text(r["month"]), href=_drill(year, month=r["month"])),
        "hospital-months",
        extra=[("bed_occupancy", _("Bed occupancy"), 1)],
    )
    context["tables"] = [year_table, department_table, month_table] + ([cases_table] if cases_table else [])
    context.update(
        {
            "year": year,
            "year_links": [(y, "?" + urlencode({"year": y})) for y in years],
            "charts": charts,
            "year_table": year_table,
            "department_table": department_table,
            "month_table": month_table,
            "month_chart": {
                "months": [month_text(r["month"]) for r in months],
                "series": [
                    {
                        "id": key,
                        "label": str(label),
                        "values": [None if r.get(key) is None else round(r[key], decimals) for r in months],
                    }
                    for key, label, decimals in BREAKDOWN
                    if key not in ("discharges", "not_grouped")
                ],
                "discharges": [r["discharges"] for r in months],
                "discharges_label": str(_("Discharges")),
            },
            "cases_table": cases_table,
            "left_out": left_out,
            "mapping_log": mapping_log,
            "latest_year": years[-1],
            "reference": reference,
            "versions": versions,
            "synthetic": Discharge.objects.filter(institution=hospital, is_synthetic=True).exists(),
        }
    )
    return TemplateResponse(request, "hospitals/detail.html", context)


def upcoding_tables(rows: list[dict]) -> list[Table]:
    """[headline figures, the watch] of a division's hospitals, as the page shows them and its downloads
    write them: CMI to four decimals (a drift of a few thousandths shows), the changes to two."""
    table = Table(
        _("Upcoding watch"),
        [
            Column(_("Hospital")),
            Column(_("CMI before"), kind=NUMBER, decimals=4),
            Column(_("CMI now"), kind=NUMBER, decimals=4),
            Column(_("CMI change (%)"), kind=NUMBER, decimals=2),
            Column(_("Case mix change (%)"), kind=NUMBER, decimals=2),
            Column(_("Unexplained (%)"), kind=NUMBER, decimals=2),
            Column(_("CC/MCC capture before (%)"), kind=NUMBER, decimals=2),
            Column(_("CC/MCC capture now (%)"), kind=NUMBER, decimals=2),
            Column(_("CC/MCC rise (standard errors)"), kind=NUMBER, decimals=2),
            Column(_("Flag")),
        ],
        html_id="upcoding",
        empty=_("No hospital has weighted cases in both years."),
    )
    for r in rows:
        table.add(
            Cell(r["hospital_name"], href=reverse("hospital-detail", args=[r["hospital"]])),
            *(
                None if r[key] is None else round(r[key], decimals)
                for key, decimals in (
                    ("cmi_before", 4),
                    ("cmi_after", 4),
                    ("cmi_change", 2),
                    ("case_mix_change", 2),
                    ("unexplained_drift", 2),
                    ("cc_capture_before", 2),
                    ("cc_capture_after", 2),
                    ("cc_capture_z", 2),
                )
            ),
            _("review the coding") if r["flagged"] else "",
            **({"flagged": "1"} if r["flagged"] else {}),
        )
    figures_shown = (
        (_("Hospitals compared"), len(rows), 0),
        (_("Hospitals flagged"), sum(1 for r in rows if r["flagged"]), 0),
    )
    return [headline(*figures_shown), table]


@login_required
@exportable("upcoding-watch")
def upcoding(request):
    year = _year(request)
    division = _division(request, year)
    before = _load_figures(division, year - 1)
    after = _load_figures(division, year)
    rows = ind.upcoding_watch(ind.case_mix(before.con), ind.case_mix(after.con))
    before.con.close()
    after.con.close()
    names = {pk: h for pk, h in after.hospitals.items()}
    for row in rows:
        info = names.get(row["institution_id"], {})
        row["hospital"] = info.get("hospital", "")
        row["hospital_name"] = info.get("name", "")
    rows = _visible_rows(request, rows)
    return TemplateResponse(
        request,
        "hospitals/upcoding.html",
        {
            "division": division,
            "year": year,
            "years": list(range(year - 5, year + 2)),
            "rows": rows,
            "flagged": sum(1 for r in rows if r["flagged"]),
            "versions": shown(after.versions.as_dict()),
            "tables": upcoding_tables(rows),
            "export_title": f"{division.display_name} {year} {_('Upcoding watch')}",
        },
    )
