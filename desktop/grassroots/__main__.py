"""`grassroots` and `python -m grassroots`: run a command, or with none open the window."""

from __future__ import annotations

import importlib
import os
import sys

from grassroots.cli import build_parser, run


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors (exit code 2)
        return stop.code if isinstance(stop.code, int) else 0
    if args.command is None:
        return _open_window(args.db)
    try:
        return run(args)
    except BrokenPipeError:
        # The reader went away (`grassroots members list | head`): that is not an error.
        # Point stdout at nothing so Python's own flush at exit does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _open_window(db: str | None) -> int:
    """Import the window only now, so commands never pay for (or need) Qt."""
    try:
        app = importlib.import_module("grassroots.app")
    except ModuleNotFoundError as exc:
        if exc.name not in ("grassroots.app", "PySide6"):
            raise
        print(
            "The Grassroots window cannot start: this installation has no desktop part "
            f"({exc.name} is missing). Commands still work: see grassroots --help.",
            file=sys.stderr,
        )
        return 1
    return app.run(db)


if __name__ == "__main__":
    sys.exit(main())
