"""Chinese division and institution names written in English, the way China's own rules write them.

A division name is a proper part (专名) and a generic part (通名): 达川 + 区. The proper part is
written in Hanyu Pinyin as one word, capitalised, without tones ("Dachuan"); the generic part is
translated ("District"): 达川区 -> "Dachuan District" (《中国地名汉语拼音字母拼写规则（汉语地名部分）》,
1984, referenced by GB/T 38207-2019 and GB 17733-2008; the English generic per GB/T 30240 公共服务领域
英文译写规范). When the proper part is ONE syllable the generic is taken as part of the proper name,
written in pinyin with it and then translated again (GB/T 30240's rule "专名是单音节时，通名应视作专名的
组成部分，先音译并与专名连写，后重复意译"; its example 礼县 Lixian County): 渠县 -> "Quxian County",
东区 -> "Dongqu District" (not "Dong District", not "East District": 东/西 in a name are pinyin).

Readings come from pypinyin's phrase dictionary (重庆 chong qing, 长寿 chang shou); a few characters
whose place-name reading differs from their most common one are fixed below. A name that does not
end in a known generic, or holds anything but Chinese characters, gets no English (None): the page
then shows the Chinese name, never a half-translated mix.

No Django here (import-linter)."""

import functools
import re

from pypinyin import Style, lazy_pinyin

# Longest first: 自治县 before 县, 街道 before 道.
GENERICS = (
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治区", "Autonomous Region"),
    ("街道", "Subdistrict"),
    ("社区", "Community"),
    ("省", "Province"),
    ("市", "City"),
    ("州", "Prefecture"),
    ("地区", "Prefecture"),
    ("区", "District"),
    ("县", "County"),
    ("旗", "Banner"),
    ("镇", "Town"),
    ("乡", "Township"),
    ("村", "Village"),
)
# A municipality directly under the central government (直辖市) is written "Municipality".
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
# 民族乡 and autonomous units: the people's name in its romanised form (GB/T 3304-1991), no "族".
ETHNIC = {
    "土家族": "Tujia",
    "苗族": "Miao",
    "彝族": "Yi",
    "藏族": "Tibetan",
    "羌族": "Qiang",
    "回族": "Hui",
    "傈僳族": "Lisu",
    "蒙古族": "Mongolian",
    "满族": "Manchu",
    "壮族": "Zhuang",
}
# Place-name readings of characters whose most common reading is another one (长 zhǎng, 朝 zhāo);
# phrases that keep the other reading are listed whole.
CHAR_READINGS = {"长": "chang", "朝": "chao"}
PHRASE_READINGS = {"长子": "zhangzi", "朝鲜": "chaoxian"}
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# A name holding a whole place before its own (四川省达州市, 达州市达川区): two or more characters, a level's
# generic, then a name of two or more characters; a one-character proper name keeps its generic (渡市镇, 市中区).
COMPOUND = re.compile(r"^[\u4e00-\u9fff]{2,}[省市县区][\u4e00-\u9fff]{2,}$")


def pinyin_word(text: str) -> str | None:
    """One capitalised pinyin word without tones: 攀枝花 -> "Panzhihua", 西安 -> "Xi'an" (an
    apostrophe before a syllable starting a, o or e that is not the first)."""
    if not text or not HAN.match(text):
        return None
    if text in PHRASE_READINGS:
        syllables = [PHRASE_READINGS[text]]
    else:
        syllables = lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)
        if len(syllables) != len(text):
            return None
        syllables = [CHAR_READINGS.get(ch, syl) for ch, syl in zip(text, syllables, strict=True)]
    word = syllables[0]
    for syl in syllables[1:]:
        word += ("'" if syl[:1] in "aoe" else "") + syl
    return word[:1].upper() + word[1:]


def division_english(name: str) -> str | None:
    """达川区 -> "Dachuan District", 渠县 -> "Quxian County", 红椿土家族乡 -> "Hongchun Tujia Ethnic
    Township"; None when the name cannot be read (the page shows the Chinese)."""
    name = (name or "").strip()
    if name in MUNICIPALITIES:
        return f"{pinyin_word(name[:-1])} Municipality"
    if COMPOUND.match(name):
        # 达州市达川区 is two places, never one proper name "Dazhoushidachuan" (places_english reads it)
        return None
    for generic, english in GENERICS:
        if not name.endswith(generic) or len(name) == len(generic):
            continue
        proper = name[: -len(generic)]
        if generic == "乡":
            for people, romanised in ETHNIC.items():
                if proper.endswith(people) and len(proper) > len(people):
                    word = pinyin_word(proper[: -len(people)])
                    return word and f"{word} {romanised} Ethnic Township"
        word = pinyin_word(proper + generic) if len(proper) == 1 else pinyin_word(proper)
        return word and f"{word} {english}"
    return None


