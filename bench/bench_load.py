"""Loading + validating banks vs a plain yaml.load(CSafeLoader) of the same file (issue 2).

Targets: 10k questions at most 0.35x the plain load; 100k peak RSS at most 10x the file size."""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bankgen import big_bank_text

_RSS = """
import json, sys
import yaml

def hwm_kb():  # peak RSS of this process image (ru_maxrss would include the parent's, inherited by fork)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

path, how = sys.argv[1], sys.argv[2]
if how == "quiz":
    from quiz.core.banks.loader import load_path
    base = hwm_kb()
    r = load_path(path); assert r.ok, r.problems[:3]
else:
    base = hwm_kb()
    with open(path, encoding="utf-8") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
peak = hwm_kb()
print(json.dumps({"peak_kb": peak, "base_kb": base}))
"""


def _median_time(fn, runs: int) -> float:
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def run():
    import yaml

    from quiz.core.banks.loader import load_path

    with tempfile.TemporaryDirectory() as d:
        for n, runs in ((10_000, 5), (100_000, 1)):
            path = Path(d) / f"bank{n}.yaml"
            path.write_text(big_bank_text(n), encoding="utf-8")
            size = path.stat().st_size

            def plain():
                with open(path, encoding="utf-8") as f:
                    yaml.load(f, Loader=yaml.CSafeLoader)

            def ours():
                r = load_path(path)
                assert r.ok, r.problems[:3]

            # interleave to share the machine's noise
            tp = _median_time(plain, runs)
            tq = _median_time(ours, runs)
            yield (f"{n:>7} questions ({size / 1e6:.1f} MB): yaml.load CSafeLoader {tp * 1000:.0f} ms, "
                   f"quiz load+validate {tq * 1000:.0f} ms, ratio {tq / tp:.2f}x (goal <= 0.35x)")
            if n >= 100_000:
                for how in ("quiz", "plain"):
                    out = subprocess.run([sys.executable, "-c", _RSS, str(path), how], capture_output=True,
                                         text=True, check=True)
                    m = json.loads(out.stdout)
                    label = "quiz load" if how == "quiz" else "yaml.load"
                    yield (f"{n:>7} questions: {label} peak RSS {m['peak_kb'] / 1024:.0f} MB = "
                           f"{m['peak_kb'] * 1024 / size:.1f}x the file (interpreter before load "
                           f"{m['base_kb'] / 1024:.0f} MB){' (goal <= 10x)' if how == 'quiz' else ''}")
