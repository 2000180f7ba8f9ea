"""Text reaches the app's widgets only literally (issue 12: a bank title read as markup became a live
`[@click=app.screenshot(...)]` link). Read from the source, no app runs:

  every text widget of quiz/tui comes from quiz.tui.safe or .safe_table (Label, Static, DataTable never
  read markup);
  the few textual widgets used directly take catalog text only (Button/Checkbox labels: t("key"));
  nothing under quiz/tui builds Content or Text from markup, or asks for markup=True.
tests/reliability/test_hostile_screens.py renders every screen from a hostile bank."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUI = ROOT / "quiz" / "tui"
SAFE = (TUI / "safe.py", TUI / "safe_table.py")  # the modules that wrap textual's text widgets
# textual widgets that never show a caller's text, or show catalog text only (checked below)
DIRECT = {"Footer", "Input", "ProgressBar", "Button", "Checkbox"}
CATALOG_ONLY = {"Button", "Checkbox"}
MARKUP_CALLS = {"from_markup", "from_text", "from_rich_text"}


def sources() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in sorted(TUI.rglob("*.py")) if p not in SAFE]


def problems(path: Path, tree: ast.Module) -> list[str]:
    rel = path.relative_to(ROOT)
    found = []
    direct: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual.widgets"):
            for alias in node.names:
                if alias.name not in DIRECT:
                    found.append(f"{rel}:{node.lineno}: {alias.name} from textual.widgets (use quiz.tui.safe)")
                direct.add(alias.asname or alias.name)
        if isinstance(node, ast.Attribute) and node.attr in MARKUP_CALLS:
            found.append(f"{rel}:{node.lineno}: .{node.attr} reads markup")
        if isinstance(node, ast.keyword) and node.arg == "markup" and not (
                isinstance(node.value, ast.Constant) and node.value.value is False):
            found.append(f"{rel}:{node.value.lineno}: markup= other than False")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CATALOG_ONLY \
                and node.func.id in direct and node.args:
            first = node.args[0]
            if not (isinstance(first, ast.Call) and isinstance(first.func, ast.Name) and first.func.id == "t"
                    and not first.keywords and all(isinstance(a, ast.Constant) for a in first.args)):
                found.append(f"{rel}:{node.lineno}: {node.func.id} label must be t('key') (catalog text)")
    return found


def test_text_widgets_come_from_the_safe_module():
    bad = [p for path, tree in sources() for p in problems(path, tree)]
    assert bad == []


def test_the_check_can_fail():
    tree = ast.parse("from textual.widgets import Label, Button\nfrom textual.content import Content\n"
                     "x = Content.from_markup(title)\nButton(bank.title)\nself.notify(m, markup=True)\n")
    found = problems(TUI / "x.py", tree)
    assert len(found) == 4, found
