"""One expression language for indicators (and later validation rules and layout norms).

Parsed into an AST, never eval'd. Items:

    #{code}                 a data element's value (entered per division and period)
    #{code.option}          ... one disaggregation of it (e.g. #{smoking_rate.F})
    R{measure}              sum of a yearly resource over institutions, e.g. R{actual_beds}
    R{measure: filters}     ... over institutions matching filters, e.g. R{physicians: category=hospital}
    N{filters}              count of institutions matching filters, e.g. N{type=cdc}
    P{}  P{filters}         resident population, e.g. P{age=65+}, P{sex=F & age=0-2|3-6}
    I{code}                 another indicator's value

Filters are `key op value` joined by `&`; `op` is one of = != >= <= > <, and `a|b` means either.
Functions: if(c, a, b), greatest(...), least(...), isNull(x), firstNonNull(...).
Operators: + - * / and comparisons (== != < <= > >=), `and`, `or`.

Errors carry the position (0-based character offset) and an English msgid with parameters.
"""

import re
from dataclasses import dataclass, field

INSTITUTION_KEYS = {
    "type",
    "category",
    "level",
    "grade",
    "ownership",
    "operator",
    "designation",
    "department",
    "name",
    "emr_level",
    "smart_stars",  # the level reached of those two designations, e.g. emr_level>=4
}
POPULATION_KEYS = {"sex", "age"}
FUNCTIONS = {"if": (3, 3), "greatest": (1, 99), "least": (1, 99), "isNull": (1, 1), "firstNonNull": (1, 99)}
COMPARATORS = ("==", "!=", "<=", ">=", "<", ">")
FILTER_OPS = ("!=", ">=", "<=", "=", ">", "<")
# Parsing, describing and evaluating recurse over the tree: a limit keeps a hostile expression
# (200 nested parentheses, a chain of 5,000 terms) a message, not a RecursionError (a 500).
MAX_DEPTH = 50
TOO_DEEP = "The expression is nested too deeply (more than %(n)s levels); simplify it."


class ExpressionError(ValueError):
    def __init__(self, message: str, position: int, **params):
        self.message, self.position, self.params = message, position, params
        super().__init__(f"{message % params if params else message} (at {position})")


@dataclass(frozen=True)
class Filter:
    key: str
    op: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Node:
    position: int


@dataclass(frozen=True)
class Number(Node):
    value: float


@dataclass(frozen=True)
class DataItem(Node):
    code: str
    option: str | None = None


@dataclass(frozen=True)
class RegistrySum(Node):
    measure: str
    filters: tuple[Filter, ...] = ()


@dataclass(frozen=True)
class RegistryCount(Node):
    filters: tuple[Filter, ...] = ()


@dataclass(frozen=True)
class PopulationItem(Node):
    filters: tuple[Filter, ...] = ()


@dataclass(frozen=True)
class IndicatorRef(Node):
    code: str


@dataclass(frozen=True)
class Unary(Node):
    op: str
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call(Node):
    name: str
    args: tuple[Node, ...] = field(default=())


ITEM_TYPES = (DataItem, RegistrySum, RegistryCount, PopulationItem, IndicatorRef)

TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<item>[#RNPI]\{[^{}]*\})|(?P<name>[A-Za-z_][A-Za-z_0-9]*)"
    r"|(?P<op>==|!=|<=|>=|[-+*/(),<>]))"
)


@dataclass
class Token:
    kind: str
    text: str
    position: int


def tokenize(text: str) -> list[Token]:
    tokens, position = [], 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        opening = re.compile(r"\s*([#RNPI])\{").match(text, position)
        if opening and "}" not in text[opening.end() :]:
            raise ExpressionError("An item is not closed with '}'.", opening.start(1))
        match = TOKEN.match(text, position)
        if not match:
            start = len(text) - len(text[position:].lstrip())
            if text[start] in "#RNPI" and start + 1 < len(text) and text[start + 1] == "{":
                raise ExpressionError("An item is not closed with '}'.", start)
            raise ExpressionError("Unexpected character %(char)r.", start, char=text[start])
        kind = match.lastgroup
        tokens.append(Token(kind, match.group(kind), match.start(kind)))
        position = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


