"""Key specialties (临床重点专科) as the registry holds them: one designation per specialty, at an
institution, with its level (national, provincial, municipal, county) and the date it was obtained.
Every count of key specialties the plans read -- a region's per level, 达川's district total and its
two hospitals' -- is then counted from these designations, so a region's count is the sum of its
institutions' and never falls (review13: 达川 2025 showed 14 against 11 + 4).

The designations follow the series the demo draws toward each plan's goal (the seed's published
figure in its year: 攀枝花 2020, 1 national and 28 provincial; 达川 2020, 1 provincial and 7
municipal): a region obtains as many as its drawn count asks for beyond what its counties already
hold, at its larger hospitals.

The TCM specialties (中医重点专科, 中医优势（特色）专科) are designations of their own kinds, leveled the
same way, held by TCM and integrated hospitals (`rebuild_tcm`)."""

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


# The TCM specialties the plans count apart from the clinical key specialties: 攀枝花's 国家中医特色优势
# 专科 / 国家中医重点专科 / 省级中医重点专科, 巴中's 省级中医优势（特色）专科, 达川's 2020 figures (省级中医
# 重点专科1个、市级中医重点专科5个). Each count is its region's designations of that kind and level.
TCM = {
    "national_tcm_key_specialties": (DesignationKind.TCM_KEY_SPECIALTY, SpecialtyLevel.NATIONAL),
    "provincial_tcm_key_specialties": (DesignationKind.TCM_KEY_SPECIALTY, SpecialtyLevel.PROVINCIAL),
    "municipal_tcm_key_specialties": (DesignationKind.TCM_KEY_SPECIALTY, SpecialtyLevel.MUNICIPAL),
    "national_tcm_advantage_specialties": (DesignationKind.TCM_ADVANTAGE_SPECIALTY, SpecialtyLevel.NATIONAL),
    "provincial_tcm_specialties": (DesignationKind.TCM_ADVANTAGE_SPECIALTY, SpecialtyLevel.PROVINCIAL),
}
# TCM and integrated hospitals hold them; a region without one, at its general hospitals' TCM departments
TCM_HOLDERS = ("tcm_hospital", "integrated_hospital")
TCM_KINDS = sorted({kind for kind, _level in TCM.values()})


def rebuild_tcm(
    rows: dict, elements: dict, years: list[int], today: dt.date, seed: int, published: dict
) -> int:
    """Replaces the drawn TCM-specialty rows by counts of designations it stores, in every year of the
    demo; returns how many designations. A count known from a later year only (a seed's 2020 figure)
    was obtained over the five years before it; a drawn series grows as it was drawn, never falling."""
    Designation.objects.filter(kind__in=TCM_KINDS, is_synthetic=True).delete()
    by_id = {e.id: code for code, e in elements.items()}
    series: dict[tuple[str, int], dict[int, float]] = {}
    for (e, o, d, p), v in rows.items():
        if by_id.get(e) in TCM and not o and p.isdigit():
            series.setdefault((by_id[e], d), {})[int(p)] = v
    codes = {d.code: d.id for d in Division.objects.filter(code__in={k[2] for k in published})}
    for (code, option, division_code), (year, value) in published.items():
        if code in TCM and not option and division_code in codes and year in years:
            series.setdefault((code, codes[division_code]), {})[year] = value  # the seed's figure
    if not series:
        return 0
    divisions = {d.id: d for d in Division.objects.filter(id__in={d for _c, d in series})}
    designations: list[tuple[int, tuple[str, int], dt.date]] = []  # (institution, (kind, level), on)
    done: dict[str, list[str]] = {}  # code -> the regions counted before (a county before its city)
    for code, d in sorted(series, key=lambda k: (-divisions[k[1]].level, divisions[k[1]].path, k[0])):
        division, category = divisions[d], TCM[code]
        inside = set(
            Institution.objects.filter(division__path__startswith=division.path).values_list("id", flat=True)
        )
        before = done.setdefault(code, [])
        candidates = Institution.objects.filter(division__path__startswith=division.path).order_by(
            "-grade", "name"
        )
        holders = []
        for types in (TCM_HOLDERS, HOLDERS):
            holders = [
                i
                for i, path in candidates.filter(type__in=types).values_list("id", "division__path")
                if not any(path.startswith(p) for p in before)
            ][:6]
            if holders:
                break
        rng = np.random.default_rng([seed, zlib.crc32(f"tcm|{code}|{division.code}".encode())])
        known = series[(code, d)]
        running, own = 0, 0
        for year in years:
            running = max(running, int(round(known.get(year, 0))))
            need = running - held(designations, inside, {category}, year)
            if need <= 0 or not holders:
                continue
            if year == years[0]:
                dates = stock_dates(year, need, rng)
            else:  # obtained over the five years to this one (the seed's 十三五 results of 2020)
                first = year - 4 if year == min(known) else year
                dates = [obtained_on(int(rng.integers(first, year + 1)), today, rng) for _ in range(need)]
            for on in dates:
                designations.append((holders[own % len(holders)], category, on))
                own += 1
        before.append(division.path)
        for year in years:
            rows[(elements[code].id, "", d, str(year))] = float(held(designations, inside, {category}, year))
    Designation.objects.bulk_create(
        [
            Designation(institution_id=i, kind=kind, value=int(level), obtained_on=on, is_synthetic=True)
            for i, (kind, level), on in designations
        ]
    )
    return len(designations)
