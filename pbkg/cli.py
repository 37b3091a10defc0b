"""The `pbkg` command. Errors print as one paragraph (no traceback) and exit non-zero."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import InvalidParameter, PbkgError, ValidationFailed
from .paths import check_writable, paths
from .progress import set_quiet, step
from .store_open import check_dist, open_store

# Exit codes (documented in the README's command-line section).
EXIT_OK = 0
EXIT_VIOLATIONS = 1  # the data violates the shapes (build, validate)
EXIT_ERROR = 2  # bad input: a file, a parameter, a query, a command line (argparse uses 2 too)
EXIT_UNAVAILABLE = 3  # the environment: a port in use, an extra not installed, a path not writable
EXIT_INTERRUPTED = 130


class Unavailable(PbkgError):
    """Something pbkg needs from the machine is missing: a module, a port, a writable path."""


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


def _emit(result, fmt: str) -> None:
    from . import results
    from .namespaces import SERIALIZATION_PREFIXES

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
    check_dist(p)
    with step(f"building {p.dist}"):
        result = build(p, engine=args.engine, incremental=not args.full)
    t = result.timings
    if result.mode == "unchanged":
        _print(f"{result.out_dir} is up to date: {result.quads} quads in {result.graphs} named "
               f"graphs, {result.triples} distinct triples (inputs unchanged)")
        return 0
    _print(f"built {result.out_dir} ({result.mode}): {result.quads} quads in {result.graphs} "
           f"named graphs, {result.triples} distinct triples; shapes pass "
           f"(load {t['load']:.2f}s, validate {t['validate']:.2f}s, total {t['total']:.2f}s)")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .build import validate_assembly
    from .dataset import assemble, source_files

    p = paths()
    files = source_files(p)
    if args.paths:
        files = _validation_inputs([Path(x) for x in args.paths], files, p.sources)
    with step("reading the files"):
        assembly = assemble(files, root=p.root)
    with step("validating with SHACL"):
        report = validate_assembly(assembly, p, args.engine)
    if args.format == "json":
        _print(report.to_json())
    elif args.format == "turtle":
        _print(report.to_turtle())
    else:
        _print(report.to_text())
    return 0 if report.conforms else EXIT_VIOLATIONS


def _validation_inputs(given: list[Path], files: list, sources: Path) -> list:
    """What `pbkg validate FILE...` checks: the given files with the context they need.

    The context is the ontology, the reference data, the entities and the extracted files; a
    project file also brings the other files of its graph (data/curated/KEY.ttl comes with its
    article's metadata, data/sources/KEY.ttl); a file from elsewhere named KEY.ttl brings
    data/sources/KEY.ttl when the project has it."""
    from .dataset import SourceFile

    chosen = [path.resolve() for path in given]
    project = {sf.path.resolve(): sf for sf in files}
    out = [sf for sf in files
           if "/graph/article/" not in sf.graph and sf.path.resolve() not in chosen]
    for path in chosen:
        own = project.get(path)
        if own is not None:
            out.append(own)
            out += [sf for sf in files if sf.graph == own.graph and sf.path.resolve() != path
                    and sf.path.resolve() not in chosen and sf not in out]
            continue
        out.append(SourceFile(path, f"https://w3id.org/pbkg/graph/file/{path.stem}"))
        metadata = (sources / path.name).resolve()
        if metadata in project and metadata not in chosen and project[metadata] not in out:
            out.append(project[metadata])
    return out


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
    from .asof import bind_as_of, parse_as_of
    from .entity_match import resolve_query_params
    from .settings import load_settings

    query = get_query(catalog, args.name)
    values = _parse_params(args.param)
    for name, value in values.items():  # names and types first, before the store is opened
        param = query.param(name)
        if value and not (param.type == "iri" and param.prefix):
            param.term(value)
    values = bind_as_of(query, values, parse_as_of(args.as_of, "--as-of"))
    store = open_store(p)
    # An IRI parameter names a node of the graph (slug, IRI, end of a slug, label words): one
    # that matches nothing is an error with close matches, not an empty result.
    values = resolve_query_params(query, values, store, p.queries,
                                  load_settings().base_iri + "id/")
    with step(f"running {query.name}"):
        result = store.query(query.render(values))
    _emit(result, args.format)
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
    from .query_limits import check_structure

    check_structure(text)  # before the engine's parser, which can overflow its stack
    store = open_store(paths())
    with step("running the query"):
        result = store.query(text)
    _emit(result, args.format)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from api.server import PortUnavailable, serve
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] in ("pbkg", "api"):
            raise
        raise Unavailable(f"pbkg serve needs the HTTP extra, which is not installed (no module "
                          f"'{exc.name}'): pip install -e '.[api]'") from None
    try:
        serve(args.host, args.port, log_level=args.log_level, workers=args.workers,
              check=not args.as_built)
    except PortUnavailable as exc:
        raise Unavailable(str(exc)) from None
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from .build import build, is_stale
    from .load import load_build

    p = paths()
    dist = Path(args.dist) if args.dist else p.dist
    if not args.dist and is_stale(p):
        check_dist(p)
        print("pbkg: dist/ is missing or out of date; building it first", file=sys.stderr)
        with step(f"building {p.dist}"):
            build(p)
    with step(f"loading into {args.to}"):
        report = load_build(args.to, dist, query=args.query)
    _print(f"loaded {report.triples} triples in {len(report.graphs)} graphs into {report.url} "
           f"in one update ({len(report.dropped)} graphs no longer in the build dropped, "
           f"{report.seconds:.1f} s)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    if args.output:
        check_writable(Path(args.output), "the export")
    filters = {"clusters": args.cluster or None, "years": (args.year_from, args.year_to),
               "types": args.type or None}
    with step(f"exporting {args.format}"):
        fmt = export(args.format, Path(args.output) if args.output else None, paths(),
                     filters=filters)
    if args.output:
        print(f"pbkg: wrote {args.output} ({fmt.name}, {fmt.media_type})", file=sys.stderr)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    import json

    from .extract import extract, read_article

    if args.format == "json":
        _print(json.dumps(extract(read_article(args.article)), ensure_ascii=False, indent=1))
        return 0
    from .ingest import extract_article

    _, _, rdf = extract_article(args.article, args.key, paths())
    _print(rdf.trig())
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest

    with step(f"ingesting {args.article}"):
        result = ingest(args.article, args.key, paths(), replace=args.replace)
    skipped = f", {len(result.skipped)} not recorded (see its header)" if result.skipped else ""
    _print(f"wrote {result.path}: {result.facts} facts, {result.minted} new nodes{skipped}; "
           "review it before it is trusted")
    return 0


def cmd_eval_extract(args: argparse.Namespace) -> int:
    import json

    from .extract.evaluate import evaluate, evaluate_corpus

    if args.seeds or args.gold == "seeds":
        from .seed_gold import evaluate_seeds

        with step("scoring the seeds"):
            reports = {"seeds": evaluate_seeds(paths())}
    elif args.gold and args.articles and not args.split:
        with step("scoring the extractor"):
            reports = {"all": evaluate(Path(args.gold), Path(args.articles))}
    elif args.gold and not args.articles:
        split = Path(args.split) if args.split else None
        with step("scoring the extractor"):
            reports = evaluate_corpus(Path(args.gold), split, args.part)
    else:
        raise InvalidParameter("eval-extract", "give GOLD_DIR ARTICLES_DIR, a CORPUS folder "
                                               "(with --split FILE [--part NAME]), or --seeds")
    if args.format == "json":
        data = {name: json.loads(r.to_json()) for name, r in reports.items()}
        _print(json.dumps(data if len(data) > 1 else next(iter(data.values())),
                          ensure_ascii=False, indent=1))
        return 0
    for name, report in reports.items():
        if len(reports) > 1 or args.split:
            _print(f"== {name}")
        _print(report.to_table())
        if args.errors:
            _print(report.errors_table())
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    import json

    from .review import open_session, parse_assignments, summary_lines

    session = open_session(args.article, args.key, paths())
    decisions = [(cid, "accept", {}) for cid in args.accept]
    decisions += [(cid, "reject", {}) for cid in args.reject]
    decisions += [(c[0], "correct", parse_assignments(c[1:])) for c in args.correct]
    if args.accept_all:
        decisions += [(c.id, "accept", {}) for c in session.pending()
                      if c.id not in {d[0] for d in decisions}]
    if (decisions or args.write) and not args.by:
        raise InvalidParameter("--by", "say who reviews (a name) when deciding or writing")
    for cid, decision, fields in decisions:
        session.decide(cid, decision, args.by, fields)
    if args.serve:
        from api.review import serve_review

        serve_review(session, args.by, port=args.port)
        return 0
    if args.write:
        _print(f"wrote {session.write_curated()}")
    if args.format == "json":
        _print(json.dumps({"key": session.key, "candidates": [
            c.as_dict() for c in session.candidates]}, ensure_ascii=False, indent=1))
    else:
        _print("\n".join(summary_lines(session)))
    return 0


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535 (0: any free "
                                         f"port), got {text!r}")
    return port


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pbkg", description="Party-building knowledge graph.")
    parser.add_argument("--version", action="version", version=f"pbkg {__version__}")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress lines on stderr (shown for steps over 2 s)")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="assemble, validate and write dist/ (atomically)")
    b.add_argument("--engine", choices=["fast", "split", "pyshacl"], default="fast",
                   help="SHACL engine: fast (Rust + Oxigraph, default), split or pyshacl "
                        "(the reference)")
    b.add_argument("--full", action="store_true",
                   help="rebuild everything instead of reusing the unchanged inputs")
    b.set_defaults(func=cmd_build)

    v = sub.add_parser("validate", help="validate the project data, or given files, with SHACL")
    v.add_argument("paths", nargs="*", help="RDF files to check against the project's context")
    v.add_argument("--format", choices=["text", "json", "turtle"], default="text")
    v.add_argument("--engine", choices=["fast", "split", "pyshacl"], default="fast")
    v.set_defaults(func=cmd_validate)

    q = sub.add_parser("query", help="run a named query from queries/")
    q.add_argument("name", nargs="?", help="query name (see --list)")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--param", "-p", action="append", default=[], metavar="KEY=VALUE")
    q.add_argument("--format", "-f", choices=["table", "csv", "tsv", "json", "xml"],
                   default="table")
    q.add_argument("--as-of", metavar="YYYY-MM-DD",
                   help="as of a date: the roles, members, posts and bodies of that year or day "
                        "(for queries with an asOf parameter)")
    q.set_defaults(func=cmd_query)

    s = sub.add_parser("sparql", help="run an ad-hoc SPARQL query (text or file)")
    s.add_argument("query", help="the query text, or a .rq file")
    s.add_argument("--format", "-f", default="table",
                   choices=["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld",
                            "rdfxml"])
    s.set_defaults(func=cmd_sparql)

    sv = sub.add_parser("serve", help="serve the SPARQL endpoint and the API (builds if stale)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=_port, default=8000,
                    help="0 to 65535; 0 picks a free port (the log names it)")
    sv.add_argument("--log-level", default="info",
                    choices=["critical", "error", "warning", "info", "debug"])
    sv.add_argument("--workers", type=int, default=1, metavar="N",
                    help="server processes sharing the port (each one core; default 1)")
    sv.add_argument("--as-built", action="store_true",
                    help="serve dist/ as it is, without checking it against the sources "
                         "(a deployment of the build alone)")
    sv.set_defaults(func=cmd_serve)

    ld = sub.add_parser("load", help="replace the build's graphs on a SPARQL server, atomically")
    ld.add_argument("--to", required=True, metavar="URL",
                    help="its update or Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    ld.add_argument("--query", metavar="URL",
                    help="its query endpoint (derived from --to for Oxigraph, Fuseki, Virtuoso)")
    ld.add_argument("--dist", help="the build to load (default: dist/, built first if stale)")
    ld.set_defaults(func=cmd_load)

    from .export import FORMATS as EXPORT_FORMATS

    ex = sub.add_parser("export", help="write the whole dataset in one format (building dist/ "
                                       "first if it is stale)")
    ex.add_argument("--format", "-f", required=True, choices=sorted(
        {n for f in EXPORT_FORMATS.values() for n in (f.name, *f.aliases)}))
    ex.add_argument("--output", "-o", metavar="FILE", help="the file to write (default: stdout)")
    ex.add_argument("--cluster", action="append", default=[],
                    help="network formats: keep this cluster (slug or name; repeatable)")
    ex.add_argument("--from", dest="year_from", type=int, help="network formats: from year")
    ex.add_argument("--to", dest="year_to", type=int, help="network formats: to year")
    ex.add_argument("--type", action="append", default=[],
                    help="network formats: keep this node type (repeatable)")
    ex.set_defaults(func=cmd_export)

    xt = sub.add_parser("extract", help="extract the facts of an article text (JSON or TriG)")
    xt.add_argument("article", help="the article: UTF-8 text, maybe after a url:/title: header")
    xt.add_argument("--format", "-f", choices=["json", "trig"], default="json")
    xt.add_argument("--key", help="article key of the TriG graph (default: publisher and date)")
    xt.set_defaults(func=cmd_extract)

    ig = sub.add_parser("ingest", help="extract an article into data/extracted/KEY.ttl for review")
    ig.add_argument("article", help="the article text file")
    ig.add_argument("--key", help="article key, an ASCII slug (default: publisher and date)")
    ig.add_argument("--replace", action="store_true",
                    help="ingest an article already in the graph (same URL or text), replacing "
                         "its earlier extracted file")
    ig.set_defaults(func=cmd_ingest)

    ev = sub.add_parser("eval-extract", help="score the extractor: P/R/F1 against gold files")
    ev.add_argument("gold", nargs="?", help="folder of gold NN.json files, or 'seeds', or a "
                                            "corpus folder of parts with gold/ and articles/")
    ev.add_argument("articles", nargs="?", help="folder of the articles NN.txt")
    ev.add_argument("--split", metavar="FILE",
                    help="with a corpus folder: JSON {part: [article ids]}; scores each part")
    ev.add_argument("--part", help="with --split: score only this part")
    ev.add_argument("--errors", action="store_true",
                    help="list every miss and false positive with its text span")
    ev.add_argument("--seeds", action="store_true",
                    help="score on the five seed texts, with gold derived from the curated graph")
    ev.add_argument("--format", "-f", choices=["table", "json"], default="table")
    ev.set_defaults(func=cmd_eval_extract)

    rv = sub.add_parser("review", help="review an article's extracted facts: accept, reject "
                                       "or correct them; write the accepted to data/curated/")
    rv.add_argument("article", help="the article text file")
    rv.add_argument("--key", help="article key (default: publisher and date)")
    rv.add_argument("--by", help="who reviews (recorded with each decision)")
    rv.add_argument("--accept", action="append", default=[], metavar="ID")
    rv.add_argument("--reject", action="append", default=[], metavar="ID")
    rv.add_argument("--correct", action="append", default=[], nargs="+",
                    metavar="ID FIELD=VALUE", help="e.g. --correct r1a2b3c4d5 year=2023")
    rv.add_argument("--accept-all", action="store_true", help="accept every pending fact")
    rv.add_argument("--write", action="store_true",
                    help="write the accepted and corrected facts to data/curated/KEY.ttl")
    rv.add_argument("--serve", action="store_true",
                    help="open the review page on http://127.0.0.1:PORT/")
    rv.add_argument("--port", type=int, default=8765)
    rv.add_argument("--format", "-f", choices=["text", "json"], default="text")
    rv.set_defaults(func=cmd_review)

    from .network.commands import register as register_network

    register_network(sub)  # pbkg network stats|export, pbkg viz [timeline]
    _add_quiet(sub)
    return parser


def _add_quiet(sub: argparse._SubParsersAction) -> None:
    """`--quiet` after the subcommand too (`pbkg build --quiet`), at every level."""
    for parser in set(sub.choices.values()):
        if not any("--quiet" in a.option_strings for a in parser._actions):
            parser.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS,
                                help="no progress lines on stderr")
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                _add_quiet(action)


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    set_quiet(args.quiet)
    try:
        return args.func(args)
    except ValidationFailed as exc:
        print(f"pbkg: {exc}", file=sys.stderr)
        return EXIT_VIOLATIONS
    except Unavailable as exc:
        print(f"pbkg: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except PbkgError as exc:
        print(f"pbkg: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # a path the command must write or read: no traceback, the path
        print(f"pbkg: {_os_error(exc)}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _os_error(exc: OSError) -> str:
    where = exc.filename or ""
    reason = exc.strerror or str(exc)
    dist = os.environ.get("PBKG_DIST")
    hint = ""
    if dist and where and str(where).startswith(str(Path(dist).resolve())):
        hint = " (PBKG_DIST names the build folder: point it at a writable folder)"
    return f"{where}: {reason}{hint}" if where else f"{reason}{hint}"


if __name__ == "__main__":
    sys.exit(main())
