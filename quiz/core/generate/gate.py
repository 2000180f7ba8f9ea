"""A quality gate between the candidates and the selection: what a teacher deletes is dropped.

The extractors over-generate on purpose and the scores rank facts by importance, but
some candidates are built on a misread span, and a teacher who reads the bank deletes
them whatever their score: a person slot whose option is no name (据校长王某), an
answer glued to a function word (马某某以, X支部赴Y医院), a name cut from a longer
one (某某|镇团委), a generic word as the answer (宁静, 爱家乡), a byline in a prompt,
an order question on a list with no order, a long document title typed by hand.
Each rule here is a predicate on one candidate (its question, its source sentence
and the rjieba words of that sentence); a candidate that fails one gets a drop
reason, so the selection fills the bank with the next best instead, and the
teacher's report (`--explain`) says why. A fill whose name runs on from the left is
repaired to the whole name instead (widen). Which lists have an order to learn is
decided in gate_order.py.
"""
from __future__ import annotations

import re
from dataclasses import replace

from quiz.core.generate.candidates import Candidate
from quiz.core.generate.chars import CLOSE_MARKS, OPEN_MARKS, han, han_count
from quiz.core.generate.gate_order import framed, ordered, theme
from quiz.core.generate.gate_person import comrade, thin
from quiz.core.generate.segment import words
from quiz.core.generate.titled import OFFICES, SURNAMES
from quiz.core.qtype import QuestionType as QT

REASONS = {
    "gate-byline": "a byline or credit, not a fact",
    "gate-edge": "answer glued to a function word or verb",
    "gate-cut": "answer cut from a longer word or name",
    "gate-person": "a person option that is no office and name",
    "gate-trivial": "answer is a generic word or a minor item, not a fact",
    "gate-order": "order asked of a list that has no order",
    "gate-context": "a count whose prompt does not say of what",
    "gate-title": "a long title or line to type by hand",
}

