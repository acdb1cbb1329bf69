from tixi.core import clock


def demo_day(request):
    """On a demo database, the day its pages take as today (shown discreetly on every page): the demo's
    remembered today, or TIXI_TODAY where it is set. Nothing on a commission's database."""
    if clock.demo_today() is None:
        return {}
    return {"demo_today": clock.today()}
