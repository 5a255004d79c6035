"""The floor plan holds: base below, domains in the middle, the site on top (README,
"Architecture"), with no import cycle and no import hidden inside a function."""

import ast
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "core",
    "accounts",
    "recommendations",
    "responses",
    "deadlines",
    "inspections",
    "papers",
    "exchange",
    "scrutiny",
]


def test_each_layer_imports_only_the_layers_below_it():
    # The contract is in pyproject.toml ([tool.importlinter]); `make test` runs it too.
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _cycles(graph) -> list[set[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []
    counter = [0]

    def visit(module):
        index[module] = low[module] = counter[0]
        counter[0] += 1
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_no_modules_import_each_other_round_a_cycle():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    # A package's __init__ is imported by all its modules; it imports none of them here.
    assert _cycles(graph) == []


def _function_local_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        # AppConfig.ready() is where Django wants signal receivers connected: the models
        # they import are not loaded when apps.py is.
        if node.name == "ready" and path.name == "apps.py":
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                found.append(f"{path.relative_to(ROOT)}:{inner.lineno} {ast.unparse(inner)}")
    return found


def test_no_import_is_hidden_inside_a_function():
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                found.extend(_function_local_imports(path))
    assert found == []
