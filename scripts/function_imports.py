"""Imports hidden inside functions, and the apps that import each other (issue 13's measure).

.venv/bin/python scripts/function_imports.py        # counts and pairs of apps importing each other
.venv/bin/python scripts/function_imports.py -v     # every import inside a function
.venv/bin/python scripts/function_imports.py -e     # every import from one app into another
"""

import ast
import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def module_name(path: Path) -> str:
    name = ".".join(path.relative_to(REPO).with_suffix("").parts)
    return name.removesuffix(".__init__")


def imported(node, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not node.level:
        return [node.module or ""]
    base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
    return [".".join(base + ([node.module] if node.module else []))]


def scan():
    nested, edges = [], collections.defaultdict(set)
    for path in sorted((REPO / "tixi").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = module_name(path)
        app = (module.split(".") + [""])[1]
        stack = [(ast.parse(path.read_text()), False)]
        while stack:
            node, in_function = stack.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.Import | ast.ImportFrom):
                    for target in imported(child, module, path.name == "__init__.py"):
                        if in_function:
                            nested.append((module, child.lineno, target))
                        if target.startswith("tixi.") and target.split(".")[1] != app:
                            edges[(app, target.split(".")[1])].add((module, target, in_function))
                else:
                    inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                    stack.append((child, inside))
    return nested, edges


def main(argv):
    nested, edges = scan()
    print("imports inside functions:", len(nested))
    print("  of which of tixi modules:", sum(1 for _m, _l, t in nested if t.startswith("tixi")))
    for module, line, target in sorted(nested) if "-v" in argv else ():
        print(f"    {module}:{line} {target}")
    print("apps importing each other:")
    for a, b in sorted(edges):
        if a < b and (b, a) in edges:
            print(f"  {a} <-> {b}")
    for (a, b), found in sorted(edges.items()) if "-e" in argv else ():
        print(f"{a} -> {b}")
        for module, target, in_function in sorted(found):
            print(f"    {module} -> {target}{' (in a function)' if in_function else ''}")


if __name__ == "__main__":
    main(sys.argv[1:])
