"""`python main.py serve`: the seed API over HTTP, for the shop's web and phone clients."""

from __future__ import annotations

import argparse
import os
import sys

from bookshop_gui import db, paths
from bookshop_gui.errors import BookshopError
from bookshop_gui.server.limits import MAX_BODY


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    import uvicorn

    from bookshop_gui.server.app import create_app

    try:
        db.connect(args.db)
    except BookshopError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    app = create_app(cors_origins=args.cors_origin, max_body=args.max_body)
    uvicorn.run(app, host=args.host, port=args.port, proxy_headers=True,
                forwarded_allow_ips=args.forwarded_allow_ips, server_header=False,
                log_level=args.log_level, timeout_graceful_shutdown=10)
    return 0


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py serve", description=__doc__)
    parser.add_argument(
        "--db", default=os.environ.get("BOOKSHOP_DB_URL") or paths.default_db_url(),
        help="database URL: sqlite:///path, postgresql://… or mysql://… (default: %(default)s)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: %(default)s, this computer only)")
    parser.add_argument("--port", type=int, default=8000, help="default: %(default)s")
    parser.add_argument(
        "--cors-origin", action="append", default=[], metavar="ORIGIN",
        help="a web page origin allowed to call the API from a browser, e.g. "
             "https://shop.example.com (repeatable; none by default)")
    parser.add_argument("--max-body", type=int, default=MAX_BODY, metavar="BYTES",
                        help="largest request body accepted (default: %(default)s)")
    parser.add_argument(
        "--forwarded-allow-ips", default=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        metavar="IPS", help="reverse proxies whose X-Forwarded-For is believed, comma-separated "
                            "(default: %(default)s)")
    parser.add_argument("--log-level", default="info",
                        choices=("critical", "error", "warning", "info", "debug"))
    return parser
