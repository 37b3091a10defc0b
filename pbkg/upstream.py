"""The one thing SPARQLWrapper does not do: bound a request by one total deadline.

SPARQLWrapper builds the request (a urllib Request) and reads the answer; its own timeout is a
socket timeout, which bounds each read, not the request: a server that sends a byte every few
seconds would hold it for ever. Here the request goes through an opener of its own whose
sockets a timer shuts down when the deadline passes, whatever phase the request is in (connect,
headers, body); nothing process-wide is installed. Failures become UpstreamError (HTTP 502) or
UpstreamTimeout (HTTP 504); their messages never carry the server's address, since the public
endpoint reports them and that address is internal. Credentials may ride in the URL
(http://user:password@host/...): the opener answers the server's HTTP Basic or Digest challenge.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .errors import QueryError
from .store import QueryTimeout


class UpstreamError(QueryError):
    """The SPARQL server failed, refused the request or could not be reached (a bad gateway)."""

    http_status = 502


class UpstreamTimeout(QueryTimeout):
    """The SPARQL server gave no complete answer within the time limit (a gateway timeout)."""

    http_status = 504


@dataclass(frozen=True)
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()


def public_url(url: str) -> str:
    """The URL without its credentials, for messages to the person who configured it."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


class _Deadline:
    """Shuts down every socket of one request when its time is up."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = None if seconds is None else time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        if seconds is not None:
            self._timer = threading.Timer(seconds, self._expire)
            self._timer.daemon = True
            self._timer.start()

    def remaining(self) -> float | None:
        if self.at is None:
            return None
        left = self.at - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError("deadline passed")
        return left

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


def _connection(base: type[http.client.HTTPConnection], deadline: _Deadline):
    class Connection(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            self.timeout = deadline.remaining()
            super().connect()
            deadline.track(self.sock)

    return Connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._class = _connection(http.client.HTTPConnection, deadline)

    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(self._class, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._class = _connection(http.client.HTTPSConnection, deadline)

    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(self._class, req, context=self._context)


def _credentials(url: str) -> tuple[str, str] | None:
    """The (user, password) riding in the URL, if any."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return None
    return (urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or ""))


def _scrub(text: str, url: str) -> str:
    """An upstream message without the upstream's address (which the public must not learn)."""
    parts = urllib.parse.urlsplit(url)
    for secret in {public_url(url), url, parts.netloc, parts.hostname or ""} - {""}:
        text = text.replace(secret, "<endpoint>")
    return " ".join(text.split())[:300]


def exchange(request: urllib.request.Request, url: str, *, timeout: float | None,
             what: str = "the SPARQL server") -> Response:
    """`request` (built by SPARQLWrapper for `url`, the configured URL with any credentials)
    answered in full within `timeout` seconds (None: no limit), or an error.

    HTTP errors come back as responses (status >= 400) for the caller to map; only failures to
    get an answer raise.
    """
    deadline = _Deadline(timeout)
    handlers: list[urllib.request.BaseHandler] = [_HTTPHandler(deadline), _HTTPSHandler(deadline)]
    login = _credentials(url)
    if login is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, public_url(url), *login)
        handlers += [urllib.request.HTTPDigestAuthHandler(passwords),
                     urllib.request.HTTPBasicAuthHandler(passwords)]
    opener = urllib.request.build_opener(*handlers)
    try:
        try:
            response = opener.open(request, timeout=deadline.remaining())
        except urllib.error.HTTPError as exc:
            response = exc
        chunks = []
        with response:
            while response.fp is not None:
                deadline.remaining()
                chunk = response.read1(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        if deadline.expired:  # the timer cut the body short
            raise TimeoutError("deadline passed")
        return Response(response.status, response.headers, b"".join(chunks))
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if deadline.expired or _is_timeout(exc):
            limit = f" within {timeout:g} s" if timeout is not None else ""
            raise UpstreamTimeout(f"{what} gave no complete answer{limit}") from None
        reason = getattr(exc, "reason", None) or exc
        raise UpstreamError(f"{what} cannot be reached: {_scrub(str(reason), url)}") from None
    finally:
        deadline.cancel()


def _is_timeout(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)
    return isinstance(exc, (TimeoutError, socket.timeout)) or \
        isinstance(reason, (TimeoutError, socket.timeout))


def upstream_failure(response: Response, url: str, what: str = "the SPARQL server") -> QueryError:
    """The error for a response with an HTTP error status: the query's fault (400) is the
    client's; anything else is the server's (502), a server-side time limit a timeout (504)."""
    text = _scrub(response.body.decode("utf-8", "replace"), url)
    if response.status == 400:
        return QueryError(f"{what} refused the query: {text}")
    if response.status in (500, 503, 504) and ("timeout" in text.lower()
                                                or "timed out" in text.lower()):
        return UpstreamTimeout(f"{what} stopped the query at its own time limit")
    return UpstreamError(f"{what} failed: HTTP {response.status}: {text}")
