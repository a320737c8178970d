"""README.md's walkthrough ("From the demo to a correction request"), run as written.

The demo runs on its usual ports (so its URLs, and with them the finding ids,
are the ones the README names); then every command of the section's first
``sh`` block runs in order through the CLI, and the draft it prints must match
the section's example draft.  When the matcher changes what a finding quotes or
which facts it judges a sentence against, the README's ids go stale: this test
fails and says how to find the new ones.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from factwatch.cli import cli
from factwatch.demo.command import DEMO_BASE_PORT

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## From the demo to a correction request"
PORTS = range(DEMO_BASE_PORT, DEMO_BASE_PORT + 4)
STALE = (
    "The demo's finding ids changed (the matcher now quotes or judges that statement "
    "differently). Run `factwatch demo`, then `factwatch --db factwatch-demo.db findings`, "
    "and put the id of the same finding in README.md's walkthrough."
)

pytestmark = pytest.mark.slow


def walkthrough(text: str) -> str:
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start : end if end != -1 else len(text)]


def fenced(section: str) -> list[tuple[str, list[str]]]:
    """(language, lines) of each fenced block."""
    return [
        (lang, body.splitlines())
        for lang, body in re.findall(r"^```(\w*)\n(.*?)^```", section, flags=re.M | re.S)
    ]


def matches_in_order(expected: list[str], output: list[str]) -> list[str]:
    """The expected lines not found, in order, in ``output``; a line ending in
    ``(...)`` stands for any line starting with the text before it."""
    missing, at = [], 0
    for line in (e for e in expected if e.strip()):
        prefix = line[: -len("(...)")] if line.endswith("(...)") else None
        for i in range(at, len(output)):
            if output[i] == line or (prefix is not None and output[i].startswith(prefix)):
                at = i + 1
                break
        else:
            missing.append(line)
    return missing


def wait_for_free_ports(timeout: float = 90.0) -> None:
    """The demo's usual ports, free (another run of the demo may hold them a while)."""
    deadline = time.monotonic() + timeout
    while True:
        busy = []
        for port in PORTS:
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    busy.append(port)
        if not busy:
            return
        if time.monotonic() > deadline:
            pytest.fail(
                f"ports {busy} stayed busy; the README names the ids of the demo on its usual ports"
            )
        time.sleep(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Step:
    line: str
    exit_code: int
    output: str


@dataclass
class Walk:
    section: str
    commands: list[str]
    steps: list[Step] = field(default_factory=list)

    def output_of(self, word: str) -> str:
        return next(s.output for s in self.steps if shlex.split(s.line)[1:2] == [word])


def serve(args: list[str], env: dict[str, str], cwd: Path) -> Step:
    """Run `factwatch serve` (on a free port, not the README's 8001) until it answers."""
    port = free_port()
    command = [sys.executable, "-m", "factwatch", *args, "--port", str(port)]
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    return Step(" ".join(args), 0, f"HTTP {resp.status}")
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.2)
        return Step(
            " ".join(args),
            1,
            proc.stdout.read().decode() if proc.poll() is not None else "no answer",
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def walk(tmp_path_factory) -> Walk:
    section = walkthrough((ROOT / "README.md").read_text(encoding="utf-8"))
    lang, lines = fenced(section)[0]
    assert lang == "sh", "the walkthrough's first block holds its commands"
    commands = [line for line in lines if line.strip()]
    folder = tmp_path_factory.mktemp("walkthrough")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTWATCH_")}
    runner = CliRunner()
    previous = Path.cwd()
    os.chdir(folder)
    try:
        wait_for_free_ports()
        demo = runner.invoke(cli, ["demo"], env=env, catch_exceptions=False)
        assert demo.exit_code == 0, demo.output
        assert f"127.0.0.1:{DEMO_BASE_PORT}" in demo.output, "the demo did not get its usual ports"
        result = Walk(section, commands)
        for line in commands:
            words = shlex.split(line, comments=True)
            if words[0] in (".", "source"):
                continue  # activates the virtualenv: this test runs inside it
            if words[0] == "export":
                name, _, value = words[1].partition("=")
                env[name] = value
            elif words[:2] == ["factwatch", "serve"]:
                result.steps.append(serve(words[1:], {**env, "PYTHONPATH": str(ROOT)}, folder))
            elif words[0] == "factwatch":
                run = runner.invoke(cli, words[1:], env=env, catch_exceptions=False)
                result.steps.append(Step(line, run.exit_code, run.output))
            else:
                pytest.fail(f"README walkthrough: no way to run {line!r}; extend this test")
        return result
    finally:
        os.chdir(previous)


def test_every_command_of_the_walkthrough_succeeds(walk):
    failed = [
        f"{s.line}\n  exit {s.exit_code}: {s.output.strip()[:400]}"
        for s in walk.steps
        if s.exit_code
    ]
    assert not failed, "\n".join(failed) + "\n" + STALE


def test_the_ids_in_the_prose_are_the_ids_the_commands_use(walk):
    in_prose = set(re.findall(r"`([0-9a-f]{6,20})`", walk.section))
    in_commands = {
        w
        for c in walk.commands
        for w in shlex.split(c, comments=True)
        if re.fullmatch(r"[0-9a-f]{6,20}", w)
    }
    assert in_prose == in_commands and in_commands


def test_the_findings_list_shows_the_ids_used(walk):
    listed = walk.output_of("findings")
    ids = {
        w
        for c in walk.commands
        for w in shlex.split(c, comments=True)
        if re.fullmatch(r"[0-9a-f]{6,20}", w)
    }
    assert all(re.search(rf"^{i}", listed, flags=re.M) for i in ids), STALE


def test_the_draft_is_the_one_the_readme_shows(walk):
    ((_, expected),) = [(lang, lines) for lang, lines in fenced(walk.section)[1:] if lang == ""]
    missing = matches_in_order(expected, walk.output_of("rebut").splitlines())
    assert missing == [], STALE


def test_the_ui_answers(walk):
    (served,) = [s for s in walk.steps if s.line.startswith("serve")]
    assert served.exit_code == 0 and served.output == "HTTP 200"


# -- the parser itself ----------------------------------------------------------------------


def test_lines_must_appear_in_order_and_an_ellipsis_matches_the_rest():
    output = ["a", "b: one two", "c"]
    assert matches_in_order(["a", "b: (...)", "c"], output) == []
    assert matches_in_order(["c", "a"], output) == ["a"]
    assert matches_in_order(["b: three"], output) == ["b: three"]
