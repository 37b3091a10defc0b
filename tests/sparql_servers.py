"""Real SPARQL servers for the tests, each started on 127.0.0.1 on a free port in a temp folder,
with the union-default-graph setting it needs (the README section "On a SPARQL server instead
of the embedded store" gives the same recipes).

A server that is not installed skips its tests with the reason, except in CI (CI=true), where
.ci/run installs them and a missing one fails. Fuseki comes from Maven Central, which some
machines cannot reach: .ci/run then sets PBKG_FUSEKI_UNAVAILABLE to the reason, and the Fuseki
tests skip with it, in CI too, so that the gap shows in the test report.

Jena's engine (ARQ over TDB2, what Fuseki serves) is also run without Fuseki, through its
command line from Debian's libapache-jena-java: see jena_tdb2().
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

FUSEKI_VERSION = "5.6.0"  # the newest Fuseki that runs on Java 17
FUSEKI_JAR = (Path.home() / ".m2" / "repository" / "org" / "apache" / "jena" /
              "jena-fuseki-server" / FUSEKI_VERSION / f"jena-fuseki-server-{FUSEKI_VERSION}.jar")


@dataclass
class Server:
    name: str
    load_url: str  # what `pbkg load --to` takes
    query_url: str  # what PBKG_SPARQL_ENDPOINT takes
    process: subprocess.Popen
    log: Path
    isql: list[str] | None = None  # Virtuoso's SQL client, logged in as dba: add the statement

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing(what: str) -> None:
    """Skip for want of a server, or fail in CI, which must have it."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what}; CI must install it (.ci/run)")
    pytest.skip(what)


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


