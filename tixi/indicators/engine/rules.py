"""Rules a plan states about each institution rather than a regional figure (攀枝花: "病床使用率低于
75%，平均住院日高于9天的公立综合医院，不再新增床位"), judged per institution from its yearly report.
No Django: the caller passes one row per institution."""

from dataclasses import dataclass

BREACH, HELD, NOT_CONCERNED, NO_DATA = "breach", "held", "not_concerned", "no_data"


@dataclass(frozen=True)
class HospitalYear:
    code: str
    name: str
    beds: int | None  # actual beds at the end of the year judged
    beds_before: int | None  # and of the year before
    bed_days_before: int | None  # occupied bed-days, discharges of the year before
    discharges_before: int | None
    days_open_before: int = 365  # fewer when it opened during the year before
    # the year before's open bed-days as reported (实际开放总床日数): beds closed for part of the year
    # count only while open; when none is reported, beds × the days it was open stand in
    open_bed_days_before: int | None = None


@dataclass(frozen=True)
class Judgement:
    code: str
    name: str
    status: str
    occupancy: float | None = None  # % of the year before
    average_stay: float | None = None  # days, the year before
    beds_before: int | None = None
    beds: int | None = None


def no_new_beds_when_underused(
    rows: list[HospitalYear], occupancy_below: float, stay_above: float
) -> list[Judgement]:
    """A hospital whose bed occupancy was below `occupancy_below` % and whose average stay was above
    `stay_above` days in the year before adds no beds: it breaches the rule when its beds grew. The
    condition is read from the year before (what the hospital knew when it would add beds), its
    occupancy over its open bed-days as reported, or else over beds × the days it was open (a
    hospital that opened in June is not half empty)."""
    found = []
    for r in rows:
        if not r.beds_before or not r.discharges_before or r.bed_days_before is None or r.beds is None:
            found.append(Judgement(r.code, r.name, NO_DATA, beds_before=r.beds_before, beds=r.beds))
            continue
        opened = r.open_bed_days_before or r.beds_before * r.days_open_before
        occupancy = 100 * r.bed_days_before / opened
        stay = r.bed_days_before / r.discharges_before
        concerned = occupancy < occupancy_below and stay > stay_above
        status = (BREACH if r.beds > r.beds_before else HELD) if concerned else NOT_CONCERNED
        found.append(
            Judgement(r.code, r.name, status, round(occupancy, 2), round(stay, 2), r.beds_before, r.beds)
        )
    order = {BREACH: 0, HELD: 1, NO_DATA: 2, NOT_CONCERNED: 3}
    return sorted(found, key=lambda j: (order[j.status], j.code))


RULES = {"no_new_beds_when_underused": no_new_beds_when_underused}
