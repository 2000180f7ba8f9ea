"""TUI speed: launch to home's bank rows in tmux (vs a minimal one-line Textual app's first text, in the
same run), and key press to feedback on screen (pilot timing, including the durable write of the answer)."""
from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable
from datetime import UTC
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUIZ = Path(sys.executable).parent / "quiz"
MINIMAL = '''
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("MINIMAL-READY")

Minimal().run()
'''
RUNS = int(os.environ.get("QUIZ_BENCH_RUNS", "15"))  # launch times spread widely on a small machine: more runs, a steadier median
FIRST_ROW = "教程：西藏党史学习教育"  # the title of home's first bank row (the shipped tutorial bank)


def _tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True).stdout


def _launch(socket: str, command: str, markers: tuple[str, ...], cwd: str, env: dict) -> list[float]:
    """Seconds from starting `command` in a tmux window until each of `markers` is on its screen (one
    launch measures them all: separate launches in a row would favour whichever comes second)."""
    name = uuid.uuid4().hex[:6]
    t0 = time.perf_counter()
    subprocess.run(["tmux", "-L", socket, "new-window", "-d", "-n", name, "-c", cwd, command], env=env, check=True)
    deadline = t0 + 30
    found: dict[str, float] = {}
    while time.perf_counter() < deadline and len(found) < len(markers):
        screen = _tmux(socket, "capture-pane", "-p", "-t", name)
        now = time.perf_counter() - t0
        for m in markers:
            if m not in found and m in screen:
                found[m] = now
        time.sleep(0.005)
    _tmux(socket, "kill-window", "-t", name)
    return [found.get(m, float("nan")) for m in markers]


def launch_lines() -> Iterable[str]:
    if shutil.which("tmux") is None:
        yield "launch: skipped (no tmux)"
        return
    tmp = Path(tempfile.mkdtemp(prefix="quiz-bench-"))
    minimal = tmp / "minimal.py"
    minimal.write_text(MINIMAL, encoding="utf-8")
    socket = f"quiz-bench-{uuid.uuid4().hex[:6]}"
    # PYTHONPATH: the `quiz` of this checkout, whatever checkout the virtualenv's editable install names
    env = {**os.environ, "LANG": "en_US.UTF-8", "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
    # byte-compiled modules, as on a learner's machine: the warm-up launches write them (under
    # PYTHONDONTWRITEBYTECODE every launch would compile this checkout's sources and rich's CJK width
    # tables again, which a minimal app of ASCII text never loads)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "bench", "-x", "100", "-y", "30"], env=env,
                   check=True)
    try:
        quiz_cmd = f"{QUIZ} --data-dir {tmp / 'data'} --lang en"
        base_cmd = f"{sys.executable} {minimal}"
        # warm up both (file cache, the database is created on the first run)
        _launch(socket, base_cmd, ("MINIMAL-READY",), str(tmp), env)
        _launch(socket, quiz_cmd, ("Banks",), str(tmp), env)
        base, rows, info = [], [], []
        for _ in range(RUNS):  # interleaved, so that the machine's load hits both alike
            base += _launch(socket, base_cmd, ("MINIMAL-READY",), str(tmp), env)
            r, i = _launch(socket, quiz_cmd, (FIRST_ROW, "Source:"), str(tmp), env)
            rows.append(r)
            info.append(i)
    finally:
        _tmux(socket, "kill-server")
        shutil.rmtree(tmp, ignore_errors=True)
    b, r, i = statistics.median(base), statistics.median(rows), statistics.median(info)
    yield f"launch: minimal textual app {b * 1000:.0f} ms (median of {RUNS})"
    yield f"launch: quiz home with its bank rows {r * 1000:.0f} ms, ratio {r / b:.2f}x (goal <= 1.3x)"
    yield f"launch: quiz home with the selected bank's source line {i * 1000:.0f} ms, ratio {i / b:.2f}x"


async def _feedback_times(count: int) -> tuple[list[float], list[float]]:
    import random
    from datetime import datetime

    from textual import events

    from quiz.core.model import Bank, Question
    from quiz.core.store import Store
    from quiz.tui.app import make_app

    questions = tuple(Question(id=f"q{i}", type="choice", prompt=f"第{i}题：西藏自治区党委书记是谁？",
                               answers=("吴英杰",), choices=("吴英杰", "石角", "白玛赤林", "齐扎拉"))
                      for i in range(count))
    bank = Bank(id="bench", title="基准", questions=questions)
    clock = lambda: datetime.now(UTC)  # noqa: E731
    with tempfile.TemporaryDirectory() as d:
        store = Store.open(Path(d), clock=clock)
        app = make_app(store, clock, random.Random(1), banks=[bank], lang="en")
        feedback, write = [], []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one("#exam-count").value = str(count)
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            session = screen.session
            original = session.answer

            def timed_answer(*a, **kw):
                t = time.perf_counter()
                try:
                    return original(*a, **kw)
                finally:
                    write.append(time.perf_counter() - t)

            session.answer = timed_answer
            panel = screen.query_one("#feedback")
            for _ in range(count):
                await pilot.pause()
                t0 = time.perf_counter()
                # the key goes in as a terminal would deliver it (pilot.press adds its own idle waits)
                app.post_message(events.Key("a", "a"))
                while not (panel.display and panel.region.height > 0 and panel.children
                           and all(c.region.height for c in panel.children)):
                    await asyncio.sleep(0.0005)
                feedback.append(time.perf_counter() - t0)
                await pilot.press("enter")
        store.close()
    return feedback, write


def feedback_lines() -> Iterable[str]:
    count = 40
    feedback, write = asyncio.run(_feedback_times(count))
    feedback.sort()
    p95 = feedback[int(len(feedback) * 0.95) - 1]
    yield (f"key to feedback laid out: median {statistics.median(feedback) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
           f"over {count} answers (goal <= 50 ms); of which the durable write "
           f"median {statistics.median(write) * 1000:.1f} ms")


def run() -> Iterable[str]:
    yield from launch_lines()
    yield from feedback_lines()


if __name__ == "__main__":
    for line in run():
        print(line)
