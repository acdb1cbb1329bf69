"""Which modules build the demo: `pytest --collect-only -p tests.demo_census` prints each module with a
test that needs the demo (touches the database, not marked `without_demo`), as needing/collected, then
the counts."""

from collections import Counter

_needing, _collected = Counter(), Counter()


def pytest_collection_modifyitems(session, config, items):
    from tests.conftest import needs_the_demo  # once Django is set up

    for item in items:
        module = item.nodeid.split("::")[0]
        _collected[module] += 1
        _needing[module] += needs_the_demo(item)


def pytest_terminal_summary(terminalreporter):
    building = sorted(m for m in _needing if _needing[m])
    for module in building:
        terminalreporter.write_line(f"{module}\t{_needing[module]}/{_collected[module]}")
    terminalreporter.write_line(
        f"modules building the demo: {len(building)} of {len(_collected)}; "
        f"tests needing it: {sum(_needing.values())} of {sum(_collected.values())}"
    )
