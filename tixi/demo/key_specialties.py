"""Key specialties (临床重点专科) as the registry holds them: one designation per specialty, at an
institution, with its level (national, provincial, municipal, county) and the date it was obtained.
Every count of key specialties the plans read -- a region's per level, 达川's district total and its
two hospitals' -- is then counted from these designations, so a region's count is the sum of its
institutions' and never falls (review13: 达川 2025 showed 14 against 11 + 4).

The designations follow the series the demo draws toward each plan's goal (the seed's published
figure in its year: 攀枝花 2020, 1 national and 28 provincial; 达川 2020, 1 provincial and 7
municipal): a region obtains as many as its drawn count asks for beyond what its counties already
hold, at its larger hospitals."""

import datetime as dt
import zlib

import numpy as np

from tixi.geo.models import Division
from tixi.registry.models import Designation, DesignationKind, Institution, SpecialtyLevel

LEVELS = {
    "national_key_specialties": SpecialtyLevel.NATIONAL,
    "provincial_key_specialties": SpecialtyLevel.PROVINCIAL,
    "municipal_key_specialties": SpecialtyLevel.MUNICIPAL,
    "county_key_specialties": SpecialtyLevel.COUNTY,
}
# 达川's plan: "建成省市重点专科15个（区人民医院9个、区中医医院6个）" -- provincial and municipal ones
DACHUAN = "511703000000"
DACHUAN_TOTAL = "dachuan_key_specialties"
DACHUAN_HOSPITALS = {
    "dachuan_people_hospital_key_specialties": "达川区人民医院",
    "dachuan_tcm_hospital_key_specialties": "达川区中医医院",
}
DACHUAN_LEVELS = (SpecialtyLevel.PROVINCIAL, SpecialtyLevel.MUNICIPAL)
HOLDERS = ("general_hospital", "tcm_hospital", "integrated_hospital", "mch_centre", "specialty_hospital")


def held(designations, institutions, levels, year) -> int:
    """Key specialties of these levels the institutions hold at the end of the year."""
    end = dt.date(year, 12, 31)
    return sum(1 for i, level, on in designations if i in institutions and level in levels and on <= end)


def obtained_on(year: int, today: dt.date, rng) -> dt.date:
    """A date in the year, not after today."""
    day = dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(60, 330)))
    return min(day, today)


def stock_dates(year: int, n: int, rng) -> list[dt.date]:
    """Dates of the specialties already held in the first year, spread over the years before."""
    return [dt.date(year - int(rng.integers(1, 8)), int(rng.integers(1, 13)), 15) for _ in range(n)]