# The kinds of institution the registry names, longest first; the English follows the names the
# commissions themselves use in English (人民医院 People's Hospital, 疾控中心 Center for Disease
# Control and Prevention).
KINDS = (
    ("中西医结合医院", "Hospital of Integrated Traditional Chinese and Western Medicine"),
    ("社区卫生服务中心", "Community Health Service Centre"),
    ("社区卫生服务站", "Community Health Service Station"),
    ("疾病预防控制中心", "Center for Disease Control and Prevention"),
    ("紧急医学救援中心", "Emergency Medical Rescue Centre"),
    ("妇幼保健院", "Maternal and Child Health Hospital"),
    ("精神卫生中心", "Mental Health Centre"),
    ("中心卫生院", "Central Health Centre"),
    ("卫生监督所", "Health Supervision Institute"),
    ("健康教育所", "Health Education Institute"),
    ("人民医院", "People's Hospital"),
    ("中医医院", "Hospital of Traditional Chinese Medicine"),
    ("中医院", "Hospital of Traditional Chinese Medicine"),
    ("中心医院", "Central Hospital"),
    ("中心血站", "Central Blood Station"),
    ("急救中心", "Emergency Centre"),
    ("卫生院", "Health Centre"),
    ("卫生室", "Clinic"),
)
ORDINALS = {
    "第一": "First",
    "第二": "Second",
    "第三": "Third",
    "第四": "Fourth",
    "第五": "Fifth",
    "第六": "Sixth",
    "第七": "Seventh",
    "第八": "Eighth",
    "第九": "Ninth",
}
# A place inside an institution's name: the shortest run of characters ending in a generic.
PLACE = re.compile(r"[\u4e00-\u9fff]+(?:自治县|街道|社区|省|市|区|县|镇|乡|村)")


@functools.lru_cache(maxsize=4096)
def split_places(text: str) -> tuple[str, ...] | None:
    """Chinese place names written one after another, each ending in a generic: 达川区渡市镇 ->
    [达川区, 渡市镇]. Shortest first, backtracking when the rest cannot be read (渡市 + 镇 fails, so
    渡市镇 is one town); None when no split reads the whole text."""
    if not text:
        return ()
    for end in range(2, len(text) + 1):
        piece = text[:end]
        if PLACE.fullmatch(piece) and division_english(piece):
            rest = split_places(text[end:])
            if rest is not None:
                return (piece, *rest)
    return None


def places_english(text: str) -> str | None:
    """Places written one after another in English, the larger first as in Chinese: 达州市达川区 ->
    "Dazhou City Dachuan District"; None when the text is not places alone."""
    pieces = split_places((text or "").strip())
    return " ".join(division_english(p) for p in pieces) if pieces else None


def institution_english(name: str) -> str | None:
    """达川区人民医院 -> "Dachuan District People's Hospital", 米易县宝新镇中心卫生院 -> "Miyi County
    Baoxin Town Central Health Centre", 七东村卫生室 -> "Qidong Village Clinic". The name must be
    places, an optional ordinal and a kind from KINDS, nothing else; otherwise None (the page shows
    the Chinese: 万源市三沙李氏诊所 has a proprietor's name no table can translate)."""
    name = (name or "").strip()
    if len(name) > 64:
        return None
    kind, english = next(((k, e) for k, e in KINDS if name.endswith(k)), ("", ""))
    if not kind:
        return None
    head = name[: -len(kind)]
    ordinal = ""
    for chinese, word in ORDINALS.items():
        if head.endswith(chinese):
            head, ordinal = head[: -len(chinese)], word
            break
    if kind.startswith("社区") and head and not ordinal and split_places(head) is None:
        # 七长社区卫生服务站: the community's own name, then the kind ("Qichang Community Health ...").
        head += "社区"
        english = english.removeprefix("Community ")
    places = split_places(head)
    if not places:
        return None
    return " ".join([*(division_english(p) for p in places), *([ordinal] if ordinal else []), english])
