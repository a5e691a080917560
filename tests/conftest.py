"""Shared test settings, and Voila servers started the way `make serve` starts them."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import psutil
import pytest
from hypothesis import settings

# Speed is measured by the benchmarks (make bench), not by tests: no hypothesis deadline,
# so a loaded 2-core CI machine cannot turn a slow example into a failure.
settings.register_profile("painmood", deadline=None)
settings.load_profile("painmood")

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A loopback port no one listens on now, for a test server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def voila_server(served: Path, timeout_s: float = 60) -> Iterator[str]:
    """Serve ``served`` (a notebook or a folder) with Voila; yield its base URL.

    Started from the repo root, where Voila reads ``voila.json`` (loopback only, the
    painmood template, no tracebacks), on a free port; stopped by its PID afterwards.
    """
    with voila_process(served, timeout_s) as (url, _server):
        yield url


@contextmanager
def voila_process(served: Path, timeout_s: float = 60) -> Iterator[tuple[str, subprocess.Popen]]:
    """As :func:`voila_server`, yielding the server's process with its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # Voila's log goes to a file, not a pipe: a full pipe would stall the server.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "voila", str(served), f"--port={port}"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            _wait_until_serving(url, server, log, timeout_s)
            yield url, server
        finally:
            stop_server(server)


def kernels_of(server: subprocess.Popen) -> list[psutil.Process]:
    """The kernel processes a Voila server has started and that still run."""
    return [
        child
        for child in psutil.Process(server.pid).children(recursive=True)
        if "ipykernel_launcher" in " ".join(child.cmdline())
    ]


def stop_server(server: subprocess.Popen) -> None:
    """Stop a test server by its PID: politely, then by force after 10 seconds."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _wait_until_serving(url: str, server: subprocess.Popen, log: IO[bytes], timeout_s: float):
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"Voila did not start on {url}:\n{log.read().decode()[-2000:]}")
            time.sleep(0.25)


@pytest.fixture(scope="session")
def voila_url() -> Iterator[str]:
    """Base URL of Voila serving ``notebooks/``, as ``make serve`` does."""
    with voila_server(ROOT / "notebooks") as url:
        yield url


APPS_DIR = ROOT / "notebooks" / "apps"
"""The apps `make serve` publishes: one notebook each, and the index linking them."""


@pytest.fixture(scope="session")
def apps_url() -> Iterator[str]:
    """Base URL of Voila serving ``notebooks/apps/``, as ``make serve`` does."""
    with voila_server(APPS_DIR) as url:
        yield url
