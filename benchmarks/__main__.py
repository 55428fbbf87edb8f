"""``python -m benchmarks [NAME...] [--scale full|tiny]``: one JSON line per result."""

from __future__ import annotations

import argparse
import sys

from benchmarks import ON_REQUEST, SCALES, default_names, registry, run, scale_from_env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: {', '.join(default_names())}; "
                             f"on request: {', '.join(ON_REQUEST)})")
    parser.add_argument("--scale", choices=sorted(SCALES), default=scale_from_env(),
                        help="data sizes (default: $STOCKDESK_BENCH_SCALE or full)")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in registry()]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(registry())}")
    run(args.names, scale=args.scale, out=sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
