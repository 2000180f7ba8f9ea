"""People introduced by a role before a speech verb.

'青海省委副书记王建国在会上强调：' -> person 王建国, role 青海省委副书记.
The subject before the verb is read right to left as segments joined by 、:
a role alone (全国劳动模范、…队长石角: the roles chain), a role with a name
(副书记王建国、副省长李明华表示: a list of people) or a bare name after a
person (老党员张三、李四说: shares the role). An adverbial may sit between the
name and the verb (在会上, 在座谈中, 接受采访时, 也, 动情地).
A name needs a title word right before it, is 2-5 characters, and never is or
ends like a title, a place or an organization; bylines are never people.
"""
from __future__ import annotations

import re

from quiz.core.generate import speech
from quiz.core.generate.facts import Fact

TITLES = sorted("""书记 副书记 第一书记 主席 副主席 部长 厅长 局长 处长 科长 县长 市长 州长 乡长 镇长 村长 主任 队长 组长
团长 院长 校长 所长 站长 馆长 经理 董事长 会长 秘书长 政委 司令员 教授 研究员 劳动模范 劳模 负责人 队员 村民 牧民
农民 老党员 党员 干部 战士 老战士 医生 教师 老师 学生 志愿者 讲解员 宣讲员 支书 常委 委员 代表 专家 工作人员
村医 村干部 驻村干部 网格员 护边员 主播 厨师 司机 工人 职工 群众 居民 院士 作家 省长 区长 旗长 社长 总经理
党支部书记 副主任 副县长 副市长 副省长 副部长 副局长 副厅长 副院长 副校长 副队长 理事长 名誉主席 退休干部
老干部 老教师 老兵 民警 辅警 法官 检察官 护士 乡村医生 医务人员 技术员 农技员 社工 创业者 企业家 非遗传承人 传承人
""".split(), key=len, reverse=True)
_TITLE_SET = frozenset(TITLES)
_TITLE_LENS = sorted({len(t) for t in TITLES}, reverse=True)
_SPEECH = re.compile(rf"{speech.alternation(speech.SAYS_HOW, speech.SAYS, ('要求',))}|称(?=[，：,:“])|：")
_ADVERBIAL = re.compile(r"(?:在[^，。；：！？“”、（）]{1,14}?(?:上|中|时|期间|之际)|接受[^，。；：！？“”、]{1,12}?采访时|"
                        r"对记者|向记者|也|还|再次|进一步|深有感触地|动情地|笑着|激动地|感慨地|由衷地|坚定地)$")
_NAME_OK = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
# function characters that never stand in a name (向, 全, 其, 普, 曾, 致, 均 do: 马向东, 其木格, 普布)
_BAD_NAME_CHARS = frozenset("的了与及在是也都还就已并说表示等们这那个为对把被将从到给纷遍仍又最很"
                            "各每共些地得着过")
_NOT_NAME_END = frozenset("省市州县区乡镇村旗局厅委部队团馆院所站社组会办处科室校厂司行店")   # 中心 below: 许正中 is a name
_NOT_PEOPLE = ("记者", "通讯员", "实习生", "编辑", "摄影")
_SEG_STOP = "，。；：！？、“”‘’（）《》「」 "


_TITLE_START = re.compile("|".join(TITLES + ["记者", "家长", "通讯员", "编辑", "主持人"]))
# a verb, an idiom, a preposition or a conjunction of two or more characters (关于 of 总书记关于党…)
_NOT_IN_NAME = frozenset({"v", "vd", "vn", "vi", "l", "i", "p", "c"})


def plain_name(text: str, a: int, e: int) -> bool:
    """text[a:e] may be a name: it starts no title word (记者何静, 家长冉丽) and no word of two or
    more characters wholly inside it is a verb or an idiom (扎根大山, 带头). Other tags are not
    held against it (立新 is tagged an adverb): names are where the segmenter guesses worst."""
    if _TITLE_START.match(text, a, e):
        return False
    from quiz.core.generate.segment import words
    ws = words(text)
    return not any(s >= a and t <= e and t - s >= 2 and tag in _NOT_IN_NAME for s, t, tag in ws.inside(a, e))


def _title_before(norm: str, a: int) -> str | None:
    for L in _TITLE_LENS:
        if L <= a and norm[a - L:a] in _TITLE_SET:
            return norm[a - L:a]
    return None


