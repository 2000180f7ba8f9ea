"""Reading an article: decoding, punctuation variants, title, headings, bylines,
page-navigation lines and sentence splitting.

Extraction works on a *normalized* copy of each sentence that has exactly the
same length as the original (ASCII punctuation mapped one-to-one onto the
full-width forms, full-width digits, decimal points and ％ onto ASCII), so every
span found in the copy is a verbatim span of the original sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.core.answers.normalize import is_cjk
from quiz.core.generate.chars import CLOSE_MARKS, OPEN_MARKS
from quiz.core.textcodec import decode_bytes


class ArticleError(ValueError):
    """The input cannot be read as a UTF-8 text article."""


def decode_article(data: bytes, name: str = "<input>") -> str:
    """Decode the bytes of an article (core's one decoder); ArticleError naming the likely encoding."""
    text, problem = decode_bytes(data)
    if text is None:
        raise ArticleError(f"{name}: {problem[2] if problem else 'cannot be read'}")
    return text


# --------------------------------------------------------------------------- punctuation

_SIMPLE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_FW_DIGITS = {chr(0xFF10 + i): str(i) for i in range(10)}   # ０-９ -> 0-9
_DIGITS = frozenset("0123456789") | frozenset(_FW_DIGITS)


def fold_same_length(s: str) -> str:
    """Map ASCII punctuation onto full-width forms, one character for one (the matching
    view of a sentence: unlike core's normalize, which drops punctuation to compare answers,
    this keeps every character in place so a span found here is a span of the original).

    Full-width digits (０-９), a full-width decimal point between digits (１．５)
    and ％ become their ASCII forms, so numbers are read in one width (answers
    are still cut from the original text). Digits keep their '.', ','
    (thousands) and ':' (times). Straight quotes alternate between opening and
    closing forms. Only the characters that may change are visited (a regular expression
    finds them), so a long text costs little more than a copy.
    """
    if not s:
        return s
    pieces: list[str] = []   # the text between changed characters, and the changes
    last = 0
    n = len(s)
    dq = sq = False
    for m in _SPECIAL.finditer(s):
        i = m.start()
        ch = s[i]
        prev = s[i - 1] if i else ""
        nxt = s[i + 1] if i + 1 < n else ""
        rep = None
        if ch == "．":
            if prev in _DIGITS and nxt in _DIGITS:
                rep = "."
        elif ch in _SIMPLE:
            if not (ch in ",:" and prev.isdigit() and nxt.isdigit()):
                rep = _SIMPLE[ch]
        elif ch == ".":
            if prev.isdigit() and nxt.isdigit():
                pass
            elif prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum():
                pass
            elif (prev and is_cjk(prev)) or prev in "”’）" or nxt == "" or nxt.isspace() or is_cjk(nxt):
                rep = "。"
        elif ch == '"':
            rep = "”" if dq else "“"
            dq = not dq
        elif ch == "'":
            if not (prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha()):  # not an apostrophe
                rep = "’" if sq else "‘"
                sq = not sq
        else:   # a wide or tab space
            rep = " "
        if rep is not None:
            pieces += [s[last:i], rep]
            last = i + 1
    folded = "".join(pieces) + s[last:] if pieces else s
    if _WIDE.search(folded):
        folded = _WIDE.sub(lambda m: _WIDE_TO[m.group()], folded)
    return folded


_SPECIAL = re.compile("[．,:;?!().\"'\u3000\t]")
_WIDE = re.compile("[０-９％]")
_WIDE_TO = {**_FW_DIGITS, "％": "%"}


_TO_FW = {v: k for k, v in _FW_DIGITS.items()}


def in_width_of(s: str, like: str) -> str:
    """`s` (a distractor, read in the normalized ASCII view) written the way `like`
    (the original text it stands in for) writes numbers: full-width digits, ．
    between digits and ％ when `like` uses them. Same length as `s`."""
    wide = any(c in _FW_DIGITS for c in like)
    dot = "．" in like
    pct = "％" in like
    if not (wide or dot or pct):
        return s
    out = list(s)
    n = len(s)
    for i, ch in enumerate(s):
        if wide and ch in _TO_FW:
            out[i] = _TO_FW[ch]
        elif dot and ch == "." and 0 < i < n - 1 and s[i - 1] in _DIGITS and s[i + 1] in _DIGITS:
            out[i] = "．"
        elif pct and ch == "%":
            out[i] = "％"
    return "".join(out)


# --------------------------------------------------------------------------- lines

_NAV = re.compile(
    r"上一页|下一页|上一篇|下一篇|返回顶部|回到顶部|责编|责任编辑|编辑[:：]|分享到|打印本页|关闭窗口|【纠错】|纠错|"
    r"版权所有|来源[:：]|点击查看|扫码|二维码|推荐阅读|相关新闻|相关阅读|热点推荐|"
    r"（\s*\d{4}年\d{1,2}月\d{1,2}日\s*\d+\s*版\s*）|第\s*\d+\s*版|^首页|^尾页|"
    r"^[\d\s/|>·•\-:：]+$|人民网|新华网|Copyright|All rights reserved|当前的?位置|您的位置|现在的位置|站内搜索|"
    r"发布日期|发布时间[:：]|访问次数|信息来源|字号[:：]|^原标题|"
    # a date and time with a site or an author beside it (2020-11-26 08:38  济宁新闻客户端)
    r"^[^，。]{0,30}\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?[^，。]{0,20}$|"
    # a source line: a site or paper and a date, nothing else (广西文明网  2021-05-11)
    r"^[\u4e00-\u9fff]{2,12}(?:网|报|台|客户端|公众号)\s*[\d\-年月日:：\s]{8,}$", re.I)
_BYLINE_LINE = re.compile(
    r"^[□■（(]?\s*(?:本报讯?|新华社|本刊|人民日报)?\s*[（(]?\s*(?:特约)?(?:记者|通讯员|实习生|摄影)"
    # 大众网记者 王雪 通讯员 梅常贵 临沂报道: a site's reporter and the place reported from
    r"|^[\u4e00-\u9fff]{1,10}(?:网|报|台|社|客户端)(?:首席|特约)?记者[\s：]")
_DATELINE = re.compile(
    r"^\s*(?:【[^】]{1,24}】"   # 【新华网6月3日】
    r"|(?:本报|本网|新华社|人民网|中新网|本刊)[\u4e00-\u9fff]{0,10}(?:\d{1,2}月\d{1,2}日)?(?:电|讯)"
    # a site, where it reports from and the day: 中红网安徽金寨2017年9月19日电, 新湘乡客户端1月31日讯
    r"|[\u4e00-\u9fff]{1,12}(?:网|台|报|社|客户端|融媒体中心)[\u4e00-\u9fff]{0,8}(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:电|讯)"
    # a broadcast or web dateline: 某某网消息（栏目）：, 某某台讯
    r"|[\u4e00-\u9fff]{1,12}(?:网|台|报|报道|电视|广播|新闻|融媒体中心|客户端|频道|在线)(?:消息|讯)(?:[（(][^）)]{0,20}[）)])?[：:]?)\s*"
    r"(?:[（(][^）)]{0,40}[）)])?\s*"
    # 本报讯 记者 张三 通讯员 李四 王五 近日…: the names before the body
    r"(?:(?:特约)?(?:记者|通讯员|实习生)\s*(?:[\u4e00-\u9fff·]{2,4}\s+){1,4})*"
    # 解放军报讯 石良玉、特约通讯员徐水桃报道：the names and 报道 before the body
    r"(?:(?:(?:(?:特约)?(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fff·]{2,4}[、\s]*){1,4}?报道[：:]\s*)?")
# photo credits, and a line that credits the text to a body ([某某机关党委(人事处) 供稿])
_CREDIT_LINE = re.compile(r"^.{0,30}(?:摄|供图)[）)]?$|^[\[【（(]?.{0,40}供稿[\]】）)]?$|^图为|^[（(]?图[：:/]|^图片(?:来源|由)")
_INLINE_CREDIT = re.compile(r"[（(][^（）()]{0,30}(?:摄|供图)[）)]")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|-\d{1,2}-\d{1,2})")
_INLINE_BYLINE = re.compile(r"[（(][^（）()，。]{0,20}?(?:记者|通讯员|实习生)[^）)]{0,40}[）)]")
# a paragraph that is only a parenthesis of a body and names: (海滨市融媒体中心 记者:杜小雨 刘畅), (宜城市史志研究中心 许中明)
_CREDIT_PAR = re.compile(r"^[（(][^（）()，。；！？]{2,40}[）)]$")
# names in a parenthesis that end a paragraph after its last full stop: （许琴从礼金华）, （古芙文）
_TRAILING_CREDIT = re.compile(r"(?<=[。！？”])\s*(?:[（(][\u4e00-\u9fff·\s]{2,16}[）)]"
                              # or the body the text came from: [某某机关党委(人事处) 供稿]
                              r"|[\[【（(][^\[\]【】。]{0,40}供稿[\]】）)])\s*$")
