"""Synthetic discharge records (demo and benchmark), generated inside DuckDB so that a province-year
(20 M stays) takes seconds; reproducible because every draw is a hash of (seed, stay, draw number), not
a random-number stream (DuckDB's threads would change the order).

The procedure catalogue, its level/MI marks and the DRG weights below are a DEMO (演示) set made up for
this purpose: real ICD-9-CM-3 codes, but the national 四级/三级/微创 lists and the CHS-DRG weights were not
available here. They are labelled as demo wherever they are stored."""

import zlib

import duckdb

from tixi.hospitals.engine.grouper.rules import DATA, DEFAULT_SCHEME, read_csv
from tixi.hospitals.engine.indicators import insert_rows

# code, name, kind, national-list level (3, 4 or 0), minimally invasive, day-surgery candidate,
# principal diagnosis, DRG, weight, mean LOS, mortality, share in tertiary / secondary / other hospitals
PROCEDURES = (
    ("36.1000", "主动脉-冠状动脉旁路移植术", "surgery", 4, 0, 0, "I25.100", "FB29", 6.2, 16, 0.02, 1.0, 0.0, 0.0),
    ("81.5100", "全髋关节置换术", "surgery", 4, 0, 0, "M16.900", "IC29", 2.9, 12, 0.002, 2.0, 0.6, 0.0),
    ("81.5400", "全膝关节置换术", "surgery", 4, 0, 0, "M17.900", "IC39", 2.6, 11, 0.001, 1.5, 0.4, 0.0),
    ("32.4100", "胸腔镜下肺叶切除术", "surgery", 4, 1, 0, "C34.900", "EB19", 3.1, 11, 0.005, 2.0, 0.1, 0.0),
    ("68.4100", "腹腔镜下全子宫切除术", "surgery", 4, 1, 0, "D25.900", "NA29", 1.6, 7, 0.0005, 2.0, 0.8, 0.0),
    ("01.5900", "大脑病损切除术", "surgery", 4, 0, 0, "D33.000", "BB29", 4.5, 15, 0.03, 1.2, 0.1, 0.0),
    ("50.2200", "肝部分切除术", "surgery", 4, 0, 0, "C22.000", "HB19", 3.8, 14, 0.01, 1.0, 0.1, 0.0),
    ("45.7300", "右半结肠切除术", "surgery", 4, 0, 0, "C18.900", "GB19", 3.2, 14, 0.01, 1.5, 0.3, 0.0),
    ("81.0800", "腰椎融合术", "surgery", 4, 0, 0, "M51.202", "IB29", 3.0, 12, 0.001, 2.0, 0.3, 0.0),
    ("00.6600", "经皮冠状动脉腔内成形术", "intervention", 4, 1, 0, "I20.000", "FM19", 2.4, 7, 0.01, 2.5, 0.6, 0.0),
    ("39.7900", "血管内栓塞术", "intervention", 4, 1, 0, "I67.100", "BL19", 2.7, 10, 0.02, 1.0, 0.1, 0.0),
    ("47.0100", "腹腔镜下阑尾切除术", "surgery", 3, 1, 0, "K35.800", "GD19", 0.9, 5, 0.0005, 2.5, 5.0, 1.0),
    ("51.2300", "腹腔镜下胆囊切除术", "surgery", 3, 1, 1, "K80.101", "HC39", 1.1, 5, 0.0005, 3.0, 5.0, 1.0),
    ("53.0200", "腹股沟斜疝修补术", "surgery", 3, 0, 1, "K40.900", "GF19", 0.8, 4, 0.0002, 3.0, 4.0, 2.0),
    ("79.3500", "股骨骨折切开复位内固定术", "surgery", 3, 0, 0, "S72.000", "IF29", 1.9, 13, 0.005, 5.0, 4.0, 1.0),
    ("74.1x00", "子宫下段剖宫产术", "surgery", 3, 0, 0, "O82.000", "OB29", 0.95, 5, 0.0001, 7.0, 7.0, 2.0),
    ("06.3900", "甲状腺部分切除术", "surgery", 3, 0, 0, "E04.100", "KD19", 1.2, 6, 0.0002, 2.0, 1.5, 0.0),
    ("13.4100", "白内障超声乳化抽吸术", "surgery", 3, 1, 1, "H25.900", "CB39", 0.6, 2, 0.0, 3.0, 4.0, 1.0),
    ("80.6x00", "关节镜下膝半月板切除术", "surgery", 3, 1, 1, "S83.200", "IE19", 0.9, 4, 0.0, 2.0, 1.5, 0.0),
    ("85.2100", "乳房病损局部切除术", "surgery", 2, 0, 1, "D24.x00", "JB29", 0.7, 3, 0.0, 3.0, 3.0, 1.0),
    ("28.3x00", "扁桃体切除术伴腺样体切除术", "surgery", 2, 0, 1, "J35.300", "DC19", 0.7, 4, 0.0, 1.5, 2.0, 0.5),
    ("49.4600", "痔切除术", "surgery", 2, 0, 1, "I84.200", "GE19", 0.55, 4, 0.0, 2.0, 3.0, 2.0),
    ("21.3100", "鼻内病损切除术", "surgery", 2, 0, 1, "J33.900", "DE19", 0.8, 4, 0.0, 1.5, 1.5, 0.5),
    ("86.0400", "皮肤和皮下组织切开引流术", "surgery", 1, 0, 0, "L02.900", "JJ19", 0.5, 5, 0.0005, 3.0, 3.0, 6.0),
    ("86.2200", "皮肤伤口切除性清创术", "surgery", 1, 0, 0, "T14.100", "XJ19", 0.8, 6, 0.001, 4.0, 4.0, 6.0),
)  # fmt: skip

