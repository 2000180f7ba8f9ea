"""Full-width digits (０-９, ．, ％) and Chinese-numeral years are read whole and asked in
their own width; the extraction's regex work is bounded structurally (linear time)."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.generate import dates, generate, numbers, people
from quiz.core.generate import text as text_mod
from quiz.core.generate.build import extract
from quiz.core.generate.text import fold_same_length as normalize
from quiz.core.generate.text import parse_article
from quiz.core.qtype import QuestionType as QT

ROOT = Path(__file__).resolve().parents[3]
FULLWIDTH = ROOT / "tests" / "data" / "articles" / "fullwidth-digits.txt"
FW = "０１２３４５６７８９"


def _bank():
    return generate(FULLWIDTH.read_text(encoding="utf-8"), bank_id="fw", keep_all=True).bank


def _width(s: str) -> set[str]:
    return {"fw" if c in FW + "．％" else "ascii" for c in s if c in "0123456789.%" or c in FW + "．％"}


# --------------------------------------------------------------------------- full width

def test_normalize_reads_fullwidth_digits_point_and_percent_as_ascii_same_length():
    s = "共１２６个，１．５万余名，９６．５％。句末．"
    n = normalize(s)
    assert len(n) == len(s)
    assert n == "共126个，1.5万余名，96.5%。句末．"   # a ． not between digits is not a decimal point


def test_in_width_of_renders_like_the_original():
    assert text_mod.in_width_of("158个分会场", "１２６个分会场") == "１５８个分会场"
    assert text_mod.in_width_of("2.0万余名", "１．５万余名") == "２．０万余名"
    assert text_mod.in_width_of("72.4%", "９６．５％") == "７２．４％"
    assert text_mod.in_width_of("1,172.3万元", "1,465.4万元") == "1,172.3万元"


def test_fullwidth_decimal_is_one_number():
    facts = extract(parse_article("　　全省共设１２６个分会场，１．５万余名党员干部参加。"))
    figs = [f.text for f in facts if f.kind == "figure"]
    assert figs == ["１２６个分会场", "１．５万余名"]
    assert [f.form[0].value for f in facts if f.kind == "figure"] == [126, 15000]


def test_options_and_swapped_values_keep_the_digit_width_of_the_answer():
    bank = _bank()
    checked = swapped = 0
    for q in bank.questions:
        if q.type is QT.CHOICE and ("figure" in q.tags or "date" in q.tags):
            for c in q.choices:
                assert _width(c) == _width(q.answer), (q.answer, q.choices)
            checked += 1
        if q.type is QT.TRUEFALSE and q.answers == ("false",) and "role" not in q.tags:
            # the swapped value is written the way the source writes it at that place
            i = 0
            while q.prompt[i] == q.source[i]:
                i += 1
            j = 0
            while q.prompt[-1 - j] == q.source[-1 - j]:
                j += 1
            assert _width(q.prompt[i:len(q.prompt) - j]) <= _width(q.source[i:len(q.source) - j]), q.prompt
            swapped += 1
    assert checked >= 8 and swapped >= 1
    # the mixed sentence: its ASCII 1,465.4万元 keeps ASCII options with the thousands comma
    q = next(q for q in bank.questions if q.answers == ("1,465.4万元",) and q.type is QT.CHOICE)
    assert all(re.fullmatch(r"\d,\d{3}\.\d万元", c) for c in q.choices), q.choices


def test_a_swapped_fullwidth_statement_is_not_given_away():
    bank = _bank()
    tf = [q for q in bank.questions if q.type is QT.TRUEFALSE and q.answers == ("false",)
          and re.search(f"[{FW}]", q.source)]
    assert tf
    for q in tf:
        assert not re.search(r"[0-9]", q.prompt) or re.search(r"[0-9]", q.source)


def test_chinese_numeral_year_is_taken_whole():
    bank = _bank()
    answers = {a for q in bank.questions for a in q.answers}
    assert "二〇二一年" in answers
    assert "二一年" not in answers
    assert not any("二〇____" in q.prompt or "二〇{{" in q.prompt for q in bank.questions)
    q = next(q for q in bank.questions if q.answers == ("二〇二一年",) and q.type is QT.CHOICE)
    assert all(re.fullmatch(r"[〇一二三四五六七八九]{4}年", c) for c in q.choices), q.choices


def test_chinese_year_forms_and_no_fragments():
    f = dates.parse(dates.DATE_RE.fullmatch("二零一九年"))
    assert f.year == 2019 and dates.render(f) == "二零一九年"
    assert all(re.fullmatch(r"二零[零一二三四五六七八九]{2}年", s) for s in dates.shifts(f, 1, set(), {"二零一九年"}))
    for text in ("十二〇二一年四月", "二〇二一二年"):
        facts = extract(parse_article(f"　　{text}，开展活动。"))
        assert not [f.text for f in facts if f.kind in ("date", "figure")], text


# --------------------------------------------------------------------------- bounded work

def _unbounded_repeats(pattern: re.Pattern) -> list:
    """Repeats with no upper bound (*, +, {n,}) anywhere in a compiled pattern."""
    import re._parser as sre_parse  # Python 3.11+
    from re._constants import MAXREPEAT

    out = []

    def walk(items):
        for op, av in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                lo, hi, sub = av
                if hi is MAXREPEAT or hi == MAXREPEAT:
                    out.append((name, lo))
                walk(sub)
            elif name == "SUBPATTERN":
                walk(av[-1])
            elif name == "BRANCH":
                for b in av[1]:
                    walk(b)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(av[1])

    walk(sre_parse.parse(pattern.pattern, pattern.flags).data)
    return out


def test_figure_and_date_regexes_have_only_bounded_repeats():
    # An unbounded run (\d+, [一二…]+) makes each attempt on a long run of numerals cost the
    # whole run: quadratic time. Bounded runs cost at most MAX_RUN characters per position.
    assert _unbounded_repeats(re.compile(r"a\d+(?:,\d{3})*")) == [("MAX_REPEAT", 1), ("MAX_REPEAT", 0)]
    assert _unbounded_repeats(numbers.FIGURE_RE) == []
    assert _unbounded_repeats(dates.DATE_RE) == []
    assert numbers.MAX_RUN <= 16


def test_runs_longer_than_a_figure_give_no_fragment():
    for run in ("一" * 30, "1" * 30, "１" * 30, "二〇" * 10):
        facts = extract(parse_article(f"　　共有{run}人参加。"))
        assert [f.text for f in facts if f.kind == "figure"] == [], run
    facts = extract(parse_article("　　共有" + "1" * 12 + "人参加。"))
    assert [f.text for f in facts if f.kind == "figure"] == ["1" * 12 + "人"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["一", "1", "，", "、", "甲", "3.5", "人", "万余名", "二〇二一年"]),
                min_size=300, max_size=1500).map("".join))
def test_every_sentence_read_is_bounded_and_verbatim(body):
    """Extraction runs on pieces of at most text_mod.MAX_SENTENCE characters, except that a run of
    digits or numerals is never cut (its piece runs on to the run's end); the pieces are the text."""
    art = parse_article("标题\n\n" + body + "。")
    assert "".join(s.text for s in art.sentences) == body + "。"
    for s in art.sentences:
        assert len(s.norm) == len(s.text)
        if len(s.norm) > text_mod.MAX_SENTENCE:
            assert set(s.norm[text_mod.MAX_SENTENCE - 1:]) <= set("0123456789.一二〇万"), s.norm[text_mod.MAX_SENTENCE - 1:]


def test_long_line_without_full_stops_is_read_in_bounded_pieces():
    line = "各地组建宣讲队６０支，" * 2000
    art = parse_article("标题\n\n　　" + line)
    assert len(art.sentences) > 1
    assert all(len(s.text) <= text_mod.MAX_SENTENCE for s in art.sentences)
    facts = extract(art)
    assert {f.text for f in facts if f.kind == "figure"} == {"６０支"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="甲书记、，说“”", max_size=80))
