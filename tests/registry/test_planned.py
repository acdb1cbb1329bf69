"""The dashboard asks planned capacity through the registry's declared interface, never the ledger."""

from tixi.registry import planned


def test_planned_capacity_sums_every_registered_provider(monkeypatch):
    monkeypatch.setattr(planned, "_providers", [])
    assert planned.planned_capacity_in(object()) == {"beds": 0, "childcare_places": 0}
    planned.register_planned_capacity(lambda division: {"beds": 120, "childcare_places": None})
    planned.register_planned_capacity(lambda division: {"beds": 30, "childcare_places": 40})
    assert planned.planned_capacity_in(object()) == {"beds": 150, "childcare_places": 40}


def test_the_ledger_registers_its_projects():
    from tixi.ledger.services import planned_capacity_in

    assert planned_capacity_in in planned._providers
