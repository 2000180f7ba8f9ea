"""End to end: the real `quiz` in tmux — keys by send-keys, the screen by capture-pane,
then `quiz stats --json` shows the answers stored."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

QUIZ = Path(sys.executable).parent / "quiz"
DATA = Path(__file__).parent / "data"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None or not QUIZ.exists(), reason="needs tmux and quiz")


class Tmux:
    def __init__(self, cwd: Path, command: list[str], env: dict[str, str]) -> None:
        self.socket = f"quiz-e2e-{uuid.uuid4().hex[:8]}"
        self.env = env
        cmd = " ".join(_quote(c) for c in command)
        self._tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "-c", str(cwd), cmd)

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True,
                              env=self.env).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "e2e")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "e2e", key)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen:\n{screen}")
            time.sleep(0.1)

    def alive(self) -> bool:
        return subprocess.run(["tmux", "-L", self.socket, "has-session", "-t", "e2e"], capture_output=True,
                              env=self.env).returncode == 0

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self.env)


def _quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def test_real_quiz_in_tmux_stores_answers(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "TERM": "xterm-256color"}
    env.pop("QUIZ_DATA_DIR", None)
    marker = tmp_path / "exited"
    # keep the pane open after quiz exits so its last screen and exit code can be read
    shell = f"{_quote(str(QUIZ))} --data-dir {_quote(str(data))} --bank-dir {_quote(str(DATA))}; " \
            f"echo $? > {_quote(str(marker))}; sleep 30"
    tmux = Tmux(tmp_path, ["sh", "-c", shell], env)
    try:
        home = tmux.wait_for("西藏自治区党史学习教育（界面测试）")
        assert "题库" in home and "新题" in home
        tmux.keys("End")  # rows: shipped banks first, then --bank-dir; go to the last row
        tmux.wait_for("界面测试用题库")
        tmux.keys("f")
        tmux.wait_for("空格翻面")
        tmux.keys("Space")
        tmux.wait_for("1 重来")
        tmux.keys("3")
        tmux.wait_for("第 2/")
        tmux.keys("Space", "1")
        tmux.wait_for("第 3/")
        tmux.keys("Escape")
        results = tmux.wait_for("本次成绩")
        assert "作答 2   正确 1" in results and "正确率 50%" in results
        tmux.keys("Escape")
        tmux.wait_for("题库")
        tmux.keys("C-q")
        deadline = time.monotonic() + 10
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marker.read_text().strip() == "0"
    finally:
        tmux.kill()
    out = subprocess.run([str(QUIZ), "stats", "--json", "--data-dir", str(data)], capture_output=True, text=True,
                         env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert stats["reviews"] == 2
