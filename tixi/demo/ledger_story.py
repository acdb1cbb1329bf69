"""A year in the life of a commission (demo only): the ledger as it stands on the demo's today.

The seeds give the tasks, their units and deadlines (mostly the end of 2025) and 达川's projects;
what happened since is made up here, on dates that make sense with those deadlines: tasks done,
in progress, at risk and late, quarterly progress reports, closed loops (problem → measure →
rectified → verified), a task of 达州 assigned down to its counties, and the projects' milestones.
Each demo account has work of its own. Every text written here says it is demo data.

The first task of 达州's plan is left as the seed gives it: the ledger's tests start from it.
"""

import datetime as dt
import re
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tixi.accounts.models import Role, User
from tixi.demo.calendar import DEMO_TODAY
from tixi.geo.models import Division
from tixi.indicators.models import Plan
from tixi.ledger import services
from tixi.ledger.models import (
    Milestone,
    Notification,
    Progress,
    Project,
    ProjectInvestment,
    ProjectStatus,
    Rectification,
    Task,
    TaskStatus,
    Unit,
)

# The demo's today (tixi.demo.calendar): in the last quarter of the 14th five-year plan, when most tasks
# fall due at the end of the year; the last full year of data (the scorecards' default) is then 2024.
DEMO = "（演示数据）"
QUARTERS = ("2024-03", "2024-06", "2024-09", "2024-12", "2025-03", "2025-06", "2025-09")

PANZHIHUA, MIYI, DAZHOU, DACHUAN = "510400000000", "510421000000", "511700000000", "511703000000"

