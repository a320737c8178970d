"""CLI commands (see factwatch/cli/__init__.py for the map)."""

from __future__ import annotations

import click  # noqa: F401

COMMANDS: list = []