_END = "。！？!?…；;"


def is_nav_line(line: str) -> bool:
    s = line.strip()
    return len(s) <= 80 and bool(_NAV.search(s)) or len(s) <= 60 and bool(_CREDIT_LINE.search(s) or _CREDIT_PAR.match(s))


def is_byline_line(line: str) -> bool:
    if len(line.strip()) > 60:
        return False
    s = fold_same_length(line.strip())
    return len(s) <= 60 and "。" not in s[:-1] and bool(_BYLINE_LINE.match(s))


# a line of a list of people, a name and their office (王守田　白鹭镇东坪村党支部书记): body, not a heading
_NAME_AND_OFFICE = re.compile(r"^[\u4e00-\u9fff·]{2,4}[ \u3000\t]+[\u4e00-\u9fff“”]{3,24}(?:书记|长|主任|员|师|者|委员|代表|模范)$")


def is_heading_line(line: str) -> bool:
    if len(line.strip()) > 20 and not _NAME_AND_OFFICE.match(line.strip()):
        return False
    if _NAME_AND_OFFICE.match(line.strip()):
        return False
    s = fold_same_length(line.strip())
    if not s or len(s) > 20 or s[-1] in _END:
        return False
    if any(c in s for c in "，、：“”；"):
        return False
    return sum(is_cjk(c) for c in s) >= 2