def name_ok(name: str) -> bool:
    return (bool(_NAME_OK.match(name)) and not any(c in _BAD_NAME_CHARS for c in name)
            and name[-1] not in _NOT_NAME_END and not name.endswith("中心") and not _SPEECH.search(name)
            and _title_before(name, len(name)) is None and name not in _TITLE_SET)


def _seg_starts(norm: str) -> list[int]:
    """For each position, where the segment ending there starts (just after the last
    stop before it): one pass, so a long run without stops costs linear time."""
    starts = [0] * (len(norm) + 1)
    last = 0
    for i, ch in enumerate(norm):
        starts[i] = last
        if ch in _SEG_STOP:
            last = i + 1
    starts[len(norm)] = last
    return starts


def _segment(norm: str, s: int, e: int, text: str = ""):
    """('role', s, e) | ('person', s, name_start, e) | ('bare', s, e) | None for norm[s:e]."""
    if e <= s:
        return None
    for nlen in (2, 3, 4, 5):
        a = e - nlen
        if a <= s:
            break
        if name_ok(norm[a:e]) and _title_before(norm, a) and a - s >= 2 and plain_name(text or norm, a, e):
            return ("person", s, a, e)
    if _title_before(norm, e) and e - s <= 30:
        return ("role", s, e)
    if 2 <= e - s <= 4 and name_ok(norm[s:e]):
        return ("bare", s, e)
    return None


def _name_ends(norm: str, v: int) -> list[int]:
    m = _ADVERBIAL.search(norm, max(0, v - 20), v)
    ends = [v - len(m.group())] if m and m.end() == v else []
    return ends + [v]


def _subject(norm: str, e: int, starts: list[int], text: str = "") -> list[tuple]:
    """Segments of the subject ending at e, left to right (empty when no person)."""
    segs: list[tuple] = []
    while True:
        s = starts[e]
        seg = _segment(norm, s, e, text)
        if seg is None or (not segs and seg[0] == "role"):
            break
        segs.append(seg)
        if s >= 2 and norm[s - 1] == "、":
            e = s - 1
            continue
        break
    segs.reverse()
    # drop leading bare names (no role evidence) and stop at the first unusable piece
    while segs and segs[0][0] == "bare":
        segs.pop(0)
    return segs if any(x[0] == "person" for x in segs) else []


_LEADING_AGE = re.compile(r"(?:今年)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:周)?岁(?:高龄)?(?:的)?")


def _role_from(norm: str, rs: int, a: int) -> int:
    """Where the role before a name really starts: after the last 的 of a description (家住良丰村的
    75岁老党员 -> 75岁老党员) and after an age (75岁老党员 -> 老党员: the age is a figure of its own)."""
    cut = norm.rfind("的", rs, a)
    if cut >= 0:
        rs = cut + 1
    m = _LEADING_AGE.match(norm, rs, a)
    return m.end() if m else rs


def extract_people(sent, masked) -> list[Fact]:
    """Person and role facts of one sentence."""
    norm, text = sent.norm, sent.text
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    starts: list[int] = []
    for m in _SPEECH.finditer(norm):
        starts = starts or _seg_starts(norm)
        segs = []
        for e in _name_ends(norm, m.start()):
            segs = _subject(norm, e, starts, text)
            if segs:
                break
        if not segs:
            continue
        role_start = None
        role_text, role_norm = "", ""
        for seg in segs:
            if seg[0] == "role":
                if role_start is None:
                    role_start = seg[1]
                continue
            if seg[0] == "person":
                rs = seg[1] if role_start is None else role_start
                role_start = None
                a, e = seg[2], seg[3]
                rs = _role_from(norm, rs, a)
                role_norm, role_text = norm[rs:a], text[rs:a]
                role_span = (rs, a)
            else:
                a, e = seg[1], seg[2]
                role_span = None
            if not all(e <= x or a >= y for x, y in masked + taken):
                continue
            if any(w in role_norm for w in _NOT_PEOPLE) or len(role_norm) > 40:
                continue
            taken.append((a, e))
            name = text[a:e]
            facts.append(Fact("person", name, a, e, sent, key=("person", name), role=role_text, person=name))
            if role_span and len(role_norm) >= 3 and role_norm not in _TITLE_SET:
                facts.append(Fact("role", role_text, role_span[0], role_span[1], sent, key=("role", role_norm),
                                  role=role_text, person=name))
    return facts