# 攀枝花's plan names targets but no responsible units: the demo gives it tasks of its own, led by
# the units the demo accounts belong to (title, lead, cooperating, deadline, status, percent).
PANZHIHUA_TASKS = (
    (
        "建设川西南滇西北区域医疗中心",
        "攀枝花市中心医院",
        ("市卫生健康委",),
        dt.date(2025, 12, 31),
        "in_progress",
        75,
    ),
    (
        "米易县人民医院创建三级医院",
        "米易县卫生健康局",
        ("市卫生健康委",),
        dt.date(2025, 6, 30),
        "in_progress",
        60,
    ),
    (
        "市疾控中心实验室标准化改造",
        "市卫生健康委",
        ("市疾病预防控制中心",),
        dt.date(2025, 9, 30),
        "done",
        100,
    ),
    (
        "基层医疗卫生机构达到“优质服务基层行”标准",
        "市卫生健康委",
        ("米易县卫生健康局",),
        dt.date(2025, 12, 31),
        "in_progress",
        40,
    ),
    (
        "传染病监测预警与应急指挥平台建设",
        "市疾病预防控制中心",
        ("市卫生健康委",),
        dt.date(2026, 6, 30),
        "in_progress",
        35,
    ),
    ("三级医院智慧医院建设（三星）", "攀枝花市中心医院", (), dt.date(2026, 12, 31), "not_started", 0),
    (
        "全民健康信息平台互联互通",
        "市卫生健康委",
        ("攀枝花市中心医院", "市疾病预防控制中心"),
        dt.date(2024, 12, 31),
        "done",
        100,
    ),
)
UNIT_DIVISIONS = {"米易县卫生健康局": MIYI}
MEMBERS = {  # unit name → demo account (the accounts' own list in tixi.demo.load names them too)
    "市卫生健康委": "planner",
    "米易县卫生健康局": "county",
    "攀枝花市中心医院": "institution",
    "市疾病预防控制中心": "cdc",
}
# What a quarter's report says, by what the task is about (the first match of its title and text):
# the work under way and what comes next. Each task's reports tell its own course: the first quarter
# starts it, the middle ones carry its work on, the last says where it stands.
WORKS = (
    (
        ("平台", "信息", "互联互通", "智慧", "互联网", "远程", "电子"),
        ("完成需求调研和建设方案论证", "系统招标完成，接口开发和联调测试中", "数据对接和上线试运行"),
        "组织等级测评和互联互通验收",
    ),
    (
        ("实验室", "检测", "检验"),
        ("完成场地改造设计和设备清单论证", "设备采购到货，安装调试中", "人员培训和质控比对"),
        "申请实验室资质评审",
    ),
    (
        ("疾控", "传染病", "监测", "预警", "应急", "公共卫生", "职业健康", "职业病", "健康教育"),
        ("梳理监测哨点和报告流程", "哨点布设和信息报送培训", "开展应急演练和运行评估"),
        "完善多点触发预警机制",
    ),
    (
        ("专科", "学科", "重点"),
        ("完成学科现状评估，确定申报方向", "引进学科带头人，开展新技术新项目", "整理申报材料和业务数据"),
        "迎接省级评审",
    ),
    (
        ("乡镇", "村", "社区", "基层", "家庭医生", "优质服务"),
        ("逐乡镇开展对标摸底", "补齐设备和人员短板，开展对口帮扶", "组织县级自评和复核"),
        "申请市级评审验收",
    ),
    (
        ("三级", "二级", "创建", "评审", "等级", "标准化", "达标", "达到"),
        ("对照评审标准逐条自查", "补齐人员配备和制度建设短板", "开展模拟评审和整改"),
        "提交正式评审申请",
    ),
    (
        ("防治结合", "医防", "慢病", "慢性病"),
        (
            "建立疾控机构与医疗机构协作清单",
            "组建医防融合团队，开展慢病患者联合管理",
            "推进健康档案和诊疗信息互通",
        ),
        "开展医防融合成效评估",
    ),
    (
        ("医联体", "医共体", "医疗集团", "专科联盟", "协作"),
        (
            "签订合作协议，明确牵头医院和成员单位职责",
            "专家下沉坐诊，开通双向转诊绿色通道",
            "推进检查检验结果互认和资源共享",
        ),
        "开展年度绩效考核",
    ),
    (
        ("制度", "机制", "改革", "管理", "薪酬", "预算", "支付", "人事", "治理", "考核", "政策"),
        ("开展专题调研，起草制度文件", "征求各方意见并修改完善，提请审议", "印发实施，组织培训解读"),
        "开展实施效果评估",
    ),
    (
        ("医院", "中心", "床位", "建设", "建成", "新建", "改扩建"),
        ("完成可研批复和初步设计", "主体工程施工，同步开展设备采购", "装修和设备安装，配套科室筹建"),
        "竣工验收并投入使用",
    ),
)
GENERAL_WORK = (
    ("成立工作专班，印发实施方案", "按季度调度推进，责任单位逐项落实", "开展中期评估，对滞后事项督办"),
    "完成年度目标并总结评估",
)
OPENINGS = ("本季度", "本期", "季内")


def work_of(task) -> tuple[tuple[str, str, str], str]:
    """The steps of the task's work and what comes after them, by what its title names, else the work of
    any task (a work group, quarterly scheduling, a mid-term review): a clause's text names much besides
    its task ("加强防治结合" is no IT project because its clause mentions an information platform)."""
    return next(
        ((steps, then) for keys, steps, then in WORKS if any(k in task.title for k in keys)), GENERAL_WORK
    )


def figure_of(task) -> str:
    """The figure the task serves, as its first target states it ("目标：6（2025年）"), or nothing."""
    target = task.targets.exclude(target_value=None).order_by("order").first() if task.pk else None
    if target is None:
        return ""
    value = f"{target.target_value:g}"
    return f"对照目标值{value}（{target.target_year}年），"


