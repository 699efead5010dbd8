"""Run a command and measure what it cost: CPU seconds (user + system, its reaped children
included) and the largest resident size, read from the kernel's accounting of that one process
(os.wait4, in a small launcher). CPU time, not wall time: a loaded machine makes a run slower, not costlier, so a
bound on it never races the clock. The timeout is only a hang guard, far above any bound."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNNEWS = [sys.executable, str(ROOT / "pipeline.py")]
HANG_GUARD_SECONDS = 900
# The command runs under this small launcher: a process started straight from the test
# process would inherit the test's own peak RSS in its accounting (fork copies it, exec
# keeps it), and every figure would read as large as pytest.
_LAUNCHER = """
import json, os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as fh:
    json.dump({"cpu": usage.ru_utime + usage.ru_stime, "rss_kb": usage.ru_maxrss}, fh)
sys.exit(os.waitstatus_to_exitcode(status) % 256)
"""


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float
    max_rss_mb: float

    def __str__(self) -> str:
        return f"{self.cpu_seconds:.1f} s CPU, {self.max_rss_mb:.0f} MB max RSS"


def run_measured(cmd: list[str], stdin: bytes | None = None, env: dict | None = None,
                 timeout: float = HANG_GUARD_SECONDS) -> Measured:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryFile() as inp, tempfile.TemporaryDirectory() as tmp:
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)
        figures = Path(tmp) / "usage.json"
        proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(figures), *cmd],
                                stdin=inp, stdout=out, stderr=err, cwd=ROOT,
                                env={**os.environ, **(env or {})})
        try:
            returncode = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise AssertionError(f"{cmd[:4]} still running after {timeout} s") from None
        usage = json.loads(figures.read_text())
        out.seek(0)
        err.seek(0)
        return Measured(returncode, out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), usage["cpu"],
                        usage["rss_kb"] / 1024)


def vnnews_measured(*args: str, stdin: bytes | None = None, env: dict | None = None
                    ) -> Measured:
    return run_measured([*VNNEWS, *args], stdin=stdin, env=env)
