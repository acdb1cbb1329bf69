"""`tixi bench hospitals`: a city-year (1.3 M discharges) and a province-year (20 M) generated in DuckDB,
the city-year written as a discharge CSV and checked the way `tixi import discharges` checks it, and
every indicator computed for both (by hospital, by hospital and month, by hospital and department, the
in-county share). Peak memory is the process's (DuckDB runs inside it)."""

import os
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from tixi.hospitals.engine import indicators as ind
from tixi.hospitals.engine import records, synthetic
from tixi.hospitals.engine.grouper.bench import bench_grouping
from tixi.hospitals.engine.layout import FIELDS

YEAR = 2024


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def hospitals_for(discharges: int, counties: int) -> list[dict]:
    """A province's hospitals: per county one level-3 (in a tenth of counties), two level-2 and six
    level-1 hospitals, sized so that the year has about `discharges` stays."""
    plan = []
    for c in range(counties):
        county = f"65{c // 10 + 1:02d}{c % 10 + 1:02d}"
        if c % 10 == 0:
            plan.append((3, 1500, county))
        plan += [(2, 400, county), (2, 250, county)] + [(1, 60, county)] * 6
    stays = sum(beds * synthetic.DISCHARGES_PER_BED[level] for level, beds, _ in plan)
    factor = discharges / stays
    counties_list = sorted({c for _, _, c in plan})
    return [
        {
            "institution_id": i + 1,
            "hospital": f"B{i + 1:06d}",
            "level": level,
            "beds": round(beds * factor, 3),
            "county": county,
            "other_counties": counties_list[max(0, counties_list.index(county) - 1) :][:3],
        }
        for i, (level, beds, county) in enumerate(plan)
    ]


def timed(write: Callable[[str], None], label: str, function):
    started = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - started
    write(f"  {label}: {seconds:.1f} s (peak memory so far {peak_memory_mb():,.0f} MB)")
    return result, seconds


def indicators_on(con: duckdb.DuckDBPyConnection, hospitals: list[dict]) -> int:
    """Every indicator the pages and the CLI compute, from the generated table: facts, then the groupings."""
    lists = {kind: [c for c, _ in entries] for kind, entries in synthetic.demo_lists().items()}
    ind.prepare(con, hospitals, lists, synthetic.demo_weights())
    con.execute(f"INSERT INTO discharges SELECT {', '.join(ind.DISCHARGE_SCHEMA)} FROM generated")
    ind.build_facts(con, None)
    rows = 0
    for by in (("hospital",), ("hospital", "month"), ("hospital", "department"), ()):
        rows += len(ind.compute(con, by))
    rows += len(ind.in_county_share(con))
    return rows


def run(
    write: Callable[[str], None], city: int = 1_300_000, province: int = 20_000_000, check: bool = True
) -> dict:
    figures = {}
    threads = os.cpu_count()
    write(f"DuckDB {duckdb.__version__}, {threads} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.duckdb"  # on disk, so a province-year may spill rather than fail
        con = duckdb.connect(str(database))
        con.execute("SET enable_progress_bar = false")
        con.execute(f"SET temp_directory = '{folder}'")
        write(f"City-year ({city:,} discharges):")
        figures["grouping"] = bench_grouping(write, rows=city)  # goal < 60 s
        hospitals = hospitals_for(city, 12)
        n, figures["city_generate_s"] = timed(
            write, "generate", lambda: synthetic.generate(con, hospitals, YEAR)
        )
        figures["city_discharges"] = n
        if check:
            path = Path(folder) / "city.csv"
            columns = ", ".join(f.code for f in FIELDS if f.code != "hospital_code")
            con.execute("CREATE OR REPLACE TABLE bench_hospitals (institution_id BIGINT, hospital VARCHAR)")
            ind.insert_rows(con, "bench_hospitals", [(h["institution_id"], h["hospital"]) for h in hospitals])
            con.execute(
                f"""COPY (SELECT h.hospital AS hospital_code, {columns}
                          FROM generated JOIN bench_hospitals h USING (institution_id))
                    TO '{path}' (HEADER, DELIMITER ',')"""
            )
            write(f"  wrote {path.stat().st_size / 1e6:,.0f} MB of CSV")

            def check_file():
                check_con = duckdb.connect()
                check_con.execute("SET enable_progress_bar = false")
                raw, rows = records.read(path, check_con)
                checked = records.check(raw, {h["hospital"]: h["institution_id"] for h in hospitals}, rows)
                check_con.close()
                return checked.problem_count

            problems, figures["city_check_s"] = timed(
                write, "read and check the CSV (tixi import's checks)", check_file
            )
            figures["city_check_problems"] = problems
        _rows, figures["city_indicators_s"] = timed(
            write, "all indicators", lambda: indicators_on(con, hospitals)
        )
        con.close()
        database.unlink()
        con = duckdb.connect(str(database))
        con.execute("SET enable_progress_bar = false")
        con.execute(f"SET temp_directory = '{folder}'")
        write(f"Province-year ({province:,} discharges):")
        hospitals = hospitals_for(province, 180)
        n, figures["province_generate_s"] = timed(
            write, "generate", lambda: synthetic.generate(con, hospitals, YEAR)
        )
        figures["province_discharges"] = n
        _rows, figures["province_indicators_s"] = timed(
            write, "all indicators (goal < 20 s)", lambda: indicators_on(con, hospitals)
        )
        con.close()
    figures["peak_memory_mb"] = round(peak_memory_mb())
    write(f"Peak memory: {figures['peak_memory_mb']:,} MB")
    return figures
