"""`tixi figures --check` prints each figure as the seed publishes it: a count whole ("28", not
"28.0"), a rate at its decimals (review13 fault 9). No database."""

from tixi.registry.engine.figures import check


def test_a_checked_figure_is_shown_at_the_seeds_precision():
    published = [
        {"key": "provincial_key_specialties", "value": 28},
        {"key": "health_workers", "value": 27808},
        {"key": "geriatrics_pct", "value": 53.3, "decimals": 1},
        {"key": "ratio", "value": 1.28, "decimals": 2},
    ]
    computed = {
        "provincial_key_specialties": 28.0,
        "health_workers": 27808.0,
        "geriatrics_pct": 53.3333,
        "ratio": 1.1,
    }
    shown = {r.key: (r.shown(r.published), r.shown(r.computed)) for r in check(published, computed)}
    assert shown == {
        "provincial_key_specialties": ("28", "28"),
        "health_workers": ("27808", "27808"),
        "geriatrics_pct": ("53.3", "53.3"),
        "ratio": ("1.28", "1.10"),
    }
