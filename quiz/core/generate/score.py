"""How much a teacher would want a fact asked (Heilman & Smith: over-generate, then rank).

The score of a question is the importance of its fact, moved by how well the
question asks it. Importance: quoted slogans and fixed formulas, people with
their roles, named works and varieties, dated events, headline figures and
totals rank above minor counts, generic lists and bare place names. A score is
in [0, 1]; selection keeps questions at or above SELECT_AT.
"""
from __future__ import annotations

import re

from quiz.core.generate import numbers
from quiz.core.generate.facts import Fact
from quiz.core.generate.segment import VERBISH, words
from quiz.core.generate.titled import is_roster_line

SELECT_AT = 0.5
NOT_ASKED = 0.35   # what a teacher does not ask, even of a short report (below select.FLOOR_AT)
HISTORY_BEFORE = 2000   # a year before this is history (a founding, a battle), not this year's work
_GENERIC_ROLES = ("代表", "志愿者", "党员", "村民", "居民", "群众", "干部", "工作人员", "职工", "学生", "队员", "牧民",
                  "农民", "工人", "社员")


def generic_role(role: str) -> bool:
    """志愿者代表, 老党员: a word for one of many, no office."""
    return role.endswith(_GENERIC_ROLES)


# units of what a report counts when it says how big something was: people, events, money, shares
_HEADLINE_UNITS = frozenset("人 名 人次 户次 件次 批次 场 场次 万元 亿元 元 % ％ 户 家 个百分点 百分点 平方米 平方公里 亩 公里 吨 周年 余年 "
                            "项 件 条 所 个 支 批 期 类".split())
_MINOR_UNITS = frozenset("辆 台 套 本 册 张 份 篇 首 棵 株 头 只 匹 床 间 门 堂 节 课 处 栋 次 天 小时 分钟 秒".split())
_DIGITS = re.compile(r"\d+")
_CLAUSE_END = re.compile(r"[，。；！？]|$")
_ACTS_AS = re.compile(r"(?:当起了?|成了|成为|变成|化身|做起了?)$")
_PARTY = re.compile(r"党|建党|成立")
_SO_FAR = re.compile(r"(?:累计|共|合计|总计|已经?|全年)[\u4e00-\u9fff]{0,4}$|(?:达到?|超过|突破)$")
_MEDIA_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:公众号|客户端|平台|网站|APP|App|app|视频号|抖音号|微博|小程序|新媒体)")
_WENT_TO = re.compile(r"(?:在|到|赴|来到|走进|前往|深入|走访)$")   # where it happened
_TOTAL_WORDS = re.compile(r"(?:共|总|累计|合计|总计|全年|全市|全县|全省|全区|达|超过|突破)$")
_FOUNDED = re.compile(r"(?:成立|组建|挂牌|设立|新建|建成)了?$")
_EVENT_AFTER = re.compile(r"(?:，)?[^，。]{0,24}?(?:召开|举行|举办|开幕|开馆|启动|揭牌|成立|开展|印发|发布|出台)")


# Words a report puts in quotes for emphasis, not names of anything it did: the genre's stock
# figures of speech (聚焦群众“急难愁盼”, 作为检验成效的“试金石”). A teacher does not ask them.
STOCK = frozenset("""急难愁盼 试金石 最后一公里 最后一米 必修课 主渠道 主阵地 主战场 主旋律 领头雁 排头兵 金钥匙 指挥棒
风向标 压舱石 定盘星 硬骨头 顽疾 痛点 堵点 难点 热点 关键少数 一把手 大课 家门口 心头事 连心桥 接地气 娘家人 贴心人
主心骨 顶梁柱 精品工程 民心工程 民生工程 红色引擎 飞入寻常百姓家 抢着干 老大难 绊脚石 拦路虎 加速度 新引擎 强引擎
源头活水 活教材 教科书 营养剂 清醒剂 助推器 加油站 充电站 桥头堡 先手棋 组合拳 一盘棋 一张网 指南针 铁脚板 宝贵财富
精神财富 红色基因 红色血脉 根和魂 生命线 传家宝 定心丸 暖心事 烦心事 揪心事 关键小事 微心愿 小切口 大主题
动起来 活起来 热起来 火起来 新常态 新高地 新名片 金名片 好帮手 好参谋 实打实 心连心 零距离 面对面 百年党史 两委""".split())


