"""Shared test settings, and Voila servers started the way `make serve` starts them."""

import json
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
def voila_server(served: Path, timeout_s: float = 60, pool_size: int | None = 1) -> Iterator[str]:
    """Serve ``served`` (a notebook or a folder) with Voila; yield its base URL.

    Started from the repo root, where Voila reads ``voila.json`` (loopback only, the
    painmood template, no tracebacks, pre-heated kernels), on a free port; stopped by its
    PID afterwards. ``pool_size`` pre-heated kernels wait for each notebook (one by
    default: a test opens each page about once, and a room's pools would load the
    machine), or none, and no pre-heating, when it is ``None``.
    """
    with voila_process(served, timeout_s, pool_size) as (url, _server):
        yield url


@contextmanager
def voila_process(
    served: Path, timeout_s: float = 60, pool_size: int | None = 1
) -> Iterator[tuple[str, subprocess.Popen]]:
    """As :func:`voila_server`, yielding the server's process with its URL."""
    pools = json.dumps({"default": {"pool_size": pool_size}})
    pool = (
        ["--VoilaConfiguration.preheat_kernel=False"]
        if pool_size is None
        else [f"--VoilaKernelManager.kernel_pools_config={pools}"]
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # Voila's log goes to a file, not a pipe: a full pipe would stall the server.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "voila", str(served), f"--port={port}", *pool],
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


def kernel_of(server: subprocess.Popen, kernel_id: str) -> psutil.Process:
    """The process of one kernel of a Voila server, found by the kernel's id."""
    (kernel,) = [
        child for child in kernels_of(server) if f"kernel-{kernel_id}.json" in child.cmdline()[-1]
    ]
    return kernel


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
    # every notebook of the course: kernels started on demand, none pre-heated
    with voila_server(ROOT / "notebooks", pool_size=None) as url:
        yield url


APPS_DIR = ROOT / "notebooks" / "apps"
"""The apps `make serve` publishes: one notebook each, and the index linking them."""


@pytest.fixture(scope="session")
def apps_url() -> Iterator[str]:
    """Base URL of Voila serving ``notebooks/apps/``, as ``make serve`` does."""
    with voila_server(APPS_DIR) as url:
        yield url


@contextmanager
def voila_logged(
    served: Path, log_path: Path, timeout_s: float = 60, pools: dict | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """As :func:`voila_process`, with the server's log kept in ``log_path`` for the test to read.

    The log is what a room's terminal would show: Voila's own lines and its kernels'
    output, at the log level ``voila.json`` gives. ``pools`` is Voila's
    ``kernel_pools_config``; one pre-heated kernel for each notebook by default.
    """
    pools = pools if pools is not None else {"default": {"pool_size": 1}}
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # opened for appending: the server's writes never overwrite what the test has read
    with log_path.open("ab") as log, log_path.open("rb") as reader:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "voila",
                str(served),
                f"--port={port}",
                f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}",
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            _wait_until_serving(url, server, reader, timeout_s)
            yield url, server
        finally:
            stop_server(server)
