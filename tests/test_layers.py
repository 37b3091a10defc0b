"""Layers one way (issue 11, finding 7): the core (pbkg/ but the command line) never imports the
command line or the HTTP layer, and no pbkg module imports itself back through others.

Imports are read from the source (every `import`, also those inside functions, which run
later but still tie the modules together), so the test needs no optional extra installed."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pbkg", "api")
CLI = {"pbkg.cli"}
HTTP_MODULES = ("api", "fastapi", "starlette", "uvicorn")


def module_files() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def imported_names(name: str, path: Path) -> list[tuple[str, int]]:
    """Every module name `path` imports, absolute, with its line."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[:len(package) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            # `from X import Y`: the module X.Y if there is one, else X (checked by the caller)
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps = set()
        for target, _ in imported_names(name, path):
            while target and target not in modules:
                target = target.rpartition(".")[0]
            # A package's __init__ runs before its modules anyway: not an edge of its own.
            if target and not (name == target or name.startswith(target + ".")):
                deps.add(target)
        graph[name] = deps
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_core_never_imports_the_cli_or_the_http_layer():
    bad = []
    for name, path in module_files().items():
        if not name.startswith("pbkg") or name in CLI:
            continue
        for target, line in imported_names(name, path):
            top = target.split(".")[0]
            if target in CLI or target.startswith("pbkg.cli.") or top in HTTP_MODULES:
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not bad, "\n".join(bad)


def test_no_import_cycles():
    # No cycle anywhere, the HTTP layer included (api.app -> pbkg.cli -> api.app was one,
    # api.errors -> api.routers.linked_data -> api.errors another).
    found = cycles(import_graph())
    assert not found, found


def test_the_checks_see_a_cycle_and_a_layer_breach():
    # The detector itself: a cycle through a function-level import is found.
    graph = {"pbkg.a": {"pbkg.b"}, "pbkg.b": {"pbkg.c"}, "pbkg.c": {"pbkg.a"}, "pbkg.d": set()}
    assert cycles(graph) == [["pbkg.a", "pbkg.b", "pbkg.c"]]
    names = dict(imported_names("pbkg.cli", ROOT / "pbkg" / "cli.py"))
    assert "api.server.serve" in names  # the command line may import the HTTP layer, lazily
