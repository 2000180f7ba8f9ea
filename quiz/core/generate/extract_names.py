"""Organizations and places.

No dictionary: organizations and places are found by their suffix and what
precedes it, bounded by punctuation and a short list of verbs / function
words. A name never cuts a word: an org or place is extended leftwards over
the chain of administrative units it starts in (海东市乐都区卫生健康局), and
over an inner 和 (青海省人力资源和社会保障厅, 文化和旅游局).
"""
from __future__ import annotations

import re

from quiz.core.generate.facts import Fact
from quiz.core.generate.kinds import PLACE_SUFFIXES
from quiz.core.generate.segment import words

ORG_SUFFIXES = sorted("""委员会 工作委员会 办公室 办公厅 管理局 调查队 研究院 研究所 纪念馆 博物馆 图书馆 文化馆 展览馆 教育基地
中心 协会 学会 联合会 工会 商会 集团 公司 银行 医院 学校 大学 学院 中学 小学 法院 检察院 党委 党组 工委 政府 人大
政协 部门 合作社 组织部 宣传部 统战部 政法委 纪委 监委 方面军 纵队 支队 陵园 驿站 基地 厅 局 委 部 队 团 馆 院 所 站 社 组""".split(),
                      key=len, reverse=True)
_STRONG = {s for s in ORG_SUFFIXES if len(s) >= 2 and s not in ("党委", "党组", "部门", "基地")}
# a body the sentence says was set up needs no place before its name (抽派骨干组成理论宣讲分队)
_FOUNDING = re.compile(r"(?:成立|组建|组成|建立|新建)了?$")
_NOT_AFTER = {"部": "署分门长位件队落", "局": "面势长限部", "队": "伍长员列", "团": "结长员体组队",
              "馆": "藏长", "院": "长士子落", "所": "有以谓在长得属需", "站": "长在立", "社": "会区长员",
              "厅": "长", "委": "员托屈会", "组": "长织成员建合", "中心": "组得意", "会": "长员议场上",
              "中学": "习", "小学": "习生", "大学": "习生", "学会": "了习", "学院": "派", "政府": "间"}
_NOT_BEFORE = {"部": "干全内外东西南北中局基头胸腹背", "队": "军排团球", "团": "社集", "组": "小分班",
               "所": "场厕住处", "站": "车网驿", "院": "法医学庭", "社": "报旅出", "委": "常编"}
_ORG_RE = re.compile("|".join(ORG_SUFFIXES))
_VERB_AFTER = ("组织", "组成", "组建")
_STOP = sorted("""的 了 和 与 及 在 是 对 向 把 被 将 由 从 到 给 同 等 后 为 以 于 并 也 都 还 又 就 已 各级 各 全 该 本 即
开展 召开 主办 成立 启动 组织 举办 举行 聚焦 深入 了解 第一时间 通过 联合 牵头 发布 印发 出台 制定 推出 邀请 持续
积极 全面 充分 均 共 结合 围绕 坚持 按照 根据 设立 部署 会同 派出 选派 组建 开通 下发 研究 安排 协调 对接 帮助
参观 参加 走进 来到 前往 带领 组成 及时 切实 认真 广大 以及 接待 争取 支持 负责 其中 同时 随后 目前 今年 去年 近日
日前 当天 此外 另外 为了 我们 他们 大家 这 那 其 我 你 他 她 新 老 据了解 据悉 据统计 据介绍 据报道
来自 主要 包括 分别
新建 建成 新增 打造 挂牌 揭牌 设有 建有 依托 投入 改造 完善 筹建 援建""".split(), key=len, reverse=True)
ORG_HEADS = ("国家", "中央", "党中央", "国务院", "全国", "中共", "中国", "自治区", "省", "区", "市", "县", "州",
             "乡", "镇", "村", "西藏", "新疆", "内蒙古", "广西", "宁夏", "北京", "天津", "上海", "重庆", "河北",
             "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
             "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "香港", "澳门", "台湾")
_PLACE_HEAD = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:自治区|自治州|省|市|州|县|区|乡|镇|村)")
_ORG_END_CHARS = frozenset("局厅委部队团馆院所站社组会室处科办校心司")
_GENERIC_ORGS = {"党委", "党组", "党中央", "中央", "政府", "部门", "支部", "党支部", "区党委", "市委", "县委",
                 "党委会", "工作组", "领导小组", "调研组"}

