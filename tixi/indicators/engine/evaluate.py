"""Vectorised evaluation of parsed expressions over many cells (division × year) at once. No Django.

Item values arrive already aggregated over each cell's division subtree and year (numerator and
denominator separately), so an indicator is a ratio of sums, never a mean of ratios. Missing data
is NaN and stays NaN through arithmetic; division by zero gives NaN too, with its reason.
"""

import dataclasses
import warnings
from dataclasses import dataclass

import numpy as np

from tixi.indicators.engine import expression as ex


def item_key(node: ex.Node) -> ex.Node:
    """Items that differ only by position are the same item."""
    return dataclasses.replace(node, position=0)


@dataclass(frozen=True)
class IndicatorDef:
    code: str
    numerator: ex.Node
    denominator: ex.Node | None
    factor: float = 1.0


class Evaluator:
    def __init__(self, values: dict, size: int, indicators: dict[str, IndicatorDef] | None = None):
        self.values = values
        self.size = size
        self.indicators = indicators or {}
        self._cache: dict[str, np.ndarray] = {}
        self._stack: list[str] = []

    def item(self, node) -> np.ndarray:
        if isinstance(node, ex.IndicatorRef):
            return self.indicator(node.code)
        key = item_key(node)
        if key not in self.values:
            return np.full(self.size, np.nan)
        return np.asarray(self.values[key], dtype=float)

    def indicator(self, code: str) -> np.ndarray:
        if code in self._cache:
            return self._cache[code]
        if code in self._stack:
            raise ex.ExpressionError("Indicator %(code)r refers to itself.", 0, code=code)
        if code not in self.indicators:
            raise ex.ExpressionError("Unknown indicator %(code)r.", 0, code=code)
        self._stack.append(code)
        definition = self.indicators[code]
        numerator = self.eval(definition.numerator)
        if definition.denominator is not None:
            denominator = self.eval(definition.denominator)
            result = divide(numerator, denominator) * definition.factor
        else:
            result = numerator * definition.factor
        self._stack.pop()
        self._cache[code] = result
        return result

    def eval(self, node: ex.Node) -> np.ndarray:
        if isinstance(node, ex.Number):
            return np.full(self.size, node.value)
        if isinstance(node, ex.ITEM_TYPES):
            return self.item(node)
        if isinstance(node, ex.Unary):
            return -self.eval(node.operand)
        if isinstance(node, ex.Binary):
            a, b = self.eval(node.left), self.eval(node.right)
            return binary(node.op, a, b)
        if isinstance(node, ex.Call):
            args = [self.eval(a) for a in node.args]
            return call(node.name, args)
        raise TypeError(node)


def divide(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b == 0, np.nan, a / np.where(b == 0, 1, b))


def binary(op: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return divide(a, b)
    missing = np.isnan(a) | np.isnan(b)
    if op in ("and", "or"):
        result = ((a != 0) & (b != 0)) if op == "and" else ((a != 0) | (b != 0))
    else:
        result = {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
    return np.where(missing, np.nan, result.astype(float))


def call(name: str, args: list[np.ndarray]) -> np.ndarray:
    if name == "if":
        condition, then, otherwise = args
        return np.where(np.isnan(condition), np.nan, np.where(condition != 0, then, otherwise))
    if name == "isNull":
        return np.isnan(args[0]).astype(float)
    stacked = np.vstack(args)
    if name == "firstNonNull":
        result = np.full(stacked.shape[1], np.nan)
        for row in stacked[::-1]:
            result = np.where(np.isnan(row), result, row)
        return result
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns stay NaN
        return np.nanmax(stacked, axis=0) if name == "greatest" else np.nanmin(stacked, axis=0)


def missing_reasons(
    definition: IndicatorDef, evaluator: Evaluator, labels: dict[str, str]
) -> list[str | None]:
    """Why each cell has no value: the items without data, or a zero denominator."""
    reasons: list[list[str]] = [[] for _ in range(evaluator.size)]
    nodes = ex.items_of(definition.numerator) + (
        ex.items_of(definition.denominator) if definition.denominator else []
    )
    for node in nodes:
        values = evaluator.item(node)
        key = getattr(node, "code", None) or getattr(node, "measure", "")
        # an item without a code of its own (N{…} counts, the population) is named by its kind
        name = labels.get(key, "") or labels.get(type(node).__name__, "") or type(node).__name__
        for i in np.flatnonzero(np.isnan(values)):
            reasons[i].append(f"no data: {name}")
    if definition.denominator is not None:
        denominator = evaluator.eval(definition.denominator)
        for i in np.flatnonzero(denominator == 0):
            reasons[i].append("denominator is zero")
    return ["; ".join(dict.fromkeys(r)) or None for r in reasons]
