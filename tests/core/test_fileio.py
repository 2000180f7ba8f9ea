from __future__ import annotations

import os
import stat

import pytest

from quiz.core.fileio import write_output


def test_regular_file_replaced_whole(tmp_path):
    p = tmp_path / "out.yaml"
    p.write_text("old", encoding="utf-8")
    write_output(p, "新内容")
    assert p.read_text(encoding="utf-8") == "新内容"
    assert os.listdir(tmp_path) == ["out.yaml"]


def test_symlink_is_kept_and_its_target_written(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_output(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_devices_are_written_not_replaced():
    write_output("/dev/null", "x" * 100_000)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_no_overwrite(tmp_path):
    p = tmp_path / "b.yaml"
    write_output(p, "one", overwrite=False)
    with pytest.raises(FileExistsError):
        write_output(p, "two", overwrite=False)
    assert p.read_text(encoding="utf-8") == "one" and os.listdir(tmp_path) == ["b.yaml"]


def test_missing_folder_raises_oserror_and_leaves_nothing(tmp_path):
    with pytest.raises(OSError):
        write_output(tmp_path / "nope" / "x.json", "x")
    assert os.listdir(tmp_path) == []


def test_read_input_is_bounded(tmp_path):
    from quiz.core.fileio import TooLarge, read_input

    p = tmp_path / "a.txt"
    p.write_bytes(b"x" * 10)
    assert read_input(p, 10) == b"x" * 10
    with pytest.raises(TooLarge):
        read_input(p, 9)
    with pytest.raises(TooLarge):
        read_input("/dev/zero", 1024)  # endless input is refused, not read forever


def test_a_replaced_file_keeps_its_mode_also_through_a_symlink(tmp_path):
    import os
    import stat

    secret = tmp_path / "secret.txt"
    secret.write_text("old", encoding="utf-8")
    os.chmod(secret, 0o600)
    link = tmp_path / "link.txt"
    link.symlink_to(secret)
    write_output(link, "new")
    assert link.is_symlink() and secret.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
