"""The import layers and the one-home rules, read from the source (no imports run):

  quiz.core      imports nothing of quiz outside quiz.core, nor textual/rich;
  quiz.tui       never imports plain mode or the CLI commands;
  quiz.plain     never imports the app;
  no module imports another module's private (_name) names;
  outside quiz.core no code compares a question's type with a string (the rules live in
  quiz.core.qtype), and no code outside quiz.core.store runs SQL."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quiz"


def modules() -> list[tuple[str, Path, ast.Module]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        out.append((name, path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return out


MODULES = modules()


def imports(tree: ast.Module) -> list[tuple[str, list[str], int]]:
    """(module, names, line) of every import, at any depth (lazy imports inside functions too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names], node.lineno))
    return found


def under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


RULES = [  # (importer package, forbidden packages)
    ("quiz.core", ("quiz.tui", "quiz.commands", "quiz.plain", "quiz.cli", "quiz.i18n", "textual", "rich")),
    ("quiz.tui", ("quiz.plain", "quiz.commands")),
    ("quiz.plain", ("quiz.tui", "textual")),
]


@pytest.mark.parametrize("importer,forbidden", RULES, ids=[r[0] for r in RULES])
def test_import_layers(importer, forbidden):
    bad = [f"{path.relative_to(ROOT)}:{line}: imports {mod}"
           for name, path, tree in MODULES if under(name, importer)
           for mod, _names, line in imports(tree) if any(under(mod, f) for f in forbidden)]
    assert bad == []


def test_the_layer_check_sees_lazy_imports():
    tree = ast.parse("def f():\n    from quiz.tui.app import make_app\n")
    assert [m for m, _, _ in imports(tree)] == ["quiz.tui.app"]


def test_no_private_names_cross_modules():
    bad = [f"{path.relative_to(ROOT)}:{line}: from {mod} import {n}"
           for _name, path, tree in MODULES
           for mod, names, line in imports(tree) if under(mod, "quiz")
           for n in names if n.startswith("_") and not n.startswith("__")]
    assert bad == []


def _type_string_compares(tree: ast.Module) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        has_type = any(isinstance(s, ast.Attribute) and s.attr == "type" for s in sides)
        strings = any(isinstance(s, ast.Constant) and isinstance(s.value, str) for s in sides) or any(
            isinstance(s, (ast.Tuple, ast.List, ast.Set)) and any(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in s.elts) for s in sides)
        if has_type and strings:
            lines.append(node.lineno)
    return lines


def test_question_types_are_compared_only_in_core():
    bad = [f"{path.relative_to(ROOT)}:{line}" for name, path, tree in MODULES if not under(name, "quiz.core")
           for line in _type_string_compares(tree)]
    assert bad == []
    assert _type_string_compares(ast.parse("ok = q.type == 'fill'")) == [1]  # the check can fail


def test_sql_runs_only_in_the_store():
    bad = [f"{path.relative_to(ROOT)}" for name, path, _tree in MODULES
           if not under(name, "quiz.core.store") and ("import sqlite3" in path.read_text(encoding="utf-8")
                                                      or ".execute(" in path.read_text(encoding="utf-8"))]
    assert bad == []