def test_segment_starts_agree_with_a_backwards_scan(norm):
    starts = people._seg_starts(norm)
    for pos in range(len(norm) + 1):
        i = pos
        while i > 0 and norm[i - 1] not in people._SEG_STOP:
            i -= 1
        assert starts[pos] == i


def _fold_one_by_one(s: str) -> str:
    """The folding rules written the plain way, character by character (the reference the
    generator's faster version must agree with)."""
    simple = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
    digits = set("0123456789" + FW)
    out, dq, sq = list(s), False, False
    for i, ch in enumerate(s):
        prev, nxt = (s[i - 1] if i else ""), (s[i + 1] if i + 1 < len(s) else "")
        if ch in FW:
            out[i] = str(FW.index(ch))
        elif ch == "％":
            out[i] = "%"
        elif ch == "．" and prev in digits and nxt in digits:
            out[i] = "."
        elif ch in simple and not (ch in ",:" and prev.isdigit() and nxt.isdigit()):
            out[i] = simple[ch]
        elif ch == "." and not (prev.isdigit() and nxt.isdigit()) and \
                not (prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum()) and \
                ((prev and "\u4e00" <= prev <= "\u9fff") or prev in "”’）" or nxt == "" or nxt.isspace()
                 or "\u4e00" <= nxt <= "\u9fff"):
            out[i] = "。"
        elif ch == '"':
            out[i], dq = ("”" if dq else "“"), not dq
        elif ch == "'" and not (prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha()):
            out[i], sq = ("’" if sq else "‘"), not sq
        elif ch in "\u3000\t":
            out[i] = " "
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="12３４.．,:;?!()\"'“”中文aB \u3000\t％%。’）", max_size=30))
def test_folding_agrees_with_the_plain_rules_and_keeps_the_length(s):
    assert normalize(s) == _fold_one_by_one(s)
    assert len(normalize(s)) == len(s)
