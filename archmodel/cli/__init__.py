"""The `archmodel` command line: thin Typer commands over the library.

Each command module registers its commands on `app` (archmodel/cli/root.py, which also owns the
root options: connection, `--debug`) when it is imported below; this module runs the app and
turns errors into one line and an exit code (docs/cli.md "Exit codes").

The command modules import the library modules their commands need inside the command
functions, so that `archmodel --help` or `archmodel db status` does not import pandas, Plotly
and the whole catalogue first. Such a lazy import is only for start-up time, never to get around
an import circle: tests/unit/test_import_layers.py counts it as an import like any other.
"""

from __future__ import annotations

import io
import os
import sys
import traceback

import typer
from typer.exceptions import TyperException

from archmodel.cli import (  # noqa: F401  (each command module registers its commands on import)
    db_commands,
    demo_commands,
    history_commands,
    init_commands,
    load_commands,
    mcp_commands,
    pack_commands,
    render_commands,
    state,
    synth_commands,
    traffic_commands,
)
from archmodel.cli.root import app
from archmodel.errors import ArchmodelError

__all__ = ["INTERRUPTED", "app", "main", "run"]

INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (0 done, 1 findings, 2 error, 130 interrupted)."""
    state.reset()
    for stream in (sys.stdout, sys.stderr):  # a file name in another encoding prints as \xe9, never a crash
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        _refuse_undecodable(sys.argv[1:] if argv is None else argv)
        result = app(args=argv, prog_name="archmodel", standalone_mode=False)
        if result == INTERRUPTED:  # Typer turns Ctrl-C inside a command into a silent exit code 130
            print("Error: interrupted", file=sys.stderr)
        return result if isinstance(result, int) else 0
    except ArchmodelError as exc:
        _print_error(exc.message(), exc)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        print("Error: interrupted", file=sys.stderr)
        return INTERRUPTED
    except TyperException as exc:
        show = getattr(exc, "show", None)
        if show is not None:
            show(file=sys.stderr)
        else:
            print(f"Error: {exc.format_message()}", file=sys.stderr)
        return 2
    except Exception as exc:  # an unexpected failure still ends in one line unless --debug
        _print_error(
            f"Error: unexpected {exc.__class__.__name__}: {exc} - rerun with --debug and report it",
            exc,
        )
        return 2


def _refuse_undecodable(argv: list[str]) -> None:
    """An argument that is not UTF-8 (its bytes reach Python as lone surrogates) is an error naming
    it, unless it names an existing file or one to write in an existing folder: a file name may be
    in another encoding."""
    for position, argument in enumerate(argv, 1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            if os.path.exists(argument) or os.path.isdir(os.path.dirname(argument) or "."):
                continue
            shown = argument.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
            raise ArchmodelError(f"argument {position} is not valid UTF-8 text: {shown}", "command line",
                                 "type it in UTF-8 (check the terminal's locale, e.g. LANG=C.UTF-8)") from None


def _print_error(message: str, exc: BaseException) -> None:
    if state.current().debug:
        traceback.print_exception(exc, file=sys.stderr)
    print(state.redact(message), file=sys.stderr)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
