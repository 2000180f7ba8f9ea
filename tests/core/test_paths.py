"""Where quiz keeps its files: folders it makes are the owner's alone, a broken link is named."""
from __future__ import annotations

import os
import stat

import pytest

from quiz.core.paths import ensure_dir


def test_missing_parents_are_made_0700_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        ensure_dir(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    for p in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(p.stat().st_mode) == 0o700, p


def test_an_existing_folder_is_left_alone(tmp_path):
    os.chmod(tmp_path, 0o755)
    ensure_dir(tmp_path)
    ensure_dir(tmp_path / "x")
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


@pytest.mark.parametrize("target,words", [("/nonexistent/quiz-data", "points to /nonexistent/quiz-data, which does not"),
                                          (None, "loops back on itself")])
def test_a_symlink_that_leads_nowhere_is_said_to_be_one(tmp_path, target, words):
    link = tmp_path / "data"
    link.symlink_to(target or link)
    with pytest.raises(NotADirectoryError) as e:
        ensure_dir(link)
    assert words in str(e.value) and "File exists" not in str(e.value)
