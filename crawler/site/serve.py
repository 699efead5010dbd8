"""`vnnews serve`: the archive in datasette, on 127.0.0.1, read-only, with our site.

Serving never writes the archive: the file is opened read-only (`mode=ro`; `--immutable`
for a file nothing writes any more), the search indexes are built by crawl/process/reindex,
and the datasette settings below bound what one query may cost.
"""
from __future__ import annotations

import asyncio
import logging
import socket
import sqlite3
from pathlib import Path

from crawler.errors import VnnewsError
from crawler.site.metadata import datasette_metadata
from crawler.archive.store import open_reader

__all__ = ["make_datasette", "serve", "free_port", "SETTINGS"]

SITE_DIR = Path(__file__).resolve().parent
# What one request may cost. A query that runs longer is interrupted; a value (string or
# blob) longer than VALUE_CAP_BYTES cannot be made or returned (randomblob(1e9) fails at
# once instead of filling memory); at most max_returned_rows rows are returned. The cap is
# above any stored value: pages are refused beyond 16 MB and stored gzip-compressed.
VALUE_CAP_BYTES = 16 * 1024 * 1024
SETTINGS = {
    "default_page_size": 50,
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 500,
    "facet_time_limit_ms": 300,
    "allow_download": False,  # the whole file is not for download: ask for an export
    "max_csv_mb": 50,
    "num_sql_threads": 3,
}
log = logging.getLogger("vnnews.site")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _quiet_database_class():
    from datasette.database import Database

    class QuietDatabase(Database):
        """A user's malformed SQL is the user's error, not the server's: it is shown to the
        user and logged at INFO, not printed to stderr as ERROR with its SQL."""

        async def execute(self, sql, *args, log_sql_errors=True, **kwargs):
            try:
                return await super().execute(sql, *args, log_sql_errors=False, **kwargs)
            except sqlite3.DatabaseError as exc:
                log.info("query refused: %s", exc)
                raise

    return QuietDatabase


def make_datasette(db_path: str, immutable: bool = False):
    """A Datasette instance over the archive with the vnnews site (also used by tests)."""
    from datasette.app import Datasette

    path = Path(db_path)
    open_reader(path).close()  # one clear line for a missing, foreign or old file
    name = path.stem
    ds = Datasette([], metadata=datasette_metadata(name), settings=SETTINGS,
                   template_dir=str(SITE_DIR / "templates"),
                   plugins_dir=str(SITE_DIR / "plugins"))
    database = _quiet_database_class()(ds, path=str(path), is_mutable=not immutable)
    ds.add_database(database, name=name)
    return ds


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8001, announce=print,
          immutable: bool = False) -> None:
    """Serve until interrupted. ``port`` 0 picks a free port."""
    import uvicorn

    ds = make_datasette(db_path, immutable=immutable)
    port = port or free_port(host)
    try:
        with socket.socket() as sock:
            sock.bind((host, port))
    except OSError as exc:
        raise VnnewsError(f"cannot serve on {host}:{port}: {exc.strerror}; pass --port N") \
            from None
    asyncio.run(ds.invoke_startup())
    announce(f"Serving {db_path} at http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