def parse_filters(body: str, offset: int, allowed: set[str]) -> tuple[Filter, ...]:
    filters = []
    if not body.strip():
        return ()
    cursor = offset
    for part in body.split("&"):
        stripped = part.strip()
        at = cursor + len(part) - len(part.lstrip())
        for op in FILTER_OPS:
            if op in stripped:
                key, value = (s.strip() for s in stripped.split(op, 1))
                break
        else:
            raise ExpressionError(
                "A filter needs a key, an operator and a value: %(text)r.", at, text=stripped
            )
        if key not in allowed:
            raise ExpressionError(
                "Unknown filter key %(key)r; use one of %(keys)s.",
                at,
                key=key,
                keys=", ".join(sorted(allowed)),
            )
        values = tuple(v.strip() for v in value.split("|") if v.strip())
        if not values:
            raise ExpressionError("The filter %(key)r has no value.", at, key=key)
        filters.append(Filter(key, op, values))
        cursor += len(part) + 1
    return tuple(filters)


def parse_item(token: Token) -> Node:
    sigil, body, pos = token.text[0], token.text[2:-1], token.position
    inner = pos + 2
    if sigil == "#":
        code, _, option = body.strip().partition(".")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", code):
            raise ExpressionError(
                "A data element code is letters, digits and '_': %(code)r.", inner, code=code
            )
        return DataItem(pos, code, option or None)
    if sigil == "R":
        measure, _, filters = body.partition(":")
        measure = measure.strip()
        if not re.fullmatch(r"[a-z_]+", measure):
            raise ExpressionError("R{...} needs a resource measure, e.g. R{actual_beds}.", inner)
        return RegistrySum(pos, measure, parse_filters(filters, inner + len(measure) + 1, INSTITUTION_KEYS))
    if sigil == "N":
        return RegistryCount(pos, parse_filters(body, inner, INSTITUTION_KEYS))
    if sigil == "P":
        return PopulationItem(pos, parse_filters(body, inner, POPULATION_KEYS))
    code = body.strip()
    if not re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", code):
        raise ExpressionError("I{...} needs an indicator code.", inner)
    return IndicatorRef(pos, code)


class Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    def nest(self):
        """One level deeper (a parenthesis, a function's arguments, a unary minus)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(TOO_DEEP, self.token.position, n=MAX_DEPTH)

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    def take(self, text: str | None = None) -> Token:
        token = self.token
        if text is not None and token.text != text:
            if token.kind == "end":
                raise ExpressionError(
                    "The expression ends early; expected %(text)r.", token.position, text=text
                )
            raise ExpressionError(
                "Expected %(text)r, found %(found)r.", token.position, text=text, found=token.text
            )
        self.i += 1
        return token

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise ExpressionError("The expression is empty.", 0)
        node = self.or_()
        if self.token.kind != "end":
            raise ExpressionError("Unexpected %(found)r.", self.token.position, found=self.token.text)
        if depth_of(node) > 4 * MAX_DEPTH:  # long chains: a + b + c + ... nest on the left
            raise ExpressionError(TOO_DEEP, 0, n=4 * MAX_DEPTH)
        return node

    def or_(self):
        node = self.and_()
        while self.token.kind == "name" and self.token.text == "or":
            pos = self.take().position
            node = Binary(pos, "or", node, self.and_())
        return node

    def and_(self):
        node = self.comparison()
        while self.token.kind == "name" and self.token.text == "and":
            pos = self.take().position
            node = Binary(pos, "and", node, self.comparison())
        return node

    def comparison(self):
        node = self.sum()
        if self.token.text in COMPARATORS:
            token = self.take()
            node = Binary(token.position, token.text, node, self.sum())
        return node

    def sum(self):
        node = self.term()
        while self.token.text in ("+", "-"):
            token = self.take()
            node = Binary(token.position, token.text, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.token.text in ("*", "/"):
            token = self.take()
            node = Binary(token.position, token.text, node, self.unary())
        return node

    def unary(self):
        if self.token.text == "-":
            token = self.take()
            self.nest()
            node = Unary(token.position, "-", self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self):
        token = self.token
        if token.kind == "number":
            self.take()
            return Number(token.position, float(token.text))
        if token.kind == "item":
            self.take()
            return parse_item(token)
        if token.text == "(":
            self.take()
            self.nest()
            node = self.or_()
            self.take(")")
            self.depth -= 1
            return node
        if token.kind == "name":
            if token.text not in FUNCTIONS:
                raise ExpressionError(
                    "Unknown function %(name)r; use one of %(names)s.",
                    token.position,
                    name=token.text,
                    names=", ".join(FUNCTIONS),
                )
            self.take()
            self.take("(")
            self.nest()
            args = [self.or_()]
            while self.token.text == ",":
                self.take()
                args.append(self.or_())
            self.take(")")
            self.depth -= 1
            low, high = FUNCTIONS[token.text]
            if not low <= len(args) <= high:
                raise ExpressionError(
                    "%(name)s takes %(low)s to %(high)s arguments, not %(n)s.",
                    token.position,
                    name=token.text,
                    low=low,
                    high=high,
                    n=len(args),
                )
            return Call(token.position, token.text, tuple(args))
        if token.kind == "end":
            raise ExpressionError("The expression ends early.", token.position)
        raise ExpressionError("Unexpected %(found)r.", token.position, found=token.text)


def depth_of(root: Node) -> int:
    """The depth of a tree, without recursion."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, Unary):
            stack.append((node.operand, depth + 1))
        elif isinstance(node, Binary):
            stack += [(node.left, depth + 1), (node.right, depth + 1)]
        elif isinstance(node, Call):
            stack += [(arg, depth + 1) for arg in node.args]
    return deepest


def parse(text: str) -> Node:
    return Parser(text).parse()


def items_of(node: Node) -> list[Node]:
    """Every item in an expression, in order of appearance."""
    if isinstance(node, ITEM_TYPES):
        return [node]
    if isinstance(node, Unary):
        return items_of(node.operand)
    if isinstance(node, Binary):
        return items_of(node.left) + items_of(node.right)
    if isinstance(node, Call):
        return [item for arg in node.args for item in items_of(arg)]
    return []


def is_total(numerator: Node, denominator: Node | None, additive: set[str]) -> bool:
    """Whether an indicator is a total of its division (staff, beds, institutions counted): no
    denominator, and its numerator adds up registry sums and counts and additive data elements (codes
    in `additive`), scaled by numbers at most ("R{staff} / 10000" in 万人). Such a total of a region
    is no target of its parts; a rate, a share or an average is not a total."""
    if denominator is not None:
        return False
    stack, items = [numerator], 0
    while stack:
        node = stack.pop()
        if isinstance(node, RegistrySum | RegistryCount):
            items += 1
        elif isinstance(node, DataItem):
            if node.code not in additive:
                return False
            items += 1
        elif isinstance(node, Number):
            continue
        elif isinstance(node, Unary) and node.op == "-":
            stack.append(node.operand)
        elif isinstance(node, Binary) and (
            node.op in ("+", "-")
            or (node.op == "*" and (isinstance(node.left, Number) or isinstance(node.right, Number)))
        ):
            stack += [node.left, node.right]
        elif isinstance(node, Binary) and node.op == "/" and isinstance(node.right, Number):
            stack.append(node.left)
        else:  # a population, another indicator, a ratio of items, a function: not a plain total
            return False
    return items > 0
