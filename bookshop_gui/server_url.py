"""Server URLs that name several hosts, as libpq allows: `postgresql://u@a:5432,b:5433/shop`.

A shop chain runs its PostgreSQL server with a hot standby and lists both;
with `target_session_attrs=read-write` libpq connects to whichever of them
accepts writes, so after a failover a new connection finds the promoted
standby by itself. The standard library's `urlparse` reads one host only (its
`.port` fails on such a list), so the list is read here, one host at a time.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from bookshop_gui.errors import InvalidInput

# libpq's setting that makes a connection skip a host that only reads (a standby).
READ_WRITE = "target_session_attrs=read-write"


def hosts(url: str) -> list[tuple[str, int | None]]:
    """Each (host, port) the URL names, in order; the port is None where it gives none."""
    found = []
    for item in _host_list(url).split(","):
        one = urlsplit(f"//{item.strip()}")
        try:
            found.append((one.hostname or "localhost", one.port))
        except ValueError:  # a port that is no number, or out of range
            raise InvalidInput(f"{item.strip()!r} is not a host, or a host:port such as "
                               "shopserver:5432.") from None
    return found


def join(hosts_and_ports) -> str:
    """The `host:port,host:port` part of a URL for these (host, port) pairs."""
    return ",".join(_one(host, port) for host, port in hosts_and_ports)


def with_userinfo(url: str, userinfo: str) -> str:
    """`url` with `userinfo` (user, or user:password, already quoted) before its hosts."""
    parts = urlsplit(url)
    at = f"{userinfo}@" if userinfo else ""
    return urlunsplit(parts._replace(netloc=f"{at}{_host_list(url)}"))


def first_host(url: str) -> str:
    """`url` naming only its first host: for readers that take one host (`playhouse.db_url`)."""
    parts = urlsplit(url)
    userinfo, at, _hosts = parts.netloc.rpartition("@")
    return urlunsplit(parts._replace(netloc=f"{userinfo}{at}{join(hosts(url)[:1])}"))


def _host_list(url: str) -> str:
    return urlsplit(url).netloc.rpartition("@")[2]


def _one(host: str, port: int | None) -> str:
    name = f"[{host}]" if ":" in host else host  # an IPv6 address
    return f"{name}:{port}" if port else name
