"""The `archmodel` command line: thin Typer commands over the library.

Each command module registers its commands on `app`; this module owns the root options
(connection, `--debug`) and turns errors into one line and an exit code (docs/cli.md "Exit codes").
"""

from __future__ import annotations

import io
import os
import sys
import traceback

import typer
from typer.exceptions import TyperException

from archmodel.cli import state
from archmodel.errors import ArchmodelError

INTERRUPTED = 130

app = typer.Typer(
    name="archmodel",
    help="Model and audit the internal link architecture of medical websites in Neo4j.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def root(
    uri: str | None = typer.Option(
        None, "--uri", help="Bolt or routing URI [env NEO4J_URI, default bolt://127.0.0.1:7687]."
    ),
    user: str | None = typer.Option(None, "--user", help="User name [env NEO4J_USERNAME, default neo4j]."),
    database: str | None = typer.Option(
        None, "--database", help="Database name [env NEO4J_DATABASE, default neo4j]."
    ),
    password_prompt: bool = typer.Option(
        False, "--password-prompt", help="Ask for the password instead of reading NEO4J_PASSWORD."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    """Connection options go before the command: `archmodel --uri neo4j+s://... run`."""
    state.configure(
        uri=uri,
        user=user,
        database=database,
        password_prompt=password_prompt,
        debug=debug or bool(os.environ.get("ARCHMODEL_DEBUG")),
    )


def _register_commands() -> None:
    from archmodel.cli import (  # noqa: F401  (each module registers its commands on import)
        db_commands,
        demo_commands,
        history_commands,
        init_commands,
        load_commands,
        mcp_commands,
        pack_commands,
        render_commands,
        synth_commands,
        traffic_commands,
    )


_register_commands()


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