# medical stays: principal diagnosis, name, DRG, weight, mean LOS, mortality, share by hospital level,
# and the procedure a share of them carries (diagnostic or therapeutic, never surgery)
MEDICAL = (
    ("J18.900", "肺炎", "ES29", 0.9, 8, 0.01, 8.0, 12.0, 20.0, "", 0.0),
    ("I63.900", "脑梗死", "BR29", 1.2, 11, 0.03, 6.0, 8.0, 6.0, "", 0.0),
    ("I21.900", "急性心肌梗死", "FR19", 1.5, 9, 0.08, 2.0, 1.5, 0.3, "88.5500", 0.6),
    ("I50.900", "心力衰竭", "FR29", 1.1, 9, 0.04, 4.0, 5.0, 4.0, "", 0.0),
    ("J44.100", "慢性阻塞性肺疾病伴急性加重", "ET29", 1.0, 10, 0.02, 4.0, 6.0, 10.0, "96.7100", 0.1),
    ("E11.900", "2型糖尿病", "KS19", 0.8, 9, 0.002, 3.0, 4.0, 5.0, "", 0.0),
    ("K29.700", "胃炎", "GU19", 0.5, 6, 0.0002, 3.0, 5.0, 9.0, "45.1300", 0.5),
    ("O80.000", "单胎顺产", "OC19", 0.4, 3, 0.0, 3.0, 6.0, 6.0, "", 0.0),
    ("N39.000", "泌尿道感染", "LU19", 0.6, 7, 0.002, 2.0, 3.0, 5.0, "", 0.0),
    ("C34.900", "肺恶性肿瘤化疗", "ER19", 1.3, 6, 0.02, 5.0, 2.0, 0.5, "99.2500", 0.9),
    ("I10.x00x002", "高血压病2级", "FV29", 0.6, 7, 0.001, 2.0, 4.0, 8.0, "", 0.0),
    ("A09.900", "胃肠炎", "GZ19", 0.45, 5, 0.0002, 2.0, 4.0, 8.0, "", 0.0),
    ("P07.300", "早产儿", "PU19", 2.0, 14, 0.02, 1.5, 1.0, 0.0, "96.7100", 0.3),
    ("K63.500", "结肠息肉", "GU29", 0.55, 4, 0.0, 2.0, 1.5, 0.5, "45.2300", 0.95),
)  # fmt: skip

SURGERY_SHARE = {3: 0.42, 2: 0.30, 1: 0.12}
DAY_SURGERY_SHARE = {3: 0.35, 2: 0.18, 1: 0.05}  # of elective day-surgery candidates
PATHWAY_SHARE = {3: 0.50, 2: 0.66, 1: 0.30}
PAYER_GROUPED = 0.7  # share of stays the payer assigned a DRG to
BASE_COST = {3: 12000.0, 2: 7000.0, 1: 3500.0}
BINS = 10000  # resolution of the catalogue draw
DISCHARGES_PER_BED = {3: 40.0, 2: 36.0, 1: 26.0}  # a year: occupancy ~85-90 % at ALOS ~8-10 days


