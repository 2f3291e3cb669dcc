"""The `bookshop` command: the windows by default, or `admin`, `serve`, `--self-test`
or `--version`.

Only `sys` is imported here: the windows paint their first screen before the
database code loads, so each branch imports what it needs and no more.
"""

import sys


def main() -> int:
    command = sys.argv[1:2]
    if command == ["admin"]:
        from bookshop_gui.admin.cli import main as admin

        return admin(sys.argv[2:])
    if command == ["serve"]:
        return _serve(sys.argv[2:])
    if "--version" in sys.argv[1:]:
        from bookshop_gui.version import version

        print(f"bookshop {version()}")
        return 0
    if "--self-test" in sys.argv[1:]:
        from bookshop_gui.selftest import main as self_test

        return self_test()
    from bookshop_gui.ui.app import main as run

    return run(sys.argv)


def _serve(argv: list[str]) -> int:
    """The HTTP server, which lives in the optional `server` extra (not in the desktop bundle)."""
    try:
        from bookshop_gui.server.cli import main as serve
    except ImportError as exc:
        print(f"error: the HTTP server is not installed here ({exc.name} is missing); "
              'install it with: pip install "bookshop-gui[server]"', file=sys.stderr)
        return 1
    return serve(argv)
