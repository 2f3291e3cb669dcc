"""Package the PyInstaller bundle (dist/bookshop) as a .deb and a .tar.gz.

    python packaging/build_deb.py                 # dist/bookshop_<version>_<arch>.deb
                                                  # dist/bookshop-<version>-linux-<machine>.tar.gz
    python packaging/build_deb.py --version 0.0.1 --no-tarball   # the same bundle, older number

The version comes from pyproject.toml. The .deb puts the bundle in
/opt/bookshop, `bookshop` on the PATH (/usr/bin/bookshop links to it), the
"Bookshop" and "Bookshop Kiosk" menu entries with icons drawn from
resources/icons/bookshop.svg, a man page, a systemd user unit for kiosks and,
for sessions without systemd's graphical-session.target, a kiosk session
that restarts the kiosk and an autostart entry for it (not enabled).
It is built with dpkg-deb alone (files owned by root), no debhelper needed.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import os
import platform
import re
import shutil
import subprocess
import tarfile
import time
import tomllib
from pathlib import Path

import icons

ROOT = Path(__file__).resolve().parents[1]
LINUX = Path(__file__).resolve().parent / "linux"
PACKAGE = "bookshop"
MAINTAINER = "Bookshop packagers <packages@bookshop.example.org>"
# What the bundle takes from the computer rather than carrying itself: the C
# library, OpenGL, and the X libraries every Qt 6 program needs on X11 (Qt's
# xcb platform plugin loads them; a bundle built where one is missing cannot
# carry it).
DEPENDS = (
    "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libdbus-1-3", "libxkbcommon0",
    "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0",
    "libxcb-sync1", "libxcb-xfixes0", "libxcb-xkb1", "libxkbcommon-x11-0",
)
# Chinese text needs a CJK font; the keyring needs a Secret Service to keep passwords.
RECOMMENDS = ("fonts-noto-cjk | fonts-wqy-microhei", "gnome-keyring | kwalletmanager")
DESCRIPTION = """\
buyer kiosk and merchant workstation for bookshops
 Bookshop is a desktop program for bookshops. Buyers use it at an in-store
 kiosk to browse books, fill a cart, order and pay from their prepaid store
 balance; shop staff use it at their workstations for the shop's orders,
 catalog, members and reports. Every kiosk and workstation works on one shop
 database: a local SQLite file, or a shared PostgreSQL or MySQL/MariaDB server.
 .
 This package is a self-contained build with its own Python and Qt, installed
 in /opt/bookshop."""


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def glibc_needed(bundle: Path) -> str:
    """The newest GLIBC_2.N symbol version any program or library in the bundle asks for."""
    newest = 17
    for path in elf_files(bundle):
        found = re.findall(rb"GLIBC_2\.(\d+)", path.read_bytes())
        newest = max([newest, *(int(minor) for minor in found)])
    return f"2.{newest}"


def tidy_libraries(folder: Path) -> None:
    """Strip the libraries that still carry symbols, and drop the search paths
    that point into the build machine (where its Python was built, e.g. a pyenv
    folder): on the shop's computer they lead nowhere, or somewhere unexpected.

    The bundle's own program is left whole: its archive is appended to it.
    """
    libraries = [path for path in elf_files(folder) if path.name != PACKAGE]
    with_symbols = [path for path in libraries if b".symtab\x00" in path.read_bytes()]
    if with_symbols:
        subprocess.run(["strip", "--strip-unneeded", "--remove-section=.comment",
                        "--remove-section=.note", *map(str, with_symbols)], check=True)
    for path in libraries:
        listed = subprocess.run(["chrpath", "--list", str(path)], capture_output=True, text=True)
        if "PATH=" in listed.stdout and "$ORIGIN" not in listed.stdout:
            subprocess.run(["chrpath", "--delete", str(path)], check=True, capture_output=True)


def stage(bundle: Path, root: Path, version: str) -> None:
    """The installed tree under `root`, as dpkg will unpack it."""
    shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = root / "usr" / "share"
    _install(LINUX / "bookshop.desktop", share / "applications" / "bookshop.desktop")
    _install(LINUX / "bookshop-kiosk.desktop", share / "applications" / "bookshop-kiosk.desktop")
    _install(LINUX / "bookshop-kiosk.service",
             root / "usr" / "lib" / "systemd" / "user" / "bookshop-kiosk.service")
    # For sessions the unit never starts in: opt-in, copied to an autostart folder (README).
    _install(LINUX / "bookshop-kiosk-session", root / "usr" / "lib" / PACKAGE / "kiosk-session",
             mode=0o755)
    _install(LINUX / "bookshop-kiosk-autostart.desktop",
             share / PACKAGE / "autostart" / "bookshop-kiosk.desktop")
    _install(LINUX / "lintian-overrides", share / "lintian" / "overrides" / PACKAGE)
    icons.write_hicolor(share / "icons")
    _gzip((LINUX / "bookshop.1").read_bytes(), share / "man" / "man1" / "bookshop.1.gz")
    doc = share / "doc" / PACKAGE
    _install(LINUX / "copyright", doc / "copyright")
    _gzip(changelog(version).encode(), doc / "changelog.gz")


def changelog(version: str) -> str:
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return (f"{PACKAGE} ({version}) unstable; urgency=medium\n\n"
            f"  * Bookshop {version}.\n\n"
            f" -- {MAINTAINER}  {email.utils.formatdate(stamp)}\n")


def control(root: Path, version: str, bundle: Path) -> str:
    size_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
    depends = ", ".join([f"libc6 (>= {glibc_needed(bundle)})", *DEPENDS])
    return (f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {architecture()}\n"
            f"Maintainer: {MAINTAINER}\nInstalled-Size: {size_kib}\n"
            f"Depends: {depends}\nRecommends: {', '.join(RECOMMENDS)}\n"
            f"Section: misc\nPriority: optional\nDescription: {DESCRIPTION}\n")


def write_control(root: Path, version: str, bundle: Path) -> None:
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(root, version, bundle), encoding="utf-8")
    _install(LINUX / "postrm", debian / "postrm", mode=0o755)
    sums = [f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root)}\n"
            for path in sorted(root.rglob("*"))
            if path.is_file() and not path.is_symlink() and debian not in path.parents]
    (debian / "md5sums").write_text("".join(sums), encoding="utf-8")


def normalise_modes(root: Path) -> None:
    """Folders and programs 0755, everything else (shared libraries too) 0644, as policy wants."""
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        program = path.is_file() and path.stat().st_mode & 0o111 and not _shared_library(path)
        path.chmod(0o755 if path.is_dir() or program else 0o644)


def _shared_library(path: Path) -> bool:
    return path.suffix == ".so" or ".so." in path.name


def prepare(bundle: Path, work: Path, version: str) -> Path:
    """The package's tree in `work`: the bundle, tidied, with everything around it."""
    shutil.rmtree(work, ignore_errors=True)
    root = work / f"{PACKAGE}_{version}"
    stage(bundle, root, version)
    tidy_libraries(root / "opt" / PACKAGE)
    normalise_modes(root)
    write_control(root, version, bundle)
    return root


def build_deb(root: Path, out: Path, version: str) -> Path:
    target = out / f"{PACKAGE}_{version}_{architecture()}.deb"
    # xz at a low level: nearly the size of the default, in a fraction of its time.
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z2", "--build", str(root),
                    str(target)], check=True)
    return target


def build_tarball(bundle: Path, out: Path, version: str) -> Path:
    """The (tidied) bundle as bookshop-<version>/ in a .tar.gz, for other distributions."""
    target = out / f"{PACKAGE}-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=f"{PACKAGE}-{version}", filter=_owned_by_root)
    return target


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _gzip(data: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--version", default=None, help="default: pyproject.toml's")
    parser.add_argument("--no-tarball", action="store_true", help="build the .deb only")
    args = parser.parse_args()
    version = args.version or project_version()
    if not (args.bundle / PACKAGE).is_file():
        raise SystemExit(f"error: no bundle in {args.bundle}; run pyinstaller build.spec first")
    work = ROOT / "build" / "deb"
    root = prepare(args.bundle, work, version)
    print(build_deb(root, args.out, version))
    if not args.no_tarball:
        print(build_tarball(root / "opt" / PACKAGE, args.out, version))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
