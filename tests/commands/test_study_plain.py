import io
import sqlite3
from datetime import UTC

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.cli import main


@pytest.fixture(autouse=True)
def chinese_locale(monkeypatch):
    """Plain mode follows the locale (no --lang, no saved setting): pin a Chinese one."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")

BANK = """\
bank:
  id: demo
  title: Demo
questions:
  - id: q1
    type: choice
    prompt: 西藏和平解放是哪一年？
    choices: ["1949", "1951", "1959"]
    answer: "1951"
    source: 1951年，西藏和平解放。
  - id: q2
    type: fill
    prompt: 学史明理、学史增信、学史崇德、学史{{力行}}
  - id: q3
    type: truefalse
    prompt: 拉萨是西藏自治区首府。
    answer: true
  - id: q4
    type: multi
    prompt: 哪些是媒体？
    choices: [广播, 电视, 电影院]
    answer: [广播, 电视]
  - id: q5
    type: card
    front: 2021年是西藏民主改革多少周年？
    back: 62周年
"""


@pytest.fixture
def bank(tmp_path):
    p = tmp_path / "demo.yaml"
    p.write_text(BANK, encoding="utf-8")
    return p


def study(monkeypatch, capsys, bank, data, lines, *extra):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))
    code = main(["study", str(bank), "--data-dir", str(data), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def reviews(data):
    return sqlite3.connect(data / "quiz.db").execute("SELECT count(*), sum(correct) FROM reviews").fetchone()


def test_answers_every_type(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    code, out, err = study(monkeypatch, capsys, bank, data, ["1951", "力行", "对", "广播 电视", "", "3"], "--plain")
    assert code == 0, err
    assert {"1949", "1951", "1959"} <= {line.split(". ", 1)[-1] for line in out.splitlines() if line.startswith("  ")}
    feedback = [line for line in out.splitlines() if line.startswith(("✓", "✗"))]
    assert len(feedback) == 5 and all(line.startswith("✓") for line in feedback)
    assert "出处: 1951年，西藏和平解放。" in out
    assert "背面: 62周年" in out
    assert "正确 5（100%）" in out
    assert reviews(data) == (5, 5)


def test_wrong_dont_know_and_invalid_input(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    code, out, err = study(monkeypatch, capsys, bank, data, ["7", "xyz", "1949", "", "q"], "--plain")
    assert code == 0
    lines = out.splitlines()
    assert sum("请输入 1-3" in line for line in lines) == 2     # re-asked twice, nothing recorded
    assert [line for line in lines if line.startswith(("✓", "✗"))] == ["✗ 错误", "✗ 不知道"]
    assert "答案: 1951" in out and "答案: 力行" in out
    assert reviews(data) == (2, 0)
    assert "答错：" in out


def test_undo_reasks_and_removes_the_answer(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    code, out, _ = study(monkeypatch, capsys, bank, data, ["1949", "u", "1951"], "--plain")
    assert code == 0 and "已撤销上一题。" in out
    assert out.count("西藏和平解放是哪一年？") >= 2
    assert reviews(data) == (1, 1)  # only the re-answer is stored; EOF ended the session
    assert "答题 1，正确 1" in out


def test_non_tty_input_uses_plain_mode(monkeypatch, capsys, bank, tmp_path):
    code, out, _ = study(monkeypatch, capsys, bank, tmp_path / "d", ["1951"])
    assert code == 0 and "✓" in out


def test_bank_with_errors(monkeypatch, capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("bank:\n  id: x\nquestions: 3\n", encoding="utf-8")
    code, out, err = study(monkeypatch, capsys, bad, tmp_path / "d", [], "--plain")
    assert code == 1 and f"{bad}:" in err and "Traceback" not in err
    assert not (tmp_path / "d").exists()


def test_control_characters_are_not_printed(monkeypatch, capsys, tmp_path):
    p = tmp_path / "esc.yaml"
    p.write_text('bank:\n  id: e\n  title: E\nquestions:\n  - id: a\n    type: fill\n'
                 '    prompt: "红\\e[31m色\\u202e题"\n    answer: 答\n', encoding="utf-8")
    code, out, _ = study(monkeypatch, capsys, p, tmp_path / "d", ["答"], "--plain")
    assert code == 0 and "\x1b" not in out and "\u202e" not in out and "红[31m色题" in out


def test_newer_database_is_refused(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    study(monkeypatch, capsys, bank, data, ["1951"], "--plain")
    conn = sqlite3.connect(data / "quiz.db")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    code, out, err = study(monkeypatch, capsys, bank, data, ["2"], "--plain")
    assert code == 1 and "newer version of quiz" in err and "Traceback" not in err
    conn = sqlite3.connect(data / "quiz.db")
    assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1


def test_corrupt_database(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    (data / "quiz.db").write_bytes(b"garbage" * 1000)
    code, _, err = study(monkeypatch, capsys, bank, data, ["2"], "--plain")
    assert code == 1 and "damaged" in err and "quiz doctor" in err
    assert (data / "quiz.db").read_bytes() == b"garbage" * 1000


def test_new_limit_option(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    code, out, _ = study(monkeypatch, capsys, bank, data, ["1951", "力行", "对"], "--plain", "--new", "1")
    assert reviews(data) == (1, 1)
    assert "[1/1]" in out


def test_plain_language_follows_locale_then_saved_setting_then_flag(monkeypatch, capsys, bank, tmp_path):
    from datetime import datetime

    from quiz.core.store import Store

    data = tmp_path / "d"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _code, out, _ = study(monkeypatch, capsys, bank, data, ["q"], "--plain")
    assert "Session: 0 answered" in out
    with Store.open(data, clock=lambda: datetime.now(UTC)) as store:
        store.set_setting("tui.lang", "zh")                 # saved by the app's language switch
    _code, out, _ = study(monkeypatch, capsys, bank, data, ["q"], "--plain")
    assert "本次：答题 0" in out
    _code, out, _ = study(monkeypatch, capsys, bank, data, ["q"], "--plain", "--lang", "en")
    assert "Session: 0 answered" in out


# ---- digit-like input, order shuffling, what was wrong -------------------------------------------

ORDER_BANK = """\
bank:
  id: order
  title: Order
