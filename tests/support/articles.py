"""The seed article in the files teachers have: a Word document (written by python-docx), a news
page as a browser saves it (navigation, share buttons, related links, comments, footer) and a
PDF (written here: a few hundred bytes of PDF syntax per page, text in a CID font with a
ToUnicode map, as Word and WPS write Chinese PDFs, with a running header, page numbers and
first-line indents). Tests and bench/bench_formats.py build their files with these."""
from __future__ import annotations

import html
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "xizang-dangshi-2021.txt"


@dataclass(frozen=True)
class Block:
    text: str
    heading: bool = False


@dataclass(frozen=True)
class Seed:
    title: tuple[str, ...]      # the title lines
    blocks: tuple[Block, ...]   # paragraphs and section headings, in order


def seed(path: Path = SEED) -> Seed:
    """The seed article as title lines and blocks (a heading is a line the generator reads as one)."""
    from quiz.core.generate.text import is_heading_line

    lines = [ln.strip().strip("\u3000") for ln in path.read_text(encoding="utf-8").split("\n")]
    cut = lines.index("")
    title = tuple(ln for ln in lines[:cut] if ln)
    blocks = tuple(Block(ln, is_heading_line(ln)) for ln in lines[cut:] if ln)
    return Seed(title, blocks)


# ---- Word ---------------------------------------------------------------------------------

def write_docx(path: Path, art: Seed | None = None, *, title_style: str = "Title") -> Path:
    """A .docx as Word writes it: the title (two lines in one paragraph, a line break between),
    headings in a Heading style, paragraphs with a first-line indent, a page header and footer
    (which are not the article)."""
    import docx
    from docx.shared import Pt

    art = art or seed()
    d = docx.Document()
    d.core_properties.title = "".join(art.title)
    d.core_properties.author = "人民日报"
    d.sections[0].header.paragraphs[0].text = "人民日报 2021年4月6日 第4版"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    t = d.add_paragraph(style=title_style)
    for i, line in enumerate(art.title):
        run = t.add_run(line)
        if i < len(art.title) - 1:
            run.add_break()
    d.add_paragraph("")  # an empty paragraph, as people leave them
    for b in art.blocks:
        if b.heading:
            d.add_heading(b.text, level=2)
        else:
            p = d.add_paragraph(b.text)
            p.paragraph_format.first_line_indent = Pt(24)
    d.save(str(path))
    return path


# ---- a saved news page --------------------------------------------------------------------

_NAV = ["首页", "时政", "国际", "观点", "党建", "理论", "财经", "地方", "教育", "文化", "体育", "English"]
_RELATED = ["西藏：党史学习教育激发干事创业热情", "拉萨市开展“我为群众办实事”实践活动",
            "日喀则市举办党史学习教育专题读书班", "昌都市推进乡村振兴大调研大宣传活动"]
_COMMENTS = ["这篇报道写得很好，党史学习教育让我们受益匪浅，我们要认真学习。",
             "西藏各族群众的获得感越来越强，为基层干部点赞！",
             "希望以后多报道一些基层党员干部的先进事迹，让更多人了解他们。"]


def news_page(art: Seed | None = None, *, charset: str = "utf-8", headings: str = "strong") -> str:
    """A news page as a browser saves it ("Web page, HTML only"), article markup like the big
    Chinese news sites': the title in <h1>, a byline and date line, the text in <p> with
    two-line section headings in <strong> (or `headings="h3"`), then the editor line, share
    buttons, related links, reader comments and the footer."""
    art = art or seed()
    e = html.escape
    nav = "".join(f'<li><a href="/{i}">{e(n)}</a></li>' for i, n in enumerate(_NAV))
    body = []
    blocks = list(art.blocks)
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.heading and i + 1 < len(blocks) and blocks[i + 1].heading:
            lines = [b.text, blocks[i + 1].text]
            i += 2
        elif b.heading:
            lines, i = [b.text], i + 1
        else:
            body.append(f"<p>\u3000\u3000{e(b.text)}</p>")
            i += 1
            continue
        if headings == "h3":
            body.append("<h3>" + "<br/>".join(e(x) for x in lines) + "</h3>")
        else:
            body.append("<p><strong>" + "<br/>".join(f"\u3000\u3000{e(x)}" for x in lines) + "</strong></p>")
    related = "".join(f'<li><a href="/n/{k}.html">{e(r)}</a></li>' for k, r in enumerate(_RELATED))
    comments = "".join(f'<div class="comment-item"><span class="user">网友{k + 1}</span><p>{e(c)}</p>'
                       f'<span class="time">2021-04-06 0{k + 8}:12</span></div>' for k, c in enumerate(_COMMENTS))
    title = "".join(art.title)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta charset="{charset}">
