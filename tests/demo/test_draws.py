"""The demo's random draws are kept per division and institution: adding one institution moves no
other institution's draws (one stream for all had shifted every draw after it, and a one-line fix
of where a CDC stands moved 仁和区 under 3 beds per 1,000)."""

import copy

from tixi.demo.builder import DemoBuilder, load_specs


def snapshot(builder, regions):
    return {
        i.key: (i.point, i.opened_on, i.closed_on, i.base, i.years)
        for i in builder.institutions
        if i.county.code[:4] in regions
    }


def test_adding_an_institution_leaves_every_other_draw_as_it_was():
    specs = load_specs()
    before = DemoBuilder().build(copy.deepcopy(specs))
    # one more named hospital in 攀枝花 (built first): the regions built after it draw as before
    panzhihua = next(s for s in specs if s["code"] == "510400")
    panzhihua["named"].append(
        {
            "name": "攀枝花市康复医院",
            "county": "510403",
            "type": "rehabilitation_hospital",
            "operator": "city",
        }
    )
    after = DemoBuilder().build(specs)
    others = {"5117", "5119", "5002"}  # 达州, 巴中, 巫山
    assert snapshot(before, others) == snapshot(after, others)
    # inside 攀枝花, every institution keeps its site and dates (resources share published totals)
    sites = lambda b: {i.key: (i.point, i.opened_on) for i in b.institutions if i.key[0].startswith("5104")}  # noqa: E731
    kept = sites(before)
    assert {k: v for k, v in sites(after).items() if k in kept} == kept
    assert len(sites(after)) == len(kept) + 1
