"""Bookshop: `python main.py` opens the program; `python main.py admin --help` for the rest."""

import sys


def main() -> int:
    if sys.argv[1:2] == ["admin"]:
        from bookshop_gui.admin.cli import main as admin

        return admin(sys.argv[2:])
    from bookshop_gui.ui.app import main as run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
