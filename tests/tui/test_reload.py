"""Issue 6: a bank edited on disk is re-read when home is shown again; errors are shown, not a crash."""
from __future__ import annotations

import os

from support.tui import screen_text

from quiz.tui.screens.home import HomeScreen


def bank_text(n: int) -> str:
    return "bank:\n  id: edit\n  title: 编辑中的题库\nquestions:\n" + "".join(
        f"  - id: q{i}\n    type: fill\n    prompt: 第{i}题\n    answer: 答{i}\n" for i in range(n))


def write(path, text: str, bump: int) -> None:
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump * 1_000_000_000))  # a clearly newer mtime


async def visit_stats_and_come_back(pilot) -> HomeScreen:
    await pilot.press("t")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("escape")
    await pilot.pause()
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    await home.workers.wait_for_complete()
    await pilot.pause()
    return home


async def test_an_edited_bank_is_reloaded_broken_shown_fixed_and_deleted(make, tmp_path, store):
    path = tmp_path / "edit.yaml"
    write(path, bank_text(2), 0)
    other = tmp_path / "other.yaml"
    other.write_text(bank_text(1).replace("id: edit", "id: other").replace("编辑中的题库", "另一个"), encoding="utf-8")
    app = make(banks=[], bank_paths=[path, other])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        await home.workers.wait_for_complete()
        await pilot.pause()
        table = home.query_one("#banks")
        assert [b.id for b in app.library.banks()] == ["edit", "other"]
        assert table.get_row_at(0)[1:4] == [2, 0, 2]          # questions, due, new

        write(path, bank_text(3), 5)                           # a question added
        home = await visit_stats_and_come_back(pilot)
        assert table.get_row_at(0)[1:4] == [3, 0, 3]
        assert len(app.library.banks()[0].questions) == 3

        # broken: a markup-looking value on a bad line; shown as data with path:line:col
        write(path, bank_text(3) + '  - id: q9\n    type: "[b]fill[/b]"\n    prompt: x\n', 10)
        home = await visit_stats_and_come_back(pilot)
        assert [b.id for b in app.library.banks()] == ["other"]
        assert [e.path for e in app.library.entries() if e.bank is None] == [path]
        await pilot.press("down")
        await pilot.pause()
        assert home.selected() is None and home.selected_entry().path == path
        text = screen_text(app)
        assert "has errors" in text
        assert f"{path}:18:" in text                          # path:line:col of the first problem
        assert "[b]fill[/b]" in text                          # quoted literally, not styled
        await pilot.press("s")                                 # no session on a broken file
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        write(path, bank_text(4), 15)                          # fixed
        home = await visit_stats_and_come_back(pilot)
        assert not [e for e in app.library.entries() if not e.ok] and [b.id for b in app.library.banks()] == ["edit", "other"]  # back in its place
        assert table.get_row_at(0)[1] == 4
        assert "has errors" not in screen_text(app)

        await pilot.press("up", "up")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("escape")      # leave the session before answering
        await pilot.pause()
        path.unlink()                                          # deleted: gone from home, history kept
        home = await visit_stats_and_come_back(pilot)
        assert [b.id for b in app.library.banks()] == ["other"] and not [e for e in app.library.entries() if not e.ok]
        assert store.query("SELECT count(*) FROM cards WHERE bank_id = 'edit'")[0][0] == 4


async def test_a_new_bank_file_in_a_bank_folder_appears(make, tmp_path, store):
    folder = tmp_path / "banks"
    folder.mkdir()
    write(folder / "a.yaml", bank_text(1), 0)
    app = make(banks=[], bank_paths=[folder / "a.yaml"], bank_dirs=[folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert [b.id for b in app.library.banks()] == ["edit"]
        (folder / "b.yaml").write_text(bank_text(2).replace("id: edit", "id: added"), encoding="utf-8")
        await visit_stats_and_come_back(pilot)
        assert sorted(b.id for b in app.library.banks()) == ["added", "edit"]