<title>{e(title)}--党建-人民网</title>
<meta name="keywords" content="党史学习教育,西藏">
<meta name="description" content="{e(art.blocks[0].text[:60])}">
<meta name="author" content="徐驭尧">
<meta name="publishdate" content="2021-04-06">
<meta property="og:title" content="{e(title)}">
<meta property="og:site_name" content="人民网">
<link rel="canonical" href="http://dangjian.people.com.cn/n1/2021/0406/c117092-32070564.html">
<script>var _hmt = _hmt || []; window.share = {{"title": "{e(title)}"}};</script>
<style>.nav li{{display:inline}}</style>
</head><body>
<div class="header"><div class="logo"><a href="/">人民网</a></div>
<ul class="nav">{nav}</ul>
<div class="search"><input type="text" placeholder="搜索"><button>搜索</button></div></div>
<div class="crumbs"><a href="/">人民网</a> &gt;&gt; <a href="/dj">党建</a> &gt;&gt; 正文</div>
<div class="main clearfix">
<div class="col-left">
<div class="article">
<h1>{"<br>".join(e(x) for x in art.title)}</h1>
<div class="byline">本报记者 徐驭尧</div>
<div class="box01"><div class="fl">2021年04月06日05:42 | 来源：<a href="http://paper.people.com.cn/">人民网－人民日报</a></div>
<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a></div></div>
<div class="rm_txt_con" id="rwb_zw">
{chr(10).join(body)}
</div>
<div class="edit">(责编：王珂园、程宏毅)</div>
<div class="share bottom">分享到：<a>微信</a><a>微博</a><a>QQ空间</a> <a>打印本页</a> <a>关闭窗口</a></div>
</div>
<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>
<div class="comments"><h3>网友评论</h3>{comments}<div class="more"><a>查看更多评论</a></div></div>
</div>
<div class="col-right"><h3>热点推荐</h3><ul>{related}</ul><div class="qr">扫码关注人民网微信</div></div>
</div>
<div class="footer"><p><a>人民日报社概况</a>|<a>关于人民网</a>|<a>报社招聘</a>|<a>招聘英才</a>|<a>广告服务</a>|<a>合作加盟</a>|<a>供稿服务</a>|<a>网站声明</a>|<a>网站律师</a>|<a>信息保护</a>|<a>联系我们</a></p>
<p>人民网版权所有，未经书面授权禁止使用</p><p>Copyright © 1997-2021 by www.people.com.cn. all rights reserved</p></div>
</body></html>
"""


def wire_page(art: Seed | None = None) -> str:
    """A second layout, as a news agency's site lays a report out: the text in <div id="detail">
    with the headings in <p><strong>, a 【纠错】 link and 责任编辑 line, then related reports
    and reader comments written as whole sentences in <p> (the hard case: they read like text)."""
    art = art or seed()
    e = html.escape
    body = "".join(f"<p><strong>{e(b.text)}</strong></p>" if b.heading else f"<p>{e(b.text)}</p>" for b in art.blocks)
    related = "".join(f'<div class="item"><p><a href="/r/{k}">{e(r)}</a></p><p>{e(r)}，记者从有关部门获悉，'
                      f"相关工作正在有序推进。</p></div>" for k, r in enumerate(_RELATED))
    comments = "".join(f'<div class="comment"><p>{e(c)}</p><p class="meta">网友{k}　2021-04-06</p></div>'
                       for k, c in enumerate(_COMMENTS))
    return f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e("".join(art.title))}-新华网</title><meta name="source" content="新华网"></head><body>
<div id="top"><a href="/">新华网</a> | <a href="/politics">时政</a> | <a href="/local">地方</a> | <a href="/m">客户端</a></div>
<div class="h-title">{e("".join(art.title))}</div>
<div class="h-info"><span class="h-time">2021-04-06 08:16:25</span> <span>来源：人民日报</span></div>
<div class="share"><a>微博</a><a>微信</a><a>复制链接</a></div>
<div id="detail">{body}</div>
<div class="p-right"><a>【纠错】</a> <span class="editor">【责任编辑：刘亮】</span></div>
<div class="related"><h2>相关报道</h2>{related}</div>
<div class="comments"><h2>热门评论</h2>{comments}</div>
<div class="foot"><p>Copyright © 2000-2021 XINHUANET.com All Rights Reserved.</p><p>制作单位：新华网股份有限公司</p></div>
</body></html>
"""


