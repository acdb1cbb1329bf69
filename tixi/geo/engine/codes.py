"""Statistical division codes (统计用区划代码): 12 digits, GB/T 2260 for the first six.

Pure functions, no Django: used by validation, imports and the demo builder.
"""

from dataclasses import dataclass

from tixi.core.text import digits

PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE = 1, 2, 3, 4, 5
LEVELS = (PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE)
# Number of significant leading digits at each level: 省2 市4 县6 乡9 村12.
SIGNIFICANT_DIGITS = {PROVINCE: 2, CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12}


@dataclass(frozen=True)
class CodeProblem:
    field: str
    message: str  # English msgid; callers translate


def level_of(code: str) -> int:
    """The level a well-formed 12-digit code denotes, read from its trailing zeros."""
    for level in (VILLAGE, TOWNSHIP, COUNTY, CITY):
        digits = SIGNIFICANT_DIGITS[level]
        lower = SIGNIFICANT_DIGITS[level - 1]
        if code[lower:digits].strip("0") and not code[digits:].strip("0"):
            return level
    return PROVINCE


def expected_parent_prefix(code: str, level: int) -> str:
    """The leading digits the parent's code shares with this code."""
    return code[: SIGNIFICANT_DIGITS[level - 1]] if level > PROVINCE else ""


def check_code(code: str, level: int | None = None, parent_code: str | None = None) -> list[CodeProblem]:
    problems: list[CodeProblem] = []
    if not isinstance(code, str) or len(code) != 12 or not digits(code):
        return [CodeProblem("code", "A division code must be exactly 12 digits.")]
    if level is not None and level in SIGNIFICANT_DIGITS and code[SIGNIFICANT_DIGITS[level] :].strip("0"):
        problems.append(CodeProblem("code", "The code has digits beyond those of its level."))
    if parent_code is not None and level is not None and level > PROVINCE:
        prefix = expected_parent_prefix(code, level)
        if parent_code[: len(prefix)] != prefix:
            problems.append(CodeProblem("parent", "The code does not begin with its parent's code."))
    return problems


def pad(code: str) -> str:
    """Pad a 2/4/6/9-digit GB/T code to the 12-digit statistical form."""
    return (code + "0" * 12)[:12]
