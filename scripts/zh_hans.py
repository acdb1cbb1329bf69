"""Chinese (zh-hans) strings of the interface, written into locale/zh_Hans/LC_MESSAGES/django.po.

Run `make messages` after adding a translatable string: it extracts, fills from this table and
compiles. A string missing here is reported, so English never leaks into the Chinese interface.
"""

import re
import sys
from pathlib import Path

ZH = {
    "Accounts and audit": "账户与审计", "city planner": "市级规划人员", "county administrator": "县级管理员",
    "institution staff": "机构人员", "CDC analyst": "疾控分析人员", "auditor (read-only)": "审计人员（只读）",
    "role": "角色", "divisions in scope": "管辖区划", "institutions in scope": "管辖机构", "user": "用户", "users": "用户",
    "created": "新增", "updated": "修改", "deleted": "删除", "bulk operation": "批量操作", "time": "时间",
    "user name": "用户名", "action": "操作", "object type": "对象类型", "object id": "对象编号", "object": "对象",
    "before": "修改前", "after": "修改后", "note": "备注", "audit entry": "审计记录", "audit trail": "审计日志",
    "Log in": "登录", "User name": "用户名", "Password": "密码",
    "No division has this code.": "没有该区划代码对应的区划。",
    "A division code must be exactly 12 digits.": "区划代码必须是12位数字。",
    "Tixi": "体系",
    "The code has digits beyond those of its level.": "区划代码在其层级之后的位数应为0。",
    "The code does not begin with its parent's code.": "区划代码与上级区划代码的前缀不一致。",
    "A division below province level needs a parent.": "省级以下区划必须有上级区划。",
    "The parent must be at a higher level.": "上级区划的层级必须更高。",
    "The end of validity must come after its start.": "失效日期必须晚于生效日期。",
    "division: a division code must be exactly 12 digits (got %(code)r).": "division：区划代码必须是12位数字（收到 %(code)r）。",
    "division: no division %(code)s on the map of %(year)s.": "division：%(year)s年的区划中没有代码为 %(code)s 的区划。",
    "division: the seeds publish no baseline figures for %(name)s in %(year)s.": "division：规划文件未公布%(name)s %(year)s年的基期数据。",
    "Your account has no scope yet.": "您的账户尚未设置管辖范围。",
    "A year must be a whole number between 1949 and 2100.": "年份必须是1949至2100之间的整数。",
    "This division is outside your scope.": "该区划不在您的管辖范围内。",
    "A level is a number from 1 (province) to 5 (village).": "层级为1（省）至5（村）的数字。",
    "This field is required.": "该字段为必填项。",
    "No division has this code in your scope.": "您的管辖范围内没有该代码的区划。",
    "Give a division and a year.": "请给出区划和年份。",
    "Divisions and population": "行政区划与人口", "province": "省", "city": "市", "county": "县（区）",
    "township": "乡镇（街道）", "village": "村（社区）", "division code": "区划代码", "name": "名称", "level": "层级",
    "parent": "上级", "valid from": "生效日期", "valid to": "失效日期", "Exclusive; empty while valid.": "不含当日；仍有效时留空。",
    "merged into": "并入", "synthetic": "模拟数据", "division": "区划", "divisions": "区划", "male": "男", "female": "女",
    "year": "年份", "sex": "性别", "age band": "年龄组", "residents": "人数", "resident population": "常住人口",
    "The number of residents cannot be negative.": "人口数不能为负数。", "geometry": "几何边界", "boundary": "边界",
    "boundaries": "边界", "health service system": "医疗卫生服务体系", "Year": "年份", "List the institutions": "查看机构名录",
    "Data the seeds do not publish is generated for the demo and marked synthetic.": "规划文件未公布的数据为演示生成，标注为“模拟数据”。",
    "Resident population": "常住人口", "Institutions": "医疗卫生机构", "Actual beds": "实有床位", "Health workers": "卫生人员",
    "Beds per 1,000": "每千人口床位", "Physicians per 1,000": "每千人口执业（助理）医师", "Nurses per 1,000": "每千人口注册护士",
    "Pharmacists per 1,000": "每千人口药师（士）", "GPs per 10,000": "每万人口全科医生",
    "Public health staff per 10,000": "每万人口专业公共卫生人员", "Childcare places per 1,000": "每千人口3岁以下婴幼儿托位",
    "Hospitals by grade": "医院等级", "No graded hospital.": "无评审定等医院。", "Institutions by type": "机构类型构成",
    "Resources per 1,000 residents, by year": "每千人口卫生资源（逐年）", "Map": "地图",
    "boundaries are synthetic": "边界为模拟数据", "By division": "分区划", "Division": "区划", "Residents": "常住人口",
    "Divisions": "行政区划", "Division tree": "区划树", "Map of the year": "区划年份", "Level": "层级",
    "Division code": "区划代码", "Valid from": "生效日期", "Valid to": "失效日期", "beds per 1,000": "每千人口床位",
    "physicians per 1,000": "每千人口医师", "nurses per 1,000": "每千人口护士", "GPs per 10,000": "每万人口全科医生",
    "Unknown institution type.": "未知的机构类别。", "Unknown category.": "未知的机构大类。", "Unknown grade.": "未知的等级。",
    "This institution is outside your scope.": "该机构不在您的管辖范围内。",
    "This division is not on the map of that year.": "该区划在该年份的区划中不存在。",
    "Institutions and resources": "机构与资源", "general hospital": "综合医院", "TCM hospital": "中医医院",
    "integrated TCM-Western hospital": "中西医结合医院", "ethnic medicine hospital": "民族医医院", "specialty hospital": "专科医院",
    "rehabilitation hospital": "康复医院", "nursing home hospital": "护理院", "community health service centre": "社区卫生服务中心",
    "community health service station": "社区卫生服务站", "central township health centre": "中心卫生院",
    "township health centre": "乡镇卫生院", "village clinic": "村卫生室", "outpatient department": "门诊部", "clinic": "诊所（医务室）",
    "CDC": "疾病预防控制中心", "MCH hospital": "妇幼保健院", "EMS centre": "急救中心", "EMS station": "急救站", "blood centre": "血站",
    "mental health centre": "精神卫生中心", "occupational disease institution": "职业病防治机构",
    "specialist disease prevention institution": "专科疾病防治机构", "health supervision institute": "卫生监督所",
    "health education institute": "健康教育所", "other institution": "其他卫生机构", "hospitals": "医院",
    "primary care institutions": "基层医疗卫生机构", "public health institutions": "专业公共卫生机构", "other institutions": "其他卫生机构",
    "grade A": "甲等", "grade B": "乙等", "grade C": "丙等", "public": "公立", "private": "社会办", "run by city": "市办",
    "run by county": "县办", "run by township": "乡镇办", "run by village": "村办", "run by enterprise": "企业办", "privately run": "私人办",
    "other": "其他", "institution code": "机构代码", "type": "机构类别", "level 1": "一级", "level 2": "二级", "level 3": "三级",
    "grade": "等次", "ownership": "所有制", "run by": "举办主体", "longitude": "经度", "latitude": "纬度",
    "main institution (for a branch)": "主院（分院、院区所属）", "opened on": "开业日期", "closed on": "关闭日期", "institution": "机构",
    "institutions": "机构", "The closing date cannot be before the opening date.": "关闭日期不能早于开业日期。",
    "A grade needs a level.": "有等次必须先有级别。", "An institution cannot be its own branch.": "机构不能是自身的分院。",
    "primary-care service capacity: basic standard": "优质服务基层行：基本标准",
    "primary-care service capacity: recommended standard": "优质服务基层行：推荐标准", "grade-A township health centre": "甲级卫生院",
    "community hospital": "社区医院", "county sub-centre": "县域医疗卫生次中心", "cancer prevention and treatment centre": "肿瘤防治中心",
    "chronic disease management centre": "慢病管理中心", "minimally invasive intervention centre": "微创介入中心",
    "anaesthesia and pain centre": "麻醉疼痛诊疗中心", "critical care centre": "重症监护中心", "chest pain centre": "胸痛中心",
    "stroke centre": "卒中中心", "trauma centre": "创伤中心", "critical maternal care centre": "危重孕产妇救治中心",
    "critical child and neonatal care centre": "危重儿童和新生儿救治中心", "smart hospital (stars)": "智慧医院（星级）",
    "EMR application level": "电子病历应用水平分级", "designation": "认定", "level reached": "达到的级别",
    "Stars of a smart hospital, EMR level 0-8.": "智慧医院星级，电子病历0–8级。", "obtained on": "取得日期", "revoked on": "撤销日期",
    "designations": "认定与达标", "The revocation date cannot be before the date obtained.": "撤销日期不能早于取得日期。",
    "EMR application levels run from 0 to 8.": "电子病历应用水平为0至8级。", "fever clinic (room)": "发热门诊（诊室）",
    "infectious disease department": "感染性疾病科", "geriatrics department": "老年医学科", "TCM department": "中医科",
    "TCM pharmacy": "中药房", "TCM hall": "中医馆", "public health department": "公共卫生科",
    "psychiatric / psychological clinic": "精神（心理）门诊", "rehabilitation department": "康复医学科", "department": "科室",
    "departments": "科室", "approved beds": "编制床位", "actual beds": "实有床位", "ICU beds": "重症床位",
    "rehabilitation beds": "康复床位", "psychiatric beds": "精神科床位", "infectious beds": "传染病床位",
    "emergency observation beds": "急诊观察床位", "health workers": "卫生人员", "health technicians": "卫生技术人员",
    "licensed (assistant) physicians": "执业（助理）医师", "registered nurses": "注册护士", "pharmacists": "药师（士）",
    "general practitioners": "全科医生", "TCM physicians": "中医类别执业（助理）医师", "public health physicians": "公共卫生医师",
    "ambulances": "救护车", "negative-pressure ambulances": "负压救护车", "childcare places (under 3)": "3岁以下婴幼儿托位",
    "outpatient visits": "诊疗人次", "discharges": "出院人数", "occupied bed-days": "实际占用床日数", "yearly resources": "年度资源",
    "Negative-pressure ambulances cannot outnumber ambulances.": "负压救护车数不能多于救护车数。",
    "Physicians and nurses cannot outnumber health workers.": "医师与护士之和不能多于卫生人员数。",
    "The institution is not open in this year.": "该机构在该年份未开业。", "Institution code": "机构代码", "Name": "名称",
    "Type": "类别", "Grade": "等级", "Ownership": "所有制", "previous": "上一页", "next": "下一页", "branch of": "所属主院",
    "Edit": "编辑", "Resources by year": "逐年资源", "Designations and standards": "认定与达标", "Designation": "认定",
    "Level reached": "级别", "Obtained on": "取得日期", "None.": "无。", "Departments": "科室设置", "Department": "科室",
    "Opened on": "设立日期", "Closed on": "撤销日期", "New institution": "新增机构", "Save": "保存", "Category": "大类",
    "Filter": "筛选", "Your role may read but not change data.": "您的角色只能查看，不能修改数据。", "Saved.": "已保存。",
    "Simplified Chinese": "简体中文", "English": "English", "Tixi health service system platform": "体系 · 医疗卫生服务体系平台",
    "Dashboard": "概览", "API": "接口", "Administration": "管理后台", "Language": "语言", "Log out": "退出",
    "%(counter)s institution": "共 %(counter)s 个机构",
    "Tixi": "体系",
}