def importance(f: Fact) -> float:
    """The weight of the fact itself, before the question that asks it."""
    k = f.kind
    norm = f.sentence.norm
    if k == "slogan":
        if f.items:
            if norm.startswith("等", f.end):
                return 0.6   # 通过党群家访、党群自荐、党群推优等方式: examples of a kind, not a formula to learn
            return 0.85 if f.parallel else 0.75
        if f.norm_text in STOCK or (len(f.norm_text) <= 4 and f.norm_text.endswith("起来")):
            return NOT_ASKED   # (“用起来”“活起来”: how a report urges, not what it did)
        if _MEDIA_AFTER.match(norm, f.end + 1):
            return 0.55   # “柳川发布”微信公众号: where a report was posted
        if (norm[f.start - 2:f.start - 1] == "的" or _ACTS_AS.search(norm, max(0, f.start - 5), f.start - 1)) \
                and _CLAUSE_END.match(norm, f.end + 1):
            return NOT_ASKED   # 成为群众身边的“电管家”, 当起了“劝导员”: a figure of speech that ends its clause
        if norm[max(0, f.start - 3):f.start] in ("”又“", "”也“") or \
                norm[max(0, f.start - 2):f.start] == "既“" and norm[f.end:f.end + 3] in ("”又“", "”也“"):
            return NOT_ASKED   # 既“走心”又“走新”: wordplay, not a name of anything
        run = _quote_run(norm, f.start - 1, f.end + 1)
        if run >= 3:
            return 0.6    # 开展“党史故事会”“红色歌圩”“民族团结进步村寨行”等活动: one example of several
        return (0.8 if len(f.norm_text) >= 4 else 0.6) - (0.05 if run == 2 else 0.0)
    if k == "name":
        if f.norm_text.endswith(("报", "杂志", "周刊")):
            return 0.55   # 《新华日报》点赞…: the paper that carried it, not what it reported
        if norm[max(0, f.start - 3):f.start] == "题为《":
            return 0.65   # 作了题为《…》的宣讲: a talk's title, a detail of who gave it
        return 0.8
    roster = is_roster_line(norm)   # 王守田　白鹭镇东坪村党支部书记: one line of a list of names
    if roster and k not in ("person", "role"):
        return NOT_ASKED   # the body in a name's office on a roster (区民政局社会救助科): no fact of its own
    if k == "person":
        if not f.role or generic_role(f.role):
            return 0.6   # 志愿者代表魏春明: a name without an office
        return 0.55 if roster else 0.85   # (a few of a roster are asked, not each of its twenty names)
    if k == "role":
        return 0.5 if generic_role(f.role) or roster else 0.7
    if k == "date":
        form = f.date
        base = {"full": 0.7, "range": 0.7, "fest": 0.6, "month": 0.55, "year": 0.45}.get(form.kind, 0.5)
        if form.year is not None and form.year < HISTORY_BEFORE:
            base = max(base, 0.6)   # 1929年冬, 1951年入朝: when history happened is what a learner keeps
        if _EVENT_AFTER.match(norm, f.end):
            base += 0.1
        return base
    if k == "figure":
        return _figure_weight(f)
    if k == "org":
        w = 0.6
        if f.start == 0 or norm[f.start - 1] in "，；：、。" or _EVENT_AFTER.match(norm, f.end):
            w += 0.1   # the body that acts: the subject of its clause
        if len(f.norm_text) > 16:
            w -= 0.1
        if norm[f.start - 1:f.start] == "、" or norm[f.end:f.end + 1] == "、":
            w -= 0.15   # 接洽北京理工大学、中延文化研究院、…: one of several bodies listed
        if _FOUNDED.search(norm, max(0, f.start - 4), f.start):
            w += 0.15   # 成立红旗蔬菜专业合作社: what was founded is what the report is about
        return w
    if k == "place":
        return 0.55 if _WENT_TO.search(norm, max(0, f.start - 2), f.start) or _EVENT_AFTER.match(norm, f.end) else 0.45
    if k == "list":
        if _actions(f):
            return 0.42   # 创新设计载体、精心谋划活动、务求服务实效: how a report says it worked, no fact to learn
        ends = {x[-2:] for x in f.items}
        return 0.55 if len(ends) == 1 and len(f.items) >= 3 else 0.5   # 集中宣讲、点菜式宣讲、网络宣讲: kinds of one thing
    return 0.4


def _actions(f: Fact) -> bool:
    """Do most items of the list start with a verb and go on to its object (制定学习方案, 带到江畔)?
    Read by the segmenter at each item's place in the sentence."""
    ws = words(f.sentence.text)
    norm = f.sentence.norm
    verbs = 0
    at = f.start
    for it in f.items:
        i = norm.find(it, at)
        if i < 0:
            return False
        at = i + len(it)
        t = ws.token_at(i)
        verbs += bool(len(it) >= 4 and t and t[0] == i and t[2] in VERBISH)   # (侦察、爆破: verbs as names)
    return verbs * 2 > len(f.items)


def _quote_run(norm: str, a: int, b: int) -> int:
    """How many quotes stand side by side with the one at norm[a:b] (“甲”“乙”“丙”: 3)."""
    n = 1
    i = a
    while i > 0 and norm[i - 1] == "”":
        i = norm.rfind("“", 0, i - 1)
        if i < 0:
            break
        n += 1
    j = b
    while j < len(norm) and norm[j] == "“":
        j = norm.find("”", j + 1)
        if j < 0:
            break
        j += 1
        n += 1
    return n


_SPANS = frozenset("年 个月 天 小时 分钟 秒".split())


def _in_speech(norm: str, i: int) -> bool:
    """Is position i inside a quoted speech (a quote with a full stop or a comma in it)?"""
    a = norm.rfind("“", 0, i)
    if a < 0 or norm.rfind("”", a, i) >= 0:
        return False
    b = norm.find("”", i)
    quote = norm[a:b if b >= 0 else len(norm)]
    return any(c in quote for c in "。！？，")


def _figure_weight(f: Fact) -> float:
    figs = f.figures
    if len(figs) == 1 and figs[0].value == 100 and figs[0].unit in ("周年", "年") and \
            _PARTY.search(f.sentence.norm, max(0, f.start - 8), f.end + 8):
        if _in_speech(f.sentence.norm, f.start) or f.sentence.norm.startswith("来", f.end):
            return NOT_ASKED   # “我们党的一百年，是…”, 一百年来，中国共产党…: a figure of speech
        return 0.5   # 建党100周年: every report of the year says it (asked only when little else is)
    if len(figs) > 1:
        return 0.75   # 13类40项122条: a composite count is a fact of its own
    fig = figs[0]
    if fig.unit == "岁" and not _in_speech(f.sentence.norm, f.start):
        return 0.55   # 今年95岁, 17岁正式入党: how old a person the report is about is, or was
    if fig.unit in numbers.WORK_SPANS and not _in_speech(f.sentence.norm, f.start):
        return 0.45   # 经过三个多小时的劳动: how long the work took, asked when a short report has little else
    w = 0.5
    if fig.unit in _HEADLINE_UNITS:
        w += 0.1
    if fig.unit in _MINOR_UNITS:
        w -= 0.1
    value = abs(fig.value)
    if fig.mag or value >= 100:
        w += 0.1
    elif value < 10 and not fig.approx and not fig.vague:
        w -= 0.15   # 3个调研组, 2辆车: small counts are rarely what a report is about
    if fig.unit in _SPANS:
        w -= 0.1    # 在村里当了18年干部, 九十多年过去了: how long, not what was done
    norm = f.sentence.norm
    if _in_speech(norm, f.start):
        w -= 0.15   # “一亩能挣2500多元。”: a figure someone tells, not one the report states
    clause = norm[max(0, norm.rfind("，", 0, f.start) + 1, f.start - 12):f.start]
    if _TOTAL_WORDS.search(norm, max(0, f.start - 4), f.start) or _SO_FAR.search(clause) \
            or norm[f.end:f.end + 1] == "：":
        w += 0.1    # 累计开展1200场, 已播出60期, 确定重点项目10项：…: a total, or the count of what follows
    if "其中" in clause:
        w -= 0.1    # 其中单期最高点击量达到21万次: a part of a total
    elif value < 100 and not fig.mag and len(_DIGITS.findall(norm)) >= 4:
        w -= 0.1   # one small count in a run of statistics (挖机77台、铲车10台、垃圾拖船11条…)
    return w
