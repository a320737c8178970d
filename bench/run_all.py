"""Run every benchmark in turn and print their figures (see docs/benchmarks.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["politeness.py", "extraction_quality.py", "offline_cost.py", "matcher_speed.py"]


def main() -> int:
    failed = 0
    for name in BENCHES:
        print(f"== {name}", flush=True)
        failed += subprocess.run([sys.executable, str(HERE / name)]).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
