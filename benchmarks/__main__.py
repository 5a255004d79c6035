"""`python -m benchmarks [name ...] [--option=value ...]` (and `make bench`): run the
project's benchmarks; `--help` says what each does and takes.

Each benchmark is a module of this package with a `run(argv) -> int` and the `OPTIONS` it
takes (each "--name=" or a flag "--name"); add its name to BENCHMARKS. With no names,
every benchmark runs. An option none of the chosen benchmarks takes stops the run before
anything is built, rather than being ignored.
"""

import importlib
import sys
from types import ModuleType

BENCHMARKS = ("papers", "pages", "exchange")


def _takes(module: ModuleType, arg: str) -> bool:
    return any(
        arg.startswith(option) if option.endswith("=") else arg == option
        for option in module.OPTIONS
    )


def main(argv: list[str]) -> int:
    names = [arg for arg in argv if not arg.startswith("-")] or list(BENCHMARKS)
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"Unknown benchmark(s): {', '.join(unknown)}. Known: {', '.join(BENCHMARKS)}")
        return 2
    modules = [importlib.import_module(f"benchmarks.{name}") for name in names]
    options = [arg for arg in argv if arg.startswith("-")]
    if "-h" in options or "--help" in options:
        print(__doc__.strip())
        for name, module in zip(names, modules, strict=True):
            print(f"\n--- {name} ---\n{module.__doc__.strip()}")
        return 0
    for option in options:
        if not any(_takes(module, option) for module in modules):
            taken = sorted({taken for module in modules for taken in module.OPTIONS})
            print(
                f"No benchmark of {', '.join(names)} takes the option {option}. "
                f"They take: {', '.join(taken)} (as --name=value). See --help."
            )
            return 2
    status = 0
    for module in modules:
        status |= module.run([arg for arg in options if _takes(module, arg)])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
