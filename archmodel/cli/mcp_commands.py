"""`archmodel mcp`: serve the graph and the checks to an AI assistant over stdio (archmodel/assistant.py)."""

from __future__ import annotations

from archmodel.cli import state
from archmodel.cli.root import app


@app.command("mcp")
def mcp_command() -> None:
    """Serve read-only tools to an AI assistant (Model Context Protocol, stdio).

    Register it in an MCP client as the command `archmodel mcp` (with NEO4J_URI and NEO4J_PASSWORD
    in its environment when the server is not archmodel's local one).

    Example: archmodel mcp
    """
    from archmodel.assistant import serve

    serve(state.current().settings())