questions:
  - id: o1
    type: order
    prompt: 按原文顺序排列
    items: [学史明理, 学史增信, 学史崇德]
"""


def test_circled_and_superscript_digits_are_reasked_fullwidth_digits_work(monkeypatch, capsys, bank, tmp_path):
    data = tmp_path / "d"
    lines = ["①", "²", "1951", "力行", "对", "1 ²", "广播　电视"]
    code, out, err = study(monkeypatch, capsys, bank, data, lines, "--plain")
    assert code == 0 and "Traceback" not in err, err
    assert sum("请输入 1-3" in line for line in out.splitlines()) == 2
    assert sum("请输入多个数字" in line for line in out.splitlines()) == 1
    feedback = [line for line in out.splitlines() if line.startswith(("✓", "✗"))]
    assert len(feedback) == 4 and all(line.startswith("✓") for line in feedback)   # a full-width space too
    assert reviews(data) == (4, 4)


def test_multi_feedback_says_what_was_picked_wrongly_and_what_was_missing(monkeypatch, capsys, bank, tmp_path):
    code, out, _ = study(monkeypatch, capsys, bank, tmp_path / "d", ["1951", "力行", "对", "广播，电影院", "q"], "--plain")
    lines = out.splitlines()
    i = lines.index("✗ 错误")
    assert lines[i + 1:i + 3] == ["多选了：电影院", "漏选了：电视"]


def test_order_feedback_says_where_the_order_goes_wrong(monkeypatch, capsys, tmp_path):
    p = tmp_path / "order.yaml"
    p.write_text(ORDER_BANK, encoding="utf-8")
    code, out, err = study(monkeypatch, capsys, p, tmp_path / "d", ["1 2 3"], "--plain")   # as shown: never right
    assert code == 0, err
    lines = out.splitlines()
    shown = [line.split(". ", 1)[1] for line in lines if line.startswith("  ") and ". " in line][:3]
    right = ["学史明理", "学史增信", "学史崇德"]
    first = next(i for i, (a, b) in enumerate(zip(right, shown)) if a != b)
    i = lines.index("✗ 错误")
    assert lines[i + 1] == f"第 {first + 1} 项起顺序不对：{' → '.join(shown[first:])}"
    assert lines[i + 2] == "答案: 学史明理 → 学史增信 → 学史崇德"


def _plain(seed=0, lines=(), lang="zh"):
    import random
    from datetime import datetime

    from quiz.plain import Plain

    class FakeSession:
        progress = (0, 1)
        mode = "study"
        answered: list = []

        def answer(self, q, response, *, elapsed, used_hint=False):
            from quiz.core.session import Outcome
            self.answered.append(response)
            return Outcome(q, False, None, 1, 0, 0, elapsed)

        def grade(self, q, rating, *, elapsed):
            from quiz.core.session import Outcome
            self.answered.append(rating)
            return Outcome(q, rating >= 3, None, rating, 0, 0, elapsed)

        def undo(self):
            return None

        def intervals(self, q):
            return None

    session = FakeSession()
    session.answered = []
    stdin = io.StringIO("".join(line + "\n" for line in lines))
    plain = Plain(session, stdin, io.StringIO(), clock=lambda: datetime(2025, 1, 1, tzinfo=UTC),
                  lang=lang, rng=random.Random(seed))
    return plain, session


def _questions():
    from quiz.core.banks.loader import load_text

    text = BANK + """\
  - id: q6
    type: order
    prompt: 排序
    items: [甲, 乙]
  - id: q7
    type: order
    prompt: 排序
    items: [一, 二, 三, 四, 五, 六, 七, 八, 九, 十]