# a preposition that never starts an answer (据校长…, 由书记…) and what never ends one (…以《》为题)
LEAD = frozenset("据由在对把")
TRAIL = frozenset("以在赴对为把将向的和与")
_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv"})
_VERB_TAGS = frozenset({"v", "vd", "vi", "vg"})
# tags of a word that may be the head of a name standing right before a blank (六合|街道…, 东营市|…)
_NAME_HEAD_TAGS = frozenset({"n", "ns", "nz", "nt", "j", "nr", "nrt", "a", "b"})
# a common word in the slot of a name, place or list item (宁静, 问题, 流动): no fact to learn
_GENERIC_TAGS = frozenset({"n", "a", "v", "vn", "an", "ad", "d", "l", "i", "f", "vd", "r", "m", "q", "nr"})
_NAMED_TAGS = frozenset({"ns", "nt", "nz", "nrt", "nrfg"})
# one word of these tags in the slot of a name is no name (宁静 a, 流动 vn, 问题 n is held by offices)
_PLAIN_TAGS = frozenset({"a", "v", "vn", "an", "ad", "d", "l", "i", "f", "vd"})
# words that are no fact in any slot (the report's everyday vocabulary)
_COMMON = frozenset("""问题 宁静 流动 准备 发展 工作 活动 情况 方面 建设 服务 群众 大家 幸福 美好 和谐 安全 稳定
温暖 快乐 感动 力量 精神 初心 使命 作用 效果 成效 意义 氛围 党和政府 党和国家 党和人民 人民群众 广大党员
周边地区 周边 各地 全国各地 城乡 基层 当地 本地 各乡镇 田间地头 千家万户""".split())
# everyday words a report sets in quotes for wordplay (群众“问题”，干部“答题”; 促“实事”快“实施”)
_PLAY = frozenset("实事 民声 民生 答题 交代 实施 暖心 贴心 连心 用心 新想法 新问题 老问题".split())
# everyday words that rjieba may tag as a name, and tags no name holds (会上 is a time word)
_NOT_NAMES = frozenset("光荣 宁静 会上 会后 会前 现场 同志 大家 全体 代表 人员 先进 模范".split())
_NOT_NAME_TAGS = frozenset({"t", "f", "p", "c", "u", "uj", "ul", "v", "vn", "d", "m", "q", "a"})
# words that stand inside the name of a body or an office (党史学习|教育领导小组): a span right after
# one of them was cut from that name
_IN_NAMES = frozenset("学习 教育 工作 建设 服务 发展 宣传 领导 管理".split())
# nouns that carry on the phrase an org span was cut from (厅党组意识形态工作)
_RUNS_ON = tuple("工作 领域 方面 系统 体系 事业 工程 意识形态".split())
_OFFICE_IN = re.compile("|".join(OFFICES))
# a scope, not a body (全市政府 of 全市政府系统各党支部)
_SCOPE = re.compile(r"^全[省市县区镇乡村州旗]")
_PRIZES = re.compile(r"^\s*(?:[一二三四五特]等奖|优秀奖|优胜奖|金奖|银奖|铜奖)[：:]")
# what ends a place, a body or a named concept: a list item with this ending is a fact
_NAMED_ENDS = tuple("""省 市 县 区 镇 乡 村 旗 州 街道 社区 馆 院 局 厅 委 部 校 大学 中学 小学 公司 中心 基地 纪念馆 园 山
精神 史 思想 理论 主义 工程 行动 计划 讲话""".split())
# verbs of a report's work that rjieba tags as nouns of action (vn): a body never starts with one
_DOING = frozenset("建设 修缮 打造 开展 推进 落实 运用 编制 举办 召开 实施 加强 推动 谋划 贯彻 深化 完善 健全".split())
# a verb the segmenter may tag as a place (新建 is ns): what follows it starts a name
_BUILT = frozenset("新建 建成 改建 扩建 组建 成立 设立 开设 建立 打造 新设 新增 筹建 命名".split())
# a unit that ends here is whole: what follows it is the next unit of a chain (十堰市|张湾区)
_UNIT_ENDS = tuple("省 市 县 区 镇 乡 村 旗 州 盟 街道 社区 中共 中学 小学 大学 学校 学院".split())
_FEELING = re.compile(r"^[\u4e00-\u9fff]{1,3}感$")     # 幸福感, 获得感: the segmenter may call it nr
_BYLINE = re.compile(r"本报讯|来源[：:]|(?:编辑|责编|供稿|审核|校对)[：:]|^[^，。；]{0,24}报道[：:]|"
                     r"(?:记者|通讯员)[^。；，]{0,20}报道|"
                     r"[（(][^（）()]{0,20}(?:记者|通讯员|来源|编辑)[^（）()]{0,30}[）)]|"
                     r"(?:记者|通讯员)[\s　]*[\u4e00-\u9fff]{2,3}(?:[\s　]|$)")
_CENTENARY = re.compile(r"^(?:100|一百)(?:周年|年)$")
_CENTENARY_SAID = re.compile(r"(?:建党|党成立|党的)(?:100|一百)周年|建党百年|百年华诞")
_COUNT = re.compile(r"\d+|[一二三四五六七八九十](?=[^一二三四五六七八九十百千万])")
_CN = "一二三四五六七八九十"
LONG_TITLE = 12
# a true/false statement needs this many characters besides its date to be a claim
TF_CONTEXT = 8
_DAY_LEAD = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日[上下午晚]*[，,]?")


def _quoted(text: str, a: int, b: int) -> bool:
    """Is text[a:b] the whole of a quotation or a title (“…”, 《…》)? Then it is whole by the writer's marks."""
    return a > 0 and b < len(text) and text[a - 1] in OPEN_MARKS and text[b] in CLOSE_MARKS