def write_html(path: Path, art: Seed | None = None, *, charset: str = "utf-8", headings: str = "strong") -> Path:
    enc = {"gb2312": "gb18030", "gbk": "gb18030"}.get(charset.lower(), charset)
    path.write_bytes(news_page(art, charset=charset, headings=headings).encode(enc))
    return path


# ---- PDF ----------------------------------------------------------------------------------

PAGE_W, PAGE_H, MARGIN, SIZE, LEAD = 420, 595, 50, 12, 18


def _em(c: str) -> float:
    return 0.5 if " " <= c <= "~" else 1.0  # the font's widths (/W): ASCII half an em, the rest a full em


def _wrap(text: str, room: float, size: float) -> tuple[str, str]:
    """The first line of `text` in `room` points, and the rest."""
    used, n = 0.0, 0
    while n < len(text) and used + _em(text[n]) * size <= room + 0.01:
        used += _em(text[n]) * size
        n += 1
    return text[:n], text[n:]


def _lines(art: Seed, indent_chars: bool, heading_x: float = MARGIN + 2 * SIZE) -> list[tuple[str, float, float]]:
    """(text, x, font size) of every line, wrapped as a word processor wraps Chinese: a long title
    line wraps and each of its lines is centred, a paragraph's first line is indented two
    characters (a shifted line, or two ideographic spaces with `indent_chars`)."""
    width = PAGE_W - 2 * MARGIN
    out: list[tuple[str, float, float]] = []
    for t in art.title:
        while t:
            line, t = _wrap(t, width, 16)
            out.append((line, (PAGE_W - sum(_em(c) for c in line) * 16) / 2, 16))
    out.append(("", MARGIN, SIZE))
    for b in art.blocks:
        if b.heading:
            out.append((b.text, heading_x, SIZE))
            continue
        text, first = b.text, True
        while text:
            if indent_chars and first:
                line, text = _wrap(text, width - 2 * SIZE, SIZE)
                out.append(("\u3000\u3000" + line, MARGIN, SIZE))
            else:
                line, text = _wrap(text, width - (2 * SIZE if first else 0), SIZE)
                out.append((line, MARGIN + (2 * SIZE if first else 0), SIZE))
            first = False
    return out


def _hex(s: str) -> str:
    return "".join(f"{ord(c):04X}" for c in s)


def _to_unicode(chars: set[str]) -> str:
    """A ToUnicode CMap for the characters used (as a subset font carries one: small)."""
    codes = sorted(f"<{ord(c):04X}> <{ord(c):04X}>" for c in chars)
    blocks = "".join(f"{len(codes[k:k + 100])} beginbfchar\n" + "\n".join(codes[k:k + 100]) + "\nendbfchar\n"
                     for k in range(0, len(codes), 100))
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + blocks +
            "endcmap CMapName currentdict /CMap defineresource pop end end")


