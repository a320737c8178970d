"""Run the factwatch command with its stderr on a pseudo-terminal, as a user at a shell."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

FACTWATCH = str(Path(sys.executable).with_name("factwatch"))


def on_a_terminal(args: list[str], *, timeout: float = 120) -> tuple[int, str]:
    """factwatch ARGS with stderr on a 100-column terminal: its exit code and stderr."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(
        [FACTWATCH, *args], stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return proc.wait(timeout=timeout), seen.decode("utf-8", "replace")
