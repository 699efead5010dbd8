"""The README cannot drift: its commands exist, and its make targets are the ones CI runs."""
import re
from pathlib import Path

import pytest

from conftest import run_vnnews

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(set(re.findall(r"^vnnews ((?:eval )?[a-z-]+)", README, re.M)))


def test_readme_shows_both_make_commands_and_ci_runs_make_test():
    assert "make demo" in README and "make test" in README and "make demo SERVE=0" in README
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_readme_lists_the_commands():
    assert {"crawl", "process", "serve", "demo", "eval extract", "eval nlp"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_readme_command_exists(command):
    done = run_vnnews(*command.split(), "--help")
    assert done.returncode == 0, done.stderr
    assert "usage: vnnews " + command in " ".join(done.stdout.split())


def test_the_layout_section_names_files_that_exist():
    """Every file or folder the README's layout tree names is where it says."""
    layout = README.split("## Layout", 1)[1]
    tree = layout.split("```")[3]  # the second fenced block: the tree
    missing, folder = [], ROOT
    for line in tree.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        names = [w for w in line.split("   ")[0].split() if w.endswith((".py", "/"))]
        if indent == 0:
            folder = ROOT
        for name in names:
            path = (folder if indent else ROOT) / name
            if not path.exists():
                missing.append(str(path.relative_to(ROOT)))
        if indent == 0 and names and names[0].endswith("/"):
            folder = ROOT / names[0]
    assert not missing, missing