def strip_byline(par: str) -> str:
    """Remove a leading dateline ('本报拉萨4月2日电（记者 ...）') and inline '（记者 ...）'."""
    return unbylined(par)[0]


def unbylined(par: str) -> tuple[str, str]:
    """The paragraph without its dateline and inline bylines, and its folded view (one fold of
    a long paragraph, not one per step)."""
    m = _DATELINE.match(fold_same_length(par[:400]))
    if m:
        par = par[m.end():]
    norm = fold_same_length(par)
    parts, last = [], 0
    for m in sorted([*_INLINE_BYLINE.finditer(norm), *_INLINE_CREDIT.finditer(norm)], key=lambda m: m.start()):
        if m.start() < last:
            continue
        parts.append(par[last:m.start()])
        last = m.end()
    if parts:
        parts.append(par[last:])
        par = "".join(parts)
        norm = fold_same_length(par)
    m = _TRAILING_CREDIT.search(norm)
    if m:
        par, norm = par[:m.start()], norm[:m.start()]
    return par, norm


# --------------------------------------------------------------------------- sentences



def split_sentences(par: str, norm: str | None = None) -> list[tuple[str, str]]:
    """Split a paragraph into (original, normalized) sentences.

    Sentence ends (。！？；) inside quotes or brackets do not split, so a quoted
    speech and its speaker ('“……。”某某说。') stay one sentence. `norm` is the paragraph's
    folded view when the caller has it.
    """
    norm = fold_same_length(par) if norm is None else norm
    out: list[tuple[str, str]] = []
    depth = 0
    start = 0
    n = len(norm)
    i = 0
    while i < n:
        ch = norm[i]
        if ch in OPEN_MARKS:
            depth += 1
        elif ch in CLOSE_MARKS:
            depth = max(0, depth - 1)
        elif ch in "。！？；…" and depth == 0:
            j = i + 1
            while j < n and norm[j] in "。！？；…”’）":
                j += 1
            out.append((par[start:j], norm[start:j]))
            start = j
            i = j
            continue
        i += 1
    if start < n:
        out.append((par[start:], norm[start:]))
    out = _scene_dates(out)
    res = []
    for o, m in (piece for om in out for piece in _bounded(*om)):
        lead = len(o) - len(o.lstrip())
        o, m = o[lead:].rstrip(), m[lead:].rstrip()
        if o:
            res.append((o, m))
    return res


_SCENE = re.compile(r"\s*(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|[上中下]旬)")
SCENE_MOST = 20