def rebuild(rows: dict, elements: dict, years: list[int], today: dt.date, seed: int, published: dict) -> int:
    """Replaces the drawn key-specialty rows by counts of designations it stores; returns how many
    designations. `rows` maps (element id, option, division id, period) to the value."""
    Designation.objects.filter(kind=DesignationKind.KEY_SPECIALTY, is_synthetic=True).delete()
    by_id = {e.id: code for code, e in elements.items()}
    series: dict[tuple[str, int], dict[int, float]] = {}  # (element code, division id) -> year -> value
    for (e, o, d, p), v in rows.items():
        code = by_id.get(e)
        if (code in LEVELS or code == DACHUAN_TOTAL or code in DACHUAN_HOSPITALS) and not o and p.isdigit():
            series.setdefault((code, d), {})[int(p)] = v
    # a figure the seed publishes with no goal drawn for it (攀枝花 2020: 1 national) is held all along
    codes = {d.code: d.id for d in Division.objects.filter(code__in={k[2] for k in published})}
    for (code, option, division_code), (_year, value) in published.items():
        d = codes.get(division_code)
        if code in LEVELS and not option and d is not None and division_code != DACHUAN:
            series.setdefault((code, d), {y: value for y in years})
    if not series:
        return 0
    divisions = {d.id: d for d in Division.objects.filter(id__in={d for _c, d in series})}
    dachuan = next((d for d in divisions.values() if d.code == DACHUAN), None)
    designations: list[tuple[int, int, dt.date]] = []  # (institution id, level, obtained on)
    first = min(years)

    def grow(wanted: dict[int, float], holders: list[int], inside: set[int], levels, pick, rng):
        """Designations at the holders so that the institutions inside hold at least the wanted
        count each year (never fewer than the year before)."""
        own = 0
        for year in years:
            need = int(round(wanted.get(year, 0))) - held(designations, inside, levels, year)
            if need <= 0 or not holders:
                continue
            dates = stock_dates(first, need, rng) if year == first else [obtained_on(year, today, rng)] * need
            for on in dates:
                designations.append((holders[own % len(holders)], pick(rng), on))
                own += 1

    # 达川 first (its two hospitals), then the regions from the counties up to the cities
    if dachuan is not None:
        inst = {
            name: Institution.objects.filter(division__path__startswith=dachuan.path, name=name)
            .values_list("id", flat=True)
            .first()
            for name in DACHUAN_HOSPITALS.values()
        }
        base_year = 2020  # the seed's figures: 1 provincial and 7 municipal
        rng = np.random.default_rng([seed, zlib.crc32(b"dachuan key specialties")])
        provincial_left = [1]

        def level_2020(_rng):
            if provincial_left[0]:
                provincial_left[0] -= 1
                return SpecialtyLevel.PROVINCIAL
            return SpecialtyLevel.MUNICIPAL

        for code, name in DACHUAN_HOSPITALS.items():
            wanted = series.get((code, dachuan.id), {})
            if inst[name] is None or not wanted:
                continue
            # the seed's 8 of 2020 split between the two hospitals as the goals split 15 (9 and 6)
            share = 5 if "people" in code else 3
            scale = share / max(wanted.get(base_year, share), 1)
            up_to, running = {}, 0
            for y in years:
                scaled = int(round(wanted.get(y, 0) * scale))
                if y < base_year:
                    scaled = min(scaled, share)
                elif y == base_year:
                    scaled = share
                else:
                    scaled = max(scaled, share)
                running = max(running, scaled)  # never below the year before
                up_to[y] = running
            grow(
                up_to,
                [inst[name]],
                {inst[name]},
                DACHUAN_LEVELS,
                lambda r: (
                    level_2020(r)
                    if sum(1 for _i, _lv, on in designations if on.year <= base_year) < 8
                    else (SpecialtyLevel.PROVINCIAL if r.random() < 0.3 else SpecialtyLevel.MUNICIPAL)
                ),
                rng,
            )
    regions = sorted({d for (c, d) in series if c in LEVELS}, key=lambda d: -divisions[d].level)
    done = [dachuan.path] if dachuan is not None else []
    for d in regions:
        division = divisions[d]
        inside = set(
            Institution.objects.filter(division__path__startswith=division.path).values_list("id", flat=True)
        )
        # a region's own designations go to its larger hospitals outside the districts counted before
        # (达川's two hospitals hold what 达川's plan counts, not what 达州's asks for beyond it)
        holders = [
            i
            for i, path in Institution.objects.filter(
                division__path__startswith=division.path, type__in=HOLDERS
            )
            .order_by("-grade", "name")
            .values_list("id", "division__path")
            if not any(path.startswith(p) for p in done)
        ][:12]
        for code, level in LEVELS.items():
            wanted = series.get((code, d))
            if not wanted:
                continue
            rng = np.random.default_rng([seed, zlib.crc32(f"{code}|{division.code}".encode())])
            running, cumulative = 0, {}
            for y in years:  # a count of designations never falls
                running = max(running, int(round(wanted.get(y, 0))))
                cumulative[y] = running
            grow(cumulative, holders, inside, {level}, lambda _r, lv=level: lv, rng)
        done.append(division.path)
    Designation.objects.bulk_create(
        [
            Designation(
                institution_id=i,
                kind=DesignationKind.KEY_SPECIALTY,
                value=int(level),
                obtained_on=on,
                is_synthetic=True,
            )
            for i, level, on in designations
        ]
    )
    # every count the plans read, counted from the designations
    for (code, d), values in series.items():
        division = divisions[d]
        inside = set(
            Institution.objects.filter(division__path__startswith=division.path).values_list("id", flat=True)
        )
        if code in LEVELS:
            levels, within = {LEVELS[code]}, inside
        elif code == DACHUAN_TOTAL:
            levels, within = set(DACHUAN_LEVELS), inside
        else:
            within = set(
                Institution.objects.filter(id__in=inside, name=DACHUAN_HOSPITALS[code]).values_list(
                    "id", flat=True
                )
            )
            levels = set(DACHUAN_LEVELS)
        for y in values:
            rows[(elements[code].id, "", d, str(y))] = float(held(designations, within, levels, y))
    if dachuan is not None:  # 达川's own counts per level (the seed publishes 2020's), every year
        inside = set(
            Institution.objects.filter(division__path__startswith=dachuan.path).values_list("id", flat=True)
        )
        for code in ("provincial_key_specialties", "municipal_key_specialties"):
            for y in years:
                rows[(elements[code].id, "", dachuan.id, str(y))] = float(
                    held(designations, inside, {LEVELS[code]}, y)
                )
    return len(designations)