def demo_lists() -> dict[str, list[tuple[str, str]]]:
    """The demo (演示) procedure lists by kind: code, name."""
    return {
        "level4": [(p[0], p[1]) for p in PROCEDURES if p[3] == 4],
        "level3": [(p[0], p[1]) for p in PROCEDURES if p[3] == 3],
        "minimally_invasive": [(p[0], p[1]) for p in PROCEDURES if p[4]],
        "surgery": [(p[0], p[1]) for p in PROCEDURES],
    }


SPLITS = {"1": 1.45, "3": 1.15, "5": 0.9}  # medical DRGs split by complications: MCC, CC, none
MCC_SHARE, CC_SHARE = 0.08, 0.20
UPCODING_HOSPITALS = 0.08  # share of hospitals whose MCC capture climbs each year (the upcoding watch)


# DRGs the CHS-DRG grouper puts the demo's stays in besides the catalogue's own (pneumonia without
# complications in ES35, gastroenteritis in GW19, cataract in CW19...): demo weights of the order of
# the national ones, so that no grouped stay drops out of CMI for want of a weight
GROUPED_WEIGHTS = {
    "ES35": 0.75, "GW19": 0.5, "OZ19": 0.45, "IR29": 1.2, "CW19": 0.6, "HC29": 1.1, "DV19": 0.55,
    "JV29": 0.5, "FM39": 0.9, "PS45": 0.55, "KT15": 0.7, "FR39": 0.75, "FR19": 1.5, "IU29": 0.7,
    "NC19": 1.3, "GR15": 1.0, "BU15": 0.9, "HB15": 3.5, "PS39": 1.1,
}  # fmt: skip
# Every other DRG of the scheme: a weight by the kind of its ADRG (the second letter: A-J surgery,
# K-Q other operating-room procedures, R-Z medical; MDC A is transplants and ventilation) and its split
SCHEME_BASE = {"surgery": 1.8, "procedure": 1.2, "medical": 0.8, "transplant": 8.0}
SPLIT_FACTOR = {"1": 1.45, "3": 1.15, "5": 0.9, "9": 1.0}


def scheme_weight(drg: str) -> float:
    """A demo weight for a DRG the catalogue does not draw, from its ADRG's kind and its split."""
    if drg[0] == "A":
        kind = "transplant"
    elif drg[1] <= "J":
        kind = "surgery"
    elif drg[1] <= "Q":
        kind = "procedure"
    else:
        kind = "medical"
    return round(SCHEME_BASE[kind] * SPLIT_FACTOR.get(drg[3:4], 1.0), 3)


def demo_weights() -> dict[str, float]:
    """A weight for every DRG of the grouper's scheme: the catalogue's own, those the grouper puts the
    demo's stays in, and a weight by kind for the rest."""
    weights = {row["drg"]: scheme_weight(row["drg"]) for row in read_csv(DATA / DEFAULT_SCHEME / "drg.csv")}
    weights.update(GROUPED_WEIGHTS)
    weights.update({p[7]: p[8] for p in PROCEDURES})
    for m in MEDICAL:
        weights.update({m[2][:3] + split: round(m[3] * factor, 3) for split, factor in SPLITS.items()})
    return weights


def _fraction(*parts) -> float:
    """A reproducible number in [0, 1) from its parts (Python's hash() changes between processes)."""
    return zlib.crc32(repr(parts).encode()) / 2**32


def _u(seed: int, draw: int) -> str:
    """A uniform number in [0, 1) for each stay `i`: a hash of (seed, stay, draw)."""
    return f"((hash({int(seed)}, i, {int(draw)}) % 1000000007) / 1000000007.0)"


def _normal(seed: int, a: int, b: int) -> str:
    return f"(sqrt(-2 * ln(greatest({_u(seed, a)}, 1e-9))) * cos(2 * pi() * {_u(seed, b)}))"


