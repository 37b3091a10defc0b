"""Read-only SQLite files the build writes (the search index, the table of subjects): one
connection per thread and per process (a forked worker opens its own), opened immutable."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path


class ReadOnlyFile:
    """Connections to one file; ``probe`` (a statement) must run on it, else OSError names the
    file as not being ``what``."""

    def __init__(self, path: Path, probe: str, what: str) -> None:
        self.path = Path(path)
        self._probe, self._what = probe, what
        self._local = threading.local()
        self.connect()  # fail now, with the path, if the file is not what it should be

    def connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            try:
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1",
                                       uri=True, check_same_thread=False)
                conn.execute(self._probe)
            except sqlite3.Error as exc:
                raise OSError(f"{self.path}: not {self._what} ({exc})") from None
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn
