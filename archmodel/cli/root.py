"""The Typer app every command registers on, and the root options that come before a command.

Command modules import `app` from here (not from the `archmodel.cli` package, which imports them
all), so the package and its commands do not import each other.
"""

from __future__ import annotations

import os

import typer

from archmodel.cli import state

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
