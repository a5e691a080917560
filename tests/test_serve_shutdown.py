"""Stopping the apps' server, by Ctrl-C or by a service manager's SIGTERM, shuts down every
kernel it started: nothing a learner ran outlives the session."""

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import psutil
import pytest

from tests.conftest import APPS_DIR, ROOT, free_port, kernels_of


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_the_server_shuts_every_kernel_down(stop):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "voila", str(APPS_DIR), f"--port={port}"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(url, timeout=2):
                        break
                except OSError:
                    assert time.monotonic() < deadline, "Voila did not start"
                    time.sleep(0.25)
            for name in ("simulator", "assessment"):
                with urllib.request.urlopen(f"{url}/voila/render/{name}.ipynb", timeout=180):
                    pass
            kernels = kernels_of(server)
            assert len(kernels) >= 2, "each page opened should have its kernel"
            server.send_signal(stop)
            server.wait(timeout=30)
            _gone, alive = psutil.wait_procs(kernels, timeout=15)
            assert alive == [], f"kernels still running after the server stopped: {alive}"
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
