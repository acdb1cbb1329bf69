"""`tixi bench registry`: a province-sized registry, and how fast its dashboard figures come."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openpyxl import Workbook

from tixi.demo.builder import DemoBuilder
from tixi.demo.load import write
from tixi.exchange.models import ImportBatch
from tixi.exchange.services import undo_import
from tixi.exchange.tables import TABLES
from tixi.geo.models import Division, Population
from tixi.hospitals.engine import bench as hospitals_bench
from tixi.indicators import items as item_values
from tixi.indicators.models import Indicator
from tixi.indicators.services import (
    PLAN_FILES,
    all_definitions,
    definition_of,
    evaluate,
    load_catalogue,
    load_pack_file,
    load_plan_pack,
)
from tixi.layout.engine import bench as access_bench
from tixi.layout.engine import grass as access_grass
from tixi.layout.engine import siting_bench
from tixi.ledger.engine.accuracy import seed_scores, suggestion_scores, table_scores
from tixi.registry.models import Institution, InstitutionYear
from tixi.registry.services import children_figures, division_figures, division_series
from tixi.surveillance.engine import bench as surveillance_bench

PLAN_PACKS = Path(item_values.__file__).resolve().parent / "data" / "plans"
PROVINCE = {"code": "650000", "name": "模拟省"}
BENCH_DB = "bench-registry.sqlite3"


def province_specs(cities: int = 18, counties_per_city: int = 10) -> list[dict]:
    """About 180 counties, 4,500 townships, 50,000 villages and 80,000 institutions (all synthetic)."""
    specs = []
    for c in range(cities):
        city_code = f"65{c + 1:02d}"
        specs.append(
            {
                "name": f"模拟市{c + 1:02d}",
                "code": city_code,
                "province": PROVINCE,
                "centre": [80 + (c % 6) * 2.0, 38 + (c // 6) * 2.0],
                "extent": [1.9, 1.9],
                "growth": 0.002,
                "population": 4_600_000,
                "counties": [
                    {
                        "code": f"{city_code}{k + 1:02d}",
                        "name": f"模拟县{c + 1:02d}{k + 1:02d}",
                        "share": 1.0,
                        "streets": 3,
                        "towns": 22,
                    }
                    for k in range(counties_per_city)
                ],
                "trends": {"default": 0.02},
            }
        )
    return specs


class Command(BaseCommand):
    help = "Benchmarks. `tixi bench registry`: build a province-sized registry, time the dashboard figures."

    def add_arguments(self, parser):
        parser.add_argument(
            "what",
            choices=[
                "registry",
                "indicators",
                "import",
                "parse",
                "serve",
                "access",
                "surveillance",
                "hospitals",
                "report",
            ],
        )
        parser.add_argument(
            "--city", type=int, default=1_300_000, help="hospitals: discharges of the city-year"
        )
        parser.add_argument(
            "--province", type=int, default=20_000_000, help="hospitals: discharges of the province-year"
        )
        parser.add_argument(
            "--no-spark",
            action="store_true",
            help="hospitals: the province-year on DuckDB only, not on Spark",
        )
        parser.add_argument("--clients", type=int, default=8, help="bench serve: concurrent users")
        parser.add_argument("--seconds", type=float, default=20, help="bench serve: how long")
        parser.add_argument("--workers", type=int, help="bench serve: server processes")
        parser.add_argument("--rows", type=int, default=100_000, help="rows of the import benchmark's file")
        parser.add_argument("--rebuild", action="store_true", help="build the benchmark registry again")
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument(
            "--perturb",
            action="store_true",
            help="parse: the seeds and every held-out set read in each shape of tixi/ledger/engine/perturb.py",
        )
        parser.add_argument(
            "--grammar",
            action="store_true",
            help="parse: the reader on goal sentences generated from their parts (tixi/ledger/engine/grammar.py)",
        )
        parser.add_argument("--in-process", action="store_true", help=argparse_hidden())
        parser.add_argument("--side", type=int, default=4000, help="access: cells per side of the scale grid")
        parser.add_argument(
            "--grass-side", type=int, default=1000, help="access: cells per side beside GRASS"
        )
        parser.add_argument(
            "--facilities", type=int, default=3000, help="access: facilities of the scale grid"
        )
        parser.add_argument(
            "--max-minutes", type=float, default=120, help="access: the scale run's cap (0: none)"
        )
        parser.add_argument(
            "--moves", type=int, default=16, choices=[8, 16], help="access: the scale run's moves"
        )
        parser.add_argument("--siting-demand", type=int, default=50_000, help="access: siting demand points")
        parser.add_argument("--series", type=int, default=100_000, help="surveillance: weekly series")
        parser.add_argument("--r-series", type=int, default=20, help="surveillance: series run through R too")
        parser.add_argument("--year", type=int, default=2025, help="report: the evaluation's year")

    def handle(self, *args, what, rebuild, repeat, in_process, **options):
        if what == "parse":  # no database: the reader against the hand-made seed expectations
            if options["grammar"]:
                return self.write_grammar()
            return self.run_parse(repeat, options["perturb"])
        if what == "serve":  # the real server on a loopback port (tixi/ops/loadtest.py)
            return self.run_serve(options)
        if what == "access":  # no database: rasters in, rasters out
            return self.run_access(options)
        if what == "surveillance":  # no database: counts in, alarms out
            surveillance_bench.run(self.stdout.write, options["series"], r_series=options["r_series"])
            return
        if what == "report":  # the demo's database (read only): each plan's Word report
            return self.run_report(options["year"])
        if what == "hospitals":  # no database: DuckDB generates, checks and computes
            hospitals_bench.run(
                self.stdout.write, options["city"], options["province"], spark=not options["no_spark"]
            )
            return
        if not in_process:
            # The benchmark has its own database, never the demo's (PostgreSQL when DATABASE_URL says so).
            env = dict(os.environ)
            if "DATABASE_URL" not in env:
                env["DATABASE_URL"] = f"sqlite:///{Path(settings.VAR_DIR) / BENCH_DB}"
            argv = [
                sys.executable,
                "-m",
                "tixi.cli",
                "bench",
                what,
                "--in-process",
                "--repeat",
                str(repeat),
                "--rows",
                str(options["rows"]),
            ]
            if rebuild:
                argv.append("--rebuild")
            completed = subprocess.run(argv, env=env)
            if completed.returncode:
                raise CommandError("benchmark failed")
            return
        self.ensure_registry(rebuild)
        if what == "indicators":
            return self.run_indicators(repeat)
        if what == "import":
            return self.run_import(options["rows"])
        self.run_registry(repeat)

    def run_report(self, year):
        """The Word evaluation report of each plan for its region (as `下载 Word 报告` makes it): the
        time to make it with every trend picture drawn, then again with the pictures cached."""
        from matplotlib.figure import Figure

        from tixi.indicators import reports
        from tixi.indicators.models import Plan
        from tixi.indicators.services import evaluate_plan

        made = []
        making = Figure.__init__

        def counting(figure, *args, **kwargs):
            made.append(1)
            return making(figure, *args, **kwargs)

        write = self.stdout.write
        write(f"Word evaluation report, {year} (seconds; figures made):")
        Figure.__init__ = counting
        try:
            for plan in Plan.objects.select_related("region").order_by("code"):
                rows = evaluate_plan(plan, plan.region, year)
                reports._PNG_CACHE.clear()
                times = []
                for _ in range(2):
                    made.clear()
                    start = time.perf_counter()
                    with translation.override(settings.LANGUAGE_CODE):
                        document = reports.evaluation_docx(plan, plan.region, year, rows)
                    times.append((time.perf_counter() - start, len(made)))
                write(
                    f"  {plan.code:28} {plan.region.name:8} {len(rows):4} targets  "
                    f"drawn {times[0][0]:6.2f} s ({times[0][1]} figures)  "
                    f"cached {times[1][0]:6.2f} s ({times[1][1]} figures)  {len(document):,} bytes"
                )
        finally:
            Figure.__init__ = making

    def run_serve(self, options):
        from tixi.ops.loadtest import run

        try:
            report = run(
                options["clients"],
                options["seconds"],
                options["workers"],
                Path(settings.VAR_DIR),
                self.stdout,
            )
        except (ValueError, RuntimeError, subprocess.CalledProcessError) as error:
            raise CommandError(str(error)) from error
        failed = sum(p["errors"] for p in report["pages"].values())
        if failed or report["database_locked"] or report["server_tracebacks"]:
            raise CommandError("errors under load (above)")

    def run_access(self, options):
        write = self.stdout.write
        access_bench.warm_up()
        if access_grass.grass_executable():
            write("Tixi vs GRASS r.cost on the same grid (compute only, both single-threaded):")
            access_bench.side_by_side(write, options["grass_side"])
        else:
            write("GRASS is not installed (apt-get install grass-core): no side-by-side run")
        write("Tixi alone at scale (read, compute, write as `tixi access surface`):")
        access_bench.at_scale(
            write, options["side"], options["facilities"], options["moves"], options["max_minutes"] or None
        )
        siting_bench.run(write, options["siting_demand"], candidates=max(2, options["siting_demand"] // 25))

    def run_parse(self, repeat, perturb=False):

        started = time.perf_counter()
        for _ in range(repeat):
            scores = seed_scores(
                settings.REPO_DIR / "tests" / "ledger" / "seed_truth", settings.TIXI_SEEDS_DIR
            )
            tables = table_scores(PLAN_PACKS, settings.TIXI_SEEDS_DIR)
        elapsed = (time.perf_counter() - started) / repeat
        self.stdout.write("plan reader vs hand-made expectations (tests/ledger/seed_truth)")
        self.stdout.write(f"{'seed':<6}{'tasks P':>9}{'R':>6}{'n':>5}   {'targets P':>10}{'R':>6}{'n':>5}")
        for seed, result in scores.items():
            t, g = result["tasks"], result["targets"]
            self.stdout.write(
                f"{seed:<6}{t.precision:>9.2f}{t.recall:>6.2f}{t.expected:>5}   "
                f"{g.precision:>10.2f}{g.recall:>6.2f}{g.expected:>5}"
            )
        from tixi.ledger.engine.accuracy import held_out_scores

        truth = settings.REPO_DIR / "tests" / "ledger"
        held_out = (
            (
                truth / "heldout",
                True,
                "HELD-OUT plans, not the seeds: other places' documents (tests/ledger/heldout)",
            ),
            (
                truth / "heldout_b",
                True,
                "SECOND held-out set, gathered after the rules above; unseen when first measured (tests/ledger/heldout_b)",
            ),
            (
                truth / "heldout_c",
                True,
                "THIRD held-out set, a whole city document; unseen when first measured: tasks 0.02/0.02, "
                "targets recall 0.00 (tests/ledger/heldout_c)",
            ),
            (
                truth / "heldout_d",
                True,
                "FOURTH held-out set, gathered after the rules above froze; unseen until session 13: tasks -/0.00 (0 of 3 "
                "found), targets 0.00/0.00 (0 of 1, 2 found); rules then written on its target failure classes (reader10) "
                "(tests/ledger/heldout_d)",
            ),
            (
                truth / "heldout_e",
                True,
                "FIFTH held-out set, six whole State Council documents; unseen when first measured: tasks "
                "0.72/0.66, targets 0.22/0.58; rules then written on it (tests/ledger/heldout_e)",
            ),
            (
                truth / "heldout_f",
                True,
                "SIXTH held-out set, kept aside while the rules were written on the fifth; unseen when first "
                "measured: tasks 0.00/0.00, targets 0.67/0.80; rules then written on it (tests/ledger/heldout_f)",
            ),
            (
                truth / "heldout_g",
                True,
                "SEVENTH held-out set, kept aside while the rules were written on the sixth; unseen when first "
                "measured: tasks -/0.00 (none found); rule then written on it (tests/ledger/heldout_g)",
            ),
            (
                truth / "heldout_h",
                True,
                "EIGHTH held-out set, kept aside while the rule was written on the seventh; unseen when first "
                "measured: tasks 0.50/0.03, targets 0.80/1.00; no rule written on its text, measured again after "
                "the rules were generalised by the classes its README named (tests/ledger/heldout_h)",
            ),
            (
                truth / "heldout_i",
                False,
                "NINTH held-out set, three whole documents, truth committed before the rules were generalised; "
                "unseen when first measured: tasks 1.00/1.00, targets 0.75/1.00; one target then added to its truth by the "
                "seeds' definition (至少 and a year), no rule changed (tests/ledger/heldout_i)",
            ),
            (
                truth / "heldout_j",
                True,
                "TENTH held-out set, ten health documents (openings and a table section), truth committed before "
                "the reader ran; unseen when first measured: tasks -/0.00 (0 of 8 found), targets -/0.00 (0 of 8 "
                "found), nothing invented; rules then written on its failure classes (tests/ledger/heldout_j)",
            ),
            (
                truth / "heldout_k",
                True,
                "ELEVENTH held-out set, three whole State Council documents (two 任务分工 documents, a five-year "
                "plan), truth committed before the reader ran; unseen when first measured: tasks 0.12/0.02 (2 of "
                "119 right, 17 found), targets 0.35/0.35 (11 of 31 right, 31 found); rules then written on its failure "
                "classes (tests/ledger/heldout_k)",
            ),
            (
                truth / "heldout_l",
                True,
                "TWELFTH held-out set, four whole State Council documents gathered after the rules were generalised "
                "on the eleventh, truth committed before the reader ran; unseen when first measured: targets "
                "0.64/0.67 (18 of 27 right, 28 found), nothing invented on the two with nothing to find; rules "
                "then written on its failure classes (tests/ledger/heldout_l)",
            ),
            (
                truth / "heldout_m",
                False,
                "THIRTEENTH held-out set, six whole State Council texts full of numbers that are no goals, gathered "
                "after the rules were generalised on the twelfth, truth committed before the reader ran; unseen: "
                "targets 1.00/1.00 (1 of 1), nothing invented (tests/ledger/heldout_m)",
            ),
            (
                truth / "heldout_n",
                True,
                "FOURTEENTH held-out set, seven openings of health documents (session 12), truth committed before the "
                "reader ran; unseen when first measured: tasks 1.00/0.50 (1 of 2), targets 0.62/1.00 (5 of 5, 8 found); "
                "rules then generalised on its failure classes (tests/ledger/heldout_n)",
            ),
            (
                truth / "heldout_p",
                True,
                "SIXTEENTH held-out set, 健康中国行动2023年工作要点 in three page copies (23 tasks), truth committed before "
                "the reader ran; unseen when first measured: tasks 0.83/0.83 (19 of 23, 23 found); one rule then "
                "written on its failure class (tests/ledger/heldout_p)",
            ),
            (
                truth / "heldout_o",
                True,
                "FIFTEENTH held-out set, five national health plans' goals gathered after the rules were generalised on "
                "the fourteenth, truth committed before the reader ran; unseen when first measured: targets 0.93/1.00 "
                "(14 of 14, 15 found); a rule then written on its failure class, a count of a plan's items "
                "(tests/ledger/heldout_o)",
            ),
            (
                truth / "heldout_q",
                False,
                "SEVENTEENTH held-out set, 健康中国行动2022年工作要点 and 全国爱国卫生运动2021年工作要点 (11 tasks), gathered after "
                "the rule written on the sixteenth, truth committed before the reader ran; unseen: tasks 1.00/1.00 "
                "(tests/ledger/heldout_q)",
            ),
            (
                truth / "heldout_r",
                True,
                "EIGHTEENTH held-out set, six health goal texts of other places (深圳, 安徽, 一老一小, 养老/健康服务, 健康中国2020, "
                "a review) gathered after the session-12 class rules, truth committed before the reader ran; unseen when "
                "first measured: targets 0.57/0.59 (26 of 44, 46 found); rules then written on its failure classes "
                "(tests/ledger/heldout_r)",
            ),
            (
                truth / "heldout_s",
                True,
                "NINETEENTH held-out set, four health goal texts (健康儿童行动, 癌症防治, two reports of progress) gathered "
                "after the rules written on the eighteenth, truth committed before the reader ran; unseen when first "
                "measured: targets 0.70/0.70 (7 of 10, 10 found); rules then written on its failure classes (reader10) "
                "(tests/ledger/heldout_s)",
            ),
            (
                truth / "heldout_t",
                True,
                "TWENTIETH held-out set, nine health goal texts (精神卫生 twice, 职业病, 健康甘肃2030, 出生缺陷, 护理 twice, "
                "慢性病, 健康中国2030) gathered while reader10 changed the rules, truth committed before the reader ran; "
                "measured once, rules frozen at f5d3723 (reader10): targets 0.79/0.63 (41 of 65, 52 found); seen since "
                "reader11: rules then written on its failure classes (tests/ledger/heldout_t)",
            ),
            (
                truth / "heldout_u",
                True,
                "TWENTY-FIRST held-out set, fifteen health goal texts (艾滋病 twice, 健康口腔 thrice, 老年健康, 宫颈癌, 眼健康 "
                "twice, 全科医生 twice, 碘缺乏病, 健康素养, 健康中国2030, 上海急救) gathered after the twentieth while reader10 changed the rules, truth "
                "committed before the reader ran; measured once, rules frozen at f5d3723 (reader10): targets 0.43/0.78 "
                "(40 of 51, 92 found); seen since reader11: rules then written on its failure classes "
                "(tests/ledger/heldout_u)",
            ),
            (
                truth / "heldout_v",
                True,
                "TWENTY-SECOND held-out set, sixteen health goal texts (福州 十四五, 健康武汉2035, 控烟 thrice, 健康中国2030, "
                "十五五 纲要, 十四五 国民健康, 老龄 床位, 健康福建2030, 托位, 心理健康 twice, 妇幼 2030, 嵊州 十二五, 健康上海) "
                "gathered while reader10 changed the rules, truth committed before the reader ran; measured once, rules "
                "frozen at f5d3723 (reader10): targets 0.67/0.75 (47 of 63, 70 found); seen since reader11: rules then "
                "written on its failure classes (tests/ledger/heldout_v)",
            ),
            (
                truth / "heldout_w",
                True,
                "TWENTY-THIRD held-out set, twelve health goal texts (河北 中医药, 五健 近视, 床位 预留, 护理, 癌症 thrice, 吸烟, "
                "four without goals) gathered after the twenty-second while reader10 changed the rules, truth committed "
                "before the reader ran; unseen: first measured with the rules at f5d3723 (reader10): targets 0.51/0.93 "
                "(26 of 28, 51 found); again with reader11's rules (ad02ba9), still unseen: 0.58/0.93 (26 of 28, 45 found); "
                "seen since reader12: rules then written on its failure classes and heldout_x's (tests/ledger/heldout_w)",
            ),
            (
                truth / "heldout_x",
                True,
                "TWENTY-FOURTH held-out set, seventeen health goal texts (国民营养 江西, 地方病 twice, 陕西 十三五, 陕西 爱卫, "
                "老年健康, 全民健身 twice, 基层中医药, 社会心理服务 twice, 健康鲅鱼圈, 佛山 寿命, 慢性病, 包虫病, three without "
                "goals) gathered after the twenty-third while reader11 changed the rules, truth committed before the reader "
                "ran; measured once, rules frozen at ad02ba9 (reader11): targets 0.84/0.76 (41 of 54, 49 found); seen "
                "since reader12: rules then written on its failure classes and heldout_w's (tests/ledger/heldout_x)",
            ),
            (
                truth / "heldout_y",
                True,
                "TWENTY-FIFTH held-out set, fifteen GENERAL planning texts (卫生健康 十四五 of 烟台, 梅州, 广东, 青岛; 广州 区域卫生规划; "
                "福建 医疗机构设置规划; 卫生事业 "
                "十二五 twice; 中医药 十二五 indicator table; 十五五 寿命; 江苏 2015; 河南 and national regional medical centres; "
                "three without goals) gathered by helper unseen16 while reader12 changed the rules, truth committed before "
                "the reader ran; measured once, rules frozen at 4148692 (reader12): targets 0.79/0.64 (41 of 64, 52 found); "
                "seen since reader13: rules then written on its failure classes and heldout_z's (tests/ledger/heldout_y)",
            ),
            (
                truth / "heldout_z",
                True,
                "TWENTY-SIXTH held-out set, thirteen SPECIAL plans and action plans (沅江 寿命提升 indicator table, 宁国 健康城乡, "
                "杭州 老年, 母婴安全 twice, 尘肺病 thrice, 广州 宫颈癌, 社会心理服务 试点, 资阳 寿命, 常州 老龄化, 内蒙古 医养结合; "
                "three without goals) gathered while reader12 changed the rules, truth committed before the reader ran; "
                "measured once, rules frozen at 4148692 (reader12): targets 0.87/0.62 (34 of 55, 39 found), tasks 0 of "
                "14; seen since reader13: rules then written on its failure classes and heldout_y's (tests/ledger/heldout_z)",
            ),
            (
                truth / "heldout_aa",
                True,
                "TWENTY-SEVENTH held-out set, eighteen health goal texts of NORTHERN, CENTRAL, NORTH-EASTERN and NORTH-WESTERN "
                "provinces and national ones (健康河北, 健康辽宁, 健康吉林, 健康龙江, 湖南 健康2030, 湖北 中医药 twice, 河南 十四五 "
                "twice, 陕西 十四五, 宁夏 2027, 天津 精神卫生, 甘肃 三项方案, 母乳喂养 twice; four without goals: 河北 十四五 "
                "results, 湖南 基层中医药, 阿拉善 十四五) "
                "gathered by helper unseen18 while reader13 changed the rules, truth committed before the reader ran; "
                "measured once, rules frozen at 6f5be4d (reader13): targets 0.78/0.94 (47 of 50, 60 found), tasks 1 of 2 "
                "with 2 found; seen since reader14: rules then written on its failure classes and heldout_ab's "
                "(tests/ledger/heldout_aa)",
            ),
            (
                truth / "heldout_ab",
                True,
                "TWENTY-EIGHTH held-out set, thirteen texts of EASTERN, SOUTHERN and SOUTH-WESTERN provinces (南通 十三五 "
                "indicator table, 安徽 人口 十三五 医养结合, 深圳 十四五, 健康山东, 江西 十四五, 浙江 十四五, 海南 寿命, 广西 十四五, "
                "江西 儿童心理, 红河 寿命; three without goals: 重庆 解读, 芜湖 成就, 健康舟山) gathered by helper unseen19 while "
                "reader13 changed the rules, truth committed before the reader ran; measured once, rules frozen at "
                "6f5be4d (reader13): targets 0.79/0.81 (50 of 62, 63 found), the same once more with heldout_aa's "
                "classes (reader14 2572fed); seen since reader14: rules then written on its failure classes "
                "(tests/ledger/heldout_ab)",
            ),
            (
                truth / "heldout_ac",
                True,
                "TWENTY-NINTH held-out set, twenty-two health goal texts of NORTHERN, CENTRAL, NORTH-EASTERN and "
                "NORTH-WESTERN provinces and national ones (健康河南 2025, 宁夏 2024, 健康湖南 十四五, 河北 2023 工作会议, 十五五 "
                "寿命, 千县工程, 医共体 2019, 消除母婴传播 2025, and eleven county and city 民生实事 task lists, progress notes and completion 公示 "
                "of 河南, 湖南, 湖北, 辽宁, 甘肃; five without goals: 北京 十四五 results, 黄冈 政府工作报告, 健康新疆, 湖南 "
                "医疗卫生服务体系 现状, 西峡 consultation) gathered by helper unseen20 while reader14 changed the rules, truth "
                "committed before the reader ran; measured once, rules frozen at 523b648 (reader14): targets 0.81/0.40 "
                "(21 of 53, 26 found); seen since reader15: rules then written on its failure classes (the yearly task "
                "genre) and heldout_ad's (tests/ledger/heldout_ac)",
            ),
            (
                truth / "heldout_ad",
                True,
                "THIRTIETH held-out set, eleven texts of EASTERN, SOUTHERN and SOUTH-WESTERN provinces, cities and counties "
                "(江西 四区四高地 2027, 泉州 公共服务 十四五, 健康广州行动, 贵州 八大工程, 青岛 十四五, 海南 医疗健康产业 十三五, "
                "四川 卫生与健康 意见, 安庆 区域卫生规划, 三亚 设施布点; two without goals: 开州 十四五 opening, 厦门 2024 results) "
                "gathered by helper unseen21 while reader14 changed the rules, truth committed before the reader ran; "
                "measured once, rules frozen at 523b648 (reader14): targets 0.98/0.94 (60 of 64, 61 found), the same "
                "once more with heldout_ac's classes (reader15 b7c1172); seen since reader15: rules then written on its "
                "failure classes (tests/ledger/heldout_ad)",
            ),
            (
                truth / "heldout_ae",
                True,
                "THIRTY-FIRST held-out set, ten texts of NORTHERN, CENTRAL and NORTH-WESTERN provinces, cities and counties "
                "(绥宁 寿命 目标责任清单 with 牵头单位/责任单位, 湖南 寿命 行动计划 2027, 宁远 寿命 方案, 漯河 2024 民生实事 with "
                "责任单位, 河南 2022 民生实事, 兰州 2024 两癌, 晋中 2017 八件实事, 南县 疾控 绩效目标表 2025; two without goals: "
                "河南 2024 民生实事 progress, 嘉峪关 部门预算 contents) gathered by helper unseen22 while reader15 changed the rules, "
                "truth committed before the reader ran; measured once, rules frozen at 7dfb6ff (reader15): targets 0.79/0.48 "
                "(15 of 31, 19 found), tasks 11 of 12 with 11 found; seen since reader16: rules then written on the "
                "yearly-list classes of heldout_af and its own (tests/ledger/heldout_ae)",
            ),
            (
                truth / "heldout_af",
                True,
                "THIRTY-SECOND held-out set, fourteen 民生实事 lists, task lists, progress notes and 政府工作报告 passages of "
                "EASTERN, SOUTHERN and SOUTH-WESTERN provinces and cities (浙江 2024 十方面民生实事 and its first-quarter progress, "
                "余姚 2025 progress with 责任单位, 安徽 2023 and 宣城 2024 task lists with 牵头单位, 上海 2021, 重庆 2025, 高明 2025, "
                "江苏 2022 and 2026, 广西 2025 政府工作报告, 福建 2017 progress; two "
                "without goals: 杭州 2024 completion, 江苏 2025 发布会) gathered by helper unseen23 while reader15 changed the "
                "rules, truth committed before the reader ran; measured once, rules frozen at 7dfb6ff (reader15): targets "
                "0.46/0.11 (11 of 103, 24 found), tasks 15 of 20 with 16 found; seen since reader16: rules then written on "
                "its failure classes (the yearly list of tasks as a context) (tests/ledger/heldout_af)",
            ),
            (
                truth / "heldout_ag",
                True,
                "THIRTY-THIRD held-out set, eleven 民生实事 lists, yearly measures, work-meeting and 政府工作报告 passages, "
                "progress notes and 养老托育 plans of NORTHERN, CENTRAL, NORTH-EASTERN and NORTH-WESTERN provinces and cities "
                "(天津 2026 卫生健康为民服务16项举措, 西安 2025 为民实事 with units, 湖北 2024 52项民生实事, 内蒙古 2026 卫生健康 "
                "会议, 河南 2022 民生实事清单, 尚志 and 辽宁 养老托育 2025, 山西 2024 内镜筛查, 天津 2025 民心工程 progress; two "
                "without goals: 天津 2024 民心工程 成绩单, 银川 2025 政府工作报告 opening) gathered by helper unseen24 while "
                "reader16 changed the rules, truth committed before the reader ran; measured once, rules frozen at "
                "210f155 (reader16): targets 0.75/0.62 (38 of 61, 51 found), tasks 0 of 2; seen since reader17: rules then "
                "written on its failure classes and heldout_ah's (tests/ledger/heldout_ag)",
            ),
            (
                truth / "heldout_ah",
                True,
                "THIRTY-FOURTH held-out set, nine texts of EASTERN, SOUTHERN and SOUTH-WESTERN provinces, cities and districts "
                "(成都 2019 政府工作报告 责任分解方案 with 牵头单位/责任单位, 柘荣 2025 政府工作报告 预期目标, 内江 2023, "
                "贵阳贵安 2024, 贵州 2021 and 南海 2024 民生实事 lists, 重庆 2019 卫生健康工作会; two without goals: 贵州 2023 "
                "工作总结, 沙坪坝 2025 工作会) gathered by helper unseen25 while reader16 changed the rules, truth committed before "
                "the reader ran; measured once, rules frozen at 210f155 (reader16): targets 0.90/0.58 (45 of 77, 50 "
                "found), tasks 0 of 8; seen since reader17: rules then written on its failure classes and heldout_ag's "
                "(tests/ledger/heldout_ah)",
            ),
            (
                truth / "heldout_ai",
                True,
                "THIRTY-FIFTH held-out set, twelve PLANS of provinces, cities, counties and districts (2025-2030 艾滋病 "
                "plans of 北京, 湖南, 河北, 江西 with a task and its units, 科左中旗 and 渝北区; 赣州 医疗卫生设施布局规划 "
                "2024-2035, 包头 健康城市 实施意见 2017, 重庆 慢性病中长期规划, the national 丙肝 工作方案; two without goals: "
                "云南 艾滋病 规划 opening, 源城区 十四五 contents) gathered by helper unseen26 while reader17 changed the "
                "rules, truth committed before the reader ran; measured once, rules frozen at c9efd1d (reader17): targets "
                "0.98/0.85 (46 of 54, 47 found), tasks 0 of 1; seen since reader18: rules then written on its failure "
                "classes and heldout_aj's and heldout_ak's, then reader20's general classes of the residual misses (tests/ledger/heldout_ai)",
            ),
            (
                truth / "heldout_aj",
                True,
                "THIRTY-SIXTH held-out set, ten YEARLY TASK DOCUMENTS (武汉 2023 政府工作报告 责任分解方案 and 武汉 2018 省报告 "
                "分解方案 with 牵头单位/责任单位, 苍南 2022 民生实事 progress table with 牵头单位, 巨鹿 2023 and 扬州 2026 民生实事, "
                "昭化 2021 绩效目标申报表, 北京 2025 卫生健康 重点工作, 宁德 2021 补短板 progress; "
                "two without goals: 宿州 2025 工作会议, 汉源 2024 results) gathered by helper unseen27 while reader17 changed the "
                "rules, truth committed before the reader ran; measured once, rules frozen at c9efd1d (reader17): targets "
                "1.00/0.13 (6 of 47, 6 found), tasks 0.67/0.09 (2 of 23, 3 found); seen since reader18: rules then written "
                "on its failure classes and heldout_ai's and heldout_ak's, then reader20's general classes of the residual misses (tests/ledger/heldout_aj)",
            ),
            (
                truth / "heldout_ak",
                True,
                "THIRTY-SEVENTH held-out set, five texts whose items name their RESPONSIBLE UNITS (彭山区 中医药强区 with "
                "责任单位 on ten items, a 区's 2008 创卫 责任分解表 with X负责/Y配合 cells, 福建 治理餐桌污染 方案 with 承办/协办 and "
                "负责/配合, a city's 2024 爱国卫生提质年 方案 with 牵头/配合/责任单位, 上海 2024 食品安全责任清单 item 1 with twelve "
                "goals; 22 tasks, 12 targets) gathered by helper unseen28 while reader17 changed the rules, truth committed "
                "before the reader ran; measured once, rules frozen at c9efd1d (reader17): targets 0 of 12 (0 found), "
                "tasks 1.00/0.50 (11 of 22, 11 found); seen since reader18: rules then written on its failure classes and "
                "heldout_ai's and heldout_aj's, then reader20's general classes of the residual misses (tests/ledger/heldout_ak)",
            ),
            (
                truth / "heldout_al",
                True,
                "THIRTY-EIGHTH held-out set, twelve PLANS (鹰潭 2025 献血方案, 健康七里河 2023, 健康泰州 2020, a 近视防控 "
                "方案, a 妇女发展规划 page without year; reports of 河北 健身健康融合 意见, 健康上海2030, the national 医共体 试点, "
                "全民健康信息化 规划, 糖尿病 防治行动, 妇女儿童发展纲要 2011-2020 and its 2030 实施方案; 0 tasks, 49 "
                "targets) gathered by helper unseen29 while reader18 changed the rules, truth committed before the reader ran; "
                "measured once, rules frozen at cc4f93c (reader18): targets 0.84/0.76 (37 of 49, 44 found), no task; "
                "seen since reader19: rules then written on its failure classes and heldout_am's (tests/ledger/heldout_al)",
            ),
            (
                truth / "heldout_am",
                True,
                "THIRTY-NINTH held-out set, eleven YEARLY TASK DOCUMENTS (咸宁 2023 and 许昌 2020 政府工作报告 责任分解 with "
                "牵头单位/责任单位, 玉环 2021 分工方案 with 牵头/配合单位, 杭州 重点工作 table and 嘉兴 2023 row with 责任单位, 奉化 2024 "
                "民生实事 with 责任单位, 聊城 2023 and 武汉 2021 民生实事, 泰顺 2023 progress table, the 2025 national report's health "
                "lines; one without goals: 蕲春 2024 results; 28 tasks, 90 targets) gathered by helper unseen30 while reader18 "
                "changed the rules, truth committed before the reader ran; measured once, rules frozen at cc4f93c (reader18): "
                "targets 1.00/0.44 (40 of 90, 40 found), tasks 12 of 28 with 14 found; seen since reader19: rules then "
                "written on its failure classes and heldout_al's, then reader20's general classes of the residual misses (tests/ledger/heldout_am)",
            ),
            (
                truth / "heldout_an",
                True,
                "FORTIETH held-out set, thirteen PLANS WITH TARGETS (内蒙古 2020 蒙医药中医药振兴行动, 天津 职业病防治十四五规划, "
                "健康杭州 2023-2025, a page of 健康中国2030 (爱国卫生), the 十三五 卫生与健康规划's 发展目标, 烟台 老年人健康教育, a "
                "十二五 goals thread, 健康西藏, 健康海南行动, 木垒 2025 免疫规划; two without goals: 宁夏 十四五 规划's 现状, 黑龙江 "
                "2018-2020 健康老龄化 opening; 上海 健康老龄化 2025; 53 targets, no task) gathered by helper unseen31 while reader20 changed the rules, "
                "truth committed before the reader ran; measured once, rules frozen at 6bcb5ca (reader20): targets 0.86/0.81 "
                "(43 of 53, 50 found), no task; seen since reader21: rules then written on its failure classes and heldout_ao's "
                "(tests/ledger/heldout_an)",
            ),
            (
                truth / "heldout_ao",
                True,
                "FORTY-FIRST held-out set, eight texts: TASKS WITH UNITS in the national 健康中国行动2021年工作要点 (牵头 / "
                "按职责分工负责 / 负责 brackets) and 健康赣州建设's organising points (牵头, 按职责分工负责 and 分别负责 in one bracket), "
                "goals of 四川 2020-2022 遏制艾滋病, 厦门 2018 精神卫生, 赣州 2023 卫生健康工作要点, 秀英 2019 健康促进, and news "
                "reports of 安吉 2009 健康宝宝计划 and 陕西 2018 健康细胞; 13 tasks, 38 targets) gathered by helper unseen32 while "
                "reader20 changed the rules, truth committed before the reader ran; measured once, rules frozen at 6bcb5ca "
                "(reader20): targets 1.00/0.63 (24 of 38, 24 found), tasks 11 of 13 with 13 found; seen since reader21: rules "
                "then written on its failure classes and heldout_an's (tests/ledger/heldout_ao)",
            ),
            (
                truth / "heldout_ap",
                True,
                "FORTY-SECOND held-out set, fourteen PLANS WITH TARGETS (the national 十四五 公共服务规划's 主要指标, 廉江 2024 "
                "十四五 卫生健康 主要发展指标 table, 深圳 十二五 and 重庆 十三五 社会事业 plans, 珠三角 十三五 寿命 goals, 农村卫生服务"
                "体系 2010, 湘西州 2025 六大行动, 北京 儿童口腔 2025/2030, 家庭医生签约 2017, 杭州 国家卫生镇 2020, 新农合 pilots "
                "2006-2007, 成都 十二五 寿命; two without goals: 健康云南2030 两步走, 苏南 indicators without a year; 69 "
                "targets, no task) gathered by helper unseen33 "
                "while reader21 changed the rules, truth committed before the reader ran; measured once, rules frozen at "
                "f581796 (reader21): targets 0.78/0.72 (50 of 69, 64 found), no task; seen since reader22: rules then written "
                "on its failure classes and heldout_aq's (tests/ledger/heldout_ap)",
            ),
            (
                truth / "heldout_aq",
                True,
                "FORTY-THIRD held-out set, seven texts: TASKS WITH UNITS in 三明 2024 乡村医疗卫生体系 分工方案 (a table whose "
                "document-wide rules read '列在首位的为牵头单位…下同' and '以下均需各县(市、区)党委和人民政府落实,不再列出'), a "
                "province's (浙江) 残疾预防 实施方案 (牵头 / 按职责分工负责 brackets), 杭州 2025 院前急救 意见 ('列第一位的为牵头单位,下同') "
                "and 昌吉 2025 决策事项目录 (承办单位 column), goals of 深圳 and 海南 残疾预防 2025 indicator tables, 思南 2014 新农合 "
                "补偿方案; 8 tasks, 31 targets) gathered by helper unseen34 while "
                "reader21 changed the rules, truth committed before the reader ran; measured once, rules frozen at f581796 "
                "(reader21): targets 0.67/0.32 (10 of 31, 15 found), tasks 1 of 8 with 2 found; seen since reader22: rules "
                "then written on its failure classes and heldout_ap's (tests/ledger/heldout_aq)",
            ),
            (
                truth / "heldout_ar",
                True,
                "FORTY-FOURTH held-out set, three texts: PLANS WITH TARGETS and their tasks (芜湖 2025-2030 健康素养提升"
                "行动计划's goal for 2030, 安徽 2025 爱国卫生运动和健康安徽行动 工作要点 with 牵头负责 / 参与 brackets; one without "
                "goals: 健康宁夏2030's preamble of 2015 results; 3 tasks, 2 targets) gathered by helper unseen35 while reader22 "
                "changed the rules, truth committed before the reader ran; measured once, rules frozen at c36f9b3 (reader22): "
                "targets 0.17/0.50 (1 of 2, 6 found), tasks 1 of 3 with 1 found; seen since reader23: rules then written "
                "on its failure classes and heldout_as's (tests/ledger/heldout_ar)",
            ),
            (
                truth / "heldout_as",
                True,
                "FORTY-FIFTH held-out set, six texts: TASKS WITH UNITS in 枞阳 2023 主要工作目标任务 progress table (a "
                "牵头责任单位 column, one unit a line) and 铜陵 2018 民生工程 医保 project (承办部门), goals of 铜陵 2018 "
                "新农合/居民医保, 铜陵 2021 民生工程 news and 株洲 2019 民生实事 notice; two without goals: 滨州 2024 医疗卫生服务体系 "
                "若干措施 and 柳州 2020 中医药 分工方案 notice; 5 tasks, 18 targets) gathered by helper unseen36 while reader22 changed the rules, "
                "truth committed before the reader ran; measured once, rules frozen at c36f9b3 (reader22): targets 0.50/0.11 "
                "(2 of 18, 4 found), tasks 0 of 5, none found; seen since reader23: rules then written on its failure "
                "classes and heldout_ar's (tests/ledger/heldout_as)",
            ),
            (
                truth / "heldout_at",
                True,
                "FORTY-SIXTH held-out set, two texts from a new source (real government text pasted into public GitHub "
                "files): TASKS WITH UNITS in 数字广东建设2025年工作要点's part on 数字社会 (教育, 医疗 and 医保, 养老, 社保 and "
                "就业 services among them; '责任单位：X牵头，Y按职责分工负责' and 'A、B按职责分工负责' lines) and the goals for 2027 "
                "of 浙江's 2022 party congress report (人均预期寿命, 高等教育毛入学率, 城镇化率…); 16 tasks, 15 targets) gathered "
                "by helper unseen37, truth committed before the reader ran; first measured by the lead with session 17's rules "
                "(main 0f3058e): targets 2 of 15 with 7 found, tasks 15 of 16 with 16 found; with reader24 + fix17 (main "
                "9ffd6d3): targets 8 of 15 with 9 found, tasks 15 of 16 with 16 found; seen since reader25: rules then "
                "written on its failure classes (tests/ledger/heldout_at)",
            ),
            (
                truth / "heldout_au",
                True,
                "FORTY-SEVENTH held-out set, seven NON-HEALTH texts from a new source (government text stored in public GitHub "
                "files): TASKS WITH UNITS in 石城 2018 河长制 责任单位 考核细则 table (rowspan unit cells), 莆田 双招双引 items "
                "('责任单位:A、B。'), 上海 2023 营商环境 passages ('责任单位:…等;各区政府') and 山西 2020 禁煤区 "
                "('X牵头,Y负责落实'), goals of 石家庄 污染防治 news, 农业部 草牧业 2020 and the 2021 碳达峰碳中和 意见; 41 tasks, 27 targets) gathered by helper "
                "unseen38, truth committed before the reader ran; first measured by the lead with session 17's rules (main "
                "0f3058e) and with reader24 + fix17 (main 9ffd6d3) alike: targets 19 of 27 with 20 found, tasks 3 of 41 "
                "with 4 found; seen since reader25: rules then written on its failure classes (tests/ledger/heldout_au)",
            ),
            (
                truth / "heldout_av",
                True,
                "FORTY-EIGHTH held-out set, seven HEALTH texts from public GitHub files (a new source): TASKS WITH UNITS in "
                "three 将健康融入所有政策 department-duty tables (海南 2025 省级部门职责清单, 阜新 2020 and 句容 2022 各部门政策"
                "重点领域: one row a unit and its duties) and goals of 抚州 乡镇敬老院 十条措施 and three national 医保 notices "
                "(即时结算 2025, 门诊费用跨省直接结算 2021, 智能监管改革试点 2025); 75 tasks, 11 targets) gathered by helper "
                "unseen39, truth committed before the reader ran (tests/ledger/heldout_av); "
                "first measured by the lead with main's rules frozen (a278525): av targets 7/11 (12 found), tasks 0/75; aw 55/70 "
                "(75), tasks 65/66 (65); ax 45/50 (52), tasks 39/119 (104); seen since reader28",
            ),
            (
                truth / "heldout_aw",
                True,
                "FORTY-NINTH held-out set, eight NON-HEALTH texts from government text stored in public GitHub files: TASKS "
                "WITH UNITS in 广州 2012 新型城市化 实施意见 (科技创新工程 whole, 民生幸福工程 items 1-21, 民主法治建设 items 1-15, "
                "党建创新工程 items 1-12; '（牵头单位：X，配合单位：Y…，各区、县级市政府）') and a 四川 2014 督查 notice ('…等省级主管部门"
                "牵头…，其他相关部门配合'), goals of the 广州 texts and of news reports (贵州 十二五 装备制造业, 广西 农村公路, 京津冀 "
                "2018-2019 秋冬季 大气): 66 tasks, 70 targets, gathered by helper unseen40, truth committed before the reader ran; "
                "(tests/ledger/heldout_aw); "
                "first measured by the lead with main's rules frozen (a278525): av targets 7/11 (12 found), tasks 0/75; aw 55/70 "
                "(75), tasks 65/66 (65); ax 45/50 (52), tasks 39/119 (104); seen since reader28",
            ),
            (
                truth / "heldout_ax",
                True,
                "FIFTIETH held-out set, nine texts from two collections of policy texts in public GitHub repositories (a "
                "health-policy knowledge base's Word files; a site's '全国OPC政策汇编' pages): TASKS WITH UNITS in 江西 2025 "
                "将健康融入所有政策 意见 ('以下责任单位均包括…，不再列出'), three 海南 2025 health action plans ('X牵头，Y按职责分工负责"
                "', 'X牵头，Y配合'; 儿童健康 goals for 2030) and 2026 人工智能 OPC plans of 宁波 ('列第一位的为牵头单位，下同'), "
                "杭州, 四川, 太仓 ('牵头单位：A，责任单位：B') and 泰安 with their goals; 119 tasks, 50 targets) gathered by "
                "helper unseen41, truth committed before the reader ran (tests/ledger/heldout_ax); "
                "first measured by the lead with main's rules frozen (a278525): av targets 7/11 (12 found), tasks 0/75; aw 55/70 "
                "(75), tasks 65/66 (65); ax 45/50 (52), tasks 39/119 (104); seen since reader28",
            ),
            (
                truth / "heldout_ay",
                True,
                "FIFTY-FIRST held-out set, seven 2026 人工智能 OPC plans of other places from the '全国OPC政策汇编' pages of a "
                "site in a public GitHub repository (pages not taken by heldout_ax): TASKS WITH UNITS in 南充 ('第一个逗号前为"
                "牵头单位，多个牵头部门的按照职责分工负责，下同'), 广东 ('A牵头负责，B配合', 'A，B按职责分工负责', units without "
                "their level), 武汉 (several '（责任单位：…）' groups in one item, '〈含…，下同〉'), 湖北, 郑州 and 深圳罗湖 "
                "('责任单位：A、B，C'); goals of 南充 2027, 广东 2026/2028 (百个, 千家, 万名), 武汉 and 胶州 (2026, 2028), and a 2020 news "
                "roundup's 养老/老龄 goals; 100 tasks, 29 targets) "
                "gathered by helper unseen42, truth committed before the reader ran (tests/ledger/heldout_ay); first "
                "measured unseen by the lead with main's rules (a278525): targets 17/29 (65 found), tasks 54/100 (96); with "
                "reader27 and reader28 (0bcfa49): targets 17/29 (58), tasks 54/100 (96); seen since reader29",
            ),
            (
                truth / "heldout_az",
                True,
                "FIFTY-SECOND held-out set, seven NON-HEALTH texts from public GitHub files: TASKS WITH UNITS in three 2026 "
                "人工智能 OPC plans of a site's '全国OPC政策汇编' pages (成都 行动计划 '（牵头单位：A、B）', 宿迁 十条 with a "
                "document-wide rule '以下均涉及各县区、功能区，不再重复列出', 重庆 '未来星' 工作方案 '（责任单位：…，有关区县）'), goals "
                "of those plans and of four 2011 news reports of “十二五” plans (甘肃 高速公路, 青岛 交通规划, 滨州 公路, 江苏 沿海风电); "
                "33 tasks, 38 targets) gathered by helper unseen43, truth committed before the reader ran "
                "(tests/ledger/heldout_az); first measured unseen by the lead with main's rules (a278525): targets 18/38 (48 "
                "found), tasks 14/33 (33); with reader27 and reader28 (0bcfa49): targets 22/38 (39), tasks 14/33 (33); "
                "seen since reader29",
            ),
            (
                truth / "heldout_ba",
                True,
                "FIFTY-THIRD held-out set, eight texts from public GitHub files: TASKS WITH UNITS in 苍南县's 2026 人工智能 OPC 若干举措 "
                "(a site's '全国OPC政策汇编' page: '（责任单位：*A、B…）', the '*' unexplained), goals of 2026 OPC plans of 东莞 "
                "('十五五' 期间) and 珠海香洲区 (2028) from the same site, and of five 2011 news reports of plans: HEALTH (国家 '十二五' "
                "科技规划's 生物医药卫生 goals, 上海 医改 2012, 全国药品流通 规划纲要 2015), 河北 '十二五' 交通, 珠海 柴油发动机产业 "
                "2012/2015/2020; 8 tasks, 49 targets) gathered by helper unseen44, truth committed before the reader ran "
                "(tests/ledger/heldout_ba); first measured unseen by the lead with reader28's rules (main 67c5e2c): targets 30/49 "
                "(72 found), tasks 8/8 (8); with reader29's (d0f534b): targets 30/49 (60), tasks 8/8 (8); seen since reader30",
            ),
            (
                truth / "heldout_bb",
                True,
                "FIFTY-FOURTH held-out set, seven 2026 provincial 政府工作报告 from one public GitHub dataset (a CSV a province, "
                "whole lines of its full_text): the year's 主要预期目标 ('增长5%左右', '4.5%—5%', '5%以内', '超过840亿斤') of "
                "内蒙古, 广东, 贵州, 浙江, 黑龙江, 湖南 and 山西, with HEALTH paragraphs and 民生实事 lists: TASKS WITH UNITS in "
                "内蒙古's 附件 (ten items closing '（牵头单位：A、B）'), goals in 广东's 十件民生实事 items 二/四/七 (养老, 生育, 基层医疗), "
                "浙江's items 1-3, 贵州's '（1）…（10）' and 山西's '一是…十五是' one-paragraph lists, 黑龙江's 健康龙江 and 湖南's "
                "医疗健康 paragraphs; 10 tasks, 119 targets) gathered by helper gather45, truth committed before the reader ran "
                "(tests/ledger/heldout_bb); first measured unseen with main's rules (13a433b): targets 92/119 (98 found), "
                "tasks 10/10 (10); seen since reader32",
            ),
            (
                truth / "heldout_bc",
                True,
                "FIFTY-FIFTH held-out set, eleven public government pages not taken before (the search tool's pages corpus): "
                "TASKS WITH UNITS in county and district lists of the year's projects, a unit per item ('牵头单位' column of 文成's "
                "2024 '七优享' progress table, '| task | 责任单位 | progress |' rows of 平阳's, '(一)<task>牵头责任部门:<unit>' of "
                "琼中 2022, 'N、<project>,牵头单位:<unit>。' of 六安 2021, '责任单位:' lines under 大连高新区 2025 projects, 淄川 2021's "
                "row with two units, 国发〔2020〕6号 item 1 '(国务院各部门分别负责,…)'), goals of 上海 民政局 2025 民心工程, 萧山 2017 "
                "and 嘉定 2025 实事, and a 健康报 2019 report naming units in prose; 27 tasks, 49 targets; 平阳's 10 left out by the lead, no year in the text) gathered by helper "
                "gather46, truth committed before the reader ran (tests/ledger/heldout_bc); first measured unseen with main's "
                "rules (13a433b9): targets 16/49 (16 found), tasks 0/27 (0 found); seen since reader33",
            ),
            (
                truth / "heldout_bd",
                False,
                "FIFTY-SIXTH held-out set, ten more 2026 provincial 政府工作报告 from the same public GitHub dataset as heldout_bb "
                "(whole lines of each report's full_text): the year's 主要预期目标 of 重庆, 甘肃, 北京, 上海, 吉林, 辽宁, 西藏, 宁夏, "
                "安徽 and 天津 ('增长5%以上', '5%—5.5%', '控制在5%以内', '29微克/立方米左右', '分别增长5%左右、5%以上、5%左右'), "
                "HEALTH and 养老 paragraphs (北京 医疗集团/托位, 上海 认知障碍照护床位, 辽宁 养老机构, 安徽 嵌入式养老; four without a "
                "figure) and 民生实事 lists (重庆's 15件 '；'-separated, 甘肃's '一是…十是', 吉林's, 西藏's); no unit named, no task; "
                "136 targets) gathered by helper gather47, truth committed before the reader ran (tests/ledger/heldout_bd); first "
                "measured unseen with main's rules (efd6411): targets 107/136 (110 found)",
            ),
            (
                truth / "heldout_be",
                True,
                "FIFTY-SEVENTH held-out set, ten more 2026 provincial 政府工作报告 from the same public GitHub dataset as "
                "heldout_bb and heldout_bd (whole lines of each report's full_text): the year's 主要预期目标 of 山东, 河北, 江西, "
                "青海, 河南, 福建, 新疆, 湖北, 云南 and 四川 ('增长5%-5.5%', '5.5%—6%', '控制在5.5%以内', '730亿斤以上', "
                "'分别增长4.5%、5.5%左右'), HEALTH and 养老 paragraphs (山东 临床重点专科/认知障碍照护床位/医养结合机构, 河北 乡村医生, "
                "青海 乡镇卫生院 90%, 河南 特困供养机构 60%, 云南 临床重点专科; five without a figure); no unit named, no task; "
                "87 targets) gathered by helper gather48, truth committed before the reader ran (tests/ledger/heldout_be); first "
                "measured unseen with main's rules (c320181): targets 72/87 (74 found); seen since reader34",
            ),
            (
                truth / "heldout_bf",
                True,
                "FIFTY-EIGHTH held-out set, eight public government pages from the search tool's pages corpus: TASKS WITH "
                "UNITS in fields other than health (莲都 2023 政府工作报告 责任分解, one cell a line, 责任单位 before 牵头单位; "
                "立山 2023 '牵头单位:'/'责任单位:' lines; 钢城 2021 放管服 and 威海 2023 数字政府 '(牵头单位:…;责任单位:…)'; 西安 "
                "2024 营商环境 lines; 平顶山 2018 河长制 table one row a line, 牵头/参与/责任 columns; a bureau naming its own "
                "股室/科室: 天祝 卫计局 2017 '(责任股室:…)', 芜湖 教育局 2024 '(责任科室:…)'; 30 tasks, 17 targets) gathered by "
                "helper gather49, truth committed before the reader ran (tests/ledger/heldout_bf); first measured unseen with "
                "main's rules (ba34b65): targets 17/17 (17 found), tasks 11/30 (15 found); seen since reader35",
            ),
            (
                truth / "heldout_bg",
                False,
                "FIFTY-NINTH held-out set, six public government pages from the search tool's pages corpus: TASKS WITH "
                "UNITS in fields other than health (厦门 2019 营商环境 '责任单位:' lines, '第一责任单位为牵头单位,下同'; 淮安 2022 "
                "纾困 '(责任单位:…。以下政策措施均需…不再单独列出)'; 泰州 2019 营商环境 '(责任单位:A、住建局、司法局,…)'; 江门 "
                "2018 降成本 '[责任单位:…,排在首位为牵头单位,下同]'; 济宁 就业创业 '(A、B牵头,C…参加)'; 重庆 2022 促消费 "
                "'(责任单位:市级有关部门,各区县政府按职责分工负责)'; 8 tasks, no target) gathered by helper gather50, truth "
                "committed before the reader ran (tests/ledger/heldout_bg); first measured unseen with main's rules (46d75aa): "
                "tasks 4/8 (7 found)",
            ),
            (
                truth / "heldout_bh",
                False,
                "SIXTIETH held-out set, the last four 2026 provincial 政府工作报告 from the same public GitHub dataset as "
                "heldout_bb, heldout_bd and heldout_be (whole lines of each report's full_text): the year's 主要预期目标 of 江苏, "
                "陕西, 海南 and 广西 ('地区生产总值按增长5%安排', full-width '5％左右', '涨幅2%以内'), 海南's 消费 (医疗旅游), 就业 and "
                "医疗卫生 (人均预期寿命) paragraphs, 广西's 民生 paragraph (ten sums '筹措N亿元实施…工程', one count), HEALTH and 养老 "
                "paragraphs without a figure (江苏, 陕西, 海南); no unit named, no task; 28 targets) gathered by helper gather51, "
                "truth committed before the reader ran (tests/ledger/heldout_bh); first measured unseen with main's rules "
                "(1acb928): targets 28/28 (29 found)",
            ),
            (
                truth / "heldout_bi",
                True,
                "SIXTY-FIRST held-out set, three plans kept inside an Excel file in a public GitHub repository (a policy "
                "topic-modelling corpus, its 'Policy Content' cells): TASKS WITH UNITS of the State Council's 2020 plan on "
                "older people and smart technology (养老, 就医; '（X牵头，相关部门及各地区按职责分工负责）', 'A、B等相关部门按职责分工负责'), "
                "济南 2021 科创 policy measures ('（牵头单位：A；责任单位：B）', '（责任单位：A、B）' alone) and a 山东 2024 人工智能 "
                "科技创新 行动计划 (two brackets in four measures); 81 tasks, 25 targets) gathered by helper gather52, truth "
                "committed before the reader ran (tests/ledger/heldout_bi); first measured unseen with main's rules (1dd2498): "
                "tasks 79/81 (79 found), targets 22/25 (26 found); seen since reader37 (rules on its classes: a company before 及 a "
                "unit, EFlops/PB/Gbps, counts of people brought in, a reward's thresholds and a rate per unit no goals): tasks "
                "81/81 (81 found), targets 25/25 (25 found)",
            ),
            (
                truth / "heldout_bj",
                True,
                "SIXTY-SECOND held-out set, three more cells of the Excel file heldout_bi drew on (ShanDong rows 49, 26, 8): "
                "TASKS WITH UNITS, every bracket '（责任单位：…）' without 牵头 (all lead; '（责任单位：A、B，C）' with a comma "
                "between groups, '…及相关行业主管部门', '各区、市政府'): 青岛 2024—2026 人工智能产业 行动计划, 济南 2021 数字先锋城市 "
                "推进方案 (goals 到2023年 and 到2025年), 济南 2019 先进制造业和数字经济 policy measures (awards only, no goal); "
                "75 tasks, 37 targets) gathered by helper gather53, truth committed before the reader ran "
                "(tests/ledger/heldout_bj); first measured unseen with main's rules (952fcb7): tasks 73/75 (75 found), "
                "targets 32/37 (33 found); seen since reader40 (a horizon inside a sentence dating its paragraph, a count "
                "after '培育推广', '有关区、市政府' one unit, a group's members after 及): tasks 75/75 (75 found), targets "
                "35/37 (36 found)",
            ),
            (
                truth / "heldout_bk",
                True,
                "SIXTY-THIRD held-out set, three more plans from the Excel file of heldout_bi (ShanDong rows 7, 23, 48): TASKS "
                "WITH UNITS of 数字山东2019行动方案 (up to eleven brackets a measure, '（X牵头，各有关部门、各市政府配合）' before the "
                "sentence's '。', '（A、B分工负责，C配合）', '（X牵头，各有关部门分头落实）'), 数字山东2021行动方案 ('（X牵头）' after "
                "each sentence group) and 济南 2024 新一代人工智能 行动计划 ('（责任单位：A、B）' alone); 122 tasks, 42 targets) "
                "gathered by helper gather54, truth committed before the reader ran (tests/ledger/heldout_bk); first measured "
                "unseen with main's rules (952fcb7): tasks 116/122 (118 found), targets 7/42 (34 found); seen since reader38 (a "
                "cited plan's period not the document's, the title line's or 印发 line's year, bracket words 分头落实/具体实施/"
                "按职责分工负责 with 档案馆): tasks 122/122 (122 found), targets 34/42 (34 found)",
            ),
            (
                truth / "heldout_bl",
                True,
                "SIXTY-FOURTH held-out set, six plans kept inside files in two public GitHub repositories (the Excel file of "
                "heldout_bi, four more 'Policy Content' cells; two 北大法宝 exports of mengke25/policy_text_frenq): TASKS WITH "
                "UNITS and goals of 山东's 2023 新一代信息技术 十大工程 opinions ('（牵头单位：A；责任单位：B）') and its 2024-2025 "
                "action plan ('（牵头单位：A；配合单位：B）'), a national 2020 大数据中心 opinion ('（X牵头，各地区、各部门负责）'), 山东's "
                "2023-2025 制造业创新能力 plan ('（牵头单位：A、B）' alone), 安徽's 2021 工业互联网 policy and plan ('（责任单位：A，"
                "各市人民政府）', measures '1﹒') and 安徽's 2022 RCEP opinion (several brackets a measure, 'Y按职责分工配合'); 186 "
                "tasks, 59 targets) gathered by helper gather55, truth committed before the reader ran (tests/ledger/heldout_bl); "
                "first measured unseen with main's rules (952fcb7): tasks 141/186 (156 found), targets 53/59 (65 found); seen "
                "since reader38 ('1﹒' measures, unnumbered measures under '一、' headings, 按职责分工配合/按职能分工负责/按职责分别"
                "负责, an earlier 每年, a 针对 scope, a fund's size, 1.3以下, 突破5亿, 面向3万名): tasks 186/186 (186 found), "
                "targets 56/59 (57 found)",
            ),
            (
                truth / "heldout_bn",
                True,
                "SIXTY-SIXTH held-out set, three more cells of the Excel file of heldout_bi (ShanDong row 19, Central rows 140 "
                "and 148): TASKS WITH UNITS of 山东's 十四五 教育 plan (one bracket '（X、Y负责）' a measure, '列第一位者为牵头部门，"
                "下同': the first unit leads) and the numeric goals of two national AI plans that name no unit (工信部's 2018-2020 "
                "三年行动计划: technical goals in Latin units dB, Pa, TFLOPS, 低于/以内/大于; 国务院's 新一代人工智能发展规划: three "
                "steps 2020/2025/2030); 56 tasks, 58 targets) gathered by helper gather57, truth committed before the reader ran "
                "(tests/ledger/heldout_bn); first measured unseen with main's rules (4a012fa): tasks 56/56 (56 found), targets "
                "42/58 (52 found); seen since reader39 (Latin and engineering units after a goal's verb, a plan's steps "
                "dating the paragraphs under them, 'YYYY年年底前', a group qualified by its size): tasks 56/56 (56 found), "
                "targets 57/58 (59 found)",
            ),
            (
                truth / "heldout_bm",
                False,
                "SIXTY-FIFTH held-out set, four more 'Policy Content' cells of the Excel file of heldout_bi (ShanDong rows 51, "
                "39, 15, 54): TASKS WITH UNITS and goals of 山东's 2024-2027 标志性产业链 科技创新 plan ('（X牵头，Y、Z配合）'), "
                "山东's 2022-2025 智能制造 提级增效 plan and 济南's 2020 人工智能 试验区 policies ('（责任单位：A、B）' alone) and "
                "青岛's 2024 海洋人工智能大模型 plan (measures '1突破…' with no dot, '（责任单位：A、B，C、D）'); 53 tasks, 24 targets) "
                "gathered by helper gather56, truth committed before the reader ran (tests/ledger/heldout_bm); first measured "
                "unseen with main's rules (4a012fa): tasks 48/53 (53 found), targets 22/24 (25 found)",
            ),
            (
                truth / "heldout_bo",
                True,
                "SIXTY-SEVENTH held-out set, five more 'Policy Content' cells of the Excel file of heldout_bi (ShanDong rows "
                "43, 44, 45; Central rows 167, 44): TASKS WITH UNITS of 青岛's 2023 人工智能产业园 若干政策 and its 实施细则 "
                "('（责任单位：A，B、C）', no 牵头: all lead), 青岛's 2023 工业互联网平台 若干措施, 山东 发展改革委's 2025-2027 "
                "场景创新 '十强产业' plan ('(A、B负责)') and 交通运输部's 2022 交通强国 pilot reply to 北京工业大学 ('试点指导单位。"
                "X司牵头，Y司配合。' lines); 72 tasks, 1 target) gathered by helper gather58, truth committed before the reader "
                "ran (tests/ledger/heldout_bo); first measured unseen with main's rules (4a012fa): tasks 67/72 (68 found), "
                "targets 1/1 (30 found); seen since reader39 (a subsidy's conditions and amounts, a list under '申报条件'): "
                "tasks 67/72 (68 found), targets 1/1 (1 found)",
            ),
            (
                truth / "heldout_bp",
                False,
                "SIXTY-EIGHTH held-out set, three more cells of the Excel file of heldout_bi (Central rows 66, 62, 18): mostly "
                "NUMERIC TARGETS of national plans (智慧健康养老产业发展行动计划 2021-2025, HEALTH; '十四五' 智能制造发展规划; "
                "工业和信息化部's 2023 数字技术适老化 work plan; 21 targets, 1 task) gathered by helper gather59, truth committed "
                "before any reader ran and first read by the lead after the session's reader rounds (acfba7b): targets 17/21 "
                "(17 found), tasks 0/1 (0 found)",
            ),
            (
                truth / "heldout_bq",
                False,
                "SIXTY-NINTH held-out set, five more cells of the Excel file of heldout_bi (ShanDong rows 10, 40, 46, 53, 32): "
                "TASKS WITH UNITS of 山东's 2020-2022 工业大数据 plan ('（X、Y分工负责）'), and goals of four 山东/济南 measures "
                "naming no unit (20 tasks, 20 targets) gathered by helper gather60, truth committed before any reader ran and "
                "first read by the lead (acfba7b): tasks 20/20 (20 found), targets 17/33 (18 found); then the lead left out "
                "13 targets whose year came from the file, not the text (the set's README): 17/20",
            ),
            (
                truth / "heldout_br",
                True,
                "SEVENTIETH held-out set, three more cells of the Excel file of heldout_bi (Central rows 9, 36, 120): NUMERIC "
                "TARGETS of three national 工业和信息化部 plans naming no unit (轻工业 数字化转型 draft 2024, 智能网联汽车 "
                "standards guide 2023 whose copy repeats itself, 车联网 action plan 2018; 14 targets) gathered by helper "
                "gather61, truth committed before any reader ran and first read by the lead (acfba7b): targets 13/14 "
                "(17 found), no task expected or found; seen since reader40 (a stage's horizon '第二阶段到2030年，' dating "
                "the sentences after it, 'L3级' a level's name): targets 14/14 (16 found: the repeated copy read twice)",
            ),
            (
                truth / "heldout_bs",
                False,
                "SEVENTY-FIRST held-out set, four more cells of the Excel file of heldout_bi (Central rows 109, 35, 11, 87): "
                "NUMERIC TARGETS of national plans naming no unit (药品智慧监管 2019, HEALTH; 智能检测装备 2023-2025; 电力装备 "
                "数字化转型 2024; 人工智能 standards guide 2020; 13 targets) gathered by helper gather62, truth committed before "
                "any reader ran and first read by the lead with all of session 21's rules (3507467): targets 13/13 (14 found)",
            ),
            (
                truth / "heldout_bt",
                True,
                "SEVENTY-SECOND held-out set, five more cells of the Excel file of heldout_bi (ShanDong rows 6, 11, 16, 22, 31): "
                "NUMERIC TARGETS of 山东 and 青岛 plans naming no unit (产业集群+人工智能 2019, 传统产业 智能化技改 2020-2022, 青岛 "
                "人工智能 先导区 2020, 智能传感器 2021-2023, 大模型 2024; 13 targets) gathered by helper gather63, truth committed "
                "before any reader ran and first read by the lead (3507467): targets 10/13 (11 found); seen since reader40 "
                "(a horizon inside a sentence dating its paragraph, '不低于25%，将…的' no condition): targets 13/13 (14 found)",
            ),
            (
                truth / "heldout_bu",
                False,
                "SEVENTY-THIRD held-out set, two more cells of the Excel file of heldout_bi (Central rows 60, 33): a 2022 智能制造 "
                "标准应用试点 notice with its 实施方案 (1 task, 2 targets: pilot projects to select) and 自然资源部's 智能汽车基础地图 "
                "standards guide (2 targets), gathered by helper gather64, truth committed before any reader ran and first read "
                "by the lead (3507467): targets 2/4 (8 found), task 0/1",
            ),
            (
                truth / "heldout_bv",
                True,
                "SEVENTY-FOURTH held-out set, six stored web-page copies with NUMERIC TARGETS (龙湾区 and 宝应县 十四五 卫生健康 goals, 江苏 体育 十四五, 成都 全民健身, the national 十四五 纲要's 民生 goals, 学前/县中 plans; 47 targets, no task) gathered by helper gather65 from the pages corpus, truth committed before any reader ran and first read by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 5/47 (9 found); seen since reader42 (a five-year plan named by its number dating a text with no other year to come, a table a row a line with ' | ' cells): targets 47/47 (54 found: the 5/15/30分钟 circles and '15分钟内' read as the seeds' truth and heldout_ad count them, the DOUBTFUL 60%—70% range's lower bound)",
            ),
            (
                truth / "heldout_bw",
                True,
                "SEVENTY-FIFTH held-out set, eight stored web-page copies (咸安区 2023 责任分解 with 12 tasks with units, 甘肃 爱国卫生, 福建 人居环境, 内蒙古 残疾人 十四五 table, a county's 十四五 教育 indicator table, 上海 2019, 苍溪 2021, national 2023 goals; 61 targets) gathered by helper gather66, truth committed before any reader ran and first read by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 27/61 (27 found), tasks 12/12; seen since reader42 (indicator tables one cell a line under group labels with 其中 parts, a PDF's three wide columns, a quarter's goals dated by the day written, 稳定在): targets 59/61 (59 found), tasks 12/12",
            ),
            (
                truth / "heldout_bx",
                True,
                "SEVENTY-SIXTH held-out set, five more cells of the Excel file of heldout_bi (ShanDong 4, 25; Central 84, 159, 162: 山东 智能制造 试点示范 2016-2018, 济南 数字化 规划 解读, AI 试验区 指引, 公交智能化 示范 指南, AI 标准体系 指南 2024; 25 targets, no task) gathered by helper gather67, truth committed before any reader ran and first read by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 12/25 (15 found); seen since reader43 (a period named "
                "in the body, goals set under a 十二五 plan, a yearly pace's 其中, a conditions section's items, '把…进行了'): targets "
                "25/25 (25 found)",
            ),
            (
                truth / "heldout_by",
                True,
                "SEVENTY-SEVENTH held-out set, four more cells of that Excel file (ShanDong 3, 21 cut at Excel's cap: 山东 十三五/十四五 科技创新 规划; Central 123, 155: 国家智能制造标准体系建设指南 2018 and 2015; 34 targets, no task) gathered by helper gather68, truth committed before any reader ran and first read by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 34/34 (50 found); seen since reader44 (a heading run into its paragraph, '1.发展基础。…' or '（一）基础与优势。…', looks back; each cluster's size is no goal): targets 34/34 (34 found)",
            ),
            (
                truth / "heldout_bz",
                True,
                "SEVENTY-EIGHTH held-out set, five government work reports of 海拉尔区 (2012, 2013, 2014, 2017, 2019: goals sections and 民生/社会事业 paragraphs; derek-s/Python-GovWorkReportAnalyze @8dc65fe; 77 targets, no task) gathered by helper gather69, truth committed before any reader ran and first read by the lead (8845c4b, session 22, after reader40, reader41, conv22): targets 62/77 (65 found); seen since reader43 (a goals line "
                "without 主要 with 同比, incomes per head in 元, money spent or owed, counts after an object or of the names listed): "
                "targets 77/77 (77 found)",
            ),
            (
                truth / "heldout_ca",
                True,
                "SEVENTY-NINTH held-out set, ten stored web-page copies of 政府工作报告 责任分解 lists with TASKS WITH UNITS (嘉鱼 2021, 海曙 2023/2024, 宁波 2019/2025, 平湖 2024, 湖州 2020/2023/2024, 长兴 2023; 39 tasks, 27 targets) gathered by helper gather70, truth committed before any reader ran and first read by the lead (8845c4b, session 22, after reader40, reader41, conv22): tasks 31/39 (39 found), targets 27/27 (28 found); seen since reader44 ('(列第一位者为牵头或汇总单位,下同)' a first-listed rule, 'A和B分别牵头、C', a district branch '某某生态环境分局' named as written): tasks 39/39 (39 found), targets 27/27 (28 found: 湖州 2020's '减轻企业各类负担200亿元', the truth's DOUBTFUL call)",
            ),
            (
                truth / "heldout_cb",
                True,
                "EIGHTIETH held-out set, five government work reports (海拉尔区 2015, 2016, 2018 as heldout_bz's; the State Council's 2016 and 2021 from liuzeyi11/GovernmentWorkReportCorpus @6b81a7e, a sentence a line) with 91 targets, gathered by helper gather71, truth committed before any reader ran (reviewed by review23) and first read by the lead (34995823, session 22, after reader42/43/44 written on heldout_bv … heldout_ca): targets 52/91 (86 found); seen since reader45 "
                "(a five-year goals part dated by the period's end, its earlier period's results past, '6.5%－7%' a range, a count to "
                "complete after its work's object, money a clause opens with and the stock surveyed no goal): targets 86/91 (94 found)",
            ),
            (
                truth / "heldout_cc",
                True,
                "EIGHTY-FIRST held-out set, five texts of ShirleyLoveGIS/PolicyTextMining @aecfd0d policytxt.txt as its authors extracted them from PDF/Word (hard wraps, page numbers, CR LF: 上海 十四五 纲要 chapters 二, 十三, 十四 with its 主要指标 table; 浙江 城市内涝治理 十四五 tables; 北京 国土空间生态修复规划) with 92 targets, gathered by helper gather72, truth committed before any reader ran (reviewed by review23) and first read by the lead (34995823, session 22, after reader42/43/44 written on heldout_bv … heldout_ca): targets 51/92 (59 found); seen since reader46 (a PDF table a row a line with its nature before the target columns, its wrapped unit cells joined; a plan-total column 计划任务 and its 其中：YYYY年任务 part; 指标属性 no group label; a group label wrapped before a row's name; 万立方米/小时; a 累计实施N项 count; a cell of labelled values one a line): "
                "targets 87/92 (87 found)",
            ),
            (
                truth / "heldout_cd",
                True,
                "EIGHTY-SECOND held-out set, eight stored web-page copies (就业 plans of 湖南, 山西, the nation 十三五, 2019 goals; 无锡 癌症防控, 江西 艾滋病, 浙江 托育, 深圳 中医药) with 45 targets, gathered by helper gather73, truth committed before any reader ran (reviewed by review23) and first read by the lead (34995823, session 22, after reader42/43/44 written on heldout_bv … heldout_ca): targets 32/45 (36 found); "
                "seen since reader47 ('力争在“十四五”期末' dating goals, a length in 年 after 年限, a count then its share '、占…的比重', "
                "a '“十三五”以来,' paragraph and the review angle after it reporting): targets 38/45 (39 found: the 2019 item's six "
                "'今年' goals have no year in the text; 十三五's DOUBTFUL '带动1000万人脱贫' unread; 浙江's '15分钟托育服务圈' read as "
                "heldout_ad and heldout_bv count such circles)",
            ),
            (
                truth / "heldout_ce",
                True,
                "EIGHTY-THIRD held-out set, eight stored web-page copies of plans of fields no set held (镇江 现代农业 十二五 with a 28-row indicator table; 江西 渔业渔政, national 种植业, 畜牧兽医, 土壤地下水, 林草 十四五; 水十条; 十三五 城镇污水) with 74 targets, gathered by helper gather74, truth committed before any reader ran and first read by the lead (8b512c9d, session 22, after reader45/46/47 written on heldout_cb, _cc, _cd): targets 45/74 (46 found); "
                "seen since reader48 (a table with neither 序号 nor nature column, '类别 | 指标 | 2010年实绩 | 2015年目标' one cell a line; "
                "'(万亩)(5年新增量)' a unit then a note; 亿尾; 'N个方面' no goal): targets 74/74 (74 found)",
            ),
            (
                truth / "heldout_cf",
                True,
                "EIGHTY-FOURTH held-out set, four State Council work reports (2011, 2013, 2018, 2022) of liuzeyi11/GovernmentWorkReportCorpus @6b81a7e taken as heldout_cb took 2016 and 2021 (the SAME source and layout as heldout_cb, whose rules were written before this reading) with 52 targets, gathered by helper gather75, truth committed before any reader ran and first read by the lead (8b512c9d, session 22, after reader45/46/47 written on heldout_cb, _cc, _cd): targets 48/52 (59 found); "
                "seen since reader48 (the past year's results a clause a line after '过去一年，…取得了很大成绩。', '8%至10%' a range, "
                "homes this year in 万套/万户, a growth rate as a condition and money put in '用于…' no goals): targets 51/52 (56 found: "
                "the subsidy raises 2013 ×3 and 2022 ×2 read as heldout_am counts them, the truth's DOUBTFUL call; '20种重大疾病' unread)",
            ),
            (
                truth / "heldout_cg",
                True,
                "EIGHTY-FIFTH held-out set, three national-scale texts of two repositories no set had used (minoriwww/NLPtools: the 十一五 规划纲要 as a PDF's text, 云南's 十五 计划纲要 as OCR with spaced digits; aldohemsn/chinese-political-corpora: the 2015 State Council work report) with 117 targets, gathered by helper gather76, truth committed before any reader ran (reviewed by review24b), "
                "first read by the lead with session 22's last reader (1bcbf6f, no rule written since their truth): targets 66/117 (77 found); "
                "seen since reader52 (an OCR copy spacing every digit, '2 9 0 0 亿元'; a level raised to with 增加到/扩大到; two quantities "
                "sharing one value '各 4500 万人'; '到2 0 0年' a garbled year; a chapter heading run into its sentence; '系数达到0.5' no unit; a range in 万 drops its clause only; '鼓励…，2005年…达到' a year's clause; 万门; truth fix '/10 万' -> '/10万'; with reader49/51 merged): targets 107/117 (119 found)",
            ),
            (
                truth / "heldout_ch",
                True,
                "EIGHTY-SIXTH held-out set, four State Council work reports (2012, 2014, 2017, 2020) of liuzeyi11/GovernmentWorkReportCorpus taken as heldout_cb and _cf took theirs (the SAME source and layout as those SEEN sets) with 61 targets, gathered by helper gather77, truth committed before any reader ran (reviewed by review24a), "
                "first read by the lead with session 22's last reader (1bcbf6f, no rule written since their truth): targets 47/61 (58 found); "
                "seen since reader53 (a report's part heading naming its year, '今明两年'/'三年内' dated by the span's end, '都要减少2％' "
                "after a list, a work's count this year without a goal word, a pilot widened, '等N类', budget/credit and tax clauses and "
                "graduate forecasts no goals): targets 61/61 (65 found: the subsidy raises 240元 read as heldout_am counts them, "
                "'分别下降3%'/'2%' read as two each (the truth's DOUBTFUL one), '收费35项' (DOUBTFUL, left out))",
            ),
            (
                truth / "heldout_ci",
                True,
                "EIGHTY-SEVENTH held-out set, nine stored web-page copies of plans of fields no set held (安全生产 of 宁波, 中卫, 山东; 青海 生态旅游; 杭州 学前教育; 洞头 科技创新; 深圳 高新区; 安徽 交通运输; 上海 残疾人) with 71 targets, gathered by helper gather78, truth committed before any reader ran (reviewed by review24a), "
                "first read by the lead with session 22's last reader (1bcbf6f, no rule written since their truth): targets 52/71 (64 found); "
                "seen since reader54 ('与2015年相比,2020年' the compared year, '10万人…死亡率' a rate's base, a rate per a base with no unit "
                "and a ceiling, '2008年,将…' a stage to come, '目前有' a stock, a size condition '人口100万以上城市', 人年, '占GDP的12%' closing a "
                "list of goals): targets 68/71 (68 found: 杭州's two undated 受训率, the truth's DOUBTFUL 2010, and 上海's '40万残疾人' unread)",
            ),
            (
                truth / "heldout_cj",
                True,
                "EIGHTY-EIGHTH held-out set, seven more texts of ShirleyLoveGIS/PolicyTextMining policytxt.txt (OTHER chapters of the 上海 十四五 纲要 and 浙江 内涝 plan whose first chapters heldout_cc holds, and 北京 生态安全格局) with 40 targets, gathered by helper gather79, truth committed before any reader ran (reviewed by review24b), "
                "first read by the lead with session 22's last reader (1bcbf6f, no rule written since their truth): targets 36/40 (54 found: 17 past results of the 十三五 review chapter read as goals); "
                "seen since reader54 (a 纲要's decimal heading '1.1 …目标如期实现' over the period's results, 万标准箱, 亿方, "
                "'“十四五”期间，…累计' for the period's end, '约2000公里…更新改造' works, '年销售收入1亿元以上…企业' a condition): "
                "targets 40/40 (40 found)",
            ),
            (
                truth / "heldout_ck",
                True,
                "EIGHTY-NINTH held-out set, four more national five-year texts of minoriwww/NLPtools (十五 纲要 as a PDF's text; 十二五 纲要 篇二–九 with full-width digits; 七五 chapters with '2，900' thousands; 八五 part 八 as noisy OCR) with 111 targets, gathered by helper gather80, truth committed before any reader ran (reviewed by review25), "
                "first read by the lead with session 22's last reader (1bcbf6f, no rule written since their truth): targets 56/111 (71 found); "
                "seen since reader52 (thousands' commas '2，900万人', '11．13亿人', an OCR's '3· 5％', '50％一70％'; '第四节　…　　到1990年…' a "
                "heading run in; '平均每年增长4%' a growth rate; '五年内，增加…'; '其中：' a goal's parts; '系数达到0.45' no unit; 亿平方米, 亿册): targets 82/111 (93 found; the 十二五 chapters 0/21: their text names no year "
                "nor period, the truth's 2015 is the header's)",
            ),
            (
                truth / "heldout_cl",
                True,
                "NINETIETH held-out set, four State Council work reports (2009, 2010, 2024, 2025) of aldohemsn/chinese-political-corpora (the source and layout of heldout_cg's 2015 report) with 49 targets, gathered by helper gather81, truth committed before any reader ran (reviewed by review25), "
                "first read by the lead with session 22's last reader (1bcbf6f, no rule written since their truth): targets 30/49 (57 found); "
                "seen since reader53 (its classes as heldout_ch's; 万吨标准煤, 'N万农村人口'/'N万沼气用户' in 万): targets 49/49 (53 found: "
                "the raises 10%, 30元, 20元 read as heldout_am counts them; '扶贫对象覆盖4007万人' read)",
            ),
            (
                truth / "heldout_cm",
                True,
                "NINETY-FIRST held-out set, eight stored web-page copies of HEALTH and 民生 goals (西安 计划生育/妇幼 十三五, 徐州 医养结合; 民生实事 lists of 安阳 2024, 余杭 2021, 顺德 2024, 南沙 2024, 宝安 2023, 新会 2023) with 81 targets, gathered by helper gather82, truth committed before any reader ran (reviewed by review26), "
                "first read by the lead with session 23's reader after reader49-54 (bf36fdd3; no rule written since their truth): targets 79/81 (79 found); "
                "seen since reader55 (a sex ratio's ceiling '降低到108.5以下' unitless): targets 80/81 (80 found; 西安's headline '将建4至5所' "
                "without a year left)",
            ),
            (
                truth / "heldout_cn",
                True,
                "NINETY-SECOND held-out set, ten stored web-page copies of plans of fields no set held (上海 制造业, 四川 新消费, 山东 充电设施, 广东 and 安徽 体育产业, 岳阳 and 黔江 节能减排, 辽宁 标准化, 安徽 民政 养老, 宁波 商贸) with 57 targets, gathered by helper gather83, truth committed before any reader ran (reviewed by review26), "
                "first read by the lead with session 23's reader after reader49-54 (bf36fdd3; no rule written since their truth): targets 50/57 (53 found: 宁波's two '今年' goals are dated only by the page's address); "
                "seen since reader55 (吨 of abatement, '360台/万人'): targets 55/57 (57 found: 宁波's two still undated; 安徽's "
                "'15分钟健身圈' and '不少于1小时' read, left out by its truth)",
            ),
            (
                truth / "heldout_co",
                True,
                "NINETY-THIRD held-out set, four State Council work reports (2005, 2007, 2008 of aldohemsn/chinese-political-corpora; 2019 of liuzeyi11/GovernmentWorkReportCorpus, three of its goals also in heldout_cd's news item) with 44 targets, gathered by helper gather84, truth committed before any reader ran (reviewed by review26), "
                "first read by the lead with session 23's reader after reader49-54 (bf36fdd3; no rule written since their truth): targets 27/44 (54 found: the 2007 report's goals dated 2006, 0/14); "
                "seen since reader55 (a report copy opening on '二、2007年工作总体部署' dated by it; a year before the report's past; "
                "'“十一五”期间，…，今年要…'; '今年…扩招' after 鼓励; '7700多项'; red lines, money budgeted and its growth, '各地可降至'): targets 40/44 (49 found: "
                "the 2019 report's DOUBTFUL left-outs read: 报销比例, 教育经费 4%, loans, spending cuts)",
            ),
            (
                truth / "heldout_cp",
                True,
                "NINETY-FOURTH held-out set, nine stored web-page copies of 民生实事 lists (象山 2025, 桐庐 2020, 临安 2022 with 责任单位/配合单位, 丹阳 2024, 萧山 2018, 下城 2017, 嘉兴 2022 责任分解) and the national 十三五 节能减排 goals and 成都 社区嵌入式服务设施 方案, with 105 targets and 5 tasks, gathered by helper gather85, truth committed before any reader ran (reviewed by review27), "
                "first read by the lead with the reader after reader49-54 (bf36fdd3; no rule written since their truth): targets 67/105 (75 found), tasks 3/5 (5 found): 临安's year only in a 发文日期 row, 下城's in one item; "
                "seen since reader56 (a 发文日期 row over a 实事项目 table naming no year dates it; a news item announcing '新年的十件民生实事' past its opening): targets 88/105 (97 found)",
            ),
            (
                truth / "heldout_cq",
                True,
                "NINETY-FIFTH held-out set, six stored web-page copies of LOCAL work reports and a 党代会 report (镇安 2015, 临湘 2021, 五莲 2013, 青岛 2014, 中山 2025, 菏泽 2021 十件民生实事) with 65 targets, gathered by helper gather86, truth committed before any reader ran (reviewed by review27), "
                "first read by the lead with the reader after reader49-54 (bf36fdd3; no rule written since their truth): targets 20/65 (20 found): nothing found in 镇安, 青岛 or 菏泽 (青岛's line '2014年…主要预期目标是：全市生产总值增长9%左右…' names its year); "
                "seen since reader56 (a post title cut mid-word '…2021年十件民生实', a goals line after its speaker '…还提出了2014年…', a '主要目标' heading over a news copy's goals, '此外,…还指出,2013年的主要预期目标是:'): targets 60/65 (60 found)",
            ),
            (
                truth / "heldout_cr",
                True,
                "NINETY-SIXTH held-out set, five texts of two public GitHub datasets no set had used (ljz060707-lang/China-Real-Estate-Policy-Database: 河南 2023—2025 扩大内需 三年行动方案 with 77 bracketed measures, 湖北 2023 民生 若干措施 with '(责任单位:…)'; HUANGZHIHAO1994/GCCMPD-climate-policy-dataset: 国办 找矿突破 纲要 2011—2020, 农村电网 十三五 意见, 光伏 若干意见) with 111 targets and 97 tasks, gathered by helper gather87, truth committed before any reader ran (reviewed by review28/29: no change), "
                "first read by the lead with session 24's reader (11187de6: session 23's last reader and step (7) of a goal's year, written before these sets were read; no rule written since their truth): targets 80/111 (99 found), tasks 70/97 (97 found): 找矿's goals dated only by spans ('用3年时间') 0/13, 湖北's 责任单位 brackets 0/20; "
                "seen since reader57 ('各市、州、县人民政府' one unit; a numbered heading run on in a one-line crawl ends a '近年来' report; 初步形成/新发现 N; units '亿吨/年', '万人(次)', 'G'; a heading '…,夯实…发展基础' looks forward; '加快N个…建设' under way; a new project's entry conditions): targets 99/111 (110 found), tasks 94/97 (97 found)",
            ),
            (
                truth / "heldout_cs",
                True,
                "NINETY-SEVENTH held-out set, six stored web-page copies of yearly work goals (诸暨 2023 目标任务分解 with ▲ lead units, 济宁 2023 农业农村, a province's 2023 基本公共卫生 绩效指标, 竹山 2024 预期目标, 深圳 2024 新增床位, 海东 2015 交通) with 61 targets and 9 tasks, gathered by helper gather88, truth committed before any reader ran (reviewed by review29: no change), "
                "first read by the lead with session 24's reader (11187de6: session 23's last reader and step (7) of a goal's year, written before these sets were read; no rule written since their truth): targets 35/61 (36 found), tasks 0/9 (9 found): the 绩效指标 list dated only by its '2023-09-22' line 0/23, 诸暨's ▲ not read; "
                "seen since reader58 (a lead sign before a unit '▲A,B' read as 牵头, a row without it in a signed table all lead; '争创N个'; a page's "
                "ISO date line dating a list of three or more signed indicator lines '…≥90%' with no heading, not joined to item 1; '(2022:90%)' a baseline): "
                "targets 57/61 (58 found: 深圳's repeated headline goal once, its '等16个项目', the 基卫 list's bare counts '管理人数142万人' (DOUBTFUL) not read), tasks 9/9 (9 found)",
            ),
            (
                truth / "heldout_ct",
                True,
                "NINETY-EIGHTH held-out set, eight stored web-page copies of newer plans (a 乡村振兴 主要指标 table, 上海 and 湖南 碳达峰, 广州 设备更新 2027, 任城 农产品质量安全, 大连 2021 空气质量, 数字中国 2025, 江苏 数字经济 2027) with 44 targets, gathered by helper gather89, truth committed before any reader ran (reviewed by review30: no change), "
                "first read by the lead with session 24's reader (11187de6: session 23's last reader and step (7) of a goal's year, written before these sets were read; no rule written since their truth): targets 16/44 (16 found): the table's spaced '2022 年 目 标 值' column 0/22, 大连's heading year, 任城's '2022年8底前'; "
                "seen since reader59 (a table laid out sideways: names row, year label, values row; a deadline month without 月; a floor restated '90分(含90分)以上'; goal lines under a year heading without 年): targets 42/44 (44 found: 恩格尔系数 and 收入比 read ge, the truth's DOUBTFUL le)",
            ),
            (
                truth / "heldout_cu",
                True,
                "NINETY-NINTH held-out set, four OLD national texts (国务院 1956 budget report, 一五 plan's health part 1957 in Chinese numerals, 1980 report on the 1981 plan, 1998 work report with spaced digits) of aldohemsn/chinese-political-corpora and minoriwww/NLPtools, with 100 targets, gathered by helper gather90, truth committed before any reader ran (reviewed by review31: no change), "
                "first read by the lead with session 24's reader (11187de6: session 23's last reader and step (7) of a goal's year, written before these sets were read; no rule written since their truth): targets 11/100 (15 found): years before 2000 and digits spaced one by one not read; "
                "seen since reader60 (a report part heading setting the year's plan, budget or work, 1950-1999 too; a report's 将-level beside last year's a goal, its rise no level; 万担; the excess over a level named no level; a plan's announced list of main indicators read bare; numbers digit by digit in numerals with '·', and 一九XX年): targets 94/100 (103 found)",
            ),
            (
                truth / "heldout_cv",
                True,
                "HUNDREDTH held-out set, four more records of ljz060707-lang/China-Real-Estate-Policy-Database (heldout_cr's source: 济源 2023 提振市场信心 with '(牵头单位:X,责任单位:Y)', 黔府办发〔2022〕17号 扩大有效投资 with a document-wide bracket note, 沈阳 2022 青年就业 measures, 湖北 2025 生育支持) with 123 targets and 176 tasks, gathered by helper gather91, truth committed before any reader ran (reviewed by review32/33: 贵州's bracket note applied to its later tasks), "
                "first read by the lead with session 24's reader after reader57-60 and the lead's 多/余 counts (b174aaa2; no rule written since their truth): targets 82/123 (112 found), tasks 134/176 (176 found): 贵州's sector investment levels and half-year milestones 25/53, its note's governments not added 0/27; "
                "seen since reader61 (a document-wide note '各项措施责任单位均包括X,以下不再列出'; '各市〔州〕、各县〔…〕人民政府' one unit; a 示范区 level given to bare bureaus after it; a half-year milestone after 确保/力争 a goal, funds' pace not; a rise over last year with a floor or striven for a goal; '加快建设…、N个…' designated, no count): "
                "targets 117/123 (145 found: 贵州's designated projects under way ('等15个重点项目'), funds and entry sizes read, 济源's support conditions), tasks 176/176 (176 found)",
            ),
            (
                truth / "heldout_cw",
                True,
                "HUNDRED-AND-FIRST held-out set, eight 生态环境部 texts of HUANGZHIHAO1994/GCCMPD-climate-policy-dataset's MEE_PRC_EN.xlsx (heldout_cr's repository, another file: 减污降碳 实施方案 2022, 排污许可 执法监管, 执法队伍, 设施开放, 环评与排污许可, 清理整顿, 碳市场 清缴, 自行监测 帮扶) with 32 targets and 48 tasks, gathered by helper gather92, truth committed before any reader ran (reviewed by review33: no change), "
                "first read by the lead with session 24's reader after reader57-60 and the lead's 多/余 counts (b174aaa2; no rule written since their truth): targets 25/32 (31 found), tasks 45/48 (45 found); "
                "seen since reader62 (a run-on one-year work plan's year dates its quotas, two rates '发证率、登记率' before one floor, '提高至' after a clause's year, a deadline to the day and hour, '（X负责指导）' leads, places listed then counted no goal): targets 32/32 (32 found), tasks 47/48 (47 found)",
            ),
            (
                truth / "heldout_cx",
                True,
                "HUNDRED-AND-SECOND held-out set, five stored web-page copies (浙江 儿童少年 规划 1996-2000, 辽宁 儿童发展规划 2001-2010, 河南 贫困地区儿童 意见 news 2015, 莆田 养老服务业 意见 2014, 青海 教育 重点工程) with 75 targets, gathered by helper gather93, truth committed before any reader ran (reviewed by review34: no change), "
                "first read by the lead with session 24's reader after reader57-60 and the lead's 多/余 counts (b174aaa2; no rule written since their truth): targets 44/75 (47 found): 浙江's goals dated only by its title's '(1996-2000年)' 0/29; "
                "seen since reader62 (a last century's title period dates its goals, '/万' a unit, an age in months before 婴儿 no goal, short kinds before one group one rate, a value after a lost one undated): targets 75/75 (75 found)",
            ),
            (
                truth / "heldout_cy",
                True,
                "HUNDRED-AND-THIRD held-out set, five texts of yanyanixs/Policy-QA-Agent's knowledge base (北京 政务公开 要点 2020 with '(X负责落实)', 数据要素× 方案 with '（责任单位：…）', 跨省通办 方案 with units and a deadline in one bracket, 社区(村)政务服务 2022; the national 人工智能+制造 2027) with 18 targets and 82 tasks, gathered by helper gather94, truth committed before any reader ran (reviewed by review35: no change), "
                "first read by the lead with session 24's reader after reader57-60 and the lead's 多/余 counts (b174aaa2; no rule written since their truth): targets 18/18 (18 found), tasks 55/82 (66 found): 跨省通办's brackets 5/21; "
                "seen since reader63 (sharing said '按分管领域负责' and the like cooperating after a 牵头, 'X牵头，Y负责落实' Y cooperating, a deadline with what follows it "
                "in a bracket of units, a zone after 和 and counted districts as units): targets 18/18 (18 found), tasks 82/82 (82 found)",
            ),
            (
                truth / "heldout_cz",
                True,
                "HUNDRED-AND-FOURTH held-out set, three more records of ljz060707-lang/China-Real-Estate-Policy-Database (heldout_cr/_cv's source: 粤府办〔2025〕14号 做强国内大循环 with the document-wide rule '以下任务均需各市落实,不再列出', 安徽 2023 提振市场信心 one task per bracket with 配合单位, 郑州 2023 金融支持 with 牵头单位+责任单位) with 35 targets and 167 tasks, gathered by helper gather95, truth committed before any reader ran (reviewed by review36: no change; its copy of 江苏 提振消费 removed, heldout_db holds it), "
                "first read by the lead with session 24's last reader (2624e1e0, after reader57-63; no rule written since their truth, none this session): targets 28/35 (68 found: 安徽's loan volumes and rules read), tasks 90/167 (167 found: 广东's rule not carried, 0/76); seen since reader65-67 (session 25)",
            ),
            (
                truth / "heldout_da",
                True,
                "HUNDRED-AND-FIFTH held-out set, two stored web-page copies of 妇幼 plans (a news copy of 福州 儿童发展纲要 2021-2030, a county's 妇女儿童健康行动计划 2008-2012 page 2) with 34 targets, gathered by helper gather96, truth committed before any reader ran (reviewed by review38: no change), "
                "first read by the lead with session 24's last reader (2624e1e0, after reader57-63; no rule written since their truth, none this session): targets 34/34 (37 found); seen since reader65-67 (session 25)",
            ),
            (
                truth / "heldout_db",
                True,
                "HUNDRED-AND-SIXTH held-out set, three more records of the same policy database (贵州 2022 复工复产 with 59 '(责任单位:…)', 江苏 2025 提振消费, 佛山 2022 一季度开好局) with 67 targets and 59 tasks, gathered by helper gather97, truth committed before any reader ran (reviewed by review37: 江苏's 人均730元 added by What counts), "
                "first read by the lead with session 24's last reader (2624e1e0, after reader57-63; no rule written since their truth, none this session): targets 47/67 (74 found: 江苏 7/23), tasks 58/59 (59 found); its truth since by conv24's investment and payment-standard conventions: 61 targets; seen since reader65-67 (session 25)",
            ),
            (
                truth / "heldout_dc",
                True,
                "HUNDRED-AND-SEVENTH held-out set, three more records of ljz060707-lang/China-Real-Estate-Policy-Database (广元 2023 若干具体政策措施 with '(X牵头,Y按职责分工负责)', 苏州 2023 若干政策措施 with a document-wide '以下政策均需各县级市‹区>政府‹管委会>落实,不再单独列出', 河南 2025 一季度开门红 with '(责任单位:…)') with 63 targets and 118 tasks, gathered by helper gather98, truth committed before any reader ran (reviewed by review39: no change), "
                "first read by the lead with session 25's reader after reader65-67's rules on round 3 (5cc7a7b5; no rule written since their truth): targets 35/63 (81 found), tasks 57/118 (101 found: 苏州's rule not carried, 0/55); seen since reader68-70 (session 25)",
            ),
            (
                truth / "heldout_dd",
                True,
                "HUNDRED-AND-EIGHTH held-out set, three 2024 city government work reports kept whole in a GitHub repository no set used (JiangGufan/digital-governance: 随州, 泰州 with their 2024 plans; 日照 whose copy holds only the 2023 review) with 102 targets and no task, gathered by helper gather99, truth committed before any reader ran (reviewed by review42: 泰州's '突出问题10条' left out), "
                "first read by the lead with session 25's reader after reader65-67's rules on round 3 (5cc7a7b5; no rule written since their truth): targets 0/102 (92 found: every goal dated 2023, the review's year, not the '二、2024年工作安排' heading's); seen since reader68-70 (session 25)",
            ),
            (
                truth / "heldout_de",
                True,
                "HUNDRED-AND-NINTH held-out set, eleven stored page openings of plans in fields the sets hold little of (全民健身 ×3, 养老 ×3, 医保 十四五, 精神卫生, 职业病, 食品安全, 中医药) with 64 targets, gathered by helper gather100, truth committed before any reader ran (reviewed by review40: no change), "
                "first read by the lead with session 25's reader after reader65-67's rules on round 3 (5cc7a7b5; no rule written since their truth): targets 58/64 (64 found); seen since reader68-70 (session 25)",
            ),
            (
                truth / "heldout_df",
                True,
                "HUNDRED-AND-TENTH held-out set, three plans from an energy-policy Obsidian vault on GitHub no set used (ZaynShao/energy-policy-analysis: 北京 2024 市政府工作报告重点任务清单 with '主责单位：' lines, 吉林 2024 充换电 实施方案 with '（X负责，Y配合）', 重庆 2024 空气质量 实施方案) with 60 targets and 98 tasks, gathered by helper gather101, truth committed before any reader ran (reviewed by review41: no change), "
                "first read by the lead with session 25's reader after reader65-67's rules on round 3 (5cc7a7b5; no rule written since their truth): targets 59/60 (62 found), tasks 35/98 (98 found: '市科委、中关村管委会' and '各市、县级政府' split); seen since reader68-70 (session 25)",
            ),
            (
                truth / "heldout_dg",
                True,
                "HUNDRED-AND-ELEVENTH held-out set, two more 2024 city work reports of JiangGufan/digital-governance (鄂州, 天门; heldout_dd's source) with 139 targets and no task, gathered by helper gather102, truth committed before any reader ran (reviewed by review43: no change), "
                "first read by the lead with session 25's reader after reader68-70's rules on round 4 (8033ae9c; no rule written since their truth): targets 0/139 (0 found); seen since reader71-74 (session 25)",
            ),
            (
                truth / "heldout_dh",
                True,
                "HUNDRED-AND-TWELFTH held-out set, 广州 2023 家庭医生签约服务 实施方案 with its indicator table (附件1) and task-division table (附件2) from a GitHub repository no set used (shizelengleng/ai-zhengce-tong) with 43 targets and 39 tasks, gathered by helper gather103, truth committed before any reader ran (reviewed by review45: three 80% fee-for-pay shares left out), "
                "first read by the lead with session 25's reader after reader68-70's rules on round 4 (8033ae9c; no rule written since their truth): targets 33/43 (45 found), tasks 0/39 (0 found); seen since reader71-74 (session 25)",
            ),
            (
                truth / "heldout_di",
                True,
                "HUNDRED-AND-THIRTEENTH held-out set, two more records of the policy database (定西 2023 今冬明春 with unit lines closing groups of measures, 河南 2024 服务业 with a document-wide rule of three units) with 10 targets and 58 tasks, gathered by helper gather104, truth committed before any reader ran (reviewed by review44: no change), "
                "first read by the lead with session 25's reader after reader68-70's rules on round 4 (8033ae9c; no rule written since their truth): targets 8/10 (22 found), tasks 8/58 (35 found); seen since reader71-74 (session 25)",
            ),
            (
                truth / "heldout_dj",
                True,
                "HUNDRED-AND-FOURTEENTH held-out set, two more records of the policy database (福清 2023 实施意见 with a rule in measure 1's '〔…〕', 南京 2023 若干政策措施 with 'first unit leads' in its closing paragraph) with 2 targets and 74 tasks, gathered by helper gather105, truth committed before any reader ran (reviewed by review46: no change), "
                "first read by the lead with session 25's reader after reader68-70's rules on round 4 (8033ae9c; no rule written since their truth): targets 0/2 (8 found), tasks 0/74 (74 found); seen since reader71-74 (session 25)",
            ),
            (
                truth / "heldout_dk",
                True,
                "HUNDRED-AND-FIFTEENTH held-out set, three more texts of the energy-policy vault (ZaynShao/energy-policy-analysis: 辽宁 设备更新 with '（牵头单位：…）', 湖南 充电 848号 with a document-wide rule, 湖南 电力支撑 opening) with 43 targets and 46 tasks, gathered by helper gather106, truth committed before any reader ran (reviewed by review47: no change), "
                "first read by the lead with session 25's reader after reader68-70's rules on round 4 (8033ae9c; no rule written since their truth): targets 34/43 (46 found), tasks 30/46 (46 found); seen since reader71-74 (session 25)",
            ),
            (
                truth / "heldout_dl",
                True,
                "HUNDRED-AND-SIXTEENTH held-out set, two more 2024 city work reports of JiangGufan/digital-governance (亳州 with its title and session line, 滨州 with a 主要预期目标 paragraph) with 208 targets and no task, gathered by helper gather107, truth committed before any reader ran (reviewed by review49: 滨州's 年度投资计划完成率 left out as projects' spending), "
                "first read by the lead with session 25's last reader (e65e2424, after reader71-74's rules on round 5; no rule written since their truth, none this session): targets 193/208 (207 found); seen since the lead's rules of session 26 on its misses (tasks' units, housing measures' terms)",
            ),
            (
                truth / "heldout_dn",
                True,
                "HUNDRED-AND-SEVENTEENTH held-out set, two more records of the policy database (漯河 2023 房地产 32条, 抚州 2023 房地产 若干措施; rows 1695, 1306) with 61 tasks and no target, gathered by helper gather109, truth committed before any reader ran (reviewed by review48: no change), "
                "first read by the lead with session 25's last reader (e65e2424, after reader71-74's rules on round 5; no rule written since their truth, none this session): tasks 55/61 (61 found), targets 0/0 (24 found: loan ceilings and down payments read); seen since the lead's rules of session 26 on its misses (tasks' units, housing measures' terms)",
            ),
            (
                truth / "heldout_dm",
                True,
                "HUNDRED-AND-EIGHTEENTH held-out set, four more plans of the energy-policy vault (ZaynShao/energy-policy-analysis: 河南 工业设备更新, 福建 充电, 云南 现代物流 with '〔以下分工均涉及有关州（市）人民政府，不再列出〕', 云南 充电倍增) with 29 targets and 55 tasks, gathered by helper gather108, truth committed before any reader ran (reviewed by review50: no change), "
                "first read by the lead with session 25's last reader (e65e2424, after reader71-74's rules on round 5; no rule written since their truth, none this session): targets 24/29 (25 found), tasks 40/55 (45 found: 云南 物流 14/25, 福建 12/16); seen since the lead's rules of session 26 on its misses (tasks' units, housing measures' terms)",
            ),
            (
                truth / "heldout_do",
                True,
                "HUNDRED-AND-NINETEENTH held-out set, two more 2024 city work reports of JiangGufan/digital-governance (衢州, 镇江 with its year's part under the THIRD heading) with 186 targets and no task, gathered by helper gather109 in session 26, truth committed before any reader ran (reviewed by review113 in session 27: 镇江's '安排城建项目298个' counted, 185 -> 186), "
                "first read by the lead with session 25's last reader (006a069e; no rule written since their truth): targets 168/185 (175 found), 169/186 on the reviewed truth; seen since the lead's rules of session 27 on its misses (units 宗/亿条/亿次, works started under a quoted name, a share of places reaching a sum, fund money)",
            ),
            (
                truth / "heldout_dr",
                False,
                "HUNDRED-AND-TWENTIETH held-out set, three more records of the policy database (上海 2024 银发经济 若干政策措施, 河南 2025 生育支持 若干政策措施 with a document-wide '以下均需…落实,不再列出', 福田 2023 扩大消费 若干措施; rows 319, 93, 1318) with 53 tasks and no target (福田's 12 left out by the lead: dated from the row, not the text), gathered by helper gather112 in session 27, truth committed before any reader ran (reviewed by review114: no change), "
                "first read by the lead with session 27's reader (57b13acc; no rule written on it): tasks 49/53 (53 found)",
            ),
            (
                truth / "heldout_dq",
                False,
                "HUNDRED-AND-TWENTY-FIRST held-out set, two task lists (山东 2021-2023 服务业数字化转型 with '参加单位' from xvshiting/politic_analysis_paper_2025's sheet, 北京 2022 政务公开工作要点 with 'X牵头，Y负责落实' from yanyanixs/Policy-QA-Agent) with 95 tasks and no target, gathered by helper gather111 in session 27, truth committed before any reader ran (reviewed by review115 after the first reading: 山东's shared suffix '济南、青岛、烟台市政府' given to each, as heldout_ay and heldout_cz; 2 tasks), "
                "first read by the lead with session 27's reader (3faaab8b; no rule written on it): tasks 91/95 (95 found), 93/95 on the reviewed truth, targets 0/0 (3 found)",
            ),
            (
                truth / "heldout_dp",
                False,
                "HUNDRED-AND-TWENTY-SECOND held-out set, two more plans of the energy-policy vault (云南 2024 稳进提质政策措施 with 77 unit brackets and a '以下均需各州、市人民政府落实' rule, 河南 2025 降本增效 若干政策措施) with 97 tasks and 15 targets, gathered by helper gather110 in session 27, truth committed before any reader ran (reviewed by review116: no change), "
                "first read by the lead with session 27's reader (7d3ce973; no rule written on it): tasks 95/97 (97 found), targets 10/15 (14 found)",
            ),
        )
        if perturb:
            return self.write_robustness(
                [folder for folder, _seen, _heading in held_out],
                [folder for folder, seen, _heading in held_out if seen],
            )
        # seen and unseen apart: a set the rules were written on (or on its failure classes) is no evidence for
        # text the reader has not seen; an unseen set had no rule written on it since its truth was committed
        for seen, title in (
            (True, "SEEN held-out sets: rules were written on them after their first (unseen) measure"),
            (False, "UNSEEN held-out sets: no rule written on them since their truth was committed"),
        ):
            self.stdout.write("")
            self.stdout.write(f"=== {title} ===")
            together = {}
            for folder, is_seen, heading in held_out:
                if is_seen != seen:
                    continue
                scores = held_out_scores(folder)
                together.update({f"{folder.name}/{name}": result for name, result in scores.items()})
                self.stdout.write("")
                self.stdout.write(heading)
                self.write_held_out(scores)
            self.stdout.write("")
            self.stdout.write(f"all {'seen' if seen else 'unseen'} sets together (as measured now):")
            self.write_held_out({}, together)
        self.stdout.write("")
        self.stdout.write("indicator tables vs the plan packs' table rows (tixi/indicators/data/plans)")
        self.stdout.write(f"{'seed':<6}{'rows P':>9}{'R':>6}{'n':>5}")
        for seed, result in tables.items():
            self.stdout.write(f"{seed:<6}{result.precision:>9.2f}{result.recall:>6.2f}{result.expected:>5}")
        suggested = suggestion_scores(PLAN_PACKS, PLAN_PACKS.parent / "catalogue.yaml")
        self.stdout.write(
            f"indicator suggested for the plan packs' targets: {suggested['right']} right, "
            f"{suggested['wrong']} wrong, {suggested['none']} without a suggestion"
        )
        self.stdout.write(f"five seeds read in {elapsed * 1000:.0f} ms")

    def write_grammar(self):
        """The reader on every goal sentence grammar.py generates (each set in a small plan): per part (time, verb,
        unit, comparator word, form, negative kind) the sentences read exactly, targets matched / expected, found, P, R;
        then the sentences read wrong (issue 12 point 4: forms no document has shown yet)."""
        from tixi.ledger.engine import grammar, parse

        tallies, wrong = grammar.measure(parse.targets)
        self.stdout.write(
            "goal grammar: generated goal sentences read by parse.targets (tixi/ledger/engine/grammar.py)"
        )
        self.stdout.write(
            f"{'part':<11}{'label':<18}{'sents':>6}{'exact':>6}{'targets m/e':>13}{'found':>6}{'P':>6}{'R':>6}"
        )
        for part, labels in tallies.items():
            for label, t in labels.items():
                self.stdout.write(
                    f"{part:<11}{label:<18}{t.sentences:>6}{t.right:>6}{f'{t.matched}/{t.expected}':>13}{t.found:>6}"
                    f"{t.precision:>6.2f}{t.recall:>6.2f}"
                )
        # the same sentences in each shape of perturb.py (pdf_wrap cannot be told in a plan of four lines: a page's width
        # needs more lines, parse.WRAP_FEWEST, so its hard breaks stay breaks there)
        from tixi.ledger.engine.perturb import PERTURBATIONS, perturbed

        self.stdout.write("")
        self.stdout.write(f"{'shape':<23}{'exact':>6}{'targets m/e':>13}{'found':>6}")
        for name in PERTURBATIONS:
            shaped, _ = grammar.measure(parse.targets, shape=perturbed(name))
            t = shaped["all"]["all"]
            self.stdout.write(f"{name:<23}{t.right:>6}{f'{t.matched}/{t.expected}':>13}{t.found:>6}")
        self.stdout.write("")
        self.stdout.write(f"read wrong: {len(wrong)} sentences")
        for sentence in wrong:
            found = [
                [t["value"], t["unit"], t["year"], t["comparator"]]
                for t in parse.targets(sentence.document())
            ]
            self.stdout.write(f"  {sentence.text}  truth {[list(t) for t in sentence.truth]}  read {found}")

    def write_robustness(self, folders, seen_folders=()):
        """The same documents in every shape of perturb.py beside the plain text: targets and tasks matched /
        expected / found, P and R, for the seeds and for every held-out set together (issue 12 point 4); then the
        SEEN sets' tasks rendered in each of perturb.UNIT_LAYOUTS and read back (never an unseen set's truth)."""
        from tixi.ledger.engine.accuracy import held_out_scores, layout_scores, seed_scores, total
        from tixi.ledger.engine.perturb import PERTURBATIONS, perturbed

        truth = settings.REPO_DIR / "tests" / "ledger" / "seed_truth"
        self.stdout.write("")
        self.stdout.write(
            f"robustness: the reader on each shape of the same text ({len(folders)} held-out sets together)"
        )
        self.stdout.write(
            f"{'shape':<23}{'docs':<9}{'targets m/e':>12}{'found':>6}{'P':>6}{'R':>6}"
            f"   {'tasks m/e':>10}{'found':>6}{'P':>6}{'R':>6}"
        )
        for name in ("plain", *PERTURBATIONS):
            function = None if name == "plain" else perturbed(name)
            held = {}
            for folder in folders:
                held.update({f"{folder.name}/{k}": v for k, v in held_out_scores(folder, function).items()})
            for docs, scores in (
                ("seeds", seed_scores(truth, settings.TIXI_SEEDS_DIR, function)),
                ("held-out", held),
            ):
                g, t = total(scores, "targets"), total(scores, "tasks")
                self.stdout.write(
                    f"{name:<23}{docs:<9}{f'{g.matched}/{g.expected}':>12}{g.found:>6}{g.precision:>6.2f}"
                    f"{g.recall:>6.2f}   {f'{t.matched}/{t.expected}':>10}{t.found:>6}{t.precision:>6.2f}{t.recall:>6.2f}"
                )
        self.stdout.write("")
        self.stdout.write(
            f"unit_layouts: the tasks with a lead unit of the {len(seen_folders)} SEEN sets (those holding any) rendered in "
            "each layout of units and read back (one document per such set and layout; tixi/ledger/engine/perturb.py "
            "UNIT_LAYOUTS)"
        )
        self.stdout.write(f"{'layout':<30}{'tasks m/e':>11}{'found':>7}{'lost':>6}{'P':>6}{'R':>6}")
        for name, t in layout_scores(seen_folders).items():
            self.stdout.write(
                f"{name:<30}{f'{t.matched}/{t.expected}':>11}{t.found:>7}{t.expected - t.matched:>6}"
                f"{t.precision:>6.2f}{t.recall:>6.2f}"
            )

    def write_held_out(self, scores, together=None):
        """One row per document and a total; with `together`, only the total of those documents."""
        from tixi.ledger.engine.accuracy import total

        def figure(value, defined, width):
            # nothing found (precision) or nothing expected (recall): no figure, not a 1.00
            return f"{value:>{width}.2f}" if defined else f"{'-':>{width}}"

        self.stdout.write(
            f"{'plan':<18}{'tasks P':>9}{'R':>6}{'n':>5}{'found':>6}   {'targets P':>10}{'R':>6}{'n':>5}{'found':>6}"
        )
        every = scores if together is None else together
        rows = [*scores.items(), ("all", {kind: total(every, kind) for kind in ("tasks", "targets")})]
        for name, result in rows:
            t, g = result["tasks"], result["targets"]
            self.stdout.write(
                f"{name:<18}{figure(t.precision, t.found, 9)}{figure(t.recall, t.expected, 6)}{t.expected:>5}"
                f"{t.found:>6}   {figure(g.precision, g.found, 10)}{figure(g.recall, g.expected, 6)}"
                f"{g.expected:>5}{g.found:>6}"
            )

    def ensure_registry(self, rebuild):

        call_command("migrate", interactive=False, verbosity=0)
        years = range(2017, 2027)
        if rebuild or not Division.objects.filter(code="650000000000").exists():
            if Division.objects.exists():
                call_command("flush", interactive=False, verbosity=0)
            started = time.perf_counter()
            self.stdout.write("generating a province-sized registry (fixed seed)...")
            builder = DemoBuilder(seed=7, years=years).build(province_specs())
            generated = time.perf_counter()
            write(builder)
            self.stdout.write(
                f"  generated in {generated - started:.1f} s, written in {time.perf_counter() - generated:.1f} s"
            )

    def run_registry(self, repeat):

        counts = {
            "counties": Division.objects.filter(level=3).count(),
            "townships": Division.objects.filter(level=4).count(),
            "villages": Division.objects.filter(level=5).count(),
            "institutions": Institution.objects.count(),
            "yearly resource rows": InstitutionYear.objects.count(),
            "population rows": Population.objects.count(),
        }
        self.stdout.write(f"database: {connection.vendor}")
        for label, n in counts.items():
            self.stdout.write(f"  {label:<22} {n:>9,}")
        province = Division.objects.at("650000000000", 2025)
        county = Division.objects.valid_in(2025).filter(level=3).order_by("code").first()
        city = county.parent
        self.stdout.write(f"\ndashboard figures for 2025, median of {repeat} runs (query count in brackets):")
        for label, division in (("province", province), ("city", city), ("county", county)):
            self.time(f"{label} figures ({division.name})", lambda d=division: self.figures(d), repeat)
        for label, division in (("province", province), ("county", county)):
            self.time(f"{label} whole dashboard", lambda d=division: self.dashboard(d), repeat)

    def run_indicators(self, repeat):

        load_catalogue()
        indicators = {i.code: i for i in Indicator.objects.all()}
        definitions = {}
        for name in PLAN_FILES:
            for t in load_pack_file(name)["targets"]:
                d = definition_of(indicators[t["indicator"]], t.get("institution", ""))
                definitions[d.code] = d
        years = list(range(2020, 2026))
        divisions = list(Division.objects.valid_in(2025).filter(level__in=[3, 4]).order_by("path"))
        cells = [item_values.Cell(d, y) for d in divisions for y in years]
        self.stdout.write(
            f"{len(definitions)} target indicators (every target of the {len(PLAN_FILES)} plan packs) x "
            f"{len(divisions)} counties and townships x {len(years)} years = {len(definitions) * len(cells):,} values"
        )
        everything = all_definitions()
        engine_times = []
        for _ in range(max(1, repeat // 2)):
            started = time.perf_counter()
            result = evaluate(list(definitions.values()), cells, everything, reasons=False)
            engine_times.append(time.perf_counter() - started)
        engine = min(engine_times)
        self.stdout.write(f"  Tixi engine (all targets, all cells)         {engine * 1000:>8.0f} ms")
        hand = min(self.hand_written(divisions, years) for _ in range(max(1, repeat // 2)))
        self.stdout.write(f"  hand-written SQL (8 resource rates)          {hand * 1000:>8.0f} ms")
        self.stdout.write(f"  ratio engine / hand-written                  {engine / hand:>8.2f}")
        beds = result.values["beds_per_1000"]
        self.stdout.write(f"  check: beds per 1,000 of {divisions[0].name} in {years[0]} = {beds[0]:.2f}")
        # a county scorecard page, with 达川's plan pack laid on a generated county
        county = next(d for d in divisions if d.level == 3)
        pack = load_pack_file("dachuan.yaml")
        pack.update(code="bench-county-plan", region=county.code[:6])
        load_plan_pack(pack)
        User = get_user_model()
        user, _created = User.objects.get_or_create(username="bench", defaults={"is_superuser": True})
        user.set_unusable_password()
        user.save()
        client = Client()
        client.force_login(user)
        url = f"/plans/bench-county-plan/?division={county.code}&year=2024"
        client.get(url)
        timings = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise CommandError(f"scorecard page answered {response.status_code}")
        self.stdout.write(
            f"  county scorecard page (30 targets, median)   {statistics.median(timings) * 1000:>8.0f} ms  [{len(queries)} queries]"
        )

    def run_import(self, rows: int):
        """Write a resources workbook of `rows` rows, import it with `tixi import` (checked, then
        written, all or nothing) and undo it."""

        codes = list(
            Institution.objects.filter(closed_on__isnull=True).order_by("code").values_list("code", flat=True)
        )
        spec = TABLES["resources"]
        started = time.perf_counter()
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("数据")
        sheet.append([c.heading for c in spec.columns])
        sheet.append([c.code for c in spec.columns])
        measures = [c.code for c in spec.columns[2:]]
        for n in range(rows):
            year = 2027 + n // len(codes)
            values = [(n * 7 + k * 13) % 50 for k in range(len(measures))]
            values[measures.index("health_workers")] = 200
            values[measures.index("ambulances")] = 10
            values[measures.index("negative_pressure_ambulances")] = 2
            sheet.append([codes[n % len(codes)], year, *values])
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench-resources.xlsx"
            workbook.save(path)
            del workbook
            written = time.perf_counter() - started
            self.stdout.write(
                f"resources workbook: {rows:,} rows, {path.stat().st_size / 2**20:.1f} MB, written in {written:.1f} s"
            )
            # the import runs as a user runs it: `tixi import`, in a process of its own, measured whole
            checked, _peak = self._import_process(path, dry_run=True)
            total, peak = self._import_process(path, dry_run=False)
        batch = ImportBatch.objects.filter(table="resources", status=ImportBatch.Status.APPLIED).latest("pk")
        self.stdout.write(f"  read and validated (tixi import --dry-run)   {checked:>8.1f} s")
        self.stdout.write(
            f"  read, validated and written (tixi import)    {total:>8.1f} s  "
            f"({batch.inserted:,} inserted, {batch.updated:,} updated)"
        )
        self.stdout.write(f"  peak memory of the import process            {peak:>8.0f} MB")
        started = time.perf_counter()
        undo_import(batch, None)
        self.stdout.write(
            f"  undo of the whole import                     {time.perf_counter() - started:>8.1f} s"
        )

    @staticmethod
    def _import_process(path: Path, dry_run: bool) -> tuple[float, float]:
        """Wall time and peak resident memory (MB) of `tixi import resources FILE` in a child process."""
        argv = [sys.executable, "-m", "tixi.cli", "import", "resources", str(path)]
        script = (
            "import resource, subprocess, sys, time; t = time.perf_counter(); "
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
        )
        completed = subprocess.run(
            [sys.executable, "-c", script, *argv, *(["--dry-run"] if dry_run else [])],
            capture_output=True,
            text=True,
            env=os.environ,
        )
        seconds, peak_kb, code = completed.stdout.split()
        if int(code):
            raise CommandError(f"tixi import failed: {completed.stderr[-500:]}")
        return float(seconds), int(peak_kb) / 1024

    @staticmethod
    def hand_written(divisions, years) -> float:
        """What an analyst would write by hand: one GROUP BY per level with the sums, then divide."""
        started = time.perf_counter()
        marks = ", ".join(["%s"] * len(years))
        for length in sorted({len(d.path) for d in divisions}):
            with connection.cursor() as cursor:
                cursor.execute(
                    f"""SELECT substr(division_path, 1, {length}), year, SUM(actual_beds), SUM(physicians), SUM(nurses),
                        SUM(pharmacists), SUM(gps), SUM(tcm_physicians), SUM(childcare_places),
                        SUM(CASE WHEN type IN ('tcm_hospital', 'integrated_hospital', 'ethnic_medicine_hospital')
                                 AND ownership = 'public' THEN actual_beds ELSE 0 END)
                        FROM registry_institutionyear WHERE year IN ({marks}) GROUP BY 1, 2""",
                    years,
                )
                sums = cursor.fetchall()
                cursor.execute(
                    f"""SELECT substr(d.path, 1, {length}), p.year, SUM(p.count) FROM geo_population p
                        JOIN geo_division d ON d.id = p.division_id WHERE p.year IN ({marks}) GROUP BY 1, 2""",
                    years,
                )
                population = {(r[0], r[1]): r[2] for r in cursor.fetchall()}
            rates = [
                [s / population[(r[0], r[1])] * 1000 for s in r[2:]]
                for r in sums
                if population.get((r[0], r[1]))
            ]
        assert rates
        return time.perf_counter() - started

    @staticmethod
    def figures(division):

        return division_figures(division, 2025)

    @staticmethod
    def dashboard(division):

        division_figures(division, 2025)
        children_figures(division, 2025)
        division_series(division, range(2018, 2027))

    def time(self, label, function, repeat):
        function()  # warm caches
        timings = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                function()
                timings.append(time.perf_counter() - started)
        self.stdout.write(
            f"  {label:<40} {statistics.median(timings) * 1000:>8.1f} ms  [{len(queries)} queries]"
        )


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
