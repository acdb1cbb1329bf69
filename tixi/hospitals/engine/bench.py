"""`tixi bench hospitals`: a city-year (1.3 M discharges) and a province-year (20 M) generated in DuckDB.
The city-year is written as a discharge CSV and checked the way `tixi import discharges` checks it, and
every indicator computed (by hospital, by hospital and month, by hospital and department, the region,
the in-county share). The province-year is stored as Parquet and every indicator computed from that file
on DuckDB and on local Spark (TIXI_SPARK_MASTER), each in a process of its own, so that its wall time,
CPU time and peak memory are the computation's alone; the figures by hospital are compared."""

import math
import multiprocessing
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


def indicators_on(con, hospitals: list[dict] | None = None, source: str | None = None) -> list[dict]:
    """Every indicator the pages and the CLI compute: facts, then the groupings (by hospital, by hospital
    and month, by hospital and department, the region) and the in-county shares. `con` is a DuckDB
    connection (the inputs made here from `source`, a table or `read_parquet(…)`, with no copy) or an
    engine whose inputs are in place. Returns the figures by hospital."""
    if hospitals is not None:
        lists = {kind: [c for c, _ in entries] for kind, entries in synthetic.demo_lists().items()}
        ind.prepare(con, hospitals, lists, synthetic.demo_weights(), discharges=source)
    ind.build_facts(con, None)
    by_hospital = ind.compute(con, ("hospital",))
    for by in (("hospital", "month"), ("hospital", "department"), ()):
        ind.compute(con, by)
    ind.in_county_share(con)
    return by_hospital


def process_peak_mb(pid: int | str = "self") -> float:
    """A process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def process_cpu_s(pid: int | str = "self") -> float:
    """CPU seconds (user + system, all threads) a process has used: with the machine shared, the wall
    time says little, the CPU time what the computation costs."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _jvm_peak_mb(session) -> float:
    """The Spark JVM's peak resident memory (local mode: the driver is the executor)."""
    try:
        return process_peak_mb(session.sparkContext._gateway.proc.pid)
    except AttributeError:
        return 0.0


def _province_on_duckdb(path: str, hospitals: list[dict], memory: str, threads: int) -> dict:
    """In a process of its own, so that its peak memory is the computation's alone."""
    started, cpu = time.perf_counter(), process_cpu_s()
    con = duckdb.connect(config={"memory_limit": memory, "threads": threads})
    con.execute("SET enable_progress_bar = false")
    rows = indicators_on(con, hospitals, f"read_parquet('{path}')")
    seconds = time.perf_counter() - started
    con.close()
    return {"seconds": seconds, "cpu_s": process_cpu_s() - cpu, "peak_mb": process_peak_mb(), "rows": rows}


def _province_on_spark(path: str, hospitals: list[dict], memory: str) -> dict:
    started = time.perf_counter()
    session = ind.spark_session(memory=memory)
    start_s = time.perf_counter() - started
    con = duckdb.connect()
    lists = {kind: [c for c, _ in entries] for kind, entries in synthetic.demo_lists().items()}
    ind.prepare(con, hospitals, lists, synthetic.demo_weights())
    engine = ind.SparkEngine(session)
    for name in ("hospitals", "list_codes", "weights"):
        engine.put(name, con.table(name).fetch_arrow_table())
    engine.read_parquet("discharges", path)
    jvm = session.sparkContext._gateway.proc.pid
    started, cpu = time.perf_counter(), process_cpu_s(jvm) + process_cpu_s()
    rows = indicators_on(engine)
    seconds = time.perf_counter() - started
    result = {
        "seconds": seconds,
        "cpu_s": process_cpu_s(jvm) + process_cpu_s() - cpu,
        "start_s": start_s,
        "peak_mb": process_peak_mb(),
        "jvm_peak_mb": _jvm_peak_mb(session),
        "master": session.sparkContext.master,
        "rows": rows,
    }
    engine.close()
    session.stop()
    return result


