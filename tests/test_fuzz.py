"""Random files never crash the loader or the commands (see ``tests/fuzz_inputs.py``).

The cases run in a process of their own, so that a hang fails this test instead of stopping
the suite; a longer run is ``benchmarks/fuzz_inputs.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

SEED = 14
CASES = 30


def test_random_files_never_crash_the_loader_or_the_commands(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.fuzz_inputs", str(SEED), "0", str(CASES), str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,  # a bound for a hang, not a measure of speed
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    ready, *rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert ready == {"ready": True}
    assert [row["case"] for row in rows] == list(range(CASES))
    assert [problem for row in rows for problem in row["problems"]] == []
