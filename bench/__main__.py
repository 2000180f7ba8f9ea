"""`make bench`: run every bench/bench_*.py module's run() and print its lines.

Each benchmark measures a baseline in the same run and prints ratios, because
these machines are noisy: medians and ratios, never absolute thresholds."""
from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    wanted = set(argv)
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    failed = 0
    for name in names:
        if wanted and name not in wanted and name.removeprefix("bench_") not in wanted:
            continue
        mod = importlib.import_module(f"bench.{name}")
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        try:
            for line in mod.run():
                print(f"  {line}", flush=True)
        except Exception as e:  # report and go on with the others
            failed += 1
            print(f"  FAILED: {type(e).__name__}: {e}", flush=True)
        print(f"  ({time.perf_counter() - t0:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
