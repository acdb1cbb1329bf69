import re

from django.core.management import call_command

from tixi.surveillance.engine import rsurveillance


def test_bench_surveillance_times_the_series_and_r_beside(capsys):
    call_command("bench", "surveillance", series=300, r_series=2)
    out = capsys.readouterr().out
    assert re.search(r"load average [\d.]+ [\d.]+ [\d.]+", out)
    assert re.search(r"300 weekly series x 315 weeks .* monitored weeks 264\.\.315 \(52\)", out)
    assert re.search(r"farrington-flexible +[\d.]+ s total +[\d.]+ ms per series", out)
    if rsurveillance.has_surveillance():
        assert re.search(
            r"R / Tixi per series \(Tixi at scale\): [\d,]+x; same alarms: yes, upper bounds within 1e-6: yes",
            out,
        )
    else:
        assert "R with the surveillance package is not installed" in out