# a unit word and a generic body, no name: 省政府, 县委, 市人大, 镇政府 (which province? the article's)
_GENERIC_BODY = re.compile(r"^(?:省|市|县|区|州|乡|镇|村|自治区)(?:政府|人民政府|委|党委|人大|政协|委员会|村委会)$")

# words that make 社区 or 街道 a kind of place, not the name of one (老旧社区, 智慧社区, 城市街道)
_GENERIC_AREA = frozenset("""老旧 居民 智慧 示范 文明 和谐 新型 周边 辖区 基层 城乡 农村 城市 各个 所在 附近 整个 有关 相关 试点
重点 困难 涉农 安置 老年 红色 平安 美丽 幸福 绿色 无疫 达标 星级 网格 商业 服务 管理 居住 移民 回迁 老城 新建 这个 那个
全部 部分 多个 一个 每个 所有 广大 其他 本地 外地 当地 我们 他们 友好 文化""".split())
_PLACE_RE = re.compile("|".join(PLACE_SUFFIXES))
_PLACE_CHARS = set("省市州盟县区乡镇村旗")
_PLACE_BAD = set("的了和与及暨驻在是进全各每等为对把被将从到给同向由以其该本我他她们并或开展家"
                 "召建推组织入解走访看抽调达来去第数个一二两三四五六七八九十百千万余几城社园校军")
# 多 ends a name only after a quantity word (许多县, 100多个村); inside names it is common: 鄂尔多斯市, 多伦县
_MANY_BEFORE = set("许很较诸众最更好颇0123456789一二两三四五六七八九十百千万余")
_LEVELS = {"街道": 4, "社区": 5, "自治区": 1, "省": 1, "自治州": 2, "州": 2, "地区": 2, "盟": 2, "市": 2.5, "自治县": 3, "县": 3, "区": 3,
           "旗": 3, "乡": 4, "镇": 4, "村": 5}
_CHAIN_BAD = frozenset("的了和与及在是对把被将从到给同向由以其该本我他她们并或各每等全为开展组织召建推走访看抽调"
                       "达来去第数个余多几所辖内外共部级")
_AREA_BAD_END = set("山牧农景辖片库灾疫校园社军城老新小市县林矿港营")
_PLACE_NOT_BEFORE = {"村": "农乡山渔牧", "市": "城超夜股楼", "镇": "城乡集", "乡": "城家故老下异", "县": "郡",
                     "盟": "联同加结"}
_PLACE_NOT_AFTER = {"市": "场区长委级", "区": "域别分块长委级内外县", "村": "庄落级委长干医民", "县": "城委级长域",
                    "乡": "村镇亲土长", "镇": "压长村", "州": "长委", "省": "委长级份"}


_STOP_SET = frozenset(_STOP)
_STOP_LENS = sorted({len(w) for w in _STOP})


def _stop_before(norm: str, k: int, min_len: int = 1) -> bool:
    """Does a stop word end at position k?"""
    return any(L <= k and norm[k - L:k] in _STOP_SET for L in _STOP_LENS if L >= min_len)


def _left_extend(norm: str, j: int, limit: int, ws=None) -> int:
    """Walk left from j over CJK characters until punctuation or a stop word (one that is not
    the end of a longer word, with the sentence's words `ws`: 为民服务中心 reads on past 为)."""
    k = j
    while k > 0 and j - k < limit:
        ch = norm[k - 1]
        if not ("\u4e00" <= ch <= "\u9fff"):
            break
        if _stop_before(norm, k) and not (ws is not None and (norm[k - 1] in _WORD_STARTS and _inside_word(ws, k - 1)
                                                                or _same_word(ws, norm, k - 1, j))):
            break
        k -= 1
    return k


_LEADING = frozenset({"v", "vd", "vi", "d", "ad", "p", "c"})


_PLACE_WORD_END = tuple("省市县区州旗盟乡镇村")


