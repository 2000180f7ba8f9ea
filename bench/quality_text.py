"""Text helpers of `make quality`: normal form, digit-safe containment, word boundaries
by rjieba (the project's segmenter), verb tags, and the kind/level class of a name.

Written from the definitions in issue 10; nothing here is shared with the generator,
so the measurement does not agree with the generator by construction."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import rjieba

_WIDE = str.maketrans("，。：；！？（）“”‘’「」『』", ",.:;!?()\"\"''\"\"\"\"")


def norm(s: str) -> str:
    """NFKC, quotes and punctuation folded to ASCII, spaces removed, lower case."""
    s = unicodedata.normalize("NFKC", str(s)).translate(_WIDE)
    return re.sub(r"\s+", "", s).lower()


def contains(key: str, text: str) -> bool:
    """`key` occurs in `text` (both normalised), not glued to more digits: 12 is not in 122 or 1.2."""
    key, text = norm(key), norm(text)
    if not key:
        return False
    start = 0
    while True:
        i = text.find(key, start)
        if i < 0:
            return False
        before = text[i - 1] if i else ""
        after = text[i + len(key)] if i + len(key) < len(text) else ""
        glued = key[0].isdigit() and (before.isdigit() or before == ".")
        glued |= key[-1].isdigit() and (after.isdigit() or after == ".")
        if not glued:
            return True
        start = i + 1


# ---- word boundaries -------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DATE_UNIT = re.compile(r"\d\s*(?:年(?!代)|月(?!份)|日|号)")
# Title and body words that rjieba glues to the name before them (县委书记, 公司党委, 市委常委):
# a name may end right before one of them.
TITLE_WORDS = ("书记", "副书记", "主任", "部长", "局长", "厅长", "委员", "常委", "党委", "党组", "党工委", "支部",
               "队长", "团长", "校长", "院长", "馆长", "社长", "厂长", "站长", "所长", "村长", "乡长", "镇长",
               "县长", "市长", "省长", "主席", "会长", "理事长", "董事长", "总经理", "组长", "班长")


@lru_cache(maxsize=8192)
def boundaries(sentence: str) -> frozenset[int]:
    """Offsets where a word starts or ends: rjieba's cut with and without its HMM for unknown
    words, a title word's start inside a longer word (县委|书记, 公司|党委), and the edges of
    digit runs and of a date unit (7月1日|前, though rjieba reads 日前 as one word).
    The union is lenient on purpose: a span is called garbled only when no reading has it."""
    out = {0, len(sentence)}
    for hmm in (True, False):
        i = 0
        for tok in rjieba.cut(sentence, hmm):
            for w in TITLE_WORDS:
                if len(tok) > len(w) and tok.endswith(w):
                    out.add(i + len(tok) - len(w))
            i += len(tok)
            out.add(i)
    for m in _NUMBER.finditer(sentence):
        out.add(m.start())
    for m in _DATE_UNIT.finditer(sentence):
        out.add(m.end())
    return frozenset(out)


def on_word_boundaries(span: str, sentence: str, start_only: bool = False) -> bool | None:
    """True when some occurrence of `span` in `sentence` starts and ends between words (only
    starts, with `start_only`: a name before a speech verb is often merged with it, 韩东|明说);
    None when `span` does not occur there (nothing to judge)."""
    if not span or span not in sentence:
        return None
    b = boundaries(sentence)
    i = sentence.find(span)
    while i >= 0:
        if i in b and (start_only or i + len(span) in b):
            return True
        i = sentence.find(span, i + 1)
    return False


VERB_TAGS = frozenset({"v", "vd", "vg", "vi", "vq"})
# Verbs that rjieba's dictionary tags as nouns but that govern a name when glued to its front
# (部署市文旅局, 授旗 read as a banner 旗). Kept tiny: the POS tags do the rest.
VERBISH_NOUNS = frozenset({"部署", "授旗", "协调", "指导", "督导", "牵头", "会同", "联合", "依托", "邀请"})


def verb_at_edge(answer: str, min_len: int = 1) -> str | None:
    """The first or last word of `answer` when it is a verb of at least `min_len` characters
    (a name never starts or ends with one; a person's name may end in a character that is a verb
    on its own, 扎西才让, hence min_len 2 for people)."""
    toks = [(w, t) for w, t in rjieba.tag(answer) if w.strip()]
    if len(toks) < 2:
        return None
    for w, t in (toks[0], toks[-1]):
        if len(w) >= min_len and (t in VERB_TAGS or w in VERBISH_NOUNS):
            return w
    return None


# ---- kind and level of a name ----------------------------------------------------------------

# Longest suffix first inside each table; organisations are tried before places (区党委 is an organ).
ORG_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("enterprise", "有限公司"), ("enterprise", "合作社"), ("enterprise", "公司"), ("enterprise", "集团"),
    ("enterprise", "银行"), ("enterprise", "厂"),
    ("association", "联合会"), ("association", "协会"), ("association", "学会"), ("association", "商会"),
    ("association", "工会"), ("association", "妇联"), ("association", "文联"), ("association", "科协"),
    ("association", "残联"), ("association", "侨联"), ("association", "共青团"),
    ("media", "电视台"), ("media", "广播电台"), ("media", "报社"), ("media", "杂志社"), ("media", "日报"),
    ("organ", "委员会"), ("organ", "常委会"), ("organ", "办公室"), ("organ", "人民法院"), ("organ", "检察院"),
    ("organ", "政府"), ("organ", "党组"), ("organ", "工委"), ("organ", "委"), ("organ", "部"), ("organ", "厅"),
    ("organ", "局"), ("organ", "办"), ("organ", "署"), ("organ", "处"), ("organ", "科"),
    ("institution", "纪念馆"), ("institution", "博物馆"), ("institution", "中心"), ("institution", "基地"),
    ("institution", "学校"), ("institution", "中学"), ("institution", "小学"), ("institution", "大学"),
    ("institution", "学院"), ("institution", "幼儿园"), ("institution", "医院"), ("institution", "书屋"),
    ("institution", "馆"), ("institution", "院"), ("institution", "校"), ("institution", "所"), ("institution", "站"),
    ("team", "小分队"), ("team", "小组"), ("team", "队"), ("team", "团"), ("team", "组"), ("team", "连"),
    ("team", "营"), ("team", "班"),
)
DIRECT_CITIES = ("北京市", "天津市", "上海市", "重庆市")
PLACE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("province", "自治区"), ("province", "特别行政区"), ("village", "社区"), ("village", "嘎查"),
    ("township", "街道"), ("township", "苏木"), ("city", "自治州"), ("city", "地区"), ("county", "自治县"),
    ("county", "自治旗"), ("province", "省"), ("city", "市"), ("city", "州"), ("city", "盟"), ("county", "县"),
    ("county", "区"), ("county", "旗"), ("township", "乡"), ("township", "镇"), ("village", "村"),
    ("village", "屯"),
)
# Words that end in a unit character but are no place (a banner 旗, the whole 全县).
NOT_PLACES = frozenset({"授旗", "国旗", "党旗", "团旗", "队旗", "红旗", "锦旗", "彩旗", "会旗", "战旗", "校区",
                        "辖区", "全区", "全市", "全县", "全省", "全州", "全村", "全镇", "全乡", "农村", "乡村",
                        "城乡", "县乡", "县区", "县市"})


def name_class(text: str) -> str | None:
    """'org:organ', 'place:city', ... for a name by its ending; None when nothing tells.
    Two-character words (军营, 农村, 连队) are common nouns, not names: None."""
    t = norm(text)
    if not t:
        return None
    for kind, suf in ORG_SUFFIXES:
        if t.endswith(suf) and len(t) >= max(3, len(suf) + 1) or t == suf == "共青团":
            return f"org:{kind}"
    if t.endswith(DIRECT_CITIES) and len(t) <= 4:
        return "place:province"
    for level, suf in PLACE_SUFFIXES:
        if t.endswith(suf) and len(t) >= max(3, len(suf) + 1):
            return f"place:{level}"
    return None


def not_a_place(answer: str) -> str | None:
    """For a place answer: the word that shows it is no place (服务队授旗, 全县), else None."""
    t = norm(answer)
    for w in NOT_PLACES:
        if t.endswith(w) or t == w:
            return w
    cls = name_class(t)
    if cls and cls.startswith("org:"):
        return t
    return None
