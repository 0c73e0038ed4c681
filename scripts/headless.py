"""Drive a headless Chromium through the DevTools protocol over a pipe (no package, no port, no network).

Used by the browser tests (``tests/test_render_browser.py``, ``tests/test_site.py``) and by
``scripts/screenshot.py``. Chromium is Debian's ``chromium`` (``.ci/run`` installs it with apt); set
``MILINC_CHROMIUM`` to use another binary. ``--remote-debugging-pipe`` makes Chromium read protocol
messages from its file descriptor 3 and write its answers to 4, each a JSON object ended by a NUL byte.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# Flags for a root user on a machine without network: no sandbox (root), no GPU, and none of the
# background connections (updates, sync, safe browsing) that a closed network refuses.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
]


_TRAMPOLINE = """
import os, sys
given = int(sys.argv[1]), int(sys.argv[2])
read_end, write_end = os.dup(given[0]), os.dup(given[1])  # copies that are neither of the given fds
for fd in given:
    os.close(fd)
os.dup2(read_end, 3)  # read_end > 3 or == 3, and write_end > read_end: nothing is overwritten too early
os.dup2(write_end, 4)
for fd in {read_end, write_end} - {3, 4}:
    os.close(fd)
os.set_inheritable(3, True)  # os.dup made its copies non-inheritable, and dup2 onto itself changes nothing
os.set_inheritable(4, True)
os.execv(sys.argv[3], sys.argv[3:])
"""


def find_chromium() -> str | None:
    """The Chromium binary to use, or ``None`` when there is none."""
    configured = os.environ.get("MILINC_CHROMIUM")
    if configured:
        return configured if shutil.which(configured) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    """Chromium failed to start or to answer."""


class Browser:
    """One headless Chromium process with a fresh profile; use as a context manager."""

    def __init__(self, executable: str | None = None, *, width: int = 1280, height: int = 900, timeout: float = 30):
        found = executable or find_chromium()
        if found is None:
            raise BrowserError("no chromium found (apt-get install chromium, or set MILINC_CHROMIUM)")
        self.timeout = timeout
        self.width, self.height = width, height
        self._profile = tempfile.mkdtemp(prefix="milinc-chromium-")
        # a file, not a pipe: Chromium logs much, and a full pipe would block it
        self._log = tempfile.TemporaryFile(prefix="milinc-chromium-log-")  # noqa: SIM115 - closed by close()
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        command = [found, *FLAGS, f"--user-data-dir={self._profile}", f"--window-size={width},{height}", "about:blank"]
        # A small Python trampoline puts the pipe ends on the child's fds 3 and 4, then becomes Chromium
        # (no preexec_fn: it is unsafe in a threaded process; no sh: dash cannot redirect fds above 9).
        self._process = subprocess.Popen(
            [sys.executable, "-c", _TRAMPOLINE, str(to_browser_read), str(from_browser_write), *command],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            pass_fds=(to_browser_read, from_browser_write),
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self._session: str | None = None

    # --- protocol -----------------------------------------------------------------------

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None) -> Any:
        """Send one command and return its result (events that arrive meanwhile are dropped)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            raise BrowserError(f"chromium exited: {self._stderr()}") from None
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" not in self._buffer:
                left = deadline - time.monotonic()
                ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
                if not ready:
                    raise BrowserError(f"no answer to {method} within {self.timeout} s")
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    raise BrowserError(f"chromium exited: {self._stderr()}")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})

    def _stderr(self) -> str:
        self._process.kill()
        self._process.wait(timeout=5)
        self._log.seek(0)
        return self._log.read().decode(errors="replace")[-2000:]

    # --- pages -----------------------------------------------------------------------------

    def open(self, url: str) -> None:
        """Open *url* in a new tab at the browser's width and wait until it has loaded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.set_viewport(self.width, self.height)
        self.send("Page.navigate", {"url": url}, session=self._session)
        deadline = time.monotonic() + self.timeout
        while self.evaluate("document.readyState") != "complete" or self.evaluate("location.href") == "about:blank":
            if time.monotonic() > deadline:
                raise BrowserError(f"{url} did not load within {self.timeout} s")
            time.sleep(0.05)

    def set_viewport(self, width: int, height: int) -> None:
        """Lay the page out at *width* × *height* CSS pixels."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=self._session,
        )

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the open page (JSON-serializable values)."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=self._session,
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(f"JavaScript error: {details.get('exception', {}).get('description') or details}")
        return result["result"].get("value")

    def screenshot(self, path: str | Path, *, full_page: bool = True) -> Path:
        """Save a PNG of the page (the whole page, or the viewport) to *path*."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            height = int(self.evaluate("Math.ceil(document.documentElement.scrollHeight)"))
            params["clip"] = {"x": 0, "y": 0, "width": self.width, "height": height, "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params, session=self._session)["data"]
        target = Path(path)
        target.write_bytes(base64.b64decode(data))
        return target

    # --- life cycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the browser and remove its profile."""
        try:
            if self._process.poll() is None:
                with contextlib.suppress(BrowserError, OSError):
                    self.send("Browser.close")
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
        finally:
            self._log.close()
            for fd in (self._to_browser, self._from_browser):
                with contextlib.suppress(OSError):
                    os.close(fd)
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
