"""Pilot tests of the modes and the app around them: missed, challenge, exam, results, stats, language."""
from __future__ import annotations

import dataclasses

from support.tui import only, screen_text

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.screens.session import SessionScreen


def choice_bank(bank, n=3):
    """n copies of the choice question with distinct ids and sources (not siblings), options in the
    written order (right answer: A)."""
    q = bank.question("secretary")
    qs = tuple(dataclasses.replace(q, id=f"secretary-{i}", source=f"{q.source}（第{i}份）", shuffle=False)
               for i in range(n))
    return dataclasses.replace(bank, id="choices", questions=qs)


async def test_review_missed_until_empty(make, bank, store):
    b = choice_bank(bank, 2)
    app = make(banks=[b])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("b", "enter", "c", "enter")  # both wrong
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) or isinstance(app.screen, SessionScreen)
        await pilot.press("escape")
        await pilot.pause()
        if not isinstance(app.screen, ResultsScreen):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.bank_counts(b).missed == 2
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.progress[1] == 2
        await pilot.press("a", "enter", "a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert store.bank_counts(b).missed == 0
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # nothing missed: stays home with a note


async def test_results_key_reviews_the_missed_now(make, bank, store):
    b = choice_bank(bank, 2)
    app = make(banks=[b])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # default count: all (2)
        await pilot.pause()
        await pilot.press("b", "enter", "a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "1/2" in text and "50%" in text and "→ 吴英杰" in text
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.mode == "missed" and app.screen.session.progress[1] == 1


async def test_challenge_ends_at_the_first_wrong_answer_and_records_the_best_run(make, bank, store):
    b = choice_bank(bank, 5)
    app = make(banks=[b])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("a", "enter", "a", "enter", "b")
        await pilot.pause()
        assert "✗ Wrong" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.summary.answered == 3
        assert app.challenge_best() == 2
        assert app.challenge_best(["elsewhere"]) == 0
        assert "Best challenge run: 2" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Best challenge run: 2" in screen_text(app)   # home shows the selected bank's best


async def test_exam_with_a_chosen_count(make, bank, store):
    app = make(banks=[choice_bank(bank, 5)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        count = app.screen.query_one("#exam-count")
        count.value = "3"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.progress == (0, 3)
        assert "1 of 3" in screen_text(app)


async def test_flashcards_browse_any_question_as_a_card(make, bank, store):
    app = make(banks=[only(bank, "secretary")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert "吴英杰" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert store.query("SELECT rating FROM reviews") == [(1,)]


async def test_language_switch_changes_strings_and_is_remembered(make, bank, store):
    app = make(lang=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while not app.screen.query("Footer"):  # the footer is mounted after the first frame
            await pilot.pause()
        await pilot.pause()
        before = screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        after = screen_text(app)
        assert ("e Quiz" in before) != ("e Quiz" in after)
        assert ("e 测验" in before) != ("e 测验" in after)
        saved = app.ui_lang
    again = make(lang=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.ui_lang == saved


async def test_bank_text_is_never_markup(make, bank, store):
    q = dataclasses.replace(bank.question("secretary"), prompt="[b]粗体[/b] [@click=app.quit]退出[/] \x1b[31m红",
                            choices=("[red]吴英杰", "石角"), answers=("[red]吴英杰",))
    b = dataclasses.replace(bank, title="[@click=app.quit]题库[/]", questions=(q,))
    app = make(banks=[b])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[@click=app.quit]题库[/]" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert "[b]粗体[/b] [@click=app.quit]退出[/]" in text
        assert "\x1b" not in text
        await pilot.click("#prompt")
        await pilot.pause()
        assert app.is_running
        await pilot.press("a")
        await pilot.pause()
        assert "✓ Right" in screen_text(app)


async def test_stats_screen_after_answers(make, bank, store):
    app = make(banks=[only(bank, "secretary", "memorial")])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", "a")
        await pilot.pause()
        await pilot.press("escape", "escape", "t")
        await pilot.pause()
        text = screen_text(app)
        assert "Reviews 1" in text
        assert "Reviews per day" in text and "Due in the next 30 days" in text
        assert "█" in text  # today's cell of the heatmap


async def test_help_and_palette(make, bank, store):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "ctrl+q" in screen_text(app)
        rows = " ".join(str(label.render()) for label in app.screen.query(".help-row"))
        assert "ctrl+z" in rows and "Undo" in rows
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"challenge")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, SessionScreen) and app.screen.mode == "challenge"


async def test_banks_load_in_a_worker_with_progress(make, store):
    from support.tui import DATA

    app = make(banks=[], bank_paths=[DATA / "tui-bank.yaml", DATA / "missing.yaml"])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert [b.id for b in app.library.banks()] == ["tui-test"]
        assert not home.query_one("#loading").display


async def test_arrow_keys_choose_the_bank(make, bank, store):
    other = dataclasses.replace(bank, id="other", title="另一个题库")
    app = make(banks=[bank, other])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.selected_banks()[0].id == "tui-test"
        await pilot.press("down")
        await pilot.pause()
        assert app.selected_banks()[0].id == "other"
        assert "另一个题库" in str(app.screen.query_one("#bank-info").text)
