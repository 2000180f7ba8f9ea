"""Start options, settings, time limits, bank discovery and the text listing of `quiz` without a terminal."""
from __future__ import annotations

import argparse
import asyncio

from support.tui import only, screen_text

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.session import SessionScreen


async def test_quiz_study_opens_the_session_at_once_and_escape_goes_home(make, bank):
    app = make(start="study")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.mode == "study"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_start_in_another_mode_with_session_options(make, bank):
    app = make(start="exam", session_options={"count": 2, "fuzz": False})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.mode == "exam" and app.screen.session.progress == (0, 2)


async def test_theme_is_remembered(make, store):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert store.get_setting("tui.theme") == "nord"
    again = make()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_time_limit_per_question_records_the_question_as_not_answered(make, bank, store, clock):
    app = make(banks=[only(bank, "secretary")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#exam-limit").value = "1"
        await pilot.press("enter")
        await pilot.pause()
        assert "⏱" in screen_text(app)
        clock.advance(seconds=2)      # the app's clock: the timers read it, no waiting
        app.screen._tick()
        await pilot.pause()
        text = screen_text(app)
        assert "Time ran out: not answered" in text and "✗ Wrong" not in text and "Your answer" not in text
        assert store.query("SELECT correct FROM reviews") == [(0,)]


def test_bank_files_from_cwd_shipped_and_bank_dirs(tmp_path):
    from quiz.tui.run import bank_files, shipped_bank_dirs

    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "mine.yaml").write_text("bank: {id: a, title: A}\nquestions: []\n", encoding="utf-8")
    (tmp_path / "banks" / "notes.txt").write_text("x", encoding="utf-8")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "more.yml").write_text("bank: {id: b, title: B}\nquestions: []\n", encoding="utf-8")
    files = bank_files([str(extra), str(extra)], cwd=tmp_path)
    names = [f.name for f in files]
    assert names[0] == "mine.yaml" and names[-1] == "more.yml"
    assert "notes.txt" not in names and names.count("more.yml") == 1
    shipped = {f.resolve() for d in shipped_bank_dirs() for f in d.glob("*.yaml")}
    assert shipped <= {f.resolve() for f in files}


def test_quiz_without_a_terminal_lists_banks_as_text(tmp_path, capsys, monkeypatch):
    from quiz.commands import home

    monkeypatch.chdir(tmp_path)
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "bad.yaml").write_text("bank: [\n", encoding="utf-8")
    data = tmp_path.parent / "tui-data-copy.yaml"
    from pathlib import Path

    data.write_text((Path(__file__).parent / "data" / "tui-bank.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    args = argparse.Namespace(bank_dir=[str(data.parent)], data_dir=str(tmp_path / "d"), lang=None)
    assert home.run(args) == 0
    out = capsys.readouterr().out
    assert "tui-test\t西藏自治区党史学习教育（界面测试）\t7 questions" in out
    assert "bad.yaml:" in out


async def test_a_10k_bank_loads_in_a_worker_while_the_home_screen_shows_progress(make, tmp_path):
    lines = ["bank:\n  id: big\n  title: 大题库\nquestions:\n"]
    for i in range(10_000):
        lines.append(f"  - id: q{i}\n    type: truefalse\n    prompt: 第{i}题：西藏百万农奴解放纪念馆在拉萨。\n"
                     f"    answer: true\n")
    path = tmp_path / "big.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    app = make(banks=[], bank_paths=[path])
    async with app.run_test(size=(80, 24)) as pilot:
        # no pilot.pause() here: it waits for the process to go idle, i.e. for the load to end
        home = app.screen
        loading = home.query_one("#loading")
        assert loading.display and "Loading banks" in str(loading.render())
        app.action_help()  # the UI answers meanwhile
        await asyncio.sleep(0.05)
        assert type(app.screen).__name__ == "HelpScreen"
        assert not app.library.banks()  # still loading
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [b.id for b in app.library.banks()] == ["big"]
        assert home.query_one("#banks").get_row_at(0)[1] == 10_000
        assert not loading.display