def narrative(task, index: int, reports: int, percent: int, state: str) -> str:
    """One quarterly report of a task about that task: what was done this quarter (the step of its own
    work that the quarter reached), the share done and the figure it serves, and what is next."""
    steps, then = work_of(task)
    name = task.title if len(task.title) <= 24 else task.title[:24] + "…"
    opening = OPENINGS[(task.order + index) % len(OPENINGS)]
    if state == TaskStatus.NOT_STARTED:
        return f"{name}尚未启动，正在编制实施方案。"
    if state == TaskStatus.DONE:
        return f"{name}已完成：{steps[-1]}结束后已{then}，资料已归档。下一步转入日常管理，巩固成效。"
    step = steps[min(index * len(steps) // max(reports, 1), len(steps) - 1)]
    following = steps[steps.index(step) + 1] if step != steps[-1] else then
    return f"{opening}，{name}：{step}，{figure_of(task)}累计完成{percent}%。下一步：{following}。"


def reported_at(period: str) -> dt.datetime:
    """A quarter's report comes in on the 10th of the month after it ("2025-09": 2025-10-10), never
    after the demo's today."""
    year, month = map(int, period.split("-"))
    day = min(dt.date(year + month // 12, month % 12 + 1, 10), DEMO_TODAY)
    return dt.datetime.combine(day, dt.time(9), tzinfo=timezone.get_default_timezone())


def _progress(task, unit, user, percents, status, problems="") -> None:
    """Quarterly reports, the last at `percents[-1]`: a task done by its deadline stops reporting
    then; one still open reports up to the demo's today."""
    cutoff = min(task.deadline, DEMO_TODAY) if status == TaskStatus.DONE and task.deadline else DEMO_TODAY
    periods = [q for q in QUARTERS if q <= f"{cutoff:%Y-%m}"][-len(percents) :]
    percents = percents[-len(periods) :]
    for index, (period, percent) in enumerate(zip(periods, percents, strict=True)):
        state = status if percent == percents[-1] else TaskStatus.IN_PROGRESS
        report = Progress.objects.create(
            task=task,
            unit=unit,
            period=period,
            status=state,
            percent=percent,
            narrative=narrative(task, index, len(periods), percent, state)
            + ("" if user else "（书面报送，代录）")
            + DEMO,
            problems=problems if percent == percents[-1] else "",
            reported_by=user,
        )
        Progress.objects.filter(pk=report.pk).update(at=reported_at(period))
    if task.lead_units.filter(pk=unit.pk).exists():
        task.status, task.percent = status, percents[-1]
        task.save(update_fields=["status", "percent"])


def liaison(unit: Unit) -> User:
    """Who reports for a unit: its first member, else a synthetic liaison (联络员) made a member of it,
    labelled as demo data, who cannot sign in (no usable password): a task assigned to a unit reaches
    someone, and its reports name who sent them."""
    member = unit.members.order_by("pk").first()
    if member is not None:
        return member
    user, _ = User.objects.get_or_create(
        username=f"demo-liaison-{unit.pk}",
        defaults={
            "role": Role.COUNTY if unit.division and unit.division.level > 2 else Role.PLANNER,
            "first_name": f"{unit.name}联络员{DEMO}"[:150],
            "date_joined": timezone.now(),
        },
    )
    user.set_unusable_password()
    user.save()
    if unit.division:
        user.scope_divisions.set([unit.division])
    unit.members.add(user)
    return user


def _loop(task, raised_by, problem, measure, deadline, rectified=False, verified_by=None, closed_on=None):
    loop = Rectification.objects.create(
        task=task, problem=problem + DEMO, measure=measure, deadline=deadline, raised_by=raised_by
    )
    if verified_by is not None:
        loop.status, loop.verified_by = Rectification.Status.CLOSED, verified_by
        loop.closed_at = dt.datetime.combine(closed_on, dt.time(10), tzinfo=dt.UTC)
    elif rectified:
        loop.status = Rectification.Status.RECTIFIED
    loop.save()
    return loop


def _panzhihua(users) -> int:
    plan = Plan.objects.filter(region__code=PANZHIHUA).order_by("code").first()
    if plan is None:
        return 0
    city = plan.region
    divisions = {code: Division.objects.at(code, DEMO_TODAY.year) for code in (MIYI,)}
    plan.tasks.filter(clause__startswith="演示").delete()
    units = {}
    for name, account in MEMBERS.items():
        division = divisions.get(UNIT_DIVISIONS.get(name), city)
        units[name] = Unit.objects.get_or_create(name=name, division=division)[0]
        units[name].members.add(users[account])
        if not units[name].contact:
            units[name].contact = f"办公室 0812-{3300000 + len(units) * 1111}{DEMO}"
            units[name].save(update_fields=["contact"])
    start = plan.tasks.count()
    for n, (title, lead, cooperating, deadline, status, percent) in enumerate(PANZHIHUA_TASKS, start=1):
        task = Task.objects.create(
            plan=plan,
            order=start + n,
            clause=f"演示-{n}",
            title=title,
            text=f"{title}。{DEMO}该规划未列出牵头单位，本任务为演示生成。",
            deadline=deadline,
        )
        task.lead_units.set([units[lead]])
        task.cooperating_units.set([units[c] for c in cooperating])
        if status != "not_started":
            steps = [max(percent - 15 * k, 5) for k in (3, 2, 1, 0)]
            problems = (
                "医护人员缺口较大，职称晋升渠道不畅。" if deadline < DEMO_TODAY and status != "done" else ""
            )
            _progress(task, units[lead], users[MEMBERS[lead]], sorted(set(steps)), status, problems)
        if title.startswith("米易县"):  # late: an open loop on the county, raised by the city
            _loop(
                task,
                users["planner"],
                "三级医院评审的人员配备未达标，逾期未完成。",
                "2025年11月底前补充招聘医师20名、护士30名，并申请复评。",
                dt.date(2025, 11, 30),
            )
        if title.startswith(
            "市疾控中心"
        ):  # closed: found by the auditor, rectified by the CDC, verified by the city
            _loop(
                task,
                users["auditor"],
                "实验室设备采购验收资料不全。",
                "补齐验收报告和资产入账手续。",
                dt.date(2025, 8, 31),
                verified_by=users["planner"],
                closed_on=dt.date(2025, 9, 12),
            )
        if title.startswith("基层医疗卫生机构"):  # rectified by 米易, awaiting the city's verification
            _loop(
                task,
                users["planner"],
                "部分乡镇卫生院全科医生不足，达标进度滞后。",
                "县域内统筹调配全科医生，开展对口帮扶。",
                dt.date(2025, 10, 31),
                rectified=True,
            )
    return len(PANZHIHUA_TASKS) + _panzhihua_clauses(plan, units, users, start + len(PANZHIHUA_TASKS))


# 攀枝花's plan names no responsible units: its goals become tasks of the units the demo accounts
# belong to, by what the clause is about (the first match), the commission's otherwise
CLAUSE_LEADS = (
    (("疾控", "疾病预防控制", "生物安全", "传染病", "职业病", "卫生应急"), "市疾病预防控制中心"),
    (("市中心医院", "区域医疗中心", "三级公立医院", "三级医院", "手术", "专科"), "攀枝花市中心医院"),
    (("乡镇", "村", "社区", "基层"), "米易县卫生健康局"),
)
CLAUSE_TASKS = 16
# how the year went, task by task in turn: done, under way, at risk (under half done near its
# deadline), late (the year's work plan wanted it by the end of September)
CLAUSE_COURSE = (
    "done",
    "in_progress",
    "in_progress",
    "late",
    "done",
    "in_progress",
    "at_risk",
    "in_progress",
)
YEAR_PLAN_DEADLINE = dt.date(2025, 9, 30)


ACTION = re.compile(r"建成|建设|创建|设置|配备|成立|建立|打造|争取|依托|完成")


def is_a_sentence(area: str, clause: str) -> bool:
    """A sentence of the plan, not a row of its tables ("其中：市办公立医院（张） 3.45 6.3 预期性")."""
    return not (
        area.startswith("表")
        or re.match(r"^\d", clause)
        or re.search(r"\d\s+[\d—-]", clause)
        or clause.endswith(("预期性", "约束性"))
        or len(clause) < 10
    )


def clause_title(clause: str) -> str:
    """A task's title from its clause: the part that states the figure (建成6家互联网医院), or the
    whole clause where it is short."""
    text = clause.strip().rstrip("。；;，,")
    if len(text) <= 50:
        return text
    parts = [p for p in re.split(r"[，；。,;]", text) if p.strip()]
    # the figure, not the year ("到2025年，" is no title)
    with_figure = [p for p in parts if re.search(r"\d", re.sub(r"(19|20)\d\d年(底|末)?", "", p))]
    return (with_figure or parts or [text])[0].strip()[:60]


def clause_lead(clause: str) -> str:
    return next((unit for words, unit in CLAUSE_LEADS if any(w in clause for w in words)), "市卫生健康委")


def _panzhihua_clauses(plan, units, users, start: int) -> int:
    """Tasks from the plan's own goals (a stated figure or a named centre to build, the clause
    verbatim), each led by a unit a demo account belongs to, serving its targets; done, under way, at
    risk and late, with quarterly reports and loops raised, rectified and verified."""
    by_clause: dict[str, list] = {}
    for target in plan.targets.order_by("order"):
        clause = (target.clause or "").strip()
        if target.target_year < DEMO_TODAY.year or target.kind not in ("count", "value", "new"):
            continue
        if not is_a_sentence(target.area, clause) or not ACTION.search(clause):
            continue
        by_clause.setdefault(clause, []).append(target)
    # one clause of each area in turn: the year touches every part of the plan
    by_area: dict[str, list] = {}
    for clause, targets in by_clause.items():
        by_area.setdefault(targets[0].area, []).append((clause, targets))
    chosen, queues = [], list(by_area.values())
    while queues and len(chosen) < CLAUSE_TASKS:
        chosen.extend(q.pop(0) for q in queues if q)
        queues = [q for q in queues if q]
    chosen = chosen[:CLAUSE_TASKS]
    for n, (clause, targets) in enumerate(chosen, start=1):
        course = CLAUSE_COURSE[(n - 1) % len(CLAUSE_COURSE)]
        lead = clause_lead(clause)
        deadline = (
            YEAR_PLAN_DEADLINE if course == "late" else dt.date(max(t.target_year for t in targets), 12, 31)
        )
        task = Task.objects.create(
            plan=plan,
            order=start + n,
            clause=f"演示-规划-{n}",
            title=clause_title(clause),
            text=f"{clause}{DEMO}牵头和配合单位为演示指定"
            + ("，年度工作要点要求9月底前完成。" if course == "late" else "。"),
            deadline=deadline,
        )
        task.targets.set(targets)
        task.lead_units.set([units[lead]])
        if lead != "市卫生健康委":
            task.cooperating_units.set([units["市卫生健康委"]])
        user = users[MEMBERS[lead]]
        if course == "done":
            _progress(task, units[lead], user, [35, 70, 100], TaskStatus.DONE)
        elif course == "late":
            _progress(
                task,
                units[lead],
                user,
                [20, 40, 55],
                TaskStatus.IN_PROGRESS,
                "配套资金到位晚，工程进度滞后。",
            )
            _loop(
                task,
                users["planner"],
                "未按年度工作要点9月底前完成。",
                "倒排工期，11月底前完成并报送验收材料。",
                dt.date(2025, 11, 30),
            )
        elif course == "at_risk":
            _progress(task, units[lead], user, [10, 20, 35], TaskStatus.IN_PROGRESS, "前期手续办理缓慢。")
        else:
            last = 55 + 5 * (n % 5)
            _progress(task, units[lead], user, [last - 30, last - 15, last], TaskStatus.IN_PROGRESS)
    tasks = list(plan.tasks.filter(clause__startswith="演示-规划-").order_by("order"))
    # a loop the auditor found, rectified and verified by the lead unit; one rectified, awaiting it
    audited = [t for t in tasks if t.status == TaskStatus.DONE]
    if audited:
        lead = audited[0].lead_units.get()
        _loop(
            audited[0],
            users["auditor"],
            "项目资金使用台账不完整。",
            "补齐资金支付凭证，建立项目资金台账。",
            dt.date(2025, 7, 31),
            verified_by=users[MEMBERS[lead.name]],
            closed_on=dt.date(2025, 8, 20),
        )
    if len(tasks) > 2:
        _loop(
            tasks[1],
            users["auditor"],
            "季度进度报送不及时。",
            "明确专人负责，每季度末5日内报送。",
            dt.date(2025, 10, 31),
            rectified=True,
        )
    return len(chosen)


def _dazhou(users) -> int:
    plan = Plan.objects.filter(region__code=DAZHOU, tasks__isnull=False).distinct().order_by("code").first()
    if plan is None:
        return 0
    city_commission = Unit.objects.filter(name="市卫生健康委", division=plan.region).first()
    bureau = Unit.objects.get_or_create(
        name="达川区卫生健康局", division=Division.objects.at(DACHUAN, DEMO_TODAY.year)
    )[0]
    tasks = list(plan.tasks.filter(parent__isnull=True).order_by("order"))[1:]  # the first stays as seeded
    led = [t for t in tasks if city_commission in t.lead_units.all()]
    # 市卫生健康委's own tasks: two done early, one at risk near its deadline, the rest in progress
    for k, task in enumerate(led):
        if k < 2:
            _progress(task, city_commission, users["dazhou"], [40, 70, 90, 100], TaskStatus.DONE)
        elif k == 2:
            _progress(
                task,
                city_commission,
                users["dazhou"],
                [10, 20, 30],
                TaskStatus.IN_PROGRESS,
                "专项资金未到位。",
            )
        else:
            last = 60 + 5 * (k % 6)
            _progress(
                task,
                city_commission,
                users["dazhou"],
                [last - 35, last - 20, last - 10, last],
                TaskStatus.IN_PROGRESS,
            )
    # a closed loop with 达川's bureau cooperating: raised by the city, rectified by 达川, verified
    looped = led[3]
    looped.cooperating_units.add(bureau)
    _loop(
        looped,
        users["dazhou"],
        "达川区家庭医生签约履约率偏低。",
        "每季度开展履约督导，签约团队下沉到村。",
        dt.date(2025, 6, 30),
        verified_by=users["dazhou"],
        closed_on=dt.date(2025, 7, 20),
    )
    # assigned down to each county, led by its government; 达川's part reaches the 达川 account
    assigned = led[5]
    parts = services.add_subtasks_below(assigned, today=DEMO_TODAY)
    government = Unit.objects.get(name="达川区人民政府", division__code=DACHUAN)
    government.members.add(users["dachuan"])
    # every county's part reaches a member of its lead unit (a liaison where no account is one), who
    # reports it quarter by quarter: a part done has the reports that led to it
    for n, part in enumerate(parts):
        part.deadline = dt.date(2025, 9, 30)  # the counties report before the city's year-end check
        part.save(update_fields=["deadline"])
        unit = part.lead_units.get()
        if not unit.contact:
            unit.contact = f"办公室 0818-{2100000 + n * 1357}{DEMO}"
            unit.save(update_fields=["contact"])
        if unit == government:
            continue
        if n % 3 == 0:
            _progress(part, unit, liaison(unit), [40, 75, 100], TaskStatus.DONE)
        else:
            last = 50 + 10 * (n % 3)
            _progress(part, unit, liaison(unit), [last - 30, last - 15, last], TaskStatus.IN_PROGRESS)
    ours = next(p for p in parts if government in p.lead_units.all())
    _progress(
        ours,
        government,
        users["dachuan"],
        [20, 35, 50],
        TaskStatus.IN_PROGRESS,
        "村卫生室人员老龄化，招聘困难。",
    )
    _loop(
        ours,
        users["dazhou"],
        "达川区县级部分逾期未完成。",
        "10月底前完成剩余村卫生室标准化建设并报送验收材料。",
        dt.date(2025, 10, 31),
    )
    # a second task assigned down, due with the city's: 达川's part well on its way
    later = services.add_subtasks_below(led[6], today=DEMO_TODAY)
    for n, part in enumerate(later):
        unit = part.lead_units.get()
        if unit != government:
            last = 60 + 5 * (n % 5)
            _progress(part, unit, liaison(unit), [last - 30, last - 15, last], TaskStatus.IN_PROGRESS)
    ours = next(p for p in later if government in p.lead_units.all())
    _progress(ours, government, users["dachuan"], [30, 55, 80], TaskStatus.IN_PROGRESS)
    return len(led) + len(parts) + len(later)


def _the_rest(users, handled: set[int]) -> int:
    """The seeds' other tasks: their lead units report on paper and the commission's staff enter it
    (reported by nobody here); by the demo's today most are well on, a few done, a few behind."""
    first = Task.objects.filter(plan__region__code=DAZHOU, parent__isnull=True).order_by(
        "plan__code", "order"
    )
    skip = {*handled, *first.values_list("pk", flat=True)[:1]}
    filled = 0
    for task in (
        Task.objects.filter(parent__isnull=True).exclude(pk__in=skip).exclude(clause__startswith="演示")
    ):
        if task.progress.exists():
            continue
        lead = task.lead_units.first()
        if lead is None:
            continue
        step = task.order % 10
        if step < 3:
            percents, status = [50, 80, 100], TaskStatus.DONE
        elif step < 8:
            percents, status = [30 + 5 * step, 45 + 5 * step, 55 + 5 * step], TaskStatus.IN_PROGRESS
        else:
            percents, status = [15, 25, 30 + 5 * (step - 8)], TaskStatus.IN_PROGRESS
        # a task done was reported by a member of its unit; one still open may come in on paper
        member = liaison(lead) if status == TaskStatus.DONE else None
        _progress(task, lead, member, percents, status, "资金和人员不足，进度滞后。" if step >= 8 else "")
        filled += 1
    return filled


def late(project) -> bool:
    """A few of the projects whose last year has passed are not finished by the demo's today (No. 1,
    the people's hospital's, among them): late, their acceptance still to come."""
    return project.end_year < DEMO_TODAY.year and project.number % 7 == 1


def _projects(users) -> int:
    """达川's annex, every project as its planned years and the demo's today make it: what was due
    before this year is in use, or (a few) late and still under construction with part of the money
    spent; what is due this year or later is under way with its investment so far and its milestones;
    what starts later is planned (issue 12: no project planned for 2022-2024 still "planned" in 2025)."""
    changed = 0
    for project in Project.objects.filter(plan__region__code=DACHUAN):
        first, last = project.start_year, project.end_year
        behind = late(project)
        if last < DEMO_TODAY.year and not behind:
            status = ProjectStatus.IN_USE
        elif first <= DEMO_TODAY.year:
            status = ProjectStatus.UNDER_WAY
        else:
            status = ProjectStatus.PLANNED
        project.status = status
        project.save(update_fields=["status"])
        years = range(first, (DEMO_TODAY.year if behind else min(last, DEMO_TODAY.year)) + 1)
        if status != ProjectStatus.PLANNED and len(years):
            # a late project has spent about three quarters of its total by the demo's today
            share = (Decimal("0.75") if behind else Decimal(1)) / (len(years) if behind else last - first + 1)
            for year in years:
                ProjectInvestment.objects.create(
                    project=project, year=year, amount=(project.investment * share).quantize(Decimal("0.01"))
                )
        for name, planned in (
            ("立项", dt.date(first - 1, 11, 30)),
            ("开工", dt.date(first, 4, 30)),
            ("主体完工", dt.date(last, 6, 30)),
            ("竣工验收", dt.date(last, 11, 30)),
        ):
            reached = planned + dt.timedelta(days=20 if project.number % 4 else 75)
            if behind and name == "主体完工":
                reached = planned + dt.timedelta(days=300)  # the main works finished late
            if behind and name == "竣工验收":
                reached = None  # not yet accepted: the page shows the milestone late
            Milestone.objects.create(
                project=project,
                name=name,
                planned=planned,
                reached=reached if reached and reached < DEMO_TODAY else None,
            )
        changed += 1
    return changed


@transaction.atomic
def write() -> dict:
    """The ledger's year, on top of the seeds' tasks and projects (after the demo accounts exist)."""
    users = {
        u.username: u
        for u in User.objects.filter(username__in=[*MEMBERS.values(), "auditor", "dazhou", "dachuan"])
    }
    if len(users) < 7:
        return {}
    counts = {
        "demo_tasks_panzhihua": _panzhihua(users),
        "demo_tasks_dazhou": _dazhou(users),
    }
    handled = set(Progress.objects.values_list("task_id", flat=True))
    counts["demo_tasks_reported_on_paper"] = _the_rest(users, handled)
    counts["demo_projects_reported"] = _projects(users)
    services.remind(90, today=DEMO_TODAY)
    counts["demo_notifications"] = Notification.objects.count()
    return counts
