"""Browse the database in Datasette: metadata, facets, canned queries, full-text search.

The server is read-only: Datasette opens the file read-only, no canned
query writes, and every request other than GET, HEAD or OPTIONS is answered
405 Method Not Allowed before it reaches Datasette (a POST to a canned query
would otherwise end in a server error).  Scraped text is shown escaped (Datasette's default; no
template here marks anything safe).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from factwatch.core.kinds import Registry, kinds
from factwatch.core.resources import text


def kinds_help(registry: Registry) -> str:
    """One line naming every finding kind, for column descriptions."""
    return "; ".join(
        f"{k.name}: {k.label}" + ("" if k.flags else " (recorded, not flagged)")
        for k in registry.kinds
    )


def metadata_for(db_path: str | Path) -> dict[str, Any]:
    """The bundled metadata, keyed by the database name Datasette derives from the file,
    with the finding kinds filled in from the kind registry."""
    registry = kinds()
    recorded = [k.name for k in registry.kinds if not k.flags]
    fills = {
        "{kinds}": kinds_help(registry),
        # Kind names are identifiers (the registry checks), so quoting them is safe.
        "{recorded_kinds}": ", ".join(f"'{n}'" for n in recorded) or "''",
    }
    data = _filled(json.loads(text("factwatch.datasette", "metadata.json")), fills)
    name = Path(db_path).stem
    data["databases"] = {name: data["databases"]["factwatch"]}
    return data


def _filled(value: Any, fills: dict[str, str]) -> Any:
    """``value`` with every placeholder of ``fills`` replaced in its strings."""
    if isinstance(value, str):
        for placeholder, filler in fills.items():
            value = value.replace(placeholder, filler)
        return value
    if isinstance(value, dict):
        return {k: _filled(v, fills) for k, v in value.items()}
    if isinstance(value, list):
        return [_filled(v, fills) for v in value]
    return value


def build_app(db_path: str | Path) -> Any:
    """A started Datasette instance over ``db_path`` (an ASGI app via ``.app()``)."""
    from datasette.app import Datasette

    return Datasette(
        [str(db_path)],
        metadata=metadata_for(db_path),
        settings={"default_page_size": 50, "allow_download": False},
    )


READ_METHODS = ("GET", "HEAD", "OPTIONS")


def read_only(app: Any) -> Any:
    """An ASGI app that answers 405 to any method but GET, HEAD and OPTIONS."""

    async def guarded(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("method", "GET") not in READ_METHODS:
            body = b"405 Method Not Allowed: this factwatch server is read-only.\n"
            await send(
                {
                    "type": "http.response.start",
                    "status": 405,
                    "headers": [
                        (b"allow", ", ".join(READ_METHODS).encode()),
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await app(scope, receive, send)

    return guarded


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette over ``db_path`` until interrupted."""
    import uvicorn

    ds = build_app(db_path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(read_only(ds.app()), host=host, port=port, log_level="warning")
