"""pyproject lists its packages by hand (so banks/ can install as quiz/banks): keep the list whole."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "quiz").rglob("__init__.py")}
    assert set(conf["packages"]) == found | {"quiz.banks"}
    assert conf["package-dir"]["quiz.banks"] == "banks"