def pdf_bytes(art: Seed | None = None, *, indent_chars: bool = False, header: str = "人民日报 2021年4月6日 第4版",
              page_numbers: str = "- {n} -", lines_per_page: int = 26, scanned: bool = False,
              empty: bool = False, headings_at_margin: bool = False) -> bytes:
    """A PDF of the article. `indent_chars`: the first-line indent is two ideographic spaces
    (as some editors write it) rather than a shifted line. `scanned`: pages that hold an image
    and no text, as a scanner writes them. `empty`: one blank page."""
    art = art or seed()
    lines = [] if empty or scanned else _lines(art, indent_chars, MARGIN if headings_at_margin else MARGIN + 2 * SIZE)
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    if scanned:
        pages = [[], []]
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    def stream(data: bytes, extra: str = "") -> bytes:
        z = zlib.compress(data)
        return f"<< /Length {len(z)} /Filter /FlateDecode {extra}>>\nstream\n".encode() + z + b"\nendstream"

    catalog = add(b"")  # filled in at the end
    pages_obj = add(b"")
    numbers = [page_numbers.format(n=n, total=len(pages)) for n in range(1, len(pages) + 1)] if page_numbers else []
    used = set("".join(t for t, _, _ in lines) + header + "".join(numbers))
    tounicode = add(stream(_to_unicode(used or {" "}).encode()))
    desc = add(b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
               b"/Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>")
    cid = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
              f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R /DW 1000 /W [32 126 500] >>".encode())
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [{cid} 0 R] "
               f"/ToUnicode {tounicode} 0 R >>".encode())
    image = add(stream(bytes(64 * 64), "/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                       "/BitsPerComponent 8 ")) if scanned else 0
    kids = []
    for n, page in enumerate(pages, 1):
        ops = []
        if scanned:
            ops.append(f"q {PAGE_W} 0 0 {PAGE_H} 0 0 cm /Im1 Do Q")
        if header and not scanned and not empty:
            ops.append(f"BT /F1 9 Tf 1 0 0 1 {MARGIN} {PAGE_H - 30} Tm <{_hex(header)}> Tj ET")
        y = PAGE_H - MARGIN - 10
        for text, x, size in page:
            if text:
                ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm <{_hex(text)}> Tj ET")
            y -= LEAD + (size - SIZE)
        if page_numbers and not scanned and not empty:
            num = page_numbers.format(n=n, total=len(pages))
            ops.append(f"BT /F1 9 Tf 1 0 0 1 {(PAGE_W - len(num) * 9) / 2:.2f} 25 Tm <{_hex(num)}> Tj ET")
        content = add(stream("\n".join(ops).encode()))
        res = f"/Font << /F1 {font} 0 R >>" + (f" /XObject << /Im1 {image} 0 R >>" if scanned else "")
        kids.append(add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                        f"/Resources << {res} >> /Contents {content} 0 R >>".encode()))
    objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objs[pages_obj - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    info = add("<< /Title <FEFF{}> /Author <FEFF{}> /CreationDate (D:20210406054200+08'00') >>".format(
        "".join(f"{ord(c):04X}" for c in "".join(art.title)), "".join(f"{ord(c):04X}" for c in "人民日报")).encode())
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write_pdf(path: Path, art: Seed | None = None, **kw) -> Path:
    path.write_bytes(pdf_bytes(art, **kw))
    return path


def write_reportlab_pdf(path: Path, art: Seed | None = None) -> Path:
    """The seed laid out by another PDF producer, ReportLab (not a dependency: only to remake the
    committed fixture tests/data/articles/xizang-reportlab.pdf): its built-in Chinese font,
    proportional Latin, line breaks that leave up to two characters' room at the right, a
    centred title, a running header and page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    art = art or seed()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = {"fontName": "STSong-Light", "fontSize": 11, "leading": 18, "wordWrap": "CJK"}
    body = ParagraphStyle("body", firstLineIndent=22, **style)
    head = ParagraphStyle("head", **style)
    title = ParagraphStyle("title", **{**style, "fontSize": 16, "leading": 24}, alignment=1)
    story = [Paragraph("<br/>".join(art.title), title), Spacer(1, 12)]
    story += [Paragraph(b.text, head if b.heading else body) for b in art.blocks]

    def furniture(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(72, A4[1] - 40, "人民日报 2021年4月6日 第4版")
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path
