"""`vnnews serve`: the archive in datasette, on 127.0.0.1, with our metadata."""
from __future__ import annotations

import asyncio
import socket
import sqlite3
from pathlib import Path

from crawler.errors import VnnewsError
from crawler.archive.store import datasette_metadata, open_store

__all__ = ["make_datasette", "serve", "free_port"]


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def make_datasette(db_path: str):
    """A Datasette instance over the database with vnnews metadata (also used by tests)."""
    from datasette.app import Datasette

    store = open_store(db_path, create=False)
    try:
        store.ensure_schema()  # an old or empty file gets the tables datasette's metadata names
    except sqlite3.OperationalError:
        pass  # a read-only archive is served as it is
    store.close()
    return Datasette([str(db_path)], metadata=datasette_metadata(Path(db_path).stem),
                     settings={"default_page_size": 50, "sql_time_limit_ms": 3000})


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8001, announce=print) -> None:
    """Serve until interrupted. ``port`` 0 picks a free port."""
    import uvicorn

    ds = make_datasette(db_path)
    port = port or free_port(host)
    try:
        with socket.socket() as sock:
            sock.bind((host, port))
    except OSError as exc:
        raise VnnewsError(f"cannot serve on {host}:{port}: {exc.strerror}; pass --port N") \
            from None
    asyncio.run(ds.invoke_startup())
    announce(f"Serving {db_path} at http://{host}:{port}/{Path(db_path).stem}/articles "
             "(Ctrl-C to stop)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