def locate(c: Candidate) -> tuple[str, int, int] | None:
    """(source sentence, start, end) of the answer in its sentence: the occurrence nearest the fact."""
    src, ans = c.question.source or "", c.question.answer
    if not ans or not src:
        return None
    best = None
    i = src.find(ans)
    while i >= 0:
        if best is None or abs(i - c.start) < abs(best - c.start):
            best = i
        i = src.find(ans, i + 1)
    return None if best is None else (src, best, best + len(ans))


def counted(c: Candidate) -> bool:
    """Does the prompt list the very items the figure counts (选取甲、乙、丙____ with 3名)? The
    learner counts them off the prompt: nothing to learn."""
    m = _COUNT.match(c.question.answer)
    a = c.question.prompt.find("____")
    if m is None or a < 0:
        return False
    n = int(m.group()) if m.group().isdigit() else _CN.find(m.group()) + 1
    # what the learner sees: a prompt that elides part of the list (……) shows fewer items
    before = re.sub(r"(?:一共|总共|共|合计)$", "", c.question.prompt[:a])
    if before.endswith(("等", "、", "和", "及", "与")):
        return False   # 甲、乙、丙等11个民族: more than named; 火车站和3所中学: the count is an item itself
    clause = re.split(r"[，。；：！？…]", before)[-1]
    items = clause.split("、")
    count = len(items) + (len(items) > 1 and bool(re.search("[和及与]", items[-1])))
    return count >= 2 and count == n


def byline(text: str) -> bool:
    """Does the text hold a byline, a credit or a news-agency lead (本报讯, （记者 某某）)?"""
    return bool(_BYLINE.search(text))


def glued(text: str, a: int, b: int) -> bool:
    """Is text[a:b] glued to a function word or verb at its edges (据校长…, 马某某以, 厅党组…工作 cut)?"""
    if b <= a:
        return False
    inner = words(text).inside(a, b)
    if not inner:
        return False
    first, last = inner[0], inner[-1]
    if text[a] in LEAD and first[1] - first[0] == 1 and first[2] in _FUNCTION_TAGS:
        return True
    if text[b - 1] not in TRAIL:
        return False
    if last[1] - last[0] == 1 and last[2] in _FUNCTION_TAGS | _VERB_TAGS:
        return True
    # the segmenter glues a preposition to a name (王明|华以《…》为题): a name, then 以 before a title
    return b < len(text) and text[b] in OPEN_MARKS or b - a >= 3 and person_ok(text[a:b - 1])


def inner_verb(text: str, a: int, b: int) -> bool:
    """Does a name span hold a one-character verb or preposition word inside (X支部赴Y医院)?"""
    inner = words(text).inside(a, b)
    return any(s > a and e < b and e - s == 1 and tag in _VERB_TAGS | {"p"} for s, e, tag in inner)


def verb_led(text: str, a: int, b: int) -> bool:
    """Does a name span start with a verb (谋划省教育厅, 贯彻落实公司, 运用好党史教育基地)?"""
    inner = words(text).inside(a, b)
    if not inner or inner[0][1] >= b:
        return False
    if inner[0][2] in _VERB_TAGS or text[inner[0][0]:inner[0][1]] in _DOING:
        return True
    # 运用|好 (a verb and its complement) is tagged vn then a
    return inner[0][2] == "vn" and len(inner) > 1 and inner[1][1] - inner[1][0] == 1 and text[inner[1][0]] in "好到实"


def cut(text: str, a: int, b: int, name: bool = True) -> bool:
    """Is text[a:b] not whole words, or does a name run on into it from the left (六合|街道后毕村)?"""
    ws = words(text)
    if _quoted(text, a, b):
        return False
    if not ws.whole(a, b):
        return True
    if a == 0 or not han(text[a - 1]):
        return False
    if not name:
        return False
    before = ws.token_at(a - 1)
    if before is None or before[2] not in _NAME_HEAD_TAGS or before[1] - before[0] < 2:
        return False
    head = text[before[0]:before[1]]
    return not head.endswith(_UNIT_ENDS) and head not in _BUILT


def person_ok(option: str) -> bool:
    """Is an option of a person slot an office and a name (or a name alone)? The name is a
    family name and one or two characters, or a name the segmenter reads as one (巴特尔,
    其木格: minority names have no family name); the office ends in an office word and starts
    with no preposition (据校长王某, 办事处主任问题, 市委常委会上 fail)."""
    text = option.removesuffix("同志")
    for k in (3, 2, 4, 5):
        if len(text) < k:
            continue
        name, role = text[-k:], text[:-k]
        if not all(han(ch) or ch == "·" for ch in name) or not _a_name(name):
            continue
        if not role:
            return True
        if role[0] in LEAD or not role.rstrip("、，").endswith(tuple(OFFICES)):
            continue
        return True
    return False


def person_role(answer: str) -> bool:
    """Does an answer hold an office (教育领导小组组长吕朝伟), or is it a body, not a bare name?"""
    return len(answer) > 4 or bool(_OFFICE_IN.search(answer))


def _a_name(name: str) -> bool:
    """Is `name` a person's name: a family name first, or no everyday word (光荣, 会上, 问题)?"""
    if name in _COMMON or name in _NOT_NAMES:
        return False
    if len(name) >= 4 and (name[0] in LEAD or _OFFICE_IN.search(name)):
        return False   # 由书记李某, 对校长江国: a phrase, not a name (由 is also a family name)
    if name[0] in SURNAMES or name[:2] in ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫"):
        return True
    tags = [tag for _, _, tag in words(name).tokens]
    if any(tag in _NOT_NAME_TAGS for tag in tags):
        return False
    return len(name) >= 3 or len(tags) == 1 and tags[0] in ("nr", "nrt", "nrfg", "ns")


def generic(text: str, a: int, b: int, item: bool = False) -> bool:
    """Is text[a:b] a common word, not a fact (宁静, 流动, 幸福感, 爱家乡)? Quoted terms, named
    entities and numbers are facts. An `item` of a list is held to more: it must itself be a
    name (a person, a place, a body), a named concept (长征精神, 社会主义发展史) or a quoted term;
    沿江大堤, 保洁员, 集中宣讲 of a list of examples are not."""
    span = text[a:b]
    if _quoted(text, a, b) or any(ch.isdigit() for ch in span):
        return False
    if _FEELING.match(span):
        return True
    inner = words(text).inside(a, b)
    if not inner:
        return False
    if span in _COMMON or span.startswith("爱") and len(span) <= 3 or _SCOPE.match(span):
        return True
    if item and re.search("[等的]", span[1:-1]):
        return True   # 闸室旁等草地上的杂草: a phrase of the sentence, not an item of its list
    if item:
        # rjieba's tags are too loose to ask every item to be a name (爱家乡 is tagged a place,
        # 宁静 a person): what is left out is how a report says a thing, not the thing: an idiom
        # (落地生根), a description (宣讲能力强), a verb and its object (跑市场, 制定学习方案)
        # An item of a plain list (形象、生动、直观; 村干部、党员、群众; 授课共享、视频展播) is how the
        # report fills its sentence: only a named thing is a fact, a word that ends as a place,
        # a body or a concept does (社会主义发展史) or one the segmenter names (黑龙江, 郭希林)
        # (干部 ends in 部 as a body does: 村干部 is people, no body)
        return not (span.endswith(_NAMED_ENDS) and not span.endswith("干部")) and not named(text, a, b)
    return len(inner) == 1 and inner[0][2] in _PLAIN_TAGS and not span.endswith(_NAMED_ENDS)


def named(text: str, a: int, b: int) -> bool:
    """Does text[a:b] hold a word the segmenter names (a place 黑龙江, a body), or is it a person's
    name whole (郭希林)? A word tagged a person inside a longer span is a misreading (师生|党员代表)."""
    inner = words(text).inside(a, b)
    return any(tag in _NAMED_TAGS for _, _, tag in inner) or len(inner) == 1 and inner[0][2] == "nr"


