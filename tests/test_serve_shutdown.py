"""Stopping the apps' server, by Ctrl-C or by a service manager's SIGTERM, shuts down every
kernel it started: nothing a learner ran outlives the session."""

import re
import signal
import urllib.request

import psutil
import pytest

from tests.conftest import APPS_DIR, kernel_of, kernels_of, voila_process


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_the_server_shuts_every_kernel_down(stop):
    with voila_process(APPS_DIR) as (url, server):
        opened = []
        for name in ("simulator", "assessment"):
            with urllib.request.urlopen(f"{url}/voila/render/{name}.ipynb", timeout=180) as page:
                kernel_id = re.search(r'"kernelId": "([0-9a-f-]+)"', page.read().decode())[1]
                opened.append(kernel_of(server, kernel_id))
        # the two pages' kernels, and the pre-heated kernels waiting for the next learners
        kernels = kernels_of(server)
        assert set(opened) < set(kernels)
        server.send_signal(stop)
        # how long shutting a pool of kernels down takes depends on the machine's load; the
        # test asks that the server stops and takes its kernels with it, not how fast
        server.wait(timeout=90)
        _gone, alive = psutil.wait_procs(kernels, timeout=15)
        assert alive == [], f"kernels still running after the server stopped: {alive}"
