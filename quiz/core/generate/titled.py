"""People named with a title anywhere in a sentence, not only before a speech verb.

'村党支部书记王明华在宣布…', '宣传委员赵小川宣读…', '部长孙红霞参加了…': a title
word, then a name of two to four characters that starts with a family name and
is followed by what follows a name (a verb such as 在, 主持, 宣读, 参加, 同志,
punctuation). Names are where the segmenter guesses worst (王明|华在), so the
name's end is read from what follows it, and the segmenter's nr tag only breaks
a tie. The role is the title with the body before it (市委宣传部副部长).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from quiz.core.generate import speech
from quiz.core.generate.extract_basic import unit_before
from quiz.core.generate.facts import Fact
from quiz.core.generate.people import name_ok, plain_name
from quiz.core.generate.segment import words

# Offices: a name right after one of these is a person (生活, 工作 are not: they start with no family name)
OFFICES = sorted("""书记 副书记 第一书记 主席 副主席 部长 副部长 厅长 副厅长 局长 副局长 处长 科长 县长 副县长 市长 副市长
州长 乡长 镇长 村长 主任 副主任 队长 副队长 组长 团长 院长 副院长 校长 副校长 所长 站长 馆长 经理 总经理 董事长 会长
秘书长 理事长 政委 司令员 教授 研究员 委员 常委 支书 省长 副省长 区长 旗长 社长 院士 劳动模范 劳模 民警 医生 教师
老师 讲解员 宣讲员 代表 网格员 村医 主播 传承人 志愿者 老党员 党员 村民 居民 群众 干部 工作人员 军人 退役军人
老兵 老战士 护边员 大队长 中队长 负责人 牧民 农民 工人 学生 队员 社员 书记员 成员 讲师 主讲人 发言人
检察长 副检察长 庭长 行长 副行长 厂长 台长 园长 主编 总编辑 指导员 教导员 辅导员 驾驶员 乘务员 网格长 楼长
专职副书记 宣传委员 组织委员 纪检委员 骨干 先烈 烈士 英雄
列兵 上等兵 下士 中士 上士 军士长 分队长 班长 副班长 排长 连长 副连长 营长 副营长 参谋 干事 战士""".split(),
                key=len, reverse=True)
_OFFICE_RE = re.compile("|".join(OFFICES))
# every office at every position, overlapping: in 党总支书记 the 支书 found first must not hide 书记
_OFFICE_AT = re.compile(f"(?=({'|'.join(OFFICES)}))")
_HONORIFIC = frozenset("骨干 先烈 烈士 英雄".split())   # mark the person, but no office with a body
_GENERIC = frozenset("代表 志愿者 老党员 党员 村民 居民 群众 干部 工作人员 军人 牧民 农民 工人 学生 队员 社员".split())
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢"
    "安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游"
    "辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
    "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌"
    "奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙"
    "浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣"
    "信展阴昝智幸奉植衡富尧闭由扎次格拉达尼旦央卓热买岩洪阎钭谯庹昌蹇")
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯")
_FOLLOW = tuple(sorted("""在 说 表示 介绍 指出 强调 宣读 宣布 主持 出席 参加 带领 率 为 向 对 和 与 及 等 一行 同志 代表 讲 作 做
致辞 讲话 颁发 揭牌 授旗 发言 谈 认为 告诉 回忆 也 还 都 就 已 正 来到 走进 深入 前往 一起 同 把 将 被 是 的 围绕 结合
要求 称 感慨 坦言 提出 希望 部署 首先 接过 带头 亲自 上台 现场 详细 看望 慰问 调研 检查 陪同 参观 先后 分别 表彰 宣誓
讲授 发表 寄语 勉励 动员 领誓 带队 获得 荣获 被评为 作为 从 自 用 以 给 让 多年 今年 当天 随后 一直 始终 每天 常常 经常
任 担任 兼任 挂帅 牵头 负责 会见 会同 专程 率领 等人 说道 笑着 告诉记者 接受 一边 老人 夫妇 大爷 大妈 奶奶 爷爷
老先生 老师傅 老两口 致词 深情 家中 家里 领导的""".split(), key=len, reverse=True))
_PUNCT = frozenset("，。、；：！？“”‘’（）《》「」 ,.;:!?()")
_NOT_PEOPLE = ("记者", "通讯员", "实习生", "编辑", "摄影")


# what may also follow a name: a count or an adverb (李锦斌多次主持, 吴成彪首次就, 包海燕共同为); not a
# preposition the segmenter glued to the name's last character (王明|华在: 华在 is read as one word)
_AFTER_TAGGED = frozenset({"m", "d"})


def _follows_tagged(sent, i: int) -> bool:
    """Does what starts at i follow a name: as _follows, or a count or an adverb word."""
    if _follows(sent, i):
        return True
    t = words(sent.text).token_at(i)
    return bool(t and t[0] == i and t[2] in _AFTER_TAGGED)


def _follows_after(sent, a: int, e: int) -> bool:
    """Does what starts at e follow the name norm[a:e]? A count or an adverb only when the segmenter
    reads part of it as a name (包|海燕 共同为; not 成员单位 共同开展)."""
    if _follows(sent, e):
        return True
    return _follows_tagged(sent, e) and any(t[2].startswith("nr") for t in words(sent.text).inside(a, e))


def _follows(sent, i: int) -> bool:
    """Does what starts at i follow a name (a verb, a particle, punctuation, the end)?"""
    norm = sent.norm
    if i >= len(norm) or norm[i] in _PUNCT or norm.startswith(_FOLLOW, i):
        return True
    t = words(sent.text).token_at(i)   # 杨志刚商量: any verb the segmenter sees starting there
    return bool(t and t[0] == i and t[2] in ("v", "vd", "vi"))


def _family(name: str) -> bool:
    return name[0] in SURNAMES or name.startswith(_COMPOUND)


_SPEECH = (*speech.SAYS_HOW, *speech.SAYS)
_NOT_IN_NAME = frozenset({"v", "vd", "vn", "d", "p", "c", "u", "uj", "ul", "uz", "r", "m", "t", "f", "q", "a", "ad"})


def _name_at(sent, i: int) -> int:
    """Length of the name starting at i (0: none). A name the segmenter tags as one is taken
    as it reads it; otherwise a family name and what follows a name decide (王明|华在 -> 王明华),
    or, for names of other peoples (岩罕, 其木格), a speech verb or punctuation right after."""
    norm = sent.norm
    t = words(sent.text).token_at(i)
    if t and t[0] == i and t[2].startswith("nr") and 2 <= t[1] - i <= 4 and name_ok(norm[i:t[1]]) \
            and _follows_tagged(sent, t[1]) and not _OFFICE_RE.match(norm, i):
        if t[1] - i == 2 and not norm.startswith(_FOLLOW, i + 2) and name_ok(norm[i:i + 3]) \
                and _family(norm[i:i + 3]) and plain_name(sent.text, i, i + 3) and _cut_short(sent, i + 2):
            return 3   # 李良|明作报告, 李园|超组织: the segmenter cut the name short
        if t[1] - i == 3 and norm[i + 2] in "作做" and name_ok(norm[i:i + 2]) and t[1] < len(norm) \
                and norm[t[1]] not in _PUNCT:
            return 2   # 陈波作|宣讲报告: the segmenter took the verb 作 into the name
        return t[1] - i
    ok = [n for n in (2, 3, 4) if i + n <= len(norm) and name_ok(norm[i:i + n]) and _follows_after(sent, i, i + n)
          and _family(norm[i:i + n]) and plain_name(sent.text, i, i + n)]
    if not ok:
        ok = [n for n in (2, 3) if i + n <= len(norm) and name_ok(norm[i:i + n])
              and norm.startswith(_SPEECH, i + n)
              and plain_name(sent.text, i, i + n)]
    if 4 in ok and not (t and t[0] == i and t[2].startswith("nr")) and not norm.startswith(_COMPOUND, i) \
            and not norm.startswith(_SPEECH, i + 4):
        ok.remove(4)   # 扎根大山: four characters are a name only with more evidence than a family name
    if not ok or _OFFICE_RE.match(norm, i):
        return 0
    if len(ok) > 1:
        return 3 if 3 in ok else ok[0]   # most Han names have three characters
    return ok[0]


def _cut_short(sent, j: int) -> bool:
    """Is the character at j the last of a name the segmenter cut short (李良|明作报告, 李园|超组织
    官兵): a word of its own, followed by what follows a name — a two-character verb or 作?"""
    norm = sent.norm
    if norm.startswith(_FOLLOW, j + 1) and norm[j + 1:j + 2] not in ("的", "和", "与", "及", "等", "在"):
        return True
    ws = words(sent.text)
    t, nxt = ws.token_at(j), ws.token_at(j + 1)
    return bool(t and t[0] == j and t[1] == j + 1 and nxt and nxt[0] == j + 1 and nxt[1] - nxt[0] >= 2
                and nxt[2] in ("v", "vd", "vi"))


_HEADS = frozenset("省市县区州旗盟乡镇村中国全")   # what a body's name starts with (中共, 国家, 全国…)
# words a segmenter tags as verbs that describe who someone is (退休教师, 驻村第一书记)
_STATUS = frozenset("退休 退役 离休 驻村 返乡 挂职 下派 援藏 援疆 支教 在职 离任 现任 时任 原任".split())
_ROLE_STOP = frozenset({"v", "p", "c", "u", "uj", "ul", "uz", "r", "d", "m", "t", "x", "f"})


def _role_start(sent, ts: int) -> int:
    """Where the role ending in the title at ts starts: the words before it back to a verb,
    a particle or punctuation (县委党史研究室主任, 全国优秀教师), and a 、-joined office before
    that (市委常委、宣传部部长)."""
    ws = words(sent.text)
    norm = sent.norm

    def back(k: int, most: int) -> int:
        j = k
        while j > 0 and k - j < most:
            t = ws.token_at(j - 1)
            word = norm[t[0]:t[1]] if t else ""
            if t is None or t[2] in _ROLE_STOP and not _OFFICE_RE.fullmatch(word) and word not in _STATUS \
                    or not all("\u4e00" <= c <= "\u9fff" for c in word):
                break
            j = t[0]
        if j >= 4 and norm[j - 1] == "”":   # “四点半课堂”负责人: the quoted body the office belongs to
            q = norm.rfind("“", max(0, j - 14), j - 1)
            if q >= 0 and (q == 0 or norm[q - 1] in "，。；：、 （" or ws.in_bounds(q)):
                j = q
        return j

    k = back(ts, 20)
    if k >= 3 and norm[k - 1] == "和" and norm[k] not in _HEADS:
        # 市委党史和地方志研究室主任, 县文化和旅游局局长: an inner 和 of one body (the part after it has no
        # head of its own; 县民政局和县财政局负责人 are two bodies) when the part before it is headed
        j = back(k - 1, 12)
        if j < k - 1 and (norm[j] in _HEADS or any(c in "省市县区州旗盟" for c in norm[j:k - 1])):
            k = j   # (天水市委党史: a place's body)
    if k >= 2 and norm[k - 1] == "、":
        j = back(k - 1, 16)
        if j < k - 1 and any(norm.endswith(o, j, k - 1) for o in OFFICES):
            k = j   # 市委常委、宣传部部长: an office before the 、 (not a name: 副部长赵文、区委…)
    while k < ts and norm[k] in "由在对向经据和与及以":
        k += 1   # 由厅党组书记: the preposition is not part of the role
    return k


def extract_titled(sent, masked: list[tuple[int, int]], recurs: Callable[[str], bool] | None = None) -> list[Fact]:
    """Person and role facts for every title + name of the sentence not already taken (after a
    word for many people, a name the segmenter tags as one or `recurs` says the article names twice)."""
    norm, text = sent.norm, sent.text
    facts: list[Fact] = []
    for m in _OFFICE_AT.finditer(norm):
        ts, te = m.span(1)
        if norm[max(0, ts - 1):te].endswith("总书记"):
            continue   # 习近平总书记关于…: this title follows the name it belongs to
        n = _name_at(sent, te)
        if not n:
            continue
        if m.group(1) in _GENERIC:   # 志愿者庄严宣誓: after a word for many people, only a tagged name
            t = words(text).token_at(te)   # (or one the article names twice: 老党员许道贵 … 许道贵)
            if not (t and t[0] == te and t[1] == te + n and t[2].startswith("nr")) and \
                    not (recurs and n >= 3 and recurs(norm[te:te + n])):
                continue
        a, e = te, te + n
        if not all(e <= x or a >= y for x, y in masked):
            continue
        rs = _role_start(sent, ts)
        # the unit the office belongs to, read as a name of its own (修理二连|上士): the role starts with it
        unit = unit_before(norm, ts)
        if unit is not None and unit < rs:
            rs = unit
        role_norm = norm[rs:te]
        # a quoted name may sit inside an office (“红色电管家”党员服务队队长); another fact may not
        if any(w in role_norm for w in _NOT_PEOPLE) or not all(te <= x or rs >= y or norm[x] in "“《" or y == ts
                                                               for x, y in masked):   # (高一18班|班长)
            continue
        name = text[a:e]
        role = text[rs:te]
        if m.group(1) in _HONORIFIC:   # 对越自卫反击战英雄徐新胜: who they are, not an office to ask
            masked.append((a, e))
            facts.append(Fact("person", name, a, e, sent, key=("person", name), person=name))
            continue
        masked.append((a, e))
        facts.append(Fact("person", name, a, e, sent, key=("person", name), role=role, person=name))
        if len(role_norm) >= 3 and m.group(1) not in _GENERIC:
            facts.append(Fact("role", role, rs, te, sent, key=("role", role_norm), role=role, person=name))
        facts += _sharing(sent, e, role, masked)
    return facts


def _sharing(sent, e: int, role: str, masked: list[tuple[int, int]]) -> list[Fact]:
    """The names joined to a titled name that share its office (讲解员索彤彤、杨莹莹和王芳): each a
    person of that role (at most four more; each must read as a name on its own)."""
    norm, text = sent.norm, sent.text
    out: list[Fact] = []
    while len(out) < 4 and e < len(norm) and norm[e] in "、和与及":
        a = e + 1
        n = _name_at(sent, a)
        if not n or not _family(norm[a:a + n]) or not all(a + n <= x or a >= y for x, y in masked):
            break
        e = a + n
        masked.append((a, e))
        out.append(Fact("person", text[a:e], a, e, sent, key=("person", text[a:e]), role=role, person=text[a:e]))
    return out


# a line of a list of people (a commendation, a roster): the name, then the office after a space or
# in brackets with the sex first — 王守田　白鹭镇东坪村党支部书记, 丁雪芹（女，临河街道桃园社区党委书记）
_ROSTER = re.compile(r"^[\u4e00-\u9fff·]{2,4}(?:[ \u3000\t]+|[（(][男女][，,])")
_LISTED = re.compile(r"^([\u4e00-\u9fff·]{2,4})(?:[ \u3000\t]+|[（(][男女][，,])([^（）()，,。\s]{2,30}?)[）)]?$")


def is_roster_line(norm: str) -> bool:
    """Is the sentence one line of a list of people (a name, then a space or （女，)?"""
    return _ROSTER.match(norm) is not None


def extract_listed(sent, masked: list[tuple[int, int]]) -> list[Fact]:
    """Person and role facts of a sentence that is one line of a list of people: a name that reads
    as one (a family name first) and an office that ends in a title word."""
    norm, text = sent.norm, sent.text
    m = _LISTED.match(norm)
    if not m or not m.group(2).endswith(tuple(OFFICES)):
        return []
    a, e = m.span(1)
    rs, re_ = m.span(2)
    name = norm[a:e]
    if not (name_ok(name) and _family(name)) or not all(e <= x or a >= y for x, y in masked):
        return []
    masked.append((a, e))
    role = text[rs:re_]
    out = [Fact("person", text[a:e], a, e, sent, key=("person", text[a:e]), role=role, person=text[a:e])]
    if len(role) >= 3 and not role.endswith(tuple(_GENERIC)):
        out.append(Fact("role", role, rs, re_, sent, key=("role", norm[rs:re_]), role=role, person=text[a:e]))
    return out


# people named without an office: by their age (今年70岁的敖其尔, 78岁的刘秀英老人) or as 老人/同志 (张秀菊老人)
_AGE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})岁(?:高龄)?的(?:老党员|老人|老兵|老战士|老支书|退役军人|党员)?")
# a commendation names the first of each group: 对陈岳飞等12名优秀共产党员、孔照林等12名优秀党务工作者
_HONOURED = re.compile(r"等(?:\d{1,4}|[一二三四五六七八九十百]{1,3})(?:名|位)")
_BEFORE_HONOURED = frozenset("对向给为、，,：:")
_PERSON_AFTER = ("老人", "同志", "夫妇", "大爷", "大妈", "奶奶", "爷爷", "老先生", "老师傅", "老两口")


def extract_untitled(sent, masked: list[tuple[int, int]]) -> list[Fact]:
    """Person facts (no role) for names the sentence gives an age or calls 老人/同志."""
    norm, text = sent.norm, sent.text
    spans: set[tuple[int, int]] = set()
    for m in _AGE.finditer(norm):
        n = _name_at(sent, m.end())
        if n:
            spans.add((m.end(), m.end() + n))
    for m in _HONOURED.finditer(norm):   # 对陈岳飞等12名优秀共产党员…进行表彰: the first of each group
        e = m.start()
        for n in (3, 2):
            a = e - n
            if a == 0 and norm.startswith("等", n) or a >= 1 and norm[a - 1] in _BEFORE_HONOURED:
                spans.add((a, e))
                break
    ws = words(text)
    for w in _PERSON_AFTER:
        i = norm.find(w, 2)
        while i >= 2:
            t = ws.token_at(i - 1)   # 张秀菊老人: the segmenter's name right before the word
            if t and t[1] == i and t[2].startswith("nr") and 2 <= i - t[0] <= 4:
                spans.add((t[0], i))
            i = norm.find(w, i + 1)
    out: list[Fact] = []
    for a, e in sorted(spans):
        name = norm[a:e]
        if not (name_ok(name) and _family(name) and plain_name(text, a, e)) or _OFFICE_RE.match(norm, a):
            continue
        if not all(e <= x or a >= y for x, y in masked):
            continue
        masked.append((a, e))
        out.append(Fact("person", text[a:e], a, e, sent, key=("person", text[a:e]), person=text[a:e]))
    return out
