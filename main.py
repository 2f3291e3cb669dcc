"""Bookshop: `python main.py` opens the program; `python main.py admin --help` for the rest.

`python main.py serve` answers the seed API over HTTP for web and phone clients.
`python main.py --self-test` (or `bookshop --self-test` in a built bundle)
checks the installation and exits; `--version` prints the version and exits
without loading Qt.
"""

import sys

from bookshop_gui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
