"""The admin command line: `python main.py admin …`."""
