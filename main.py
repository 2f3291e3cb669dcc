"""Bookshop: `python main.py` opens the program; `python main.py admin --help` for the rest.

`python main.py --self-test` (or `bookshop --self-test` in a built bundle)
checks the installation and exits.
"""

import sys


def main() -> int:
    if sys.argv[1:2] == ["admin"]:
        from bookshop_gui.admin.cli import main as admin

        return admin(sys.argv[2:])
    if "--self-test" in sys.argv[1:]:
        from bookshop_gui.selftest import main as self_test

        return self_test()
    from bookshop_gui.ui.app import main as run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