"""
    result = load_text(text)
    assert result.ok, result.problems
    return {q.id: q for q in result.bank.questions}


QUESTIONS = _questions()


def test_order_items_are_never_shown_in_the_right_order():
    q = QUESTIONS["q6"]
    for seed in range(64):
        plain, _ = _plain(seed)
        assert list(plain.show(q)) == ["乙", "甲"], seed


def test_shuffled_order_swaps_when_every_shuffle_comes_out_right():
    from quiz.core.qtype import shuffled_items as shuffled_order

    class Stubborn:
        def shuffle(self, items):
            pass

    assert shuffled_order(["a", "b", "c"], Stubborn()) != ["a", "b", "c"]
    assert sorted(shuffled_order(["a", "b", "c"], Stubborn())) == ["a", "b", "c"]
    assert shuffled_order(["a"], Stubborn()) == ["a"]



DIGITISH = "0123456789０１２３４５６７８９①②③²³¹⁴٣৩๓一二 ,，、;；.-+qu"
LINE = st.one_of(st.text(alphabet=DIGITISH, max_size=12), st.text(max_size=20),
                 st.integers(min_value=0).map(str), st.just("1" * 5000))


@settings(max_examples=300, deadline=None)
@given(qid=st.sampled_from(sorted(QUESTIONS)), line=LINE, seed=st.integers(0, 3))
def test_any_input_line_is_reasked_or_a_valid_response(qid, line, seed):
    q = QUESTIONS[qid]
    line = line.replace("\n", " ").replace("\r", " ")
    plain, session = _plain(seed, [line, line, "q"])
    items = None
    original_show = plain.show

    def show(question):
        nonlocal items
        items = original_show(question)
        return items

    plain.show = show
    result = plain.ask(q)                      # never raises
    assert result in ("answered", "quit", "undone")
    for response in session.answered:
        if response is None:
            continue
        if q.type == "choice":
            assert response in items
        elif q.type == "multi":
            assert response and set(response) <= set(items) and len(set(response)) == len(response)
        elif q.type == "order":
            assert sorted(response) == sorted(items)
        elif q.type == "truefalse":
            assert isinstance(response, bool)
        elif q.type == "card":
            assert response in (1, 2, 3, 4)
        else:
            assert isinstance(response, str)


# ---- issue 11: h and ?, item texts, cards, "your answer", siblings, tags, shuffle, no undo in contests ----

SIBLINGS = """\
bank:
  id: sib
  title: Siblings
questions:
  - id: s1
    type: fill
    prompt: 全区设____个会场
    answer: "726"
    source: 全区设726个会场，2万余名党员干部代表参加。
    tags: [figure]
  - id: s2
    type: fill
    prompt: 全区设726个会场，____党员干部代表参加。
    answer: 2万余名
    source: 全区设726个会场，2万余名党员干部代表参加。
    tags: [figure]
  - id: s3
    type: order
    prompt: 按原文顺序排列
    items: [学史明理, 学史增信, 学史崇德]
    tags: [slogan]
  - id: s4
    type: card
    front: 2021年是西藏民主改革多少周年？
    back: 62周年
