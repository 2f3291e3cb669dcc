"""`python main.py admin …` exactly as the README's "Administer it" shows it, run as
its own program on a fresh database; the one-line error a script gets when no one is
there to type a password; and `--help` naming the commands that are not options."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def admin(*arguments: str, url: str, stdin=None, **environment) -> subprocess.CompletedProcess:
    """One admin command as its own process, on the database at `url`."""
    env = {**os.environ, "BOOKSHOP_DB_URL": url, **environment}
    return subprocess.run([sys.executable, "main.py", "admin", *arguments], cwd=ROOT, env=env,
                          stdin=stdin, capture_output=True, text=True, timeout=120)


def readme_admin_commands() -> list[list[str]]:
    """The arguments after `admin` of each line in the README's "Administer it" block."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Administer it", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    lines = [line.split("#", 1)[0] for line in block.splitlines()]
    return [re.findall(r'"[^"]*"|\S+', line)[3:] for line in lines if line.strip()]


def test_the_readmes_admin_commands_work_as_written(tmp_path):
    """Each line in order on one database, but seed-demo (which wants a database
    without shops) on an empty one, and the backup into a folder of the test's own."""
    commands = readme_admin_commands()
    assert [c[0] for c in commands] == ["init", "create-shop", "create-user", "create-user",
                                        "top-up", "seed-demo", "backup", "reconcile"]
    shop, empty = f"sqlite:///{tmp_path / 'shop.db'}", f"sqlite:///{tmp_path / 'empty.db'}"
    (tmp_path / "usb").mkdir()
    for command in commands:
        command = [part.strip('"') for part in command]
        if command[0] == "backup":
            command[1] = str(tmp_path / "usb")
        url = empty if command[0] == "seed-demo" else shop
        done = admin(*command, url=url, BOOKSHOP_PASSWORD="secret-1")
        assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    assert (tmp_path / "usb" / "shop.db").is_file()
    refused = admin("seed-demo", url=shop)
    assert refused.returncode == 1
    assert "demo data goes into an empty one" in refused.stderr


def test_a_password_prompt_without_a_terminal_is_one_line_of_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    assert admin("seed-demo", url=url).returncode == 0
    for command in (["top-up", "reader", "5", "--as", "lakeside"], ["create-user", "carol"]):
        done = admin(*command, url=url, stdin=subprocess.DEVNULL, BOOKSHOP_PASSWORD="")
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert done.stderr.rstrip().endswith(
            "error: no password given; type it at a terminal, or set BOOKSHOP_PASSWORD")


def test_the_programs_help_names_the_commands_it_does_not_list_as_options():
    """admin, serve, --self-test and --version are taken before the windows' options are
    read, so `--help` names them in words; each named `--help` answers."""
    shown = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True,
                           text=True, timeout=60, check=True).stdout
    for named in ("bookshop admin --help", "bookshop serve --help", "bookshop --self-test",
                  "bookshop --version"):
        assert named in shown
    for command in ("admin", "serve"):
        subprocess.run([sys.executable, "main.py", command, "--help"], cwd=ROOT,
                       capture_output=True, timeout=60, check=True)
