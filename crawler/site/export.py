"""`vnnews export`: one table to CSV (UTF-8 with a byte-order mark, which Excel needs to read
Vietnamese) or JSON lines. Binary columns (the raw pages) are left out and said so: they are
served as archived copies, not as spreadsheet cells."""
from __future__ import annotations

import csv
import json
import sys

from crawler.errors import VnnewsError
from crawler.archive.store import open_reader

__all__ = ["export_table", "FORMATS"]

FORMATS = ("csv", "jsonl")


def export_table(db_path: str, table: str, fmt: str, out=None, warn=None) -> int:
    """Write every row of ``table`` to ``out`` (a text file opened with newline=''); returns
    the row count."""
    if fmt not in FORMATS:
        raise VnnewsError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    out = out or sys.stdout
    reader = open_reader(db_path)
    names, rows, types = reader.table_rows(table)
    first = next(rows, None)
    binary = {i for i, v in enumerate(first or ()) if isinstance(v, bytes)} | \
        {i for i, name in enumerate(names) if types.get(name, "").upper() == "BLOB"}
    keep = [i for i in range(len(names)) if i not in binary]
    if binary and warn:
        warn(f"left out binary column(s) {', '.join(names[i] for i in sorted(binary))}")
    count = 0
    if fmt == "csv":
        out.write("\ufeff")
        writer = csv.writer(out)
        writer.writerow([names[i] for i in keep])
    for row in ([first] if first is not None else []), rows:
        for values in row:
            values = [None if isinstance(values[i], bytes) else values[i] for i in keep]
            if fmt == "csv":
                writer.writerow(["" if v is None else v for v in values])
            else:
                out.write(json.dumps(dict(zip([names[i] for i in keep], values)),
                                     ensure_ascii=False) + "\n")
            count += 1
    return count
