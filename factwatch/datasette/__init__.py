"""Browse the database in Datasette: metadata, facets, canned queries, full-text search.

The server is read-only: Datasette opens the file read-only and no canned
query writes.  Scraped text is shown escaped (Datasette's default; no
template here marks anything safe).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from factwatch.core.resources import text


def metadata_for(db_path: str | Path) -> dict[str, Any]:
    """The bundled metadata, keyed by the database name Datasette derives from the file."""
    data = json.loads(text("factwatch.datasette", "metadata.json"))
    name = Path(db_path).stem
    data["databases"] = {name: data["databases"]["factwatch"]}
    return data


def build_app(db_path: str | Path) -> Any:
    """A started Datasette instance over ``db_path`` (an ASGI app via ``.app()``)."""
    from datasette.app import Datasette

    return Datasette(
        [str(db_path)],
        metadata=metadata_for(db_path),
        settings={"default_page_size": 50, "allow_download": False},
    )


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette over ``db_path`` until interrupted."""
    import uvicorn

    ds = build_app(db_path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
