"""Home's light table (quiz/tui/widgets/rows.py): cursor keys, clicks, cut titles, literal cells, and no
DataTable before home's first frame (issue 11: the bank rows appear within 1.3x of a minimal app)."""
from __future__ import annotations

import subprocess
import sys

from textual.app import App, ComposeResult

from quiz.tui.widgets.rows import RowTable

HEADERS = ["题库", "题数", "到期"]
ROWS = [[f"题库{i}", i * 10, i] for i in range(12)]


class TableApp(App):
    def __init__(self, rows=ROWS) -> None:
        super().__init__()
        self.rows = rows
        self.highlighted: list[int] = []
        self.chosen: list[int] = []

    def compose(self) -> ComposeResult:
        yield RowTable(id="t")

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.styles.max_height = 6
        table.set_table(HEADERS, self.rows)
        table.focus()

    def on_row_table_highlighted(self, message: RowTable.Highlighted) -> None:
        self.highlighted.append(message.row)

    def on_row_table_chosen(self, message: RowTable.Chosen) -> None:
        self.chosen.append(message.row)


def lines(table: RowTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_keys_move_the_cursor_and_enter_chooses():
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 1
        await pilot.press("up", "up")  # stops at the first row
        assert table.cursor_row == 0
        await pilot.press("pagedown")
        assert table.cursor_row == table.size.height - 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.chosen == [table.cursor_row]
        assert app.highlighted[-1] == table.cursor_row


async def test_the_cursor_row_stays_in_view_under_a_fixed_header():
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RowTable)
        for _ in range(11):
            await pilot.press("down")
        await pilot.pause()
        shown = lines(table)
        assert shown[0].split()[:2] == ["题库", "题数"]  # the header never scrolls away
        assert shown[-1].split()[0] == "题库11"
        await pilot.press("pageup", "pageup", "pageup")
        await pilot.pause()
        assert lines(table)[1].split()[0] == "题库0"


async def test_a_click_moves_the_cursor_and_a_second_click_chooses():
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RowTable)
        await pilot.click(RowTable, offset=(3, 3))  # line 3: the header, row 0, row 1, row 2
        assert table.cursor_row == 2 and app.chosen == []
        await pilot.click(RowTable, offset=(3, 3))
        await pilot.pause()
        assert app.chosen == [2]
        await pilot.click(RowTable, offset=(3, 0))  # the header chooses nothing
        await pilot.pause()
        assert table.cursor_row == 2 and app.chosen == [2]


async def test_long_titles_are_cut_to_the_width_and_numbers_right_aligned():
    rows = [["西藏自治区深入推进党史学习教育发扬红色传统凝聚奋进力量", 38, 0], ["短", 9, 12]]
    app = TableApp(rows)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        shown = lines(table)
        assert not table.show_horizontal_scrollbar and table.max_scroll_x == 0  # the title gives way instead
        assert all(len(line) <= 30 for line in shown)
        assert "…" in shown[1] and shown[1].rstrip().endswith("  38     0")
        assert shown[2].rstrip().endswith("   9    12")


async def test_cells_are_literal_text():
    rows = [["[b]粗体[/b] [@click=app.quit]点我[/]\x1b[31m", 1, 2]]
    app = TableApp(rows)
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        row = lines(app.query_one(RowTable))[1]
        assert "[b]粗体[/b] [@click=app.quit]点我[/]" in row and "\x1b" not in row


def test_home_does_not_load_datatable_before_its_first_frame(tmp_path):
    """DataTable (a large module with its own stylesheet) stays out of home's start: stats, leeches and
    results load it when they open."""
    code = (
        "import sys, random\n"
        "from datetime import UTC, datetime\n"
        "from pathlib import Path\n"
        "from quiz.core.store import Store\n"
        "from quiz.tui.app import make_app\n"
        "from quiz.core.banks.library import shipped_dirs, find_bank_files\n"
        "async def main():\n"
        "    clock = lambda: datetime(2026, 1, 1, tzinfo=UTC)\n"
        f"    store = Store.open(Path({str(tmp_path)!r}), clock=clock)\n"
        "    app = make_app(store, clock, random.Random(1), bank_paths=find_bank_files(shipped_dirs()))\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert app.screen.query_one('#banks').row_count >= 1\n"
        "        print('textual.widgets._data_table' in sys.modules)\n"
        "import asyncio; asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
