"""The layout's rules, checked on the code itself: only the store runs SQL, and nlp/ depends
on nothing of crawler/ (issue 11)."""
from __future__ import annotations

import ast
import re
import subprocess
import sys

from conftest import ROOT

STORE = ROOT / "crawler" / "archive" / "store.py"
# What running SQL looks like in Python: a DB-API call, or a statement in a string literal.
# (``super().execute(sql, ...)``: the site's datasette Database forwarding datasette's own
# queries, which it does not write)
SQL_CALL = re.compile(r"(?<!super\(\))\.(execute|executemany|executescript)\(|"
                      r"sqlite3\.connect\(|\.conn\b")
SQL_TEXT = re.compile(r"^\s*(select\s.+\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|"
                      r"delete\s+from\s|create\s+(table|index|virtual)\s|pragma\s)",
                      re.IGNORECASE | re.DOTALL)


def product_modules():
    for folder in ("crawler", "nlp", "bench"):
        yield from sorted((ROOT / folder).rglob("*.py"))
    yield ROOT / "pipeline.py"


def test_no_module_outside_the_store_runs_sql():
    offenders = []
    for path in product_modules():
        if path == STORE:
            continue
        source = path.read_text(encoding="utf-8")
        for number, line in enumerate(source.splitlines(), 1):
            if SQL_CALL.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    SQL_TEXT.match(node.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: SQL text "
                                 f"{node.value[:40]!r}")
    assert not offenders, "SQL outside crawler/archive/store.py:\n" + "\n".join(offenders)


def test_the_sql_check_finds_sql():
    # the check above must be able to fail: the store itself is full of what it looks for
    source = STORE.read_text(encoding="utf-8")
    assert SQL_CALL.search(source)
    assert any(isinstance(n, ast.Constant) and isinstance(n.value, str) and SQL_TEXT.match(n.value)
               for n in ast.walk(ast.parse(source)))


def test_nlp_imports_nothing_from_crawler():
    imports = []
    for path in sorted((ROOT / "nlp").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            imports += [f"{path.relative_to(ROOT)}: {n}" for n in names
                        if n == "crawler" or n.startswith("crawler.")]
    assert not imports, imports
    # and at run time, loading every nlp module loads no crawler module
    modules = [f"nlp.{p.stem}" for p in (ROOT / "nlp").glob("*.py") if p.stem != "__init__"]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(sorted(m for m in sys.modules if m == 'crawler' or m.startswith('crawler.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def private_imports(paths) -> list[str]:
    """``from module import _name``: a module reaching into another's private names."""
    found = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                found += [f"{where}:{node.lineno}: {node.module}.{a.name}"
                          for a in node.names if a.name.startswith("_")]
    return found


def test_no_module_imports_another_modules_private_names():
    offenders = private_imports(product_modules())
    assert not offenders, "private names used across modules:\n" + "\n".join(offenders)


def test_the_private_import_check_finds_one(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from nlp.org import _secret\nfrom nlp import org as _org\n",
                      encoding="utf-8")
    assert private_imports([sample]) == ["sample.py:1: nlp.org._secret"]