def _past_verbs(ws, start: int, suffix_at: int, norm: str = "") -> int:
    """A body's name never starts with a verb or an adverb the left walk took in (坚决响应镇党委,
    落实市委): skip such words, up to where the suffix starts; nor holds a place and the verb it
    is the subject of (天长市发挥社区大党委…: the body is 社区大党委)."""
    if norm:
        for s0, e0, tag in ws.inside(start, suffix_at):
            if tag in ("v", "vd") and e0 - s0 >= 2 and e0 < suffix_at and s0 > start \
                    and norm[s0 - 1] in _PLACE_WORD_END and norm[s0] not in _PLACE_WORD_END:   # (区直机关)
                start = e0
                break
    while start < suffix_at:
        t = ws.token_at(start)
        if t is None or t[0] != start or t[1] > suffix_at:
            break
        if t[2] in _LEADING or (t[2] == "a" and t[1] - t[0] >= 2):
            start = t[1]
            continue
        break
    return start


# stop characters that also start words of a name (为民服务中心, 全民健身中心, 老干部活动中心, 老年大学)
_WORD_STARTS = frozenset("为全老")


def _same_word(ws, norm: str, i: int, j: int) -> bool:
    """Is position i in the very word that holds the suffix at j (老|干部局: 老干部局 is one word of
    three characters or more; 新馆 is a word, but a new hall of the body before it)? Not a word for
    many bodies (各级党委, 全体党委): no body in particular."""
    t = ws.token_at(i)
    return t is not None and t[0] <= i and t[1] > j and t[1] - t[0] >= 3 and norm[t[0]] not in "各全每诸该本其这那有相"


def _inside_word(ws, i: int) -> bool:
    """Is position i inside a word of two or more characters that goes on past it (为|民)?"""
    t = ws.token_at(i)
    return bool(t) and t[1] > i + 1 and t[1] - t[0] >= 2


def _trim_stops(s: str, off: int, ws=None) -> tuple[str, int]:
    """Strip the stop words the name starts with (not a stop character that starts a word of the
    name, with the sentence's words `ws`: 老年大学)."""
    changed = True
    while changed and s:
        changed = False
        if ws is not None and s[0] in _WORD_STARTS and _inside_word(ws, off):
            break
        for w in _STOP:
            if s.startswith(w) and len(s) > len(w):
                s, off, changed = s[len(w):], off + len(w), True
                break
    return s, off


def _headed(org: str, places: set[str]) -> bool:
    return (org.startswith(ORG_HEADS) or bool(_PLACE_HEAD.match(org))
            or any(org[:k] in places for k in range(2, min(len(org), 12))))


def _over_chain(start: int, spans) -> int:
    """Never start inside (or right after) a chain of admin units: take the whole chain."""
    for a, b in spans:
        if a < start <= b:
            return a
    return start


def _over_known(norm: str, start: int, places: set[str]) -> int:
    """大新县委: a place named elsewhere in the article (大新县) whose name holds a stop word
    (新) still heads the body that starts with its unit character."""
    if start < 2 or start >= len(norm) or norm[start] not in "省市州县区旗乡镇村":
        return start
    for k in (4, 3, 2):
        if start >= k and norm[start - k:start + 1] in places:
            return start - k
    return start


def _over_and(norm: str, start: int, places: set[str], spans) -> int:
    """文化和旅游局, 人力资源和社会保障厅: a 和 inside the name, not between two bodies."""
    if start < 3 or norm[start - 1] != "和" or _headed(norm[start:start + 12], places):
        return start
    if any(a == start for a, _ in spans):
        return start
    k = _left_extend(norm, start - 1, 12)
    left, k = _trim_stops(norm[k:start - 1], k)
    if len(left) < 2 or left[-1] in _ORG_END_CHARS:
        return start
    k = _over_chain(k, spans)
    return k if _headed(norm[k:start], places) else start


_GRADE = re.compile(r"(?:小学|中学|学校|幼儿园)[一二三四五六七八九十\d]+(?:年级|班)")


def extract_orgs(sent, masked, places: set[str], spans=()) -> list[Fact]:
    norm = sent.norm
    cands = []
    for m in _ORG_RE.finditer(norm):
        suf = m.group()
        end = m.end()
        nxt = norm[end] if end < len(norm) else ""
        if nxt and nxt in _NOT_AFTER.get(suf, "") and not norm.startswith(_VERB_AFTER, end):
            continue   # (中心组 is a study group; 妇计中心组织… is a centre that organises)
        if len(suf) == 1 and m.start() and norm[m.start() - 1] in _NOT_BEFORE.get(suf, ""):
            continue
        start = _left_extend(norm, m.start(), 14, words(sent.text))
        org, start = _trim_stops(norm[start:end], start, words(sent.text))
        start = _over_chain(_over_and(norm, start, places, spans), spans)
        start = _over_known(norm, start, places)
        start = _past_verbs(words(sent.text), start, m.start(), norm)
        org = norm[start:end]
        if len(org) < 3 or org in _GENERIC_ORGS or len(org) == len(suf) or _GENERIC_BODY.match(org) \
                or any(w in org for w in ("有关", "相关")):
            continue   # 市直有关部门: no body in particular
        if _GRADE.search(org):
            continue   # 苏村镇中心小学三年级中队: the body is the school (a class of it is no body to ask)
        strong = suf in _STRONG
        headed = _headed(org, places)
        founded = len(org) >= 4 and bool(_FOUNDING.search(norm, max(0, start - 3), start))
        if not (strong or headed or founded):
            continue
        cands.append((start, end))
    facts = []
    for a, b in _greedy(cands):
        if all(b <= x or a >= y for x, y in masked):
            facts.append(Fact("org", sent.text[a:b], a, b, sent, key=("org", norm[a:b])))
    return facts


