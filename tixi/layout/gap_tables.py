"""The norm-gaps page's tables, as the page shows them and its .xlsx/.csv downloads write them: the
headline figures (norms judged, met, not met, without a result) and one row per norm (its clause,
required, actual, the gap as a number and in words, the result, who lacks it). Built from
`norms.as_json`, the same figures `tixi layout gaps --format json` and the API give."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tixi.core.exports import NUMBER, Cell, Column, Table
from tixi.layout.models import NormKind, Unit
from tixi.layout.norms import counted_amount

LACKING_SHOWN = 8  # the places named in a row; the rest counted ("… and 3 more")
PLANNED_SHOWN = 5
PROJECT_LINKS = 3
# kinds whose gap is a number of units still needed ("还需 3 个社区卫生服务站"); a reach counts
# residents beyond it and a bed freeze hospitals, which their sentences say
COUNTED_KINDS = {
    NormKind.PER_POPULATION,
    NormKind.SHARE,
    NormKind.PER_PLACE,
    NormKind.PER_INSTITUTION,
    NormKind.COUNT,
}


def result_of(n: dict) -> Cell:
    """The norm's result as the page words it: met, not met, no data, or why it is not judged."""
    if n["skipped"]:
        return Cell(n["skipped"], css="muted")
    if n["passed"]:
        return Cell(_("met"))
    if n.get("verdict"):
        return Cell(n["verdict"], css="muted")
    if n["passed"] is None:
        return Cell(_("no data"), css="muted")
    return Cell(_("not met"), css="warn")


def gap_words(n: dict, amount: str | None) -> str:
    """The gap in words beside its number: what is still needed, how the total is summed over the
    places that lack, what the ledger's projects add and the gap left after them."""
    lines = []
    if n["gap"] and amount:
        lines.append(_("still needs %(amount)s") % {"amount": amount})
    if n.get("gap_note"):
        lines.append(n["gap_note"])
    if n.get("planned"):
        lines.append(_("projects plan +%(planned)s") % {"planned": f"{n['planned']:,}"})
        if n["gap"] and n.get("gap_after_planned") is not None:
            lines.append(_("gap after them: %(after)s") % {"after": f"{n['gap_after_planned']:,}"})
    return "\n".join(lines)


def who_lacks(n: dict) -> str:
    """The places spared, those that lack (eight named, the rest counted) and what projects add there."""
    lines = [n["spared_note"]] if n.get("spared_note") else []
    sentences = n.get("sentences") or []
    lines += sentences[:LACKING_SHOWN]
    more = len(n.get("lacking") or []) - LACKING_SHOWN
    if sentences and more > 0:
        lines.append(ngettext("… and %(n)s more", "… and %(n)s more", more) % {"n": more})
    lines += (n.get("planned_sentences") or [])[:PLANNED_SHOWN]
    return "\n".join(lines)


def gap_tables(data: dict, results: list) -> list[Table]:
    """[headline figures, the norms] of `data`, `as_json(division, year, results)` of the judged
    `results` (`norms.gaps`), whose norms name each total gap by what it counts."""
    norms = data["norms"]
    counted = {r.norm.code: r.norm for r in results}
    headline = Table(_("Headline figures"), [Column(_("Figure")), Column(_("Value"), kind=NUMBER)])
    headline.add(_("Norms that apply"), len(norms))
    headline.add(_("Met"), sum(1 for n in norms if n["passed"]))
    headline.add(_("Not met"), sum(1 for n in norms if n["passed"] is False))
    headline.add(_("Not judged or no data"), sum(1 for n in norms if n["passed"] is None))
    table = Table(
        _("Allocation norms"),
        [
            Column(_("Norm"), css="norm block"),
            Column(_("Clause (Chinese original)"), css="clause block"),
            Column(_("Note"), css="note block"),
            Column(_("Target year")),
            Column(_("Judged"), kind=NUMBER, decimals=0),
            Column(_("Required"), kind=NUMBER, decimals=0),
            Column(_("Actual"), kind=NUMBER),
            Column(_("Unit")),
            Column(_("Gap"), kind=NUMBER, decimals=0, css="gap"),
            Column(_("Gap in words"), css="gap-words"),
            Column(_("Result"), css="result"),
            Column(_("Who lacks it"), css="block lacking"),
        ],
        html_id="norm-gaps",
        empty=_("No plan in the registry sets allocation norms for this division."),
        stack=True,
    )
    for n in norms:
        gap = n["gap"]
        amount = counted_amount(gap, counted[n["code"]]) if gap and n["kind"] in COUNTED_KINDS else None
        table.add(
            Cell(n["name"], href=reverse("layout-norm", args=[n["code"]]), css="norm-name"),
            Cell(n["clause"], title=n["source"] or ""),
            n["note"] or "",
            str(n["by_year"] or ""),
            n["judged"],
            n["required"],
            n["actual"],
            str(Unit(n["unit"]).label),
            Cell(gap, css="short") if gap else gap,
            gap_words(n, amount),
            result_of(n),
            Cell(
                who_lacks(n),
                links=tuple(
                    (f"{p['number']}. {p['name']}", p["url"])
                    for p in (n.get("planned_projects") or [])[:PROJECT_LINKS]
                    if n.get("planned_sentences")
                ),
            ),
            norm=n["code"],
        )
    return [headline, table]
