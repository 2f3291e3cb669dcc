"""A PostgreSQL primary with a hot standby, both made for one test in a temporary folder.

The pair is what a shop chain runs: the standby is a `pg_basebackup -R` copy
of the primary that streams its changes, and the primary waits for the standby
to have each commit (`synchronous_standby_names`), so promoting the standby
loses no committed order. Both servers listen on free ports of 127.0.0.1 and
are removed afterwards; the machine's own PostgreSQL server is never touched.
The server programs refuse to run as root, so under root (CI) they run as the
`postgres` user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SERVER_SETTINGS = "-c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB"
# On the primary only: a standby promoted with it would wait for a standby of its own.
PRIMARY_SETTINGS = "-c synchronous_standby_names='*'"


def server_bin() -> Path | None:
    """The newest installed PostgreSQL server programs' folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda path: int(Path(path).parent.parent.name))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class StandbyPair:
    """A primary and its streaming hot standby, on free ports; `url` names both."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="bookshop-standby-"))
        self.ports = {"primary": _free_port(), "standby": _free_port()}
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")

    @property
    def url(self) -> str:
        """Both hosts, the standby first: only `read-write` keeps the program off it."""
        hosts = ",".join(f"127.0.0.1:{self.ports[name]}" for name in ("standby", "primary"))
        return f"postgresql://postgres@{hosts}/shop?target_session_attrs=read-write"

    def start(self) -> None:
        self._run("initdb", "-D", self._dir("primary"), "-U", "postgres", "-A", "trust",
                  "--no-sync", "--no-instructions")
        self._start("primary")
        self._run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.ports["primary"]),
                  "-U", "postgres", "-D", self._dir("standby"), "-R", "-X", "stream",
                  "--checkpoint=fast", "--no-sync")
        self._start("standby")
        # Made once the standby streams: the primary waits for it on every commit.
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.ports["primary"]),
                  "-U", "postgres", "shop")

    def fail_over(self) -> None:
        """The primary goes away (a fast shutdown) and the standby takes over as primary."""
        self.stop_primary()
        self.promote_standby()

    def stop_primary(self) -> None:
        """The primary goes away: until the standby is promoted, no host takes writes."""
        self._run("pg_ctl", "stop", "-D", self._dir("primary"), "-m", "fast", "-w")

    def promote_standby(self) -> None:
        self._run("pg_ctl", "promote", "-D", self._dir("standby"), "-w")

    def close(self) -> None:
        for name in self.ports:
            if Path(self._dir(name), "postmaster.pid").exists():
                with contextlib.suppress(subprocess.CalledProcessError):
                    self._run("pg_ctl", "stop", "-D", self._dir(name), "-m", "immediate", "-w")
        shutil.rmtree(self.root, ignore_errors=True)

    def _start(self, name: str) -> None:
        options = f"-p {self.ports[name]} -k {self.root} {SERVER_SETTINGS}"
        if name == "primary":
            options += f" {PRIMARY_SETTINGS}"
        self._run("pg_ctl", "start", "-D", self._dir(name), "-w", "-t", "30",
                  "-l", str(self.root / f"{name}.log"), "-o", options)

    def _dir(self, name: str) -> str:
        return str(self.root / name)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60, cwd=self.root)


class PasswordServer(StandbyPair):
    """One server of its own that asks for a password over TCP (SCRAM-SHA-256), as a shop's
    does; `url_for(...)` reaches its `shop` database as the user `till`."""

    USER, PASSWORD = "till", "right horse battery"

    def __init__(self, bin_dir: Path):
        super().__init__(bin_dir)
        self.ports = {"server": _free_port()}

    def url_for(self, *, user: str = USER, password: str | None = PASSWORD, name: str = "shop"):
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql://{auth}@127.0.0.1:{self.ports['server']}/{name}"

    def start(self) -> None:
        self._run("initdb", "-D", self._dir("server"), "-U", "postgres", "--auth-local=trust",
                  "--auth-host=scram-sha-256", "--no-sync", "--no-instructions")
        self._start("server")
        self._run("psql", "-h", str(self.root), "-p", str(self.ports["server"]), "-U", "postgres",
                  "-c", f"CREATE ROLE {self.USER} LOGIN PASSWORD '{self.PASSWORD}'",
                  "-c", f"CREATE DATABASE shop OWNER {self.USER}")
