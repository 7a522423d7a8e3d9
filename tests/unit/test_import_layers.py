"""The package's modules import each other without circles, and the layers point one way.

Every module of `archmodel` is parsed with `ast` (nothing is imported), and every import is an
edge, wherever it stands: at the top, inside a function, under `if TYPE_CHECKING:`. An import
hidden in a function still runs, and a circle that only works because of where an import stands
breaks the day someone moves it. `from a.b import c` is an edge to the module `a.b.c` when there
is one, else to `a.b`. A package's `__init__` importing its submodules is an edge from the
package to each of them; a submodule is not taken to import its parent package unless it names
something of the `__init__` itself (`from archmodel.cli import app`).
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import archmodel

PACKAGE_DIR = Path(archmodel.__file__).parent
ROOT = "archmodel"

# Lower layers never import higher ones (docs/contributing.md "Layout"); a name stands for the
# module and everything below it, except the root package, which stands for itself
# (`__version__`). `archmodel.__main__` is the console entry, above everything.
LAYERS: list[set[str]] = [
    {"archmodel", "archmodel.errors", "archmodel.names", "archmodel.numeric", "archmodel.tables"},
    {"archmodel.db"},  # the connection, the local server, the crawl lifecycle (db/crawls.py), sites
    {"archmodel.ingest"},  # readers, normalisation, the site model, the loader
    {"archmodel.packs"},  # the check catalogue and runner, suggestions, impact
    {"archmodel.history"},  # diffs and findings over time
    {"archmodel.audit", "archmodel.infer", "archmodel.synth"},  # one audit for every command; init; synthetic sites
    {"archmodel.render", "archmodel.assistant"},  # what people and AI assistants read: maps, the report, MCP tools
    {"archmodel.cli"},
]


def module_files(package_dir: Path, root: str) -> dict[str, Path]:
    """Every module of the package by dotted name; a package is its `__init__.py`."""
    modules: dict[str, Path] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join([root, *parts])] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """(imported module, line) for every import of a module of the package, at any depth."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _nearest_module(alias.name, modules)
                if target:
                    yield target, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(name, is_package, node.module, node.level)
            if base is None:
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                target = candidate if candidate in modules else _nearest_module(base, modules)
                if target:
                    yield target, node.lineno
        elif isinstance(node, ast.Call) and _is_dynamic_import(node):
            argument = node.args[0] if node.args else None
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                target = _nearest_module(argument.value, modules)
                if target:
                    yield target, node.lineno


def _absolute(name: str, is_package: bool, module: str | None, level: int) -> str | None:
    if level == 0:
        return module
    package = name if is_package else name.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{module}" if module else package


def _nearest_module(dotted: str, modules: dict[str, Path]) -> str | None:
    """The module `dotted` names, or the closest package above it that is one of ours."""
    while dotted:
        if dotted in modules:
            return dotted
        dotted = dotted.rpartition(".")[0]
    return None


def _is_dynamic_import(node: ast.Call) -> bool:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in {"import_module", "__import__"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def import_graph(package_dir: Path = PACKAGE_DIR, root: str = ROOT) -> dict[str, dict[str, int]]:
    """module -> {imported module: first line}; self-imports (a package naming its own names) dropped."""
    modules = module_files(package_dir, root)
    graph: dict[str, dict[str, int]] = {name: {} for name in modules}
    for name, path in modules.items():
        for target, line in imports_of(name, path, modules):
            if target != name:
                graph[name].setdefault(target, line)
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Tarjan's components with more than one module, each sorted, iteratively (no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return sorted(components)


def shortest_cycle(graph: dict[str, dict[str, int]], start: str, within: set[str]) -> list[str]:
    """The shortest circle from `start` back to it inside one component (breadth first)."""
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(graph[node]):
            if child not in within:
                continue
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if child not in previous:
                previous[child] = node
                queue.append(child)
    return []


def describe_cycles(graph: dict[str, dict[str, int]]) -> list[str]:
    """One line per distinct circle: each module of each component, by its shortest circle."""
    lines: list[str] = []
    for component in strongly_connected(graph):
        seen: set[frozenset[tuple[str, str]]] = set()
        for member in component:
            cycle = shortest_cycle(graph, member, set(component))
            edges = frozenset(zip(cycle, cycle[1:]))
            if edges in seen:
                continue
            seen.add(edges)
            lines.append(" -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:])) + f" -> {cycle[-1]}")
    return lines


def _layer(module: str) -> int | None:
    for position, layer in enumerate(LAYERS):
        if any(module == top or (top != ROOT and module.startswith(top + ".")) for top in layer):
            return position
    return None


def test_the_package_has_no_import_cycle() -> None:
    cycles = describe_cycles(import_graph())
    assert not cycles, "import cycles (every import counts, function-level ones too):\n" + "\n".join(cycles)


def test_lower_layers_never_import_higher_ones() -> None:
    graph = import_graph()
    upward = [
        f"{source} (line {line}) imports {target}"
        for source, targets in sorted(graph.items())
        for target, line in sorted(targets.items())
        if _layer(source) is not None and _layer(target) is not None and _layer(target) > _layer(source)
    ]
    order = " < ".join("/".join(sorted(name.removeprefix("archmodel.") for name in layer)) for layer in LAYERS)
    assert not upward, f"imports against the layers {order}:\n" + "\n".join(upward)


def test_every_module_has_a_layer() -> None:
    """A new package outside the layers would escape the check above."""
    unplaced = [name for name in import_graph() if _layer(name) is None and name != f"{ROOT}.__main__"]
    assert not unplaced, "modules in no layer (add their package to LAYERS): " + ", ".join(unplaced)


def test_the_walk_sees_function_level_relative_and_lazy_imports(tmp_path: Path) -> None:
    """The checker itself: a circle made only of imports inside functions, relative imports and
    a package's lazy import of its submodule is found, and every edge is where it was written."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("def register():\n    from pkg import commands\n")
    (package / "commands.py").write_text("from pkg import app_name\n")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "a.py").write_text("def f():\n    from . import b\n")
    (package / "sub" / "b.py").write_text("def g():\n    import pkg.sub.c\n")
    (package / "sub" / "c.py").write_text("from ..sub.a import f\n")
    (package / "leaf.py").write_text("import pkg.sub.a.f\nfrom pkg.sub import a\n")
    graph = import_graph(package, "pkg")
    assert graph["pkg"] == {"pkg.commands": 2}
    assert graph["pkg.commands"] == {"pkg": 1}
    assert graph["pkg.sub.a"] == {"pkg.sub.b": 2}
    assert graph["pkg.sub.b"] == {"pkg.sub.c": 2}
    assert graph["pkg.sub.c"] == {"pkg.sub.a": 1}
    assert graph["pkg.leaf"] == {"pkg.sub.a": 1}
    cycles = describe_cycles(graph)
    assert strongly_connected(graph) == [["pkg", "pkg.commands"], ["pkg.sub.a", "pkg.sub.b", "pkg.sub.c"]]
    assert any("pkg.sub.a (line 2) -> pkg.sub.b (line 2) -> pkg.sub.c (line 1) -> pkg.sub.a" in c for c in cycles)
    assert any(c.startswith("pkg (line 2) -> pkg.commands (line 1) -> pkg") for c in cycles)


def test_every_module_of_the_package_is_walked() -> None:
    graph = import_graph()
    assert "archmodel.ingest.loader" in graph and "archmodel.cli" in graph
    assert "archmodel.db.connection" in graph["archmodel.ingest.loader"]
    assert "archmodel.cli.load_commands" in graph["archmodel.cli"], "the CLI's lazy registration must be an edge"
