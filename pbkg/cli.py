"""The `pbkg` command. Errors print as one paragraph (no traceback) and exit non-zero."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import InvalidParameter, PbkgError, ValidationFailed
from .paths import ProjectPaths, paths

EXIT_VIOLATIONS = 1
EXIT_ERROR = 2


def _print(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _parse_params(items: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InvalidParameter(item, "expected KEY=VALUE")
        params[key.strip()] = value
    return params


def open_store(p: ProjectPaths, quiet: bool = False):
    """The configured store: a remote endpoint, or the embedded one (built first if stale)."""
    from .settings import load_settings
    from .store import EmbeddedStore

    settings = load_settings()
    if settings.sparql_endpoint:
        from .remote import RemoteStore

        return RemoteStore(settings.sparql_endpoint, timeout=settings.query_timeout)
    from .build import build, is_stale

    if is_stale(p):
        if not quiet:
            print("pbkg: dist/ is missing or out of date; building it first", file=sys.stderr)
        build(p)
    return EmbeddedStore.from_dist(p.dist)


def _emit(result, fmt: str) -> None:
    from . import results
    from .build import SERIALIZATION_PREFIXES

    if isinstance(result, results.GraphResult):
        import pyoxigraph as ox

        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                      "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}.get(
            fmt, ox.RdfFormat.TURTLE)
        prefixes = SERIALIZATION_PREFIXES if rdf_format == ox.RdfFormat.TURTLE else None
        _print(ox.serialize(result.to_ox(), format=rdf_format, prefixes=prefixes).decode())
        return
    if isinstance(result, results.AskResult):
        _print(results.to_json(result) if fmt == "json" else str(result.value).lower())
        return
    formatter = {"table": lambda r: results.to_table(r, SERIALIZATION_PREFIXES),
                 "csv": results.to_csv, "tsv": results.to_tsv, "json": results.to_json,
                 "xml": results.to_xml}[fmt]
    sys.stdout.write(formatter(result))


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    p = paths()
    result = build(p, engine=args.engine)
    t = result.timings
    _print(f"built {result.out_dir}: {result.quads} quads in {result.graphs} named graphs, "
           f"{result.triples} distinct triples; shapes pass "
           f"(load {t['load']:.2f}s, validate {t['validate']:.2f}s, write {t['write']:.2f}s)")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .build import validate_assembly
    from .dataset import SourceFile, assemble, source_files

    p = paths()
    files = source_files(p)
    if args.paths:
        # Check the given files against the project's context (ontology, reference, entities).
        given = [Path(x).resolve() for x in args.paths]
        context = [sf for sf in files if "/graph/article/" not in sf.graph
                   and sf.path.resolve() not in given]
        files = context + [SourceFile(path, f"https://w3id.org/pbkg/graph/file/{path.stem}")
                           for path in given]
    report = validate_assembly(assemble(files, root=p.root), p, args.engine)
    if args.format == "json":
        _print(report.to_json())
    elif args.format == "turtle":
        _print(report.to_turtle())
    else:
        _print(report.to_text())
    return 0 if report.conforms else EXIT_VIOLATIONS


def cmd_query(args: argparse.Namespace) -> int:
    from .catalog import get_query, load_catalog

    p = paths()
    catalog = load_catalog(p.queries)
    if args.list or not args.name:
        width = max(len(n) for n in catalog)
        for name, q in catalog.items():
            params = ", ".join(x.name for x in q.params)
            _print(f"{name.ljust(width)}  {q.title['en']} / {q.title['vi']}"
                   + (f"  [params: {params}]" if params else ""))
        return 0
    query = get_query(catalog, args.name)
    sparql = query.render(_parse_params(args.param))
    _emit(open_store(p).query(sparql), args.format)
    return 0


def cmd_sparql(args: argparse.Namespace) -> int:
    candidate = Path(args.query)
    if args.query.endswith((".rq", ".sparql")) or (len(args.query) < 255 and candidate.is_file()):
        from .errors import InputError

        try:
            text = candidate.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(candidate, f"cannot be read: {exc}") from None
    else:
        text = args.query
    _emit(open_store(paths()).query(text), args.format)
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pbkg", description="Party-building knowledge graph.")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="assemble, validate and write dist/ (atomically)")
    b.add_argument("--engine", choices=["split", "pyshacl"], default="split",
                   help="SHACL engine: split (fast, default) or pyshacl (reference)")
    b.set_defaults(func=cmd_build)

    v = sub.add_parser("validate", help="validate the project data, or given files, with SHACL")
    v.add_argument("paths", nargs="*", help="RDF files to check against the project's context")
    v.add_argument("--format", choices=["text", "json", "turtle"], default="text")
    v.add_argument("--engine", choices=["split", "pyshacl"], default="split")
    v.set_defaults(func=cmd_validate)

    q = sub.add_parser("query", help="run a named query from queries/")
    q.add_argument("name", nargs="?", help="query name (see --list)")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--param", "-p", action="append", default=[], metavar="KEY=VALUE")
    q.add_argument("--format", "-f", choices=["table", "csv", "tsv", "json", "xml"],
                   default="table")
    q.set_defaults(func=cmd_query)

    s = sub.add_parser("sparql", help="run an ad-hoc SPARQL query (text or file)")
    s.add_argument("query", help="the query text, or a .rq file")
    s.add_argument("--format", "-f", default="table",
                   choices=["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld",
                            "rdfxml"])
    s.set_defaults(func=cmd_sparql)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except ValidationFailed as exc:
        print(f"pbkg: {exc}", file=sys.stderr)
        return EXIT_VIOLATIONS
    except PbkgError as exc:
        print(f"pbkg: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
