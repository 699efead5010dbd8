"""Run a command and measure what it cost: CPU seconds (user + system, its reaped children
included) and the largest resident size, read from the kernel's accounting of that one process
(os.wait4). CPU time, not wall time: a loaded machine makes a run slower, not costlier, so a
bound on it never races the clock. The timeout is only a hang guard, far above any bound."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNNEWS = [sys.executable, str(ROOT / "pipeline.py")]
HANG_GUARD_SECONDS = 900


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
            tempfile.TemporaryFile() as inp:
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)
        proc = subprocess.Popen(cmd, stdin=inp, stdout=out, stderr=err, cwd=ROOT,
                                env={**os.environ, **(env or {})})
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                raise AssertionError(f"{cmd[:4]} still running after {timeout} s")
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"),
                        usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def vnnews_measured(*args: str, stdin: bytes | None = None, env: dict | None = None
                    ) -> Measured:
    return run_measured([*VNNEWS, *args], stdin=stdin, env=env)
