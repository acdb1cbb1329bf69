"""The names of government organs (responsible units of a plan's tasks) written in English.

An organ's name is a level or place prefix and the organ: 市 + 卫生健康委, 达川区 + 卫生健康局. The organ
is translated by the English names the State Council's ministries and the provinces' own departments
use (www.gov.cn/english "State Council Organization"; e.g. National Health Commission 国家卫生健康委员会,
National Development and Reform Commission, Ministry of Finance / 财政厅 Department of Finance, Ministry
of Human Resources and Social Security, National Healthcare Security Administration, State Administration
for Market Regulation, National Administration of Traditional Chinese Medicine, the "People's Government
of X" of each province and city's own English site). At city and county level the bureau (局) is a
"Bureau" and the commission (委) a "Commission"; 卫生健康局 is the county-level health commission and is
written "Health Commission" as the brief's convention asks.

The prefix goes before the organ, as an adjective ("Municipal Finance Bureau", "Dachuan District
Health Commission") and never "Finance Bureau of the City": the form the city governments of Sichuan
use on their own English pages (e.g. "Chengdu Municipal Health Commission") and the one that keeps a
list of units short. A level alone is 市 Municipal, 县 County, 区 District, 省 Provincial; a place goes
through the place engine (达川区 -> "Dachuan District"). A unit that is an institution (达川区人民医院)
is read by the institution engine. Collective units (各县（市、区）人民政府（管委会）) have a fixed phrase.
A name the tables cannot read whole gets None: the page shows the Chinese, never a half-translated mix.

Sources looked up (search corpus `pages`): the State Council's constituent departments in English
(Ministry of Finance, Ministry of Human Resources and Social Security, Ministry of Education, Ministry
of Public Security, Ministry of Civil Affairs, National Development and Reform Commission, National
Health Commission, Ministry of Housing and Urban-Rural Development, Ministry of Justice, Ministry of
Emergency Management, Audit Office, as listed on dsknw.com "What departments does the government
include?"); the level-adjective form of a city's organs ("Beijing Municipal Development and Reform
Commission", "Beijing Municipal Commission for Managing State Properties": china.org.cn 2003/Sep/76260);
the financial regulator's name (english.www.gov.cn 2023-05-18 "National Administration of Financial
Regulation"; its 306 municipal bureaus: en.people.cn 2023-07-21).

No Django here (import-linter)."""

from tixi.geo.engine.english import institution_english, places_english

# Organs after the prefix; longest first where one ends another (市场监管局 before 监管局).
ORGANS = {
    "人民政府": "People's Government",
    "人民政府办公室": "People's Government General Office",
    "人民政府办公厅": "People's Government General Office",
    "卫生健康委员会": "Health Commission",
    "卫生健康委": "Health Commission",
    "卫生健康局": "Health Commission",
    "发展改革委": "Development and Reform Commission",
    "财政局": "Finance Bureau",
    "人力资源社会保障局": "Human Resources and Social Security Bureau",
    "人力资源和社会保障局": "Human Resources and Social Security Bureau",
    "人力社保局": "Human Resources and Social Security Bureau",
    "教育局": "Education Bureau",
    "教委": "Education Commission",
    "公安局": "Public Security Bureau",
    "民政局": "Civil Affairs Bureau",
    "医保局": "Healthcare Security Administration",
    "市场监管局": "Administration for Market Regulation",
    "中医药局": "Administration of Traditional Chinese Medicine",
    "中医药管理局": "Administration of Traditional Chinese Medicine",
    "委编办": "Party Committee Office for Public Sector Reform",
    "委宣传部": "Party Committee Publicity Department",
    "委组织部": "Party Committee Organization Department",
    "委政法委": "Party Committee Political and Legal Affairs Commission",
    "住房城乡建设局": "Housing and Urban-Rural Development Bureau",
    "住房城乡建委": "Housing and Urban-Rural Development Commission",
    "司法局": "Justice Bureau",
    "国资委": "State-owned Assets Supervision and Administration Commission",
    "国资管理中心": "State-owned Assets Management Center",
    "审计局": "Audit Bureau",
    "应急局": "Emergency Management Bureau",
    "总工会": "Federation of Trade Unions",
    "政务和大数据局": "Government Affairs and Big Data Bureau",
    "大数据应用发展管理中心": "Big Data Application and Development Management Center",
    "数据局": "Data Bureau",
    "科技局": "Science and Technology Bureau",
    "经信局": "Economy and Information Technology Bureau",
    "经济信息委": "Economy and Information Technology Commission",
    "自然资源和规划局": "Natural Resources and Planning Bureau",
    "规划自然资源局": "Planning and Natural Resources Bureau",
    "疾病预防控制中心": "Center for Disease Control and Prevention",
}
# Whole names that are neither a level or place plus an organ: a place without its generic (达州,
# 巴中) before an organ the tables above do not hold.
WHOLE = {
    "达州金融监管分局": "Dazhou Branch of the National Administration of Financial Regulation",
    "巴中经开区管委会": "Administrative Committee of Bazhong Economic and Technological Development Zone",
}
LEVELS = {"省": "Provincial", "市": "Municipal", "县": "County", "区": "District"}
COLLECTIVE = {
    "各县（区）人民政府": "the people's governments of each county and district",
    "各县（市、区）人民政府": "the people's governments of each county, city and district",
    "各县（市、区）人民政府（管委会）": (
        "the people's governments (administrative committees) of each county, city and district"
    ),
}


def _one(name: str) -> str | None:
    if name in COLLECTIVE or name in WHOLE:
        return COLLECTIVE.get(name) or WHOLE[name]
    for organ in sorted(ORGANS, key=len, reverse=True):
        if not name.endswith(organ) or len(name) == len(organ):
            continue
        prefix = name[: -len(organ)]
        place = LEVELS.get(prefix) or places_english(prefix)
        if place:
            return f"{place} {ORGANS[organ]}"
    return institution_english(name)


def unit_english(name: str) -> str | None:
    """市财政局 -> "Municipal Finance Bureau", 达川区卫生健康局 -> "Dachuan District Health Commission",
    a list 市教育局、市财政局 -> "Municipal Education Bureau, Municipal Finance Bureau"; None when any
    part cannot be read whole (the page shows the Chinese)."""
    name = (name or "").strip()
    if not name or len(name) > 120:
        return None
    if name in COLLECTIVE:  # its own 、 is inside brackets, not a list
        return COLLECTIVE[name]
    parts = [_one(p.strip()) for p in name.split("、")]
    if not all(parts):
        return None
    return ", ".join(parts)
