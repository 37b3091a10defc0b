"""Core exceptions. The CLI prints them as one paragraph; the API maps them to HTTP statuses."""

from __future__ import annotations

from pathlib import Path


class PbkgError(Exception):
    """Base of every error pbkg reports to a user (never shown as a traceback)."""


class InputError(PbkgError):
    """A file that cannot be read or parsed; names the path and, where known, the line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.detail = message
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {message}")


class NotFound(PbkgError):
    """An unknown query, entity or file."""


class InvalidParameter(PbkgError):
    """A parameter that is missing, unknown or of the wrong type."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        super().__init__(f"parameter '{name}': {message}")


class ValidationFailed(PbkgError):
    """The data violates the shapes; carries the report."""

    def __init__(self, message: str, report: object | None = None) -> None:
        self.report = report
        super().__init__(message)


class QueryError(PbkgError):
    """A SPARQL query that cannot be parsed or run."""