def _greedy(spans):
    """Non-overlapping spans, longest first at each start, leftmost first."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]))):
        if out and a < out[-1][1]:
            if b > out[-1][1] and a == out[-1][0]:
                out[-1] = (a, b)
            continue
        out.append((a, b))
    return out


def _level(suf: str) -> float:
    return _LEVELS.get(suf, _LEVELS.get(suf[-1], 0))


def find_places(norm: str) -> list[tuple[int, int]]:
    """Chains of admin units: 日喀则市萨嘎县昌果乡 -> one span."""
    units = []
    last, last_suf = -1, ""
    for m in _PLACE_RE.finditer(norm):
        suf = m.group()
        end = m.end()
        nxt = norm[end] if end < len(norm) else ""
        if nxt and (nxt in _PLACE_CHARS or nxt in _PLACE_NOT_AFTER.get(suf[-1], "")):
            word = norm[end:end + 2]   # 隘江村村民: the unit ends before a word (村民, 市民政局)
            if not (suf == "市" and nxt in "民") and not (len(word) == 2 and word[1] in _PLACE_NOT_AFTER.get(nxt, "")):
                continue
        gap = norm[last:m.start()] if last >= 0 else ""
        if 2 <= len(gap) <= 4 and _level(suf) > _level(last_suf) \
                and all("\u4e00" <= c <= "\u9fff" and c not in _CHAIN_BAD and c not in _PLACE_CHARS for c in gap) \
                and gap[-1] not in _PLACE_NOT_BEFORE.get(suf, "") and not _verb_at(norm, last):
            # the next, lower unit of a chain: 西宁市城东区 (not 天长市发挥社区: a verb and its object)
            units.append((last, end))
            last, last_suf = end, suf
            continue
        k = m.start()
        while k > 0 and m.start() - k < 4:
            ch = norm[k - 1]
            if not ("\u4e00" <= ch <= "\u9fff") or ch in _PLACE_BAD or (ch in _PLACE_CHARS and (k == last or ch != "州")):
                break
            if ch == "多" and (k < 2 or norm[k - 2] in _MANY_BEFORE or norm[k] in "个"):
                break
            if _stop_before(norm, k, 2):
                break
            k -= 1
        if k < m.start() and norm[k] == "州":   # 州县: a unit word; 龙州县, 兰州市: names
            k += 1
        if m.start() - k < 2 and suf not in ("自治区", "自治州") and not _one_char_county(norm, m.start() - 1, end):
            continue
        if suf in ("社区", "街道") and (norm[k:m.start()] in _GENERIC_AREA or _verb_at(norm, k)
                                       or (k != last and _common_word(norm, k, m.start(), end))):
            continue   # 老旧社区, 覆盖社区: a kind of place, or a verb and its object
        if m.start() == k:
            continue
        if norm[m.start() - 1] in _PLACE_NOT_BEFORE.get(suf, ""):
            continue
        if suf == "区" and norm[m.start() - 1] in _AREA_BAD_END:
            continue
        if k == last and _level(suf) <= _level(last_suf):
            continue   # 爱店镇边贸互市: not a lower unit of the chain
        units.append((k, end))
        last, last_suf = end, suf
    chains: list[tuple[int, int]] = []
    for a, b in units:
        if chains and chains[-1][1] == a:
            chains[-1] = (chains[-1][0], b)
        else:
            chains.append((a, b))
    return chains


_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt"})
_VERB_TAGS = frozenset({"v", "vd", "vi", "vn"})


def _common_word(norm: str, a: int, b: int, end: int) -> bool:
    """Is norm[a:b], before 社区 or 街道 (ending at `end`) with no higher unit before it, no name but a
    verb and its object? Words with a verb among them (主动引导社区居民), a start inside a word
    (进一|步提升社区), or one word of the dictionary that is not a name when the place would go on into
    a noun (书写社区发展, 助力社区文明城市建设: the segmenter tags 书写 and 助力 nouns). A name is a
    name to the segmenter (黑龙潭) or a phrase (荷花里); 大观街道开展 stays a place."""
    ws = words(norm)
    first = ws.token_at(a)
    if first is not None and first[0] < a:
        return True
    inside = [t for t in ws.tokens if a <= t[0] and t[1] <= b]
    if not inside or inside[-1][1] != b:
        return False   # the segmenter cut across its end (新华社|区): no word of the dictionary
    if len(inside) > 1:
        return any(t[2] in _VERB_TAGS for t in inside)
    after = ws.token_at(end)
    return inside[0][2] not in _NAME_TAGS and after is not None and after[0] == end \
        and (after[2].startswith("n") or after[2] in ("vn", "a", "l"))


def _verb_at(norm: str, k: int) -> bool:
    t = words(norm).token_at(k)
    return t is not None and t[0] == k and t[2] in ("v", "vn", "vd", "vi", "a", "ad", "d", "p", "c")


def _one_char_county(norm: str, a: int, b: int) -> bool:
    """临县, 忠县, 凤县: a county named by one character, when the segmenter reads the two as one
    place name (全县, 该县, 各县 are no names: their first character stops the walk before)."""
    if a < 0 or b - a != 2 or norm[b - 1] != "县" or norm[a] in _PLACE_BAD or norm[a] in _PLACE_CHARS:
        return False
    t = words(norm).token_at(a)
    return t is not None and t[0] == a and t[1] == b and t[2] == "ns"


def extract_places(sent, masked, spans=None) -> list[Fact]:
    facts = []
    for a, b in (find_places(sent.norm) if spans is None else spans):
        if all(b <= x or a >= y for x, y in masked):
            facts.append(Fact("place", sent.text[a:b], a, b, sent, key=("place", sent.norm[a:b])))
    taken = masked + [(f.start, f.end) for f in facts]
    for a, b in _tagged_places(sent):
        if all(b <= x or a >= y for x, y in taken):
            facts.append(Fact("place", sent.text[a:b], a, b, sent, key=("place", sent.norm[a:b])))
    return facts


# where a report says someone went or something took place: the place named right after (在西宁召开,
# 前往江西瑞金、陕西延安等地) is a place even without a unit (市, 县) the suffix rules need
_GOES_TO = ("在", "赴", "到", "从", "前往", "来到", "走进", "奔赴", "抵达")
_AFTER_PLACE = frozenset("，。、；：等召举开参出")


def _tagged_places(sent) -> list[tuple[int, int]]:
    """Places the segmenter tags ns (one or two words: 江西瑞金) right after a verb of going or 在,
    or after a 、 that continues such a list, and followed by punctuation, 等, 召开, 举行 or 参观."""
    norm = sent.norm
    toks = words(sent.text).tokens
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        s0, e0, tag = toks[i]
        prev = norm[toks[i - 1][0]:toks[i - 1][1]] if i else ""
        after_go = prev in _GOES_TO or prev == "、" and out and out[-1][1] == toks[i - 1][0]
        if tag != "ns" or not after_go:
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1][2] == "ns" and j - i < 1:
            j += 1   # 江西|瑞金: a province and its city, one place
        a, b = s0, toks[j][1]
        if 2 <= b - a <= 6 and all("\u4e00" <= c <= "\u9fff" for c in norm[a:b]) \
                and (b == len(norm) or norm[b] in _AFTER_PLACE):
            out.append((a, b))
        i = j + 1
    return out