def plain_list(c: Candidate) -> bool:
    """Is the candidate an item of a list whose shared frame makes no formula (进机关、进企业;
    最盼、最急)? The extractor calls such a list a slogan; a formula (学史明理…) or a quoted
    theme of one measure (“学党史、办实事、献爱心”) is learnt item by item, this is not."""
    # the fact of a list is (kind, its text, its sentence): the items are that text's 、-parts
    whole = c.fact[1] if len(c.fact) > 2 and c.fact[0] in ("slogan", "list") else ""
    items = tuple(str(whole).split("、"))
    return len(items) >= 3 and not ordered(items) and not theme(items, c.question.prompt)


def why(c: Candidate) -> str:
    """The gate's drop reason for one candidate ('' when it passes)."""
    q = c.question
    kind = q.tags[0] if q.tags else c.kind
    if byline(q.prompt) or any(byline(x) for x in q.answers):
        return "gate-byline"
    if q.type is QT.ORDER:
        if not ordered(tuple(q.answers)) and not theme(tuple(q.answers), q.prompt):
            return "gate-order"
        return "" if framed(q.prompt) or any(framed(n) for n in c.narrow) else "gate-order"
    if q.type is QT.TRUEFALSE:
        # a statement cut to its date and subject (4月24日，省总工会……) says nothing to judge
        return "gate-context" if han_count(_DAY_LEAD.sub("", q.prompt.replace("……", ""))) < TF_CONTEXT else ""
    if kind in ("date", "figure"):   # a figure of speech (几千年) is no count to learn
        if han_count(q.prompt.replace("____", "")) < 6:
            return "gate-context"   # 时长累计____。: a count of nothing the learner can name
        # (数千人 stays: a magnitude the report gives as its figure; 几千年 is a figure of speech)
        if q.answer.startswith("几") or counted(c):
            return "gate-trivial"
        # the Party's hundredth anniversary (庆祝建党____, 中国共产党成立____) is in every report of
        # the year: everyone knows it, a teacher deletes it
        if _CENTENARY.match(q.answer) and "党" in q.prompt:
            return "gate-trivial"
        # and so is its year (____是中国共产党成立100周年): the prompt gives the answer away
        return "gate-trivial" if q.answer == "2021年" and _CENTENARY_SAID.search(q.prompt) else ""
    if kind == "person" and q.type is QT.FILL and not person_role(q.answer) and thin(q.prompt):
        return "gate-context"
    if kind == "person" and q.type in (QT.CHOICE, QT.MULTI, QT.FILL):
        options = q.choices if q.type is not QT.FILL else q.answers[:1]
        if not all(person_ok(o) for o in options):
            return "gate-person"
    where = locate(c)
    if where is None:
        return ""
    text, a, b = where
    if kind in ("org", "place") and b - a > 10 and any(text[a:k].endswith(_NAMED_ENDS) and text[k] in "和与及"
                                                       for k in range(a + 2, b - 2)):
        return "gate-edge"   # two bodies read as one (兴庆区党员教育基地和青少年爱国主义教育基地)
    if kind not in ("slogan", "person") and not _quoted(text, a, b) and glued(text, a, b) \
            or kind == "person" and text[a] in LEAD and not person_ok(q.answer) \
            or kind in ("org", "place") and (inner_verb(text, a, b) or verb_led(text, a, b)):
        return "gate-edge"
    if kind in ("org", "place", "name", "list") and cut(text, a, b, kind != "list"):
        return "gate-cut"
    if kind in ("org", "place", "person") and a >= 2 and text[a - 2:a] in _IN_NAMES and person_role(q.answer):
        return "gate-cut"   # 校区党史学习|教育领导小组组长: the office runs on from the left
    if kind in ("org", "place") and text.startswith(_RUNS_ON, b):
        return "gate-cut"   # 厅党组意识形态|工作, 全市政府|系统: the phrase runs on, the body is not the answer
    if kind in ("org", "place", "name", "list") and q.type in (QT.FILL, QT.CHOICE) \
            and generic(text, a, b, kind == "list"):
        return "gate-trivial"
    if kind == "slogan" and q.type in (QT.FILL, QT.CHOICE) and plain_list(c) and not named(text, a, b):
        return "gate-trivial"   # 进机关、进企业、____; 最盼、最急、____: a frame is no formula
    if _PRIZES.match(text) and "、" in text[a - 1:b + 1] and q.type in (QT.FILL, QT.CHOICE):
        return "gate-trivial"   # one of many winners of a prize (一等奖：____、高一17班…): no fact to learn
    # a quoted everyday word (促“实事”快“实施”, 汇集大小“民声”) is wordplay, not a term to learn
    if kind == "slogan" and _quoted(text, a, b) and (q.answer in _COMMON or q.answer in _PLAY):
        return "gate-trivial"
    # an item of a parallel list of feelings (荣誉感、____、使命感) is no slogan, quoted or not
    if kind == "slogan" and q.type in (QT.FILL, QT.CHOICE) and not _quoted(text, a, b) \
            and (_FEELING.match(q.answer) or q.answer in _COMMON):
        return "gate-trivial"
    if q.type is QT.FILL and text[a - 1:a] == "《" and len(q.answer) > LONG_TITLE:
        return "gate-title"
    if q.type is QT.FILL and kind != "person" and len(q.answer) > LONG_TITLE + 4 and "，" in q.answer:
        return "gate-title"   # a lyric of three lines (共产党，辛劳为民族，…) is no answer to type
    return ""


