"""A quiz that can't be passed without knowing the facts (issue 11), in the app: shuffled options, siblings,
no undo in contests, timers that stop behind other screens, honest counts, leaving only by q / ctrl+q."""
from __future__ import annotations

import dataclasses
import random

from support.tui import only, right_key, screen_text, start, wrong_key

from quiz.core.model import Question
from quiz.tui.app import make_app
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.screens.session import SessionScreen


def notes(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def start_exam(pilot, *, limit="0", total="0"):
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    pilot.app.screen.query_one("#exam-limit").value = limit
    pilot.app.screen.query_one("#exam-total").value = total
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


def siblings(bank):
    """secretary and a fill question cut from the same sentence (its answer is in the other's source)."""
    q = bank.question("secretary")
    fill = Question("secretary-fill", "fill", "自治区党委书记____在动员大会上强调……", ("吴英杰",), source=q.source)
    return dataclasses.replace(bank, id="sib", questions=(q, fill))


# ---- options ---------------------------------------------------------------------------------------

async def orders(store, clock, bank, seeds):
    seen = set()
    for seed in seeds:
        app = make_app(store, clock, random.Random(seed), banks=[bank], lang="en", session_options={"fuzz": False})
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await start(pilot)
            seen.add(tuple(screen.input_widget.items))
    return seen


async def test_choice_options_come_in_a_fresh_order_from_the_apps_rng(store, clock, bank):
    seen = await orders(store, clock, only(bank, "secretary"), range(6))
    assert len(seen) > 2 and all(sorted(o) == sorted(bank.question("secretary").choices) for o in seen)


async def test_shuffle_false_keeps_the_written_order(store, clock, bank):
    q = dataclasses.replace(bank.question("media"), shuffle=False)
    seen = await orders(store, clock, dataclasses.replace(bank, questions=(q,)), range(4))
    assert seen == {q.choices}


# ---- siblings ------------------------------------------------------------------------------------------

async def test_a_session_never_shows_two_siblings_and_says_why_it_ended(make, bank, store):
    app = make(banks=[siblings(bank)])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert "1 of 1" in screen_text(app)
        await pilot.press(right_key(app), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "1 more questions come from the same sentence" in screen_text(app)
        assert screen.session.summary().questions == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")      # the sibling is buried until tomorrow
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "share a sentence with one answered today" in notes(app)


# ---- contests: no undo; timers --------------------------------------------------------------------

async def test_ctrl_z_cannot_revive_a_lost_challenge(make, bank, store):
    app = make(banks=[only(bank, "secretary", "media")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, "c")
        assert "Undo" not in screen_text(app)             # not in the footer
        if screen.question.type == "multi":
            await pilot.press(wrong_key(app), "enter")
        else:
            await pilot.press(wrong_key(app))
        await pilot.pause()
        assert "✗ Wrong" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.review_count() == 1 and screen.answered
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_the_question_timer_stops_while_help_or_the_palette_is_open(make, bank, store, clock):
    app = make(banks=[only(bank, "slogans")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_exam(pilot, limit="5")
        clock.advance(seconds=3)
        screen._tick()
        await pilot.press("question_mark")            # help over the question
        await pilot.pause()
        clock.advance(seconds=60)
        screen._tick()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")                   # the command palette
        await pilot.pause()
        clock.advance(seconds=60)
        screen._tick()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and not screen.answered and store.review_count() == 0
        assert screen.elapsed() == 3                      # 3 s, not 123 s
        clock.advance(seconds=3)
        screen._tick()
        await pilot.pause()
        text = screen_text(app)
        assert "Time ran out: not answered" in text      # said so; the untouched order is not judged
        assert "Out of order" not in text and "✗ Wrong" not in text
        assert store.query("SELECT correct FROM reviews") == [(0,)]


async def test_the_total_timer_ends_the_quiz_without_judging_the_open_question(make, bank, store, clock):
    app = make(banks=[only(bank, "secretary", "media")])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_exam(pilot, total="1")
        await pilot.press("question_mark")
        await pilot.pause()
        clock.advance(seconds=120)
        screen._tick()
        assert store.review_count() == 0
        await pilot.press("escape")
        await pilot.pause()
        clock.advance(seconds=61)
        screen._tick()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and store.review_count() == 0


# ---- counts ------------------------------------------------------------------------------------------------

async def test_misses_coming_back_are_counted_apart_and_results_separate_answered_and_right(make, bank, store):
    app = make(banks=[only(bank, "slogan", "person")])
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert "1 of 2" in screen_text(app)
        await pilot.press(*"不知道", "enter")            # wrong: comes back in a minute
        await pilot.pause()
        assert "1 of 2" in screen_text(app) and "1 coming back" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "2 of 2" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Answered 1   Right 0" in text


async def test_a_tag_session_counts_only_its_questions(make, bank):
    app = make(session_options={"fuzz": False, "tags": ["口号"]})
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert "1 of 2" in screen_text(app)


# ---- home ----------------------------------------------------------------------------------------------

async def test_escape_on_home_does_not_quit_q_does(make, bank):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, HomeScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_new_shows_what_todays_limit_allows_and_nothing_to_do_says_when_and_how(make, bank, store, clock):
    many = dataclasses.replace(bank, id="many", questions=tuple(
        Question(f"q{i}", "fill", f"第{i}题", (f"答{i}",)) for i in range(25)))
    app = make(banks=[many])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#banks").get_row_at(0)[3] == 20      # New: today's limit, not 25
        screen = await start(pilot)
        for _i in range(20):
            q = screen.question
            await pilot.press(*q.answer, "enter")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape")
        await pilot.pause()
        row = app.screen.query_one("#banks").get_row_at(0)
        assert (row[2], row[3]) == (0, 0)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "The next card is due" in notes(app) and "Press a to study ahead" in notes(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.session.progress == (0, 20)


# ---- help ----------------------------------------------------------------------------------------------

async def test_no_help_line_is_cut(make):
    for size in ((80, 24), (120, 40)):
        for lang in ("zh", "en"):
            app = make(lang=lang)
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                await pilot.press("question_mark")
                await pilot.pause()
                box = app.screen.query_one("#help").content_region
                for row in app.screen.query(".help-row"):
                    assert row.region.right <= box.right, (size, lang, row.text)
                    lines = row.lines(row.size.width)
                    shown = "".join(line.plain.strip() for line in lines).replace(" ", "")
                    assert shown == row.text.replace(" ", ""), (size, lang, row.text)


async def test_bank_errors_on_the_chinese_home_are_in_chinese(make, bank, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("bank:\n  id: b\n  title: 坏\nquestions:\n  - id: a\n    type: choise\n    prompt: 谁？\n",
                      encoding="utf-8")
    app = make(banks=[bank], bank_paths=[broken], lang="zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        text = screen_text(app)
        assert "未知的题型" in text and "（是不是要写 'choice'？）" in text and "unknown question type" not in text