def fill(po_path: Path) -> list[str]:
    text = po_path.read_text(encoding="utf-8")
    missing = []

    def replace(match):
        msgid = match.group("id")
        if msgid == "":
            return match.group(0)
        zh = ZH.get(msgid.replace('\\"', '"'))
        if zh is None:
            missing.append(msgid)
            return match.group(0)
        zh = zh.replace('"', '\\"')
        if match.group("plural") is not None:
            return f'msgid "{msgid}"\nmsgid_plural "{match.group("plural")}"\nmsgstr[0] "{zh}"\n'
        return f'msgid "{msgid}"\nmsgstr "{zh}"\n'

    pattern = re.compile(
        r'msgid "(?P<id>(?:[^"\\]|\\.)*)"\n(?:msgid_plural "(?P<plural>(?:[^"\\]|\\.)*)"\n)?'
        r'(?:msgstr(?:\[0\])? "(?:[^"\\]|\\.)*"\n)(?:msgstr\[\d\] "(?:[^"\\]|\\.)*"\n)*'
    )
    text = pattern.sub(replace, text)
    text = text.replace("#, fuzzy\n", "")
    text = re.sub(r'"Plural-Forms: [^"]*"', '"Plural-Forms: nplurals=1; plural=0;\\\\n"', text)
    po_path.write_text(text, encoding="utf-8")
    return missing


if __name__ == "__main__":
    missing = fill(Path(sys.argv[1]))
    for m in missing:
        print(f"missing Chinese for: {m}", file=sys.stderr)
    sys.exit(1 if missing else 0)
