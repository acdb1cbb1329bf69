"""Render an expression in words (Chinese by default, English on request). No Django: the caller
passes the labels of codes (institution types, measures, data elements, indicators)."""

from tixi.indicators.engine import expression as ex

WORDS = {
    "zh-hans": {
        "+": "{a}加{b}",
        "-": "{a}减{b}",
        "*": "{a}乘以{b}",
        "/": "{a}除以{b}",
        "==": "{a}等于{b}",
        "!=": "{a}不等于{b}",
        "<": "{a}小于{b}",
        "<=": "{a}不大于{b}",
        ">": "{a}大于{b}",
        ">=": "{a}不小于{b}",
        "and": "{a}并且{b}",
        "or": "{a}或者{b}",
        "neg": "负的{a}",
        "if": "若{0}则{1}否则{2}",
        "greatest": "{args}中的最大者",
        "least": "{args}中的最小者",
        "isNull": "{0}是否缺失",
        "firstNonNull": "{args}中第一个有值者",
        "sep": "、",
        "sum": "{filters}{measure}之和",
        "count": "{filters}机构数",
        "population": "{filters}常住人口",
        "data": "“{name}”",
        "data_option": "“{name}”（{option}）",
        "indicator": "指标“{name}”",
        "of": "的",
        "either": "或",
        "and_filters": "且",
        "level>=": "{v}级及以上",
        "level<=": "{v}级及以下",
        "level=": "{v}级",
        "level>": "{v}级以上",
        "level<": "{v}级以下",
        "designation": "具有“{v}”认定",
        "department": "设有{v}",
        "not": "非",
        "sex": "{v}性",
        "age": "{v}岁",
    },
    "en": {
        "+": "{a} plus {b}",
        "-": "{a} minus {b}",
        "*": "{a} times {b}",
        "/": "{a} divided by {b}",
        "==": "{a} equals {b}",
        "!=": "{a} differs from {b}",
        "<": "{a} is less than {b}",
        "<=": "{a} is at most {b}",
        ">": "{a} is more than {b}",
        ">=": "{a} is at least {b}",
        "and": "{a} and {b}",
        "or": "{a} or {b}",
        "neg": "minus {a}",
        "if": "if {0} then {1} else {2}",
        "greatest": "the greatest of {args}",
        "least": "the least of {args}",
        "isNull": "whether {0} is missing",
        "firstNonNull": "the first of {args} that has a value",
        "sep": ", ",
        "sum": "sum of {measure}{filters}",
        "count": "number of institutions{filters}",
        "population": "resident population{filters}",
        "data": "'{name}'",
        "data_option": "'{name}' ({option})",
        "indicator": "indicator '{name}'",
        "of": " of ",
        "either": " or ",
        "and_filters": " and ",
        "level>=": "level {v} and above",
        "level<=": "level {v} and below",
        "level=": "level {v}",
        "level>": "above level {v}",
        "level<": "below level {v}",
        "designation": "designated '{v}'",
        "department": "with a {v}",
        "not": "not ",
        "sex": "{v}",
        "age": "aged {v}",
    },
}


def describe(node: ex.Node, labels: dict[str, str] | None = None, language: str = "zh-hans") -> str:
    words = WORDS["en" if language.startswith("en") else "zh-hans"]
    labels = labels or {}

    def label(code):
        return labels.get(code, code)

    def filters_text(filters):
        parts = []
        for f in filters:
            shown = words["either"].join(label(v) for v in f.values)
            if f.key == "level":
                parts.append(words[f"level{f.op}"].format(v=shown))
            elif f.key in ("designation", "department", "sex", "age"):
                parts.append(words[f.key].format(v=shown))
            else:
                parts.append((words["not"] if f.op == "!=" else "") + shown)
        return words["and_filters"].join(parts)

    def render(n):
        if isinstance(n, ex.Number):
            return f"{n.value:g}"
        if isinstance(n, ex.DataItem):
            key = "data_option" if n.option else "data"
            return words[key].format(name=label(n.code), option=label(n.option or ""))
        if isinstance(n, ex.RegistrySum):
            text = filters_text(n.filters)
            if text:
                text = (text + words["of"]) if words is WORDS["zh-hans"] else words["of"] + text
            return words["sum"].format(filters=text, measure=label(n.measure))
        if isinstance(n, ex.RegistryCount | ex.PopulationItem):
            text = filters_text(n.filters)
            key = "count" if isinstance(n, ex.RegistryCount) else "population"
            if text:
                text = (text + words["of"]) if words is WORDS["zh-hans"] else words["of"] + text
            return words[key].format(filters=text)
        if isinstance(n, ex.IndicatorRef):
            return words["indicator"].format(name=label(n.code))
        if isinstance(n, ex.Unary):
            return words["neg"].format(a=render(n.operand))
        if isinstance(n, ex.Binary):
            left, right = render(n.left), render(n.right)
            if isinstance(n.left, ex.Binary):
                left = f"（{left}）" if words is WORDS["zh-hans"] else f"({left})"
            if isinstance(n.right, ex.Binary):
                right = f"（{right}）" if words is WORDS["zh-hans"] else f"({right})"
            return words[n.op].format(a=left, b=right)
        if isinstance(n, ex.Call):
            args = [render(a) for a in n.args]
            return words[n.name].format(*args, args=words["sep"].join(args))
        raise TypeError(n)

    return render(node)