def generate(
    con: duckdb.DuckDBPyConnection,
    hospitals: list[dict],
    year: int,
    seed: int = 20240101,
    sample: int = 1,
    table: str = "generated",
) -> int:
    """Creates `table` with the stored columns of a discharge record for each hospital's year: about
    beds × discharges-per-bed stays (÷ `sample`, each record then `represents` that many). Hospitals are
    dicts with institution_id, hospital, level, beds, county (6 digits) and optionally other_counties
    (where residents who come from elsewhere live)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE g_hospitals (institution_id BIGINT, hospital VARCHAR, level INTEGER, n BIGINT, "
        "first BIGINT, county VARCHAR, other_county VARCHAR, skill DOUBLE, pace DOUBLE, mcc DOUBLE)"
    )
    rows, first = [], 0
    for index, h in enumerate(hospitals):
        level = h.get("level") or 1
        n = int(round((h.get("beds") or 0) * DISCHARGES_PER_BED.get(level, 22.0) / sample))
        if n <= 0:
            continue
        others = h.get("other_counties") or [h.get("county") or ""]
        # hospitals differ, the same way every year: their case mix (skill) and their pace (LOS)
        skill = 0.7 + _fraction(h["institution_id"], "skill") * 0.6
        pace = 0.85 + _fraction(h["institution_id"], "pace") * 0.35
        # a few hospitals capture more MCC every year, whatever their patients (not seeded by year)
        upcoder = _fraction(h["institution_id"], "upcoding") < UPCODING_HOSPITALS
        mcc = MCC_SHARE + (0.05 * max(year - 2020, 0) if upcoder else 0.0)
        rows.append((h["institution_id"], h["hospital"], level, n, first, h.get("county") or "",
                     others[index % len(others)], skill, pace, mcc))  # fmt: skip
        first += n
    if not rows:
        con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT NULL LIMIT 0")
        return 0
    insert_rows(con, "g_hospitals", rows)
    _catalogue(con)
    total = first
    s = seed
    year_start = f"TIMESTAMP '{year}-01-01 00:00:00'"
    days = 366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365
    con.execute(
        """CREATE OR REPLACE TEMP TABLE g_stays AS
        SELECT h.first + seq AS i, * EXCLUDE (seq, first, n), seq
        FROM (SELECT *, unnest(range(n)) AS seq FROM g_hospitals) h"""
    )
    # choose what each stay is: surgery by level (and skill), then the procedure or the diagnosis from
    # the catalogue's cumulative shares for that level
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE g_kind AS
        SELECT s.*, {_u(s, 1)} < least(0.9, CASE s.level WHEN 3 THEN {SURGERY_SHARE[3]} WHEN 2 THEN {SURGERY_SHARE[2]}
                                 ELSE {SURGERY_SHARE[1]} END * s.skill) AS is_surgery,
               CAST(floor({_u(s, 2)} * {BINS}) AS INTEGER) AS pick
        FROM g_stays s"""
    )
    con.execute(
        """CREATE OR REPLACE TEMP TABLE g_chosen AS
        SELECT k.*, NOT c.surgical AS split, c.code AS procedure, c.kind AS procedure_kind, c.list_level, c.day_ok, c.dx, c.drg,
               c.weight, c.los, c.mortality, c.extra, c.extra_share
        FROM g_kind k JOIN g_catalogue c
          ON c.surgical = k.is_surgery AND c.level = least(greatest(k.level, 1), 3) AND c.bin = k.pick"""
    )
    elective = f"(is_surgery AND {_u(s, 3)} < CASE WHEN dx IN ('O82.000', 'S72.000', 'K35.800') THEN 0.3 ELSE 0.85 END)"
    day_share = f"CASE level WHEN 3 THEN {DAY_SURGERY_SHARE[3]} WHEN 2 THEN {DAY_SURGERY_SHARE[2]} ELSE {DAY_SURGERY_SHARE[1]} END"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE g_flags AS
        SELECT *, {elective} AS elective,
               {elective} AND day_ok AND {_u(s, 4)} < {day_share} AS day_surgery,
               {_u(s, 5)} < 0.1 AS over_a_day,
               {_u(s, 6)} < CASE level WHEN 3 THEN {PATHWAY_SHARE[3]} WHEN 2 THEN {PATHWAY_SHARE[2]} ELSE {PATHWAY_SHARE[1]} END AS pathway_entered,
               {_u(s, 7)} < 0.88 AS pathway_done,
               {_u(s, 8)} < {PAYER_GROUPED} AS payer_grouped,
               {_u(s, 9)} < mortality * 1.5 / skill AS died,
               {_u(s, 10)} < 0.88 AS local_resident,
               {_u(s, 11)} < extra_share AS with_extra,
               greatest(1, round(los * pace * exp(0.35 * {_normal(s, 12, 13)}))) AS los_days,
               floor({_u(s, 14)} * {days}) AS discharge_day,
               floor(8 + {_u(s, 15)} * 10) AS discharge_hour,
               floor({_u(s, 16)} * 100) AS age,
               {_u(s, 17)} < 0.5 AS male,
               exp(0.3 * {_normal(s, 18, 19)}) AS cost_noise,
               {_u(s, 21)} AS severity
        FROM g_chosen"""
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE {table} AS
        WITH t AS (
            SELECT *,
                {year_start} + to_days(CAST(discharge_day AS INTEGER)) + to_hours(CAST(discharge_hour AS INTEGER)) AS discharged,
                CASE WHEN day_surgery THEN CASE WHEN over_a_day THEN 30 ELSE 6 + floor({_u(s, 20)} * 16) END
                     ELSE los_days * 24 END AS stay_hours,
                CASE WHEN with_extra THEN extra ELSE '' END AS extra_code,
                CASE WHEN NOT with_extra OR extra = '' THEN ''
                     WHEN extra LIKE '88%' OR extra LIKE '45%' THEN 'diagnostic' ELSE 'therapeutic' END AS extra_kind
            FROM g_flags),
        u AS (SELECT * REPLACE (
                    CASE WHEN split THEN substr(drg, 1, 3) || CASE WHEN severity < mcc THEN '1'
                         WHEN severity < mcc + {CC_SHARE} THEN '3' ELSE '5' END ELSE drg END AS drg,
                    weight * CASE WHEN NOT split THEN 1.0 WHEN severity < mcc THEN {SPLITS["1"]}
                         WHEN severity < mcc + {CC_SHARE} THEN {SPLITS["3"]} ELSE {SPLITS["5"]} END AS weight),
                  discharged - to_hours(CAST(stay_hours AS INTEGER)) AS admitted FROM t)
        SELECT institution_id,
            'S' || CAST({year} AS VARCHAR) || lpad(CAST(seq AS VARCHAR), 8, '0') AS record_id,
            strftime(admitted, '%Y-%m-%d %H:%M') AS admitted_at,
            strftime(discharged, '%Y-%m-%d %H:%M') AS discharged_at,
            CAST(strftime(discharged, '%Y%m') AS INTEGER) AS month,
            {year} AS year,
            CASE WHEN is_surgery THEN '外科' WHEN drg LIKE 'O%' THEN '妇产科' WHEN drg LIKE 'P%' THEN '新生儿科'
                 ELSE '内科' END AS department,
            CASE WHEN drg LIKE 'O%' OR drg LIKE 'N%' THEN '2' WHEN male THEN '1' ELSE '2' END AS sex,
            CASE WHEN drg LIKE 'P%' THEN 0 WHEN drg LIKE 'O%' THEN 20 + CAST(age AS INTEGER) % 20 ELSE CAST(age AS INTEGER) END AS age_years,
            -- a patient under one year carries the age in days (the front page's rule): neonates 1-27 d,
            -- other infants 29-364 d
            CASE WHEN drg LIKE 'P%' THEN 1 + CAST(age AS INTEGER) % 27
                 WHEN drg NOT LIKE 'O%' AND CAST(age AS INTEGER) = 0 THEN 29 + CAST(seq % 336 AS INTEGER)
                 ELSE NULL END AS age_days,
            CASE WHEN drg LIKE 'P%' THEN 2300 + CAST(age * 97 AS INTEGER) % 1900 ELSE NULL END AS birth_weight,
            CASE WHEN drg LIKE 'P%' THEN 2300 + CAST(age * 97 AS INTEGER) % 1900 ELSE NULL END AS admission_weight,
            (CASE WHEN local_resident THEN county ELSE other_county END) || '000000' AS residence_code,
            CASE WHEN elective THEN '2' WHEN is_surgery OR died THEN '1' ELSE '2' END AS admission_route,
            dx AS principal_diagnosis,
            CASE WHEN age > 60 THEN 'I10.x00x002' ELSE '' END AS other_diagnoses,
            CASE WHEN age > 60 THEN '1|1' ELSE '1' END AS admission_conditions,
            coalesce(array_to_string(list_filter([procedure, extra_code], lambda x: x <> ''), '|'), '') AS procedures,
            coalesce(array_to_string(list_transform(list_filter([procedure, extra_code], lambda x: x <> ''),
                lambda x: strftime(admitted, '%Y-%m-%d')), '|'), '') AS procedure_dates,
            coalesce(array_to_string(list_filter([CASE WHEN procedure <> '' THEN CAST(greatest(list_level, 1) AS VARCHAR) ELSE '' END,
                CASE WHEN extra_code <> '' THEN '1' ELSE '' END], lambda x: x <> ''), '|'), '') AS procedure_levels,
            coalesce(array_to_string(list_filter([procedure_kind, extra_kind], lambda x: x <> ''), '|'), '') AS procedure_kinds,
            '' AS incisions, '' AS anaesthesia,
            CASE WHEN is_surgery THEN elective ELSE NULL END AS elective,
            day_surgery,
            pathway_entered, pathway_entered AND pathway_done AS pathway_completed,
            CASE WHEN died AND NOT day_surgery THEN '5' ELSE '1' END AS discharge_method,
            round(weight * {BASE_COST[3]} * CASE level WHEN 3 THEN 1.0 WHEN 2 THEN {BASE_COST[2] / BASE_COST[3]} ELSE {BASE_COST[1] / BASE_COST[3]} END * cost_noise, 2) AS total_cost,
            CASE WHEN payer_grouped THEN drg ELSE '' END AS drg,
            {int(sample)} AS represents
        FROM u ORDER BY institution_id, seq"""
    )
    for name in ("g_stays", "g_kind", "g_chosen", "g_flags"):
        con.execute(f"DROP TABLE IF EXISTS {name}")
    return total


