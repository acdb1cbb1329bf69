"""Plausible Chinese place and institution names for synthetic data (clearly marked synthetic)."""

from tixi.registry.engine import classification

SYLLABLES = [
    "安",
    "柏",
    "宝",
    "碧",
    "长",
    "朝",
    "川",
    "春",
    "翠",
    "大",
    "丹",
    "东",
    "峰",
    "丰",
    "凤",
    "福",
    "高",
    "古",
    "观",
    "桂",
    "和",
    "河",
    "红",
    "鸿",
    "华",
    "槐",
    "黄",
    "吉",
    "佳",
    "金",
    "锦",
    "景",
    "静",
    "九",
    "康",
    "兰",
    "乐",
    "林",
    "龙",
    "罗",
    "马",
    "梅",
    "明",
    "南",
    "宁",
    "平",
    "普",
    "七",
    "青",
    "清",
    "庆",
    "泉",
    "仁",
    "瑞",
    "三",
    "沙",
    "山",
    "石",
    "双",
    "水",
    "顺",
    "松",
    "泰",
    "塘",
    "桃",
    "天",
    "田",
    "铜",
    "万",
    "文",
    "西",
    "溪",
    "仙",
    "祥",
    "新",
    "星",
    "兴",
    "杏",
    "秀",
    "岩",
    "阳",
    "杨",
    "永",
    "玉",
    "元",
    "云",
    "枣",
    "樟",
    "中",
    "竹",
    "紫",
]
BRANDS = [
    "康华",
    "仁爱",
    "博爱",
    "同济",
    "协和",
    "和平",
    "济民",
    "安康",
    "惠民",
    "长寿",
    "益民",
    "德康",
    "恒康",
    "瑞康",
    "福康",
    "民生",
    "爱尔",
    "光明",
    "普济",
    "华西",
]
SURNAMES = [
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "吴",
    "周",
    "徐",
    "孙",
    "马",
    "朱",
    "胡",
    "郭",
    "何",
    "罗",
    "高",
    "林",
]


def _placed(name: str, county: str, where: str, place: str) -> list[str]:
    """A taken name with the place it stands in (渡市), or the place's full name (渡市镇)."""
    if not name.startswith(county):
        return [f"{county}{name}"]
    rest = name.removeprefix(county)
    if where and rest.startswith(
        where
    ):  # a clinic named by its village: the village's full name, or a second
        own = rest.removeprefix(where)
        return [
            f"{county}{place}{own}",
            *(f"{county}{where}{own.replace('氏诊所', f'氏第{n}诊所')}" for n in "二三四五六七八九"),
        ]
    # a third of one brand and kind in one place (hospitals and clinics open where people are): its
    # second site (二部), as a hospital's second campus is named
    return [
        f"{county}{where}{rest}",
        f"{county}{place}{rest}",
        *(f"{county}{place}{rest}{n}部" for n in "二三四五六七八九"),
    ]


class NameMaker:
    def __init__(self, rng):
        self.rng = rng
        self.used: set[str] = set()

    def _pick(self, items):
        return items[int(self.rng.integers(len(items)))]

    def _unique(self, make, others=()):
        for _ in range(50):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        # every draw taken (a county with more private hospitals than brands): the name says where it
        # stands, as real ones do (达川区渡市济民医院), without drawing again (the later draws stay as they were)
        for other in others(name) if others else ():
            if other not in self.used:
                self.used.add(other)
                return other
        return name

    def township(self, kind: str) -> str:
        suffix = "街道" if kind == "street" else "镇"
        return self._unique(lambda: self._pick(SYLLABLES) + self._pick(SYLLABLES) + suffix)

    def village(self, kind: str) -> str:
        suffix = "社区" if kind == "street" else "村"
        return self._pick(SYLLABLES) + self._pick(SYLLABLES) + suffix

    @staticmethod
    def _by_classification(type_: str, county: str, brand: str, where: str) -> str:
        """A type without a naming pattern of its own takes the national classification's name, never its code
        ("达川区健康教育所", not "达川区杨柳health_education"): a county's public-health institute is the county's,
        a hospital carries a brand, anything else its place."""
        category, name = classification.TYPES[type_]
        plain = name.split("（")[0]
        if category == classification.PUBLIC_HEALTH:
            return f"{county}{plain}"
        if category == classification.HOSPITAL:
            return f"{county}{brand}{plain}"
        return f"{county}{where}{plain}"

    def institution(self, type_: str, place, county) -> str:
        where = place.name.removesuffix("社区").removesuffix("村").removesuffix("街道").removesuffix("镇")
        brand = self._pick(BRANDS)
        by_type = {
            "general_hospital": f"{county.name}{brand}医院",
            "specialty_hospital": f"{county.name}{brand}{self._pick(['骨科', '眼科', '口腔', '妇产', '康复', '肿瘤'])}医院",
            "tcm_hospital": f"{county.name}{brand}中医医院",
            "outpatient_department": f"{county.name}{brand}门诊部",
            "clinic": f"{county.name}{where}{self._pick(SURNAMES)}氏诊所",
            "community_health_station": f"{where}社区卫生服务站",  # 天溪社区卫生服务站, not 天溪社区社区…
            "ems_station": f"{county.name}{where}急救站",
            "other": f"{county.name}{brand}{self._pick(['医学检验实验室', '医学影像诊断中心', '护理站', '体检中心'])}",
        }
        return self._unique(
            lambda: by_type.get(type_) or self._by_classification(type_, county.name, brand, where),
            lambda name: _placed(name, county.name, where, place.name),
        )
