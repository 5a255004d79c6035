"""`python -m benchmarks [name ...]` (and `make bench`): run the project's benchmarks.

Each benchmark is a module of this package with a `run(argv) -> int`; add its name to
BENCHMARKS. With no names, every benchmark runs.
"""

import importlib
import sys

BENCHMARKS = ("papers", "pages", "exchange")


def main(argv: list[str]) -> int:
    names = [arg for arg in argv if not arg.startswith("-")] or list(BENCHMARKS)
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"Unknown benchmark(s): {', '.join(unknown)}. Known: {', '.join(BENCHMARKS)}")
        return 2
    status = 0
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        status |= module.run([arg for arg in argv if arg.startswith("-")])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
