"""Every registered command's help ends with an example (a line starting with "Example")."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from factwatch.cli import cli

COMMANDS = sorted(cli.commands)


def test_commands_are_registered():
    assert {"findings", "search", "show", "review", "rebut", "export", "serve"} <= set(COMMANDS)


def test_group_help_has_an_example():
    result = CliRunner().invoke(cli, ["--help"])
    assert any(line.strip().startswith("Example") for line in result.output.splitlines())


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert any(line.startswith("Example") for line in lines), f"{name} --help has no example"
    example = lines.index(next(line for line in lines if line.startswith("Example")))
    runs = re.compile(rf"^factwatch\b.*(?<![-\w]){re.escape(name)}\b")
    assert any(runs.match(line) for line in lines[example:]), (
        f"{name} --help: the example should run `factwatch {name}`"
    )


SUBCOMMANDS = sorted(
    (name, sub)
    for name, command in cli.commands.items()
    if isinstance(command, click.Group)
    for sub in command.commands
)


def test_command_groups_have_subcommands():
    assert ("facts", "check") in SUBCOMMANDS


@pytest.mark.parametrize(("group", "name"), SUBCOMMANDS)
def test_subcommand_help_has_an_example(group, name):
    result = CliRunner().invoke(cli, [group, name, "--help"])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    example = next((i for i, line in enumerate(lines) if line.startswith("Example")), None)
    assert example is not None, f"{group} {name} --help has no example"
    runs = re.compile(rf"^factwatch {re.escape(group)} {re.escape(name)}\b")
    assert any(runs.match(line) for line in lines[example:]), (
        f"{group} {name} --help: the example should run `factwatch {group} {name}`"
    )
