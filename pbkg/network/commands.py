"""The `pbkg network ...` and `pbkg viz ...` subcommands (registered by pbkg.cli).

    pbkg network stats  [--cluster C]... [--from Y] [--to Y] [--type T]... [--lang vi|en] [--json]
    pbkg network export --format graphml|gexf|cytoscape-json [filters] [-o FILE]
    pbkg viz [--cluster C]... [--year Y | --from Y --to Y] [--type T]... -o FILE.svg|png
    pbkg viz timeline --cluster C -o FILE.svg|png

Heavy imports (networkx, matplotlib) happen when a command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InvalidParameter
from ..paths import check_writable
from ..progress import step


def _filters(parser: argparse.ArgumentParser, *, year: bool = False) -> None:
    parser.add_argument("--cluster", "-c", action="append", default=[], metavar="C",
                        help="a cluster: IRI, slug, end of a slug (cum-5) or label words "
                             "('Cụm 5', 'lang son'); repeatable")
    if year:
        parser.add_argument("--year", type=int, metavar="Y", help="one year (same as --from Y "
                                                                  "--to Y)")
    parser.add_argument("--from", dest="year_from", type=int, metavar="Y",
                        help="first year of the dated facts kept")
    parser.add_argument("--to", dest="year_to", type=int, metavar="Y",
                        help="last year of the dated facts kept")
    parser.add_argument("--type", "-t", action="append", default=[], metavar="T",
                        help="node types to keep (cluster, organization, person, province, "
                             "conference, award, document); repeatable or comma-separated")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi",
                        help="language of the labels (default vi)")


def _years(args: argparse.Namespace) -> tuple[int | None, int | None] | None:
    year = getattr(args, "year", None)
    if year is not None:
        if args.year_from is not None or args.year_to is not None:
            raise InvalidParameter("year", "give --year or --from/--to, not both")
        return (year, year)
    if args.year_from is None and args.year_to is None:
        return None
    return (args.year_from, args.year_to)


def _project(args: argparse.Namespace):
    from ..paths import paths
    from ..store_open import open_store
    from .projection import project

    store = open_store(paths())
    with step("projecting the graph"):
        return store, project(store, clusters=args.cluster, years=_years(args), types=args.type)


def cmd_network_stats(args: argparse.Namespace) -> int:
    from .analytics import format_stats, stats

    _, graph = _project(args)
    data = stats(graph, top=args.top)
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")
    else:
        sys.stdout.write(format_stats(data, args.lang))
    return 0


def cmd_network_export(args: argparse.Namespace) -> int:
    from .formats import write_graph

    if args.output:
        check_writable(Path(args.output), "the network")
    _, graph = _project(args)
    if args.output:
        write_graph(graph, args.format, Path(args.output), args.lang)
        print(f"pbkg: wrote {args.output} ({args.format}: {graph.number_of_nodes()} nodes, "
              f"{graph.number_of_edges()} edges)", file=sys.stderr)
    else:
        write_graph(graph, args.format, sys.stdout.buffer, args.lang)
        sys.stdout.flush()
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from . import draw

    output = Path(args.output)
    draw.image_format(output)
    check_writable(output, "the picture")
    if args.what == "timeline":
        from ..paths import paths
        from ..store_open import open_store
        from .projection import full_projection, resolve_cluster
        from .timeline import timeline

        if len(args.cluster) != 1:
            raise InvalidParameter("cluster", "the timeline needs exactly one --cluster")
        graph = full_projection(open_store(paths()))
        cluster = resolve_cluster(graph, args.cluster[0])
        draw.draw_timeline(timeline(graph, cluster), output, lang=args.lang)
    else:
        _, graph = _project(args)
        with step(f"drawing {output}"):
            draw.draw_network(graph, output, lang=args.lang, title=_title(graph, args))
    print(f"pbkg: wrote {output}", file=sys.stderr)
    return 0


def _title(graph, args: argparse.Namespace) -> str:
    clusters = graph.graph.get("filters", {}).get("clusters", [])
    names = [graph.nodes[c].get(f"label_{args.lang}", c) for c in clusters if c in graph]
    years = _years(args)
    parts = ["; ".join(names) or ("pbkg: toàn bộ mạng" if args.lang == "vi"
                                  else "pbkg: the whole network")]
    if years:
        low, high = years
        parts.append(str(low) if low == high else f"{low or '…'}–{high or '…'}")
    return " · ".join(parts)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `network` and `viz` to the pbkg command's subparsers."""
    from .formats import ALIASES, NETWORK_FORMATS

    net = sub.add_parser("network", help="the graph as a network: statistics and exports "
                                         "(GraphML, GEXF, Cytoscape JSON)")
    net_sub = net.add_subparsers(dest="network_command", required=True)

    st = net_sub.add_parser("stats", help="chair rotation, co-membership, centrality, most cited "
                                          "documents, province lineage")
    _filters(st)
    st.add_argument("--top", type=int, default=10, help="length of the ranked lists")
    st.add_argument("--json", action="store_true", help="print JSON instead of text")
    st.set_defaults(func=cmd_network_stats)

    ex = net_sub.add_parser("export", help="write the network as GraphML, GEXF (with time) or "
                                           "Cytoscape JSON")
    ex.add_argument("--format", "-f", required=True,
                    choices=sorted({*NETWORK_FORMATS, *ALIASES}))
    ex.add_argument("--output", "-o", metavar="FILE", help="the file to write (default: stdout)")
    _filters(ex)
    ex.set_defaults(func=cmd_network_export)

    viz = sub.add_parser("viz", help="draw the network, or a cluster's leadership timeline, "
                                     "as SVG or PNG")
    viz.add_argument("what", nargs="?", choices=["network", "timeline"], default="network",
                     help="network (default) or timeline (needs one --cluster)")
    _filters(viz, year=True)
    viz.add_argument("--output", "-o", required=True, metavar="FILE.svg|png")
    viz.set_defaults(func=cmd_viz)
