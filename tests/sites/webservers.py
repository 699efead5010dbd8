"""Real web servers for the static-host tests: nginx and Apache httpd (Debian packages) and
Python's http.server, each serving a folder in its default configuration through
scripts/webservers.sh (which `make test` runs with `install` first), and GNU wget."""
from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "webservers.sh"
BINARIES = {"nginx": "nginx", "apache": "apache2", "wget": "wget", "python": None}


def _found(binary: str) -> str | None:
    return shutil.which(binary) or next(
        (str(p) for p in (Path("/usr/sbin") / binary, Path("/usr/bin") / binary) if p.exists()),
        None)


def require(name: str) -> str | None:
    """The binary behind ``name`` (installed with scripts/webservers.sh when missing). When it
    cannot be installed the test fails, saying so (never a skip: CI must not go green
    without the servers)."""
    binary = BINARIES[name]
    if binary is None:
        return None
    if _found(binary) is None:
        done = subprocess.run([str(SCRIPT), "install"], capture_output=True, text=True)
        if _found(binary) is None:
            where = "in CI (CI=true)" if os.environ.get("CI") == "true" else "on this machine"
            pytest.fail(f"{binary} is not installed and `scripts/webservers.sh install` could "
                        f"not install it {where}: {done.stderr.strip()[-500:]}; run "
                        f"'apt-get install {binary}' as root", pytrace=False)
    return _found(binary)


@contextmanager
def served(server: str, folder: Path, gzip: bool = False):
    """(base URL "http://127.0.0.1:PORT", access log path) of ``server`` serving ``folder``."""
    require(server)
    args = [str(SCRIPT), "start", server, str(folder), ""] + (["gzip"] if gzip else [])
    started = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert started.returncode == 0, f"{server} did not start: {started.stderr}"
    url = started.stdout.strip().splitlines()[-1]
    port = url.rsplit(":", 1)[1]
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"vnnews-{server}-{port}" / "access.log"
    try:
        yield url, log
    finally:
        subprocess.run([str(SCRIPT), "stop", server, port], capture_output=True, timeout=60)