def _catalogue(con: duckdb.DuckDBPyConnection) -> None:
    """One row per (level, surgical?, item) with its cumulative share [lo, hi) for the draw."""
    rows = []
    for level, column in ((3, 11), (2, 12), (1, 13)):
        surgical = [(p, p[column]) for p in PROCEDURES if p[column] > 0]
        total = sum(w for _, w in surgical)
        lo = 0.0
        for p, w in surgical:
            hi = lo + w / total
            rows.append(
                (
                    level,
                    True,
                    p[0],
                    p[2],
                    p[3],
                    bool(p[5]),
                    p[6],
                    p[7],
                    p[8],
                    p[9],
                    p[10],
                    "88.5500" if p[2] == "intervention" else "",
                    0.3 if p[2] == "intervention" else 0.0,
                    lo,
                    hi,
                )
            )
            lo = hi
        medical = [(m, m[6 + (3 - level)]) for m in MEDICAL if m[6 + (3 - level)] > 0]
        total = sum(w for _, w in medical)
        lo = 0.0
        for m, w in medical:
            hi = lo + w / total
            rows.append((level, False, "", "", 0, False, m[0], m[2], m[3], m[4], m[5], m[9], m[10], lo, hi))
            lo = hi
    # the last band of each draw ends at 1 exactly (rounding would otherwise leave a gap)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE g_catalogue (level INTEGER, surgical BOOLEAN, code VARCHAR, kind VARCHAR, "
        "list_level INTEGER, day_ok BOOLEAN, dx VARCHAR, drg VARCHAR, weight DOUBLE, los DOUBLE, mortality DOUBLE, "
        "extra VARCHAR, extra_share DOUBLE, lo DOUBLE, hi DOUBLE)"
    )
    insert_rows(con, "g_catalogue", rows)
    con.execute(
        """UPDATE g_catalogue SET hi = 1.0000001 WHERE (level, surgical, hi) IN (
               SELECT level, surgical, max(hi) FROM g_catalogue GROUP BY level, surgical)"""
    )
    con.execute("UPDATE g_catalogue SET code = '' WHERE code IS NULL")
    # one row per bin of the draw: the join on the pick is then an equality (a hash join)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE g_catalogue AS
        SELECT c.*, b.range AS bin FROM g_catalogue c JOIN range({BINS}) b
          ON (b.range + 0.5) / {BINS} >= c.lo AND (b.range + 0.5) / {BINS} < c.hi"""
    )