def widen(c: Candidate) -> Candidate | None:
    """A fill whose name runs on from the left (大新|县委理论学习中心组) asked as the whole name
    (大新县委理论学习中心组), when the word before the blank is printed right before it and
    itself follows a break; None when it cannot be."""
    q = c.question
    where = locate(c)
    if q.type is not QT.FILL or where is None or q.prompt.count("____") != 1:
        return None
    text, a, b = where
    head = words(text).token_at(a - 1)
    if head is None:
        return None
    h = text[head[0]:head[1]]
    lo = head[0]
    if lo > 0 and han(text[lo - 1]) and not words(text).in_bounds(lo):
        return None
    i = q.prompt.index("____")
    if not q.prompt.endswith(h, 0, i) or cut(text, lo, b):
        return None
    whole = h + q.answer
    prompt = q.prompt[:i - len(h)] + q.prompt[i:]
    narrow = tuple(n[:n.index("____") - len(h)] + n[n.index("____"):] for n in c.narrow
                   if n.count("____") == 1 and n.endswith(h, 0, n.index("____")))
    question = replace(q, prompt=prompt, answers=(whole, *q.answers[1:]))
    return replace(c, question=question, shows=(whole,), narrow=narrow, start=lo)


def gate(cands: list[Candidate]) -> list[Candidate]:
    """The candidates, each that fails a rule marked with its reason (kept in the list: the
    teacher's report names it); narrow prompts that hold a byline or, for an order
    question, no words around the blank are taken away."""
    out = []
    for c in cands:
        if c.drop:
            out.append(c)
            continue
        narrow = tuple(n for n in c.narrow if not byline(n)
                       and (c.question.type is not QT.ORDER or framed(n)))
        if narrow != c.narrow:
            c = replace(c, narrow=narrow)
        if byline(c.question.prompt) and narrow:   # a narrower prompt leaves the byline out: ask that
            c = replace(c, question=replace(c.question, prompt=narrow[0]), narrow=narrow[1:])
        c = comrade(c)
        reason = why(c)
        if reason == "gate-cut" and (whole := widen(c)) is not None and not why(whole):
            c, reason = whole, ""   # repaired: the whole name is asked
        out.append(replace(c, drop=reason) if reason else c)
    return out
