"""Writes a control list for R from Python values."""


def r_value(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dict):
        return "list(" + ", ".join(f"{key} = {r_value(item)}" for key, item in value.items()) + ")"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def r_control(first: int, last: int, control: dict) -> str:
    items = [f"range = {first}:{last}"] + [f"{key} = {r_value(value)}" for key, value in control.items()]
    return "list(" + ", ".join(items) + ")"
