"""Progress of long steps on stderr: a line when a step has run for 2 s, another when it ends.

    with step("validating with SHACL"):
        ...

prints nothing for a step shorter than the threshold, and for a longer one
    pbkg: validating with SHACL…
    pbkg: validating with SHACL: done in 5.3 s
Plain lines (no carriage returns), also when stderr is not a terminal: a log or a CI job shows
what was slow. `pbkg --quiet` (or any subcommand's --quiet) turns them off;
PBKG_PROGRESS_AFTER sets the threshold in seconds (0: every step).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_THRESHOLD = 2.0
_state = {"quiet": False}


def set_quiet(quiet: bool) -> None:
    _state["quiet"] = quiet


def threshold() -> float:
    raw = os.environ.get("PBKG_PROGRESS_AFTER", "")
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_THRESHOLD
    except ValueError:
        return DEFAULT_THRESHOLD


def _write(text: str) -> None:
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed stderr does not stop the work
        pass


@contextmanager
def step(label: str) -> Iterator[None]:
    """Report `label` on stderr if the block runs longer than the threshold."""
    if _state["quiet"]:
        yield
        return
    start = time.monotonic()
    shown = threading.Event()

    def announce() -> None:
        shown.set()
        _write(f"pbkg: {label}…")

    after = threshold()
    timer = None
    if after <= 0:
        announce()
    else:
        timer = threading.Timer(after, announce)
        timer.daemon = True
        timer.start()
    try:
        yield
    finally:
        if timer is not None:
            timer.cancel()
            timer.join()  # no thread left running when a caller forks (the query workers)
        if shown.is_set():
            _write(f"pbkg: {label}: done in {time.monotonic() - start:.1f} s")