def _wait(process: subprocess.Popen, url: str, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                pytest.fail(f"the server did not start ({process.returncode}): {tail}")
            time.sleep(0.2)


def oxigraph_command(binary: str, location: Path, port: int, *, union: bool) -> list[str]:
    return [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
            "--timeout-s", "30", *(["--union-default-graph"] if union else [])]


def start_oxigraph(folder: Path, *, union: bool = True) -> Server:
    binary = oxigraph_binary()
    if binary is None:
        missing("the oxigraph server binary is missing (pip install oxigraph, in the 'test' "
                "extra)")
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "oxigraph.log"
    process = subprocess.Popen(oxigraph_command(binary, folder / "db", port, union=union),
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait(process, f"{url}/query?query=ASK%7B%7D", log, 30)
    return Server("oxigraph", f"{url}/store", f"{url}/query", process, log)


VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {db}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 0
"""


def start_virtuoso(folder: Path) -> Server:
    binary = shutil.which("virtuoso-t")
    if binary is None:
        missing("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource)")
    db = folder / "virtuoso"
    db.mkdir()
    http_port, sql_port = free_port(), free_port()
    ini = db / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=db, sql_port=sql_port, http_port=http_port))
    log = db / "virtuoso.log"
    process = subprocess.Popen([binary, "-c", str(ini), "+foreground"], cwd=db,
                               stdout=(db / "stdout.log").open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}"
    _wait(process, f"{url}/sparql?query=ASK%7B%7D", log, 120)
    # A new database's administrator is dba/dba; its Graph Store and update endpoints take
    # HTTP Digest logins.
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if isql is None:
        missing("Virtuoso's isql-vt is missing (Debian: virtuoso-opensource-7-bin)")
    server = Server("virtuoso", f"http://dba:dba@127.0.0.1:{http_port}/sparql-graph-crud-auth",
                    f"{url}/sparql", process, log, [isql, f"127.0.0.1:{sql_port}", "dba", "dba"])
    # Its default graph is every graph, its own system graphs included: leave those out so that
    # it is the union of the data graphs, as on the other servers.
    virtuoso_sql(server, VIRTUOSO_DEFAULT_GRAPH.format(host=f"127.0.0.1:{http_port}"))
    return server


# The endpoint's defines for every query: Virtuoso's system graphs out of the default graph.
VIRTUOSO_DEFAULT_GRAPH = (
    "INSERT INTO DB.DBA.SYS_SPARQL_HOST (SH_HOST, SH_DEFINES) VALUES ('{host}', "
    "'define input:default-graph-exclude <http://www.openlinksw.com/schemas/virtrdf#> "
    "define input:default-graph-exclude <http://www.w3.org/ns/ldp#> "
    "define input:default-graph-exclude <http://localuriqaserver/sparql>')")


def virtuoso_sql(server: Server, statement: str) -> str:
    """Run one SQL statement on the server as dba with isql-vt; its output."""
    assert server.isql is not None
    done = subprocess.run([*server.isql, f"exec={statement};"], capture_output=True, text=True,
                          timeout=60)
    if done.returncode != 0 or "*** Error" in done.stdout:
        raise RuntimeError(f"isql: {statement}: {done.stdout[-1000:]}{done.stderr[-1000:]}")
    return done.stdout


FUSEKI_CONFIG = """PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>

[] rdf:type fuseki:Server .

<#service> rdf:type fuseki:Service ;
    fuseki:name "pbkg" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
    fuseki:dataset <#dataset> .

<#dataset> rdf:type tdb2:DatasetTDB2 ;
    tdb2:location "{location}" ;
    tdb2:unionDefaultGraph true .
"""


def start_fuseki(folder: Path) -> Server:
    unavailable = os.environ.get("PBKG_FUSEKI_UNAVAILABLE")
    if unavailable:
        pytest.skip(f"Fuseki: {unavailable}")
    java = shutil.which("java")
    if java is None or not FUSEKI_JAR.is_file():
        missing(f"Fuseki is not installed ({FUSEKI_JAR} from Maven Central: mvn "
                f"dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:"
                f"{FUSEKI_VERSION} -Dtransitive=false; it needs Java 17)")
    config = folder / "fuseki.ttl"
    config.write_text(FUSEKI_CONFIG.format(location=folder / "tdb2"))
    port = free_port()
    log = folder / "fuseki.log"
    process = subprocess.Popen([java, "-Xmx1g", "-jar", str(FUSEKI_JAR), "--localhost",
                                f"--port={port}", f"--config={config}"], cwd=folder,
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/pbkg"
    _wait(process, f"{url}/query?query=ASK%7B%7D", log, 90)
    return Server("fuseki", f"{url}/data", f"{url}/query", process, log)


STARTERS = {"oxigraph": start_oxigraph, "virtuoso": start_virtuoso, "fuseki": start_fuseki}


# Debian's libapache-jena-java 4.5.0: Jena's jars and those of the packages it depends on.
JAVA_LIBRARIES = Path("/usr/share/java")
JENA_JARS = ["jena-arq", "jena-base", "jena-cmds", "jena-core", "jena-dboe-base",
             "jena-dboe-index", "jena-dboe-storage", "jena-dboe-trans-data",
             "jena-dboe-transaction", "jena-iri", "jena-rdfconnection", "jena-tdb2",
             "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io",
             "commons-lang3", "dexx.collection", "gson", "guava", "httpclient", "httpcore",
             "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
             "jakarta.json-api", "protobuf", "thrift", "titanium-json-ld", "slf4j-api",
             "slf4j-nop"]


@dataclass
class JenaTDB2:
    """A TDB2 database queried with tdb2.tdbquery, one JVM per query (about 2 s each)."""

    java: str
    classpath: str
    location: Path

    def run(self, main: str, *args: str, timeout: float = 120) -> str:
        # C1 only: these JVMs live for seconds, where the optimizing compiler costs more than
        # it gains (about 2 s instead of 3 to 5 per query, measured).
        done = subprocess.run([self.java, "-XX:TieredStopAtLevel=1", "-Xmx1g", "-cp",
                               self.classpath, main, *args], capture_output=True, text=True,
                              timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"{main} failed: {done.stderr[-2000:]}")
        return done.stdout

    def query(self, sparql: str, *, union: bool = True) -> dict:
        """The SPARQL JSON answer, the default graph being the union of the named graphs as on
        a Fuseki TDB2 dataset with tdb2:unionDefaultGraph true (union=False: TDB2's own
        default graph, which a build leaves empty)."""
        # The context symbol that Fuseki's tdb2:unionDefaultGraph sets (TDB2's, not TDB1's
        # "tdb:" one, which has no effect here).
        query_file = self.location.parent / "query.rq"
        query_file.write_text(sparql, encoding="utf-8")
        setting = ["--set", "http://jena.apache.org/TDB#unionDefaultGraph=true"] if union else []
        return json.loads(self.run("tdb2.tdbquery", "--loc", str(self.location), *setting,
                                   "--results=json", "--query", str(query_file)))


def jena_tdb2(folder: Path, nquads: Path) -> JenaTDB2:
    """`nquads` loaded into a new TDB2 database in `folder` by Jena's own loader."""
    java = shutil.which("java")
    jars = [JAVA_LIBRARIES / f"{name}.jar" for name in JENA_JARS]
    absent = [jar.name for jar in jars if not jar.is_file()]
    if java is None or absent:
        missing("Jena's command line is not installed (Debian: apt-get install "
                "libapache-jena-java openjdk-17-jre-headless); missing: "
                + ", ".join((["java"] if java is None else []) + absent))
    # Debian's jena-core moves the Xerces classes Jena embeds from org.apache.jena.ext.xerces
    # to xerces but leaves their message bundles behind, so the first XSD datatype fails with
    # "internal error": put the bundles where the classes look for them.
    messages = folder / "xerces-messages"
    with zipfile.ZipFile(JAVA_LIBRARIES / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = messages / name.removeprefix("org/apache/jena/ext/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    engine = JenaTDB2(java, os.pathsep.join([*map(str, jars), str(messages)]), folder / "tdb2")
    engine.run("tdb2.tdbloader", "--loc", str(engine.location), str(nquads), timeout=300)
    return engine