def _in_child(function, *args):
    """Runs `function` in a fresh Python process (spawned: no DuckDB or JVM state is inherited)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(function, args)


def differences(duck: list[dict], spark: list[dict], relative: float = 1e-9) -> int:
    """Figures that differ: counts exactly, doubles within `relative`."""
    count = 0
    for a, b in zip(duck, spark, strict=False):  # extra rows counted below
        for key, value in a.items():
            other = b.get(key)
            if isinstance(value, float) or isinstance(other, float):
                same = (
                    value is not None and other is not None and math.isclose(value, other, rel_tol=relative)
                )
            else:
                same = value == other
            count += not same
    return count + abs(len(duck) - len(spark))


def _province(
    write: Callable[[str], None],
    discharges: int,
    folder: Path,
    spark: bool = True,
    memory: str = "8GB",
    spark_memory: str = "6g",
) -> dict:
    """The province-year: generated once (DuckDB, spilling to disk), stored as Parquet (the columnar file
    a cluster reads), then every indicator on DuckDB and, when asked, on Spark, each in its own process."""
    figures = {}
    hospitals = hospitals_for(discharges, max(12, round(180 * discharges / 20_000_000)))
    path = folder / "province.parquet"
    database = folder / "province.duckdb"
    con = duckdb.connect(str(database), config={"memory_limit": memory})
    con.execute("SET enable_progress_bar = false")
    con.execute(f"SET temp_directory = '{folder}'")
    n, figures["province_generate_s"] = timed(
        write, "generate", lambda: synthetic.generate(con, hospitals, YEAR)
    )
    figures["province_discharges"] = n
    columns = ", ".join(ind.DISCHARGE_SCHEMA)
    _, figures["province_parquet_s"] = timed(
        write,
        "write Parquet",
        lambda: con.execute(
            f"COPY (SELECT {columns} FROM generated) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)"
        ),
    )
    con.close()
    database.unlink()
    write(f"  {path.stat().st_size / 1e6:,.0f} MB of Parquet; load average {os.getloadavg()[0]:.1f}")
    threads = os.cpu_count() or 1
    duck = _in_child(_province_on_duckdb, str(path), hospitals, memory, threads)
    figures["province_indicators_s"] = round(duck["seconds"], 2)
    figures["province_indicators_cpu_s"] = round(duck["cpu_s"], 2)
    figures["province_duckdb_peak_mb"] = round(duck["peak_mb"])
    write(
        f"  all indicators on DuckDB ({threads} threads, memory limit {memory}): {duck['seconds']:.1f} s "
        f"(goal < 20 s; CPU {duck['cpu_s']:.1f} s), peak memory {duck['peak_mb']:,.0f} MB; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    if spark:
        try:
            result = _in_child(_province_on_spark, str(path), hospitals, spark_memory)
        except ImportError as error:  # pyspark not installed
            write(f"  Spark: not run ({error})")
            return figures
        figures["province_spark_s"] = round(result["seconds"], 2)
        figures["province_spark_cpu_s"] = round(result["cpu_s"], 2)
        figures["province_spark_jvm_peak_mb"] = round(result["jvm_peak_mb"])
        figures["spark_to_duckdb"] = round(result["seconds"] / duck["seconds"], 2)
        figures["spark_differences"] = differences(duck["rows"], result["rows"])
        write(
            f"  all indicators on Spark ({result['master']}, driver memory {spark_memory}, session start "
            f"{result['start_s']:.1f} s not counted): {result['seconds']:.1f} s (CPU {result['cpu_s']:.1f} s), JVM peak memory "
            f"{result['jvm_peak_mb']:,.0f} MB, Python {result['peak_mb']:,.0f} MB; load average {os.getloadavg()[0]:.1f}"
        )
        write(
            f"  Spark / DuckDB: {figures['spark_to_duckdb']:.1f}x; figures by hospital that differ: "
            f"{figures['spark_differences']} (counts exactly, ratios within 1e-9)"
        )
    return figures


def run(
    write: Callable[[str], None],
    city: int = 1_300_000,
    province: int = 20_000_000,
    check: bool = True,
    spark: bool = True,
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
            write, "all indicators", lambda: indicators_on(con, hospitals, "generated")
        )
        con.close()
        database.unlink()
        write(f"Province-year ({province:,} discharges):")
        figures.update(_province(write, province, Path(folder), spark))
    figures["peak_memory_mb"] = round(peak_memory_mb())
    write(f"Peak memory of this process (generation and the city-year): {figures['peak_memory_mb']:,} MB")
    return figures
