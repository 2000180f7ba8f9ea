"""quiz/core is pure: importing any of it never imports textual; the CLI paths that
do not show the app never import it either; importing does not touch the disk."""
from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import quiz.core

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(quiz.core.__path__, "quiz.core."))


def _run(code: str, cwd=ROOT, env=None) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_core_never_imports_textual():
    mods = core_modules()
    assert len(mods) > 10
    code = ("import importlib, sys, json\n"
            f"for m in {mods!r}: importlib.import_module(m)\n"
            "print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'rich'))))")
    assert json.loads(_run(code)) == []


def test_validate_and_export_do_not_import_textual():
    code = ("import sys, json, io, contextlib\n"
            "from quiz.cli import main\n"
            "buf = io.StringIO()\n"
            "with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):\n"
            "    rc1 = main(['validate', 'banks/tutorial.yaml'])\n"
            "    rc2 = main(['export', 'banks/tutorial.yaml', '--format', 'json'])\n"
            "print(json.dumps([rc1, 'textual' in sys.modules]))")
    assert json.loads(_run(code)) == [0, False]


def test_import_has_no_side_effects(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "cfg"),
           "PATH": "/usr/bin:/bin"}
    mods = [m for m in core_modules()] + ["quiz.cli", "quiz.tui.app"]
    _run("import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in mods), env=env)
    assert list(home.iterdir()) == []
