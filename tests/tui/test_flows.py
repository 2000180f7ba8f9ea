"""Pilot tests of every flow: each question type right and wrong, hint, undo, leave and resume."""
from __future__ import annotations

from support.tui import only, put_in_order, right_key, screen_text, start, wrong_key

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.widgets.options import LETTERS


def reviews(store):
    return store.query("SELECT c.question_id, r.rating, r.correct FROM reviews r JOIN cards c ON c.id = r.card_id "
                       "ORDER BY r.id")


async def test_choice_right_by_letter_key(make, bank, store):
    app = make(banks=[only(bank, "secretary")])
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press(right_key(app))   # options are shuffled: the key of the right one
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Right" in text
        assert "吴英杰" in text
        assert [(q, c) for q, _r, c in reviews(store)] == [("secretary", 1)]


async def test_choice_wrong_by_number_key_shows_the_answer_and_explanation(make, bank, store):
    app = make(banks=[only(bank, "secretary")], lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press(str(LETTERS.index(wrong_key(app)) + 1))
        await pilot.pause()
        text = screen_text(app)
        assert "✗ 错误" in text
        assert "正确答案：吴英杰" in text
        assert "解析：动员大会" in text
        assert reviews(store) == [("secretary", 1, 0)]


async def test_choice_by_arrows_and_enter_and_by_mouse(make, bank, store):
    app = make(banks=[only(bank, "secretary")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        right = LETTERS.index(right_key(app))
        await pilot.press(*["down"] * (right + 1), "up", "enter")
        await pilot.pause()
        assert "✓ Right" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        rows = screen.input_widget.rows
        await pilot.click(rows[LETTERS.index(wrong_key(app))])
        await pilot.pause()
        assert "✗ Wrong" in screen_text(app)
        assert reviews(store) == [("secretary", 1, 0)]


async def test_multi_right_and_wrong_with_what_was_wrong(make, bank, store):
    app = make(banks=[only(bank, "media")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        items = screen.input_widget.items       # shuffled: pick by text
        await pilot.press(*[LETTERS[items.index(x)] for x in ("广播", "电视", "报刊", "网络新媒体")], "enter")
        await pilot.pause()
        assert "✓ Right" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        items = screen.input_widget.items
        step = items.index("电影院") - items.index("广播")   # tick 广播 by key, then 电影院 with the arrows
        arrows = ["down"] * step if step > 0 else ["up"] * -step
        await pilot.press(LETTERS[items.index("广播")], *arrows, "space", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong" in text
        assert "Missing: 电视、报刊、网络新媒体" in text or "Missing:" in text
        assert "电影院" in text.split("Not right:")[1].split("\n")[0]
        assert [r[2] for r in reviews(store)] == [0]


async def test_truefalse_y_and_n(make, bank, store):
    app = make(banks=[only(bank, "memorial")], lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert "对" in screen_text(app) and "错" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "✗ 错误" in screen_text(app)
        await pilot.press("ctrl+z", "y")
        await pilot.pause()
        assert "✓ 正确" in screen_text(app)
        assert [r[2] for r in reviews(store)] == [1]


async def test_fill_typed_chinese_answer(make, bank, store):
    app = make(banks=[only(bank, "slogan")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press(*"学史增信", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Right" in text
        assert "做到学史明理、学史增信" in text  # the source sentence
        assert screen.input_widget.disabled


async def test_fill_pinyin_answer_shows_the_characters(make, bank, store):
    app = make(banks=[only(bank, "person")])
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press(*"wuyingjie", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Right" in text
        assert "吴英杰" in text
        assert [(q, c) for q, _r, c in reviews(store)] == [("person", 1)]


async def test_fill_wrong_answer(make, bank, store):
    app = make(banks=[only(bank, "person")])
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press(*"shijiao", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong" in text and "Your answer: shijiao" in text


async def test_order_wrong_then_moved_into_order(make, bank, store):
    app = make(banks=[only(bank, "slogans")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        widget = screen.input_widget
        target = list(bank.question("slogans").answers)
        assert widget.items != target  # shown shuffled
        await pilot.press("enter")
        await pilot.pause()
        assert "✗ Wrong" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        widget = screen.input_widget
        await put_in_order(pilot, widget, target)
        assert widget.items == target
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ Right" in screen_text(app)
        assert [r[2] for r in reviews(store)] == [1]


async def test_card_flip_and_grade(make, bank, store):
    app = make(banks=[only(bank, "anniversary")])
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert "70周年" not in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert "70周年" in screen_text(app)
        await pilot.press("4")
        await pilot.pause()
        assert reviews(store) == [("anniversary", 4, 1)]


async def test_hint_hides_the_answer_and_counts_as_hard(make, bank, store):
    app = make(banks=[only(bank, "slogan")])
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = screen_text(app)
        assert "Hint: 做到学史明理、□□□□、学史崇德" in text
        assert "学史增信" not in text
        await pilot.press(*"学史增信", "enter")
        await pilot.pause()
        assert "✓ Right" in screen_text(app)
        assert reviews(store) == [("slogan", 2, 1)]


async def test_undo_removes_the_answer_and_asks_again(make, bank, store):
    app = make(banks=[only(bank, "secretary", "memorial")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        first = screen.question
        await pilot.press("b")
        await pilot.pause()
        assert len(reviews(store)) == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert reviews(store) == []
        assert screen.question is first
        assert "✗" not in screen_text(app)


async def test_leaving_mid_session_keeps_answers_and_a_new_app_resumes(make, bank, store):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("a")  # the first new question is the choice one
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(reviews(store)) == 1
    again = make()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert store.bank_counts(bank).new == len(bank.questions) - 1
        row = again.screen.query_one("#banks").get_row_at(0)
        assert row[3] == len(bank.questions) - 1


async def test_h_shows_the_hint_on_an_option_question(make, bank, store):
    app = make(banks=[only(bank, "media")])
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("h")
        await pilot.pause()
        text = screen_text(app)
        assert "Hint: 全区□□、□□、□□、□□□□□开设" in text and "广播" not in text.split("Hint:")[1]