def _scene_dates(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A short sentence that gives a date and the weather (10月17日，细雨蒙蒙，秋寒料峭。) belongs
    with the one after it, which says what happened that day."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(pieces):
        o, m = pieces[i]
        if i + 1 < len(pieces) and len(m.strip()) <= SCENE_MOST and _SCENE.match(m):
            o2, m2 = pieces[i + 1]
            out.append((o + o2, m + m2))
            i += 2
            continue
        out.append((o, m))
        i += 1
    return out


# A "sentence" longer than this (no real one is: it is a table, a list or a text without
# full stops) is read in pieces cut after a comma, so the work per sentence stays bounded.
MAX_SENTENCE = 600
_CUT_AFTER = "，、；： "
_JOINED = frozenset("0123456789.,%" + "一二两三四五六七八九十百千万亿零〇" +
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _bounded(o: str, m: str) -> list[tuple[str, str]]:
    """Cut a long sentence into pieces of at most MAX_SENTENCE characters, after the last
    comma in the second half of each window; without one, at the limit but never inside a
    run of digits, numerals or letters (a number is never cut: that run is then one piece)."""
    n = len(m)
    if n <= MAX_SENTENCE:
        return [(o, m)]
    out, start = [], 0
    while n - start > MAX_SENTENCE:
        lo, hi = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
        cut = max(m.rfind(c, lo, hi) for c in _CUT_AFTER) + 1
        if cut <= lo:
            cut = hi
            while cut < n and m[cut - 1] in _JOINED and m[cut] in _JOINED:
                cut += 1
        out.append((o[start:cut], m[start:cut]))
        start = cut
    if start < n:
        out.append((o[start:], m[start:]))
    return out


_SHOWN = frozenset("，：；？！")   # what a web page's ASCII ,:;?! reads as between Chinese words


def _shown(text: str, norm: str) -> str:
    """The sentence as prompts and the source show it: an ASCII comma, colon, semicolon, question
    or exclamation mark the fold reads as punctuation (not 1,000 or 8:30) is written full-width
    (`____，东林村…`, not `____,东林村…`). One character for one, so every span stays in place and
    the prompt, the answer and the source agree."""
    if text.isascii() or not any(c in text for c in ",:;?!"):
        return text
    return "".join(m if m in _SHOWN and c in ",:;?!" else c for c, m in zip(text, norm, strict=True))


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str        # verbatim from the article
    norm: str        # same length, normalized punctuation
    heading: str     # section heading ('' before the first one)
    index: int       # position in the article (0-based)
    paragraph: int


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    title_lines: tuple[str, ...]
    headings: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    years: tuple[str, ...] = ()   # years written in the dateline, bylines and page lines (今年 = the first)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def parse_article(text: str) -> Article:
    """Title lines, section headings and body sentences of an article."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln.strip("\u3000 \t\ufeff") for ln in lines]
    title_lines: list[str] = []
    headings: list[str] = []
    sentences: list[Sentence] = []
    heading = ""
    in_heading_block = False
    body_started = False
    par_no = 0
    years: list[str] = []
    for ln in lines:
        if not ln:
            in_heading_block = False
            continue
        if is_nav_line(ln) or is_byline_line(ln):
            if len(years) < 4:
                years += _YEAR.findall(ln[:200])
            continue
        par, par_norm = unbylined(ln)
        if not body_started and not par.strip():
            years += _YEAR.findall(ln[:200])   # 本报永溪6月28日电（记者 黄振宇） alone on its line
            continue
        if not body_started:
            body_like = (fold_same_length(par[-8:]).rstrip("”’）)“‘")[-1:] in tuple(_END) and len(ln) > 12) or len(ln) > 60
            if not body_like:
                title_lines.append(ln)
                continue
            body_started = True
        if is_heading_line(ln):
            if not in_heading_block:
                heading = ln.strip()
                headings.append(heading)
            in_heading_block = True
            continue
        in_heading_block = False
        if len(years) < 4 and len(par) < len(ln):
            years += _YEAR.findall(ln[:len(ln) - len(par)][:200])
        if not par.strip():
            continue
        for o, m in split_sentences(par, par_norm):
            sentences.append(Sentence(_shown(o, m), m, heading, len(sentences), par_no))
        par_no += 1
    title = "".join(title_lines[:2]).strip() if title_lines else ""
    return Article(title, tuple(title_lines), tuple(headings), tuple(sentences), tuple(years))

