"""Teachers' formats: `quiz generate` from the seed as .docx, .html and .pdf as a whole process,
as a ratio of the .txt run (goal <= 2x); `quiz export` of a 1,000-question bank to xlsx and
docx as a whole process (goal < 2 s each); and the news-page extractors side by side
(readability-lxml, which quiz uses, and trafilatura when it is installed) on saved pages with
navigation, share buttons, related links, comments and footers: how much of the article each
finds, how many lines of the page around it each lets through, the metadata, the time."""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "xizang-dangshi-2021.txt"
QUIZ = ROOT / ".venv" / "bin" / "quiz"
RUNS = 5


def _articles():
    sys.path.insert(0, str(ROOT / "tests"))
    import support.articles as articles  # the test builders: the seed as .docx, .html, .pdf

    return articles


def median_run(cmd: list[str], n: int = RUNS) -> float:
    """Median seconds of `n` runs of a whole process (the bench's measure of a command)."""
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _generate(tmp: Path) -> Iterable[str]:
    a = _articles()
    shutil.copy(SEED, tmp / SEED.name)
    # the metadata file serves every format of the article alike (its year dates 今年 in prompts)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.yaml"), tmp / (SEED.stem + ".meta.yaml"))
    files = {"txt": tmp / SEED.name, "docx": a.write_docx(tmp / "xizang-dangshi-2021.docx"),
             "html": a.write_html(tmp / "xizang-dangshi-2021.html"), "pdf": a.write_pdf(tmp / "xizang-dangshi-2021.pdf")}
    base = None
    for kind, path in files.items():
        med = median_run([str(QUIZ), "generate", str(path), "-o", str(tmp / f"{kind}.yaml")])
        base = base or med
        goal = "" if kind == "txt" else f", {med / base:.2f}x the .txt, goal <= 2x: {'ok' if med <= 2 * base else 'SLOW'}"
        yield f"quiz generate seed.{kind} (whole process): median {med * 1000:.0f} ms ({RUNS} runs){goal}"
    banks = {k: (tmp / f"{k}.yaml").read_text(encoding="utf-8").split("questions:", 1)[1] for k in files}
    same = [k for k in files if banks[k] == banks["txt"]]
    yield f"same questions as the .txt: {', '.join(same)} ({len(same)} of {len(files)})"


def _export(tmp: Path) -> Iterable[str]:
    from bench.bankgen import big_bank_text

    bank = tmp / "bank1000.yaml"
    bank.write_text(big_bank_text(1000), encoding="utf-8")
    base = median_run([str(QUIZ), "export", str(bank), "--format", "json", "-o", str(tmp / "b.json"), "--force"])
    yield f"quiz export 1,000 questions to json (whole process, for scale): median {base * 1000:.0f} ms"
    for fmt, extra in (("xlsx", []), ("docx", ["--seed", "1"])):
        med = median_run([str(QUIZ), "export", str(bank), "--format", fmt, "-o", str(tmp / f"b.{fmt}"), "--force", *extra])
        yield (f"quiz export 1,000 questions to {fmt} (whole process): median {med * 1000:.0f} ms ({RUNS} runs), "
               f"goal < 2000 ms: {'ok' if med < 2.0 else 'SLOW'}")


def _page_lines(text: str) -> list[str]:
    return [ln.strip().strip("\u3000") for ln in text.split("\n") if ln.strip().strip("\u3000")]


def _extractors() -> dict:
    """quiz's reader and the two extractors alone (trafilatura only where it is installed: it is
    not one of quiz's dependencies)."""
    import lxml.html
    from readability import Document

    from quiz.core.articles.html import text_lines

    def quiz_reader(page: str):
        from quiz.core.articles import read_article

        art = read_article(page.encode("utf-8"), "page.html")
        return art.text, {"title": art.title, "byline": art.author, "site": art.publisher, "date": art.date}

    def readability_lxml(page: str):
        doc = Document(page)
        root = lxml.html.fragment_fromstring(doc.summary(html_partial=True), create_parent="div")
        return "\n".join(text_lines(root)), {"title": doc.short_title(), "byline": None, "site": None, "date": None}

    out = {"quiz (readability-lxml + metadata)": quiz_reader, "readability-lxml alone": readability_lxml}
    try:
        import trafilatura
    except ImportError:
        return out

    def trafilatura_alone(page: str):
        d = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True, deduplicate=False)
        return d.text, {"title": d.title, "byline": d.author, "site": d.sitename, "date": d.date}

    out["trafilatura alone"] = trafilatura_alone
    return out


def _import_time(module: str) -> float:
    return median_run([sys.executable, "-c", f"import {module}"], 3) - median_run([sys.executable, "-c", "pass"], 3)


def _extract() -> Iterable[str]:
    a = _articles()
    art = a.seed()
    body = [b.text for b in art.blocks]
    title = set(art.title) | {"".join(art.title)}
    pages = {"news site (people-like)": a.news_page(), "news site, <h3> headings": a.news_page(headings="h3"),
             "agency site (wire-like)": a.wire_page()}
    names = _extractors()
    if "trafilatura alone" not in names:
        yield "trafilatura is not installed: `.venv/bin/pip install trafilatura` to compare it"
    else:
        yield (f"import time: readability-lxml {_import_time('readability') * 1000:.0f} ms, "
               f"trafilatura {_import_time('trafilatura') * 1000:.0f} ms")
    for name, extract in names.items():
        for page_name, page in pages.items():
            t = time.perf_counter()
            text, meta = extract(page)
            ms = (time.perf_counter() - t) * 1000
            lines = _page_lines(text)
            found = sum(b in lines for b in body)
            extra = [ln for ln in lines if ln not in body and ln not in title]
            got = ", ".join(k for k, v in meta.items() if v)
            yield (f"{name:<34} {page_name:<26} article {found}/{len(body)} paragraphs, "
                   f"{len(extra)} other lines{(' (' + extra[0][:24] + '…)') if extra else ''}, "
                   f"metadata: {got or 'none'}, {ms:.0f} ms")


def run() -> Iterable[str]:
    if not QUIZ.exists():
        yield "no .venv/bin/quiz: run `make test` first"
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield from _generate(Path(tmp))
        yield from _export(Path(tmp))
    yield from _extract()
