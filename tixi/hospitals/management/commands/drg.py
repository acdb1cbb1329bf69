"""`tixi drg group --input F.csv --out F.csv`: each discharge's CHS-DRG 1.1 group, the path it took or why not.
`tixi drg compare --cases N`: our grouper against OpenDRG's DRG_Python on N generated cases, case by case."""

import csv
import os
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tixi.core.exports import safe_cells
from tixi.exchange.engine import reading
from tixi.hospitals import figures
from tixi.hospitals.engine.grouper import REASONS, group, load_rules
from tixi.hospitals.engine.grouper.reference import ENVIRONMENT, ReferenceMissing, parity
from tixi.hospitals.engine.grouper.synthetic import generate_cases
from tixi.hospitals.engine.grouper.table import CaseTableError, read_case_table

# the engine's English templates, translated here (scripts/zh_hans.py holds their Chinese)
ENGINE_MESSAGES = (
    gettext_noop("This is not a discharge table: its header has none of the columns %(columns)s."),
    gettext_noop("The header lacks the columns %(columns)s."),
    gettext_noop("%(value)s is not a sex: 1 male, 2 female (0 or 9 unknown)."),
    gettext_noop("%(value)s is not a number from %(low)s to %(high)s."),
    gettext_noop("Unknown diagnosis codes: %(codes)s."),
    gettext_noop("Unknown procedure codes: %(codes)s."),
    gettext_noop(
        "Diagnosis codes in neither the code mapping %(version)s nor the grouper's code set: %(codes)s."
    ),
    gettext_noop(
        "Procedure codes in neither the code mapping %(version)s nor the grouper's code set: %(codes)s."
    ),
)
REASON_TEXTS = {
    "": "",
    "sex_missing": gettext_noop("sex missing"),
    "sex_invalid": gettext_noop("sex is neither 1 nor 2"),
    "age_missing": gettext_noop("age missing"),
    "age_days_missing": gettext_noop("age under one year without age in days"),
    "birth_weight_missing": gettext_noop("neonate without birth weight"),
    "principal_missing": gettext_noop("principal diagnosis missing"),
    "principal_unknown": gettext_noop("principal diagnosis not in the grouper's code set"),
    "no_mdc": gettext_noop("principal diagnosis on no MDC's list"),
    "sex_conflict": gettext_noop("principal diagnosis does not fit the patient's sex"),
    "neonate_conflict": gettext_noop("neonatal principal diagnosis for a patient older than one year"),
    "single_trauma_region": gettext_noop("multiple trauma needs injuries of two body regions"),
    "no_adrg": gettext_noop("the MDC's ADRG conditions are not met"),
    "or_procedure_outside_mdc": gettext_noop("an operating-room procedure outside the MDC (ambiguous, xQY)"),
}
assert set(REASON_TEXTS) == set(REASONS)
RESULT_COLUMNS = ["drg", "drg_status", "drg_reason", "drg_reason_text", "mdc", "adrg"]
RESULT_COLUMNS += ["mcc", "cc", "cc_excluded", "drg_path"]
MAPPING_COLUMNS = ["code_map", "mapped_codes"]  # with --code-map: the mapping and the codes it changed


def decode(data: bytes) -> str | None:
    try:
        return reading.decode(data)[0]  # the imports' reader: UTF-8 (BOM or not), else GBK
    except reading.ReadError:
        return None


