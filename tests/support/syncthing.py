"""Real Syncthing instances on loopback for the end-to-end sync test (a real engine).

Each instance gets its own home (keys and config made by ``syncthing generate``),
listens on 127.0.0.1 only, with discovery, relays, NAT and usage reporting off, and
shares one folder (id ``ketajournal``) with the other instances. :meth:`scan` asks an
instance to look at its folder now (the REST API), so the test does not wait for the
file watcher.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

FOLDER_ID = "ketajournal"


def available() -> bool:
    """True when the ``syncthing`` program is installed."""
    return shutil.which("syncthing") is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Instance:
    """One Syncthing: its home, the folder it syncs, its ports and API key."""

    home: Path
    folder: Path
    device_id: str = ""
    listen_port: int = field(default_factory=_free_port)
    gui_port: int = field(default_factory=_free_port)
    api_key: str = "ketajournal-test-api-key"
    process: subprocess.Popen[bytes] | None = None
    _log: BinaryIO | None = None

    def generate(self) -> None:
        """Make the keys and the config (``syncthing generate``)."""
        out = subprocess.run(
            ["syncthing", "generate", "--home", str(self.home), "--no-default-folder"],
            check=True, capture_output=True, text=True, timeout=60,
        )
        for line in (out.stdout + out.stderr).splitlines():
            if "Device ID:" in line:
                self.device_id = line.split("Device ID:")[1].strip()
        if not self.device_id:
            raise RuntimeError("syncthing generate printed no device id")

    def configure(self, peers: list[Instance]) -> None:
        """Loopback only, no discovery; share the folder with ``peers``."""
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        options = root.find("options")
        assert options is not None
        settings = {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "startBrowser": "false",
            "urAccepted": "-1",
            "crashReportingEnabled": "false",
            "autoUpgradeIntervalH": "0",
            "reconnectionIntervalS": "1",
        }
        for name, value in settings.items():
            node = options.find(name)
            if node is None:
                node = ET.SubElement(options, name)
            node.text = value
        gui = root.find("gui")
        assert gui is not None
        address, key = gui.find("address"), gui.find("apikey")
        assert address is not None and key is not None
        address.text = f"127.0.0.1:{self.gui_port}"
        key.text = self.api_key
        for peer in peers:
            device = ET.SubElement(root, "device", id=peer.device_id, name=peer.home.name,
                                   compression="metadata", introducer="false")
            ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{peer.listen_port}"
            ET.SubElement(device, "autoAcceptFolders").text = "false"
        folder = ET.SubElement(
            root, "folder", id=FOLDER_ID, label=FOLDER_ID, path=str(self.folder),
            type="sendreceive", rescanIntervalS="1", fsWatcherEnabled="true",
            fsWatcherDelayS="1",
        )
        for member in [self, *peers]:
            ET.SubElement(folder, "device", id=member.device_id)
        tree.write(path)

    def start(self) -> None:
        """Run ``syncthing serve`` for this home."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._log = log = (self.home / "serve.log").open("wb")
        self.process = subprocess.Popen(
            ["syncthing", "serve", "--home", str(self.home), "--no-browser", "--no-restart",
             "--skip-port-probing"],
            stdout=log, stderr=subprocess.STDOUT,
        )

    def stop(self) -> None:
        """End this instance (only the process it started)."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def scan(self) -> None:
        """Ask Syncthing to scan the folder now (quietly ignored while it starts)."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}/rest/db/scan?folder={FOLDER_ID}",
            method="POST", headers={"X-API-Key": self.api_key},
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                response.read()
        except OSError:
            pass

    def connected(self) -> bool:
        """True when this instance is connected to at least one peer."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}/rest/system/connections",
            headers={"X-API-Key": self.api_key},
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                data = json.loads(response.read())
        except OSError:
            return False
        return any(c.get("connected") for c in data.get("connections", {}).values())


def pair(base: Path, count: int = 2) -> list[Instance]:
    """``count`` configured instances sharing one folder each, not yet started."""
    instances = [Instance(base / f"st{i}", base / f"folder{i}") for i in range(count)]
    for instance in instances:
        instance.generate()
    for instance in instances:
        instance.configure([p for p in instances if p is not instance])
    return instances


def wait_until(condition: Callable[[], bool], timeout: float, poke: Callable[[], None]) -> bool:
    """Poll ``condition`` (calling ``poke`` between tries) until it holds or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        poke()
        time.sleep(0.5)
    return condition()
