"""A small Chrome DevTools Protocol client for the browser tests: starts Debian's chromium
headless with a fresh profile, drives one page, takes screenshots. No browser download,
no WebDriver: one websocket to the page (websocket-client)."""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import websocket

__all__ = ["find_chromium", "Browser"]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-extensions", "--mute-audio",
         "--window-size=1280,1000", "--remote-debugging-port=0", "--lang=vi"]
# How long a step may take on a loaded 2-core machine before the test fails.
STEP_TIMEOUT = 60


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def wait_for(condition, timeout=STEP_TIMEOUT, what="condition"):
    """Poll until condition() is truthy; its value is returned. Fails after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Browser:
    def __init__(self, binary: str, profile: Path):
        self.profile = profile
        profile.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}",
                                         "about:blank"], stdout=subprocess.DEVNULL,
                                        stderr=open(profile / "chromium.log", "wb"))
        port_file = profile / "DevToolsActivePort"
        port = wait_for(lambda: port_file.exists() and port_file.read_text().split("\n")[0],
                        what="chromium's DevTools port")
        self.http = f"http://127.0.0.1:{port}"
        page = wait_for(self._page_target, what="chromium's first page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=STEP_TIMEOUT,
                                              suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _page_target(self):
        if self.process.poll() is not None:
            raise AssertionError(f"chromium exited: {(self.profile / 'chromium.log').read_text()}")
        with urllib.request.urlopen(f"{self.http}/json/list", timeout=10) as response:
            pages = [t for t in json.load(response) if t["type"] == "page"]
        return pages[0] if pages else None

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        ask = self.next_id
        self.ws.send(json.dumps({"id": ask, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ask:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _loaded(self, url_part: str):
        state = self.js("document.readyState + ' ' + location.href")
        return state.startswith("complete") and url_part in state

    def goto(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_loaded(url.split("://", 1)[-1].split("/", 1)[-1])

    def wait_loaded(self, url_part: str = "") -> None:
        wait_for(lambda: self._loaded(url_part), what=f"page {url_part!r} to load")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element (scrolled into view)."""
        box = wait_for(lambda: self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) "
            "return null; e.scrollIntoView({block: 'center'}); const r = "
            "e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"),
            what=f"element {selector}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1],
                      button="left", clickCount=1)

    def type_text(self, selector: str, text: str) -> None:
        self.click(selector)
        self.call("Input.insertText", text=text)

    def press_enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                      windowsVirtualKeyCode=13, text="\r" if kind == "keyDown" else "")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