class Command(BaseCommand):
    help = (
        "CHS-DRG 1.1 grouping: `tixi drg group --input F.csv --out F.csv` adds drg, path and reason columns; "
        "`tixi drg compare --cases N` checks the grouper against OpenDRG's DRG_Python case by case."
    )

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        grouping = verbs.add_parser("group", help="group a CSV of discharges (lists |-separated)")
        grouping.add_argument(
            "--input",
            required=True,
            help="CSV with sex, age_years, age_days, "
            "principal_diagnosis, other_diagnoses, procedures [, birth_weight]",
        )
        grouping.add_argument("--out", required=True, help="the same rows with the DRG columns added")
        grouping.add_argument(
            "--code-map",
            help="the version of a clinical → 医保 code mapping to apply before grouping "
            "(`tixi hospitals mappings import`); the codes it changed are written per row",
        )
        compare = verbs.add_parser("compare", help="parity with OpenDRG's DRG_Python on generated cases")
        compare.add_argument("--cases", type=int, default=10_000)
        compare.add_argument("--seed", type=int, default=2023)
        compare.add_argument(
            "--reference",
            help=f"the DRG_Python snapshot (the folder holding drg_group/); default ${ENVIRONMENT}",
        )

    def handle(self, *args, verb, **options):
        if verb == "group":
            return self.group(Path(options["input"]), Path(options["out"]), options.get("code_map"))
        return self.compare(options["cases"], options["seed"], options["reference"])

    def group(self, source: Path, out: Path, code_map: str | None = None):
        mapping = None
        if code_map:
            try:
                mapping = figures.choose_code_map(code_map)
            except figures.FigureError as error:
                raise CommandError(f"--code-map: {error} " + _("Nothing was written.")) from error
        try:
            data = source.read_bytes()
        except OSError as error:
            raise CommandError(
                _("%(file)s cannot be read: %(error)s") % {"file": source, "error": error}
            ) from error
        text = decode(data)
        if text is None or "\x00" in text[:4096]:
            raise CommandError(
                _("%(file)s is not a CSV (neither UTF-8 nor GBK text). Nothing was written.")
                % {"file": source}
            )
        rules = load_rules()
        try:
            table = read_case_table(text, rules, mapping)
        except CaseTableError as error:
            lines = [
                _("Row %(row)s, %(field)s: %(problem)s")
                % {"row": problem.row, "field": problem.field, "problem": _(problem.message) % problem.params}
                for problem in error.problems
            ]
            if error.more:
                lines.append(_("... and %(count)s more problems.") % {"count": error.more})
            lines.append(_("Nothing was written."))
            raise CommandError("\n".join(lines)) from error
        started = time.perf_counter()
        grouping = group(table.cases, rules)
        seconds = time.perf_counter() - started
        self.write_atomically(out, table, grouping)
        grouped = int((grouping.status == 0).sum())
        self.stdout.write(
            _(
                "%(rows)s discharges: %(grouped)s grouped, %(other)s not; grouped in %(seconds).1f s. Written to %(out)s."
            )
            % {
                "rows": len(table.rows),
                "grouped": grouped,
                "other": len(table.rows) - grouped,
                "seconds": seconds,
                "out": out,
            }
        )

    def write_atomically(self, out: Path, table, grouping):
        folder = out.resolve().parent
        if not folder.is_dir():
            raise CommandError(
                _("The folder of %(file)s does not exist. Nothing was written.") % {"file": out}
            )
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".drg-", suffix=".csv")
        try:
            with os.fdopen(handle, "w", newline="", encoding="utf-8") as stream:
                writer = csv.writer(stream, lineterminator="\n")
                columns = RESULT_COLUMNS + (MAPPING_COLUMNS if table.code_map else [])
                # the user's own columns come back: text like a formula (=, +, -, @) is kept as text
                writer.writerow(safe_cells(table.header + columns))
                results = grouping.columns()
                texts = {key: _(text) if text else "" for key, text in REASON_TEXTS.items()}
                results["drg_reason_text"] = [texts[reason] for reason in results["drg_reason"]]
                if table.code_map:
                    results["code_map"] = [table.code_map] * len(table.rows)
                    results["mapped_codes"] = table.mapped_codes
                width = len(table.header)
                writer.writerows(
                    safe_cells(row[:width] + list(result))
                    for row, result in zip(
                        table.rows,
                        zip(*(results[column] for column in columns), strict=True),
                        strict=True,
                    )
                )
            os.replace(temporary, out)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def compare(self, count: int, seed: int, reference: str | None):
        if count < 1:
            raise CommandError(_("--cases must be at least 1."))
        rules = load_rules()
        cases = generate_cases(count, seed=seed, rules=rules)
        started = time.perf_counter()
        grouping = group(cases, rules)
        ours = time.perf_counter() - started
        started = time.perf_counter()
        try:
            result = parity(cases, grouping, reference)
        except ReferenceMissing as error:
            raise CommandError(
                _(
                    "The OpenDRG DRG_Python snapshot was not found (%(path)s): give --reference or set %(setting)s "
                    "to the folder holding drg_group/."
                )
                % {"path": error, "setting": ENVIRONMENT}
            ) from error
        theirs = time.perf_counter() - started
        write = self.stdout.write
        coverage = result.coverage
        write(
            _("%(identical)s of %(cases)s generated cases (seed %(seed)s) get the same DRG: %(share).2f%%.")
            % {
                "identical": result.identical,
                "cases": result.cases,
                "seed": seed,
                "share": 100 * result.share,
            }
        )
        write(
            _(
                "Covered: %(mdcs)s of %(mdcs_in_scheme)s MDCs, %(adrgs)s of %(adrgs_in_scheme)s ADRGs, "
                "%(drgs)s of %(drgs_in_scheme)s DRGs; %(with_mcc)s placed by an MCC, %(with_cc)s by a CC, "
                "%(exclusion_decided)s decided by a CC exclusion (%(with_excluded_code)s hold an excluded code), "
                "%(no_group)s without group, %(check_failed)s failing a check."
            )
            % coverage
        )
        write(
            _("Tixi %(ours).2f s, OpenDRG %(theirs).1f s (one case at a time, with the comparison).")
            % {"ours": ours, "theirs": theirs}
        )
        for difference in result.differences:
            i = difference.case
            write(
                f"case {i}: tixi {difference.ours or '-'} vs OpenDRG {difference.reference or '-'}; "
                f"{difference.row['drg_path']} {difference.row['drg_reason']} | sex {cases.sex[i]} "
                f"age {cases.age_years[i]:g} days {cases.age_days[i]:g} weight {cases.birth_weight[i]:g} "
                f"pdx {cases.principal_diagnosis[i]} other {cases.other_diagnoses[i]} proc {cases.procedures[i]}"
            )