"""


@pytest.fixture
def sib(tmp_path):
    p = tmp_path / "sib.yaml"
    p.write_text(SIBLINGS, encoding="utf-8")
    return p


def ratings(data):
    return sqlite3.connect(data / "quiz.db").execute("SELECT rating, correct FROM reviews ORDER BY id").fetchall()


def test_h_and_question_mark_give_the_hint_and_help_and_are_never_graded(monkeypatch, capsys, sib, tmp_path):
    data = tmp_path / "d"
    code, out, err = study(monkeypatch, capsys, sib, data, ["h", "?", "726", "q"], "--plain")
    assert code == 0, err
    assert "提示：全区设□□□个会场，2万余名党员干部代表参加。" in out
    assert "h 提示" in out and "u 撤销" in out
    assert ratings(data) == [(2, 1)]           # one answer, right, Hard because of the hint


def test_order_takes_the_items_text(monkeypatch, capsys, sib, tmp_path):
    data = tmp_path / "d"
    code, out, err = study(monkeypatch, capsys, sib, data, ["726", "学史明理 学史增信、学史崇德", "q"], "--plain")
    assert code == 0, err
    assert [c for _r, c in ratings(data)] == [1, 1]


def test_a_card_takes_the_grade_at_once(monkeypatch, capsys, sib, tmp_path):
    data = tmp_path / "d"
    code, out, err = study(monkeypatch, capsys, sib, data, ["726", "学史明理 学史增信 学史崇德", "4", "q"], "--plain")
    assert code == 0, err
    assert "背面: 62周年" in out
    assert ratings(data)[-1] == (4, 1)


def test_a_wrong_answer_is_echoed(monkeypatch, capsys, sib, tmp_path):
    code, out, _ = study(monkeypatch, capsys, sib, tmp_path / "d", ["727", "q"], "--plain")
    lines = out.splitlines()
    i = lines.index("✗ 错误")
    assert lines[i + 1] == "你的答案: 727" and lines[i + 2] == "答案: 726"


def test_siblings_are_left_out_and_the_session_says_why(monkeypatch, capsys, sib, tmp_path):
    data = tmp_path / "d"
    code, out, _ = study(monkeypatch, capsys, sib, data, ["726", "学史明理 学史增信 学史崇德", "4"], "--plain")
    assert code == 0
    assert "全区设726个会场，____党员干部代表参加。" not in out   # s2 would have been given away by s1
    assert "[1/3]" in out and "[3/3]" in out
    assert "另有 1 道题与答过的题出自同一句原文" in out
    code, out, _ = study(monkeypatch, capsys, sib, data, [], "--plain")
    assert "没有需要学习的题目。" in out          # s2 is buried until tomorrow


def test_a_tag_session_counts_its_questions(monkeypatch, capsys, sib, tmp_path):
    code, out, _ = study(monkeypatch, capsys, sib, tmp_path / "d", ["学史明理 学史增信 学史崇德"], "--plain",
                         "--tag", "slogan")
    assert "[1/1]" in out


def test_no_undo_in_a_quiz(monkeypatch, capsys, sib, tmp_path):
    data = tmp_path / "d"
    code, out, _ = study(monkeypatch, capsys, sib, data, ["", "u", "q"], "--plain", "--mode", "exam",
                         "--tag", "figure", "--tag", "slogan")
    assert code == 0 and "测验和挑战中不能撤销答案。" in out
    assert len(ratings(data)) == 1


CHOICES = """\
bank:
  id: sh
  title: Shuffle
questions:
  - id: c1
    type: choice
    prompt: 哪个？
    choices: [甲, 乙, 丙, 以上都对]
    answer: 以上都对
{extra}"""


@pytest.mark.parametrize("extra,fixed", [("", False), ("    shuffle: false\n", True)])
def test_choice_options_are_shuffled_unless_the_question_says_not(monkeypatch, capsys, tmp_path, extra, fixed):
    p = tmp_path / "c.yaml"
    p.write_text(CHOICES.format(extra=extra), encoding="utf-8")
    orders = set()
    for seed in range(8):
        monkeypatch.setenv("QUIZ_SEED", str(seed))
        _code, out, _ = study(monkeypatch, capsys, p, tmp_path / f"d{seed}", ["q"], "--plain")
        orders.add(tuple(line.split(". ", 1)[1] for line in out.splitlines() if line.startswith("  ")))
    assert (orders == {("甲", "乙", "丙", "以上都对")}) is fixed
    assert fixed or len(orders) > 2


def test_full_width_digits_pick_an_option():
    q = QUESTIONS["q1"]
    plain, _ = _plain(0)
    items = plain.show(q)
    assert plain.parse(q, items, "２") == items[1]
    assert plain.parse(QUESTIONS["q4"], ("广播", "电视", "电影院"), "１ ２") == ("广播", "电视")
