"""Home renders the app's bank library: conflicts are listed (never hidden), row keys are not user data."""
from __future__ import annotations

from support.tui import screen_text

from quiz.tui.screens.home import HomeScreen


def bank_yaml(bank_id: str, title: str) -> str:
    return (f"bank:\n  id: '{bank_id}'\n  title: {title}\nquestions:\n"
            "  - id: q1\n    type: fill\n    prompt: 第一题 ____\n    answer: 答案\n")


async def test_a_bank_with_the_id_of_another_is_listed_marked_and_not_studied(make, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "x.yaml").write_text(bank_yaml("same", "原版题库"), encoding="utf-8")
    (b / "x.yaml").write_text(bank_yaml("same", "老师的副本"), encoding="utf-8")
    app = make(banks=[], bank_paths=[a / "x.yaml", b / "x.yaml"], lang="zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        text = screen_text(app)
        assert "原版题库" in text and "老师的副本" in text
        await pilot.press("down")
        await pilot.pause()
        assert home.selected() is None and home.selected_entry().conflict == a / "x.yaml"
        assert "same-2" in screen_text(app)
        await pilot.press("s")  # refused: still on home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_bank_ids_that_look_like_row_keys_do_not_collide(make, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("bank: [", encoding="utf-8")
    for i, bank_id in enumerate((f"error:{broken}", "row-0", "row-1")):
        (tmp_path / f"b{i}.yaml").write_text(bank_yaml(bank_id, f"题库{i}"), encoding="utf-8")
    paths = [broken] + [tmp_path / f"b{i}.yaml" for i in range(3)]
    app = make(banks=[], bank_paths=paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert [b.title for b in app.library.banks()] == ["题库0", "题库1", "题库2"]
        assert len(app.library.entries()) == 4
