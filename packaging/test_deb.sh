#!/usr/bin/env bash
# Build the .deb and .tar.gz from the bundle in dist/bookshop, then use the
# .deb as a shop would, on this (Debian) machine, as root:
#
#   install an older build of the same bundle, make a database with it,
#   upgrade to this build with `apt-get install ./bookshop_<version>_<arch>.deb`,
#   check the database is kept and still opens, run `bookshop --self-test` from
#   the installed command, validate the menu entries, icons, unit and libraries,
#   lintian (no errors), remove, purge, and check nothing is left in /opt and
#   the person's data is untouched.
#
#     bash packaging/test_deb.sh [PYTHON]      # PYTHON: one with PySide6 (default .venv/bin/python)
#
# It installs and removes the `bookshop` package system-wide: run it in CI or
# on a machine where that is fine.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${1:-.venv/bin/python}
work=$(mktemp -d /tmp/bookshop-deb-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
export DEBIAN_FRONTEND=noninteractive
# A person's home: the database, settings and log the program keeps there.
export HOME="$work/home"
mkdir -p "$HOME"
database="$HOME/.local/share/Bookshop/shop.db"

step() { printf -- '-- %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
apt_install() {
    apt-get install -y -qq "$@" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; }
}
installed_version() { dpkg-query -W -f='${Version}' bookshop; }
checksum() { sha256sum "$database" | cut -d' ' -f1; }

version=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(dpkg --print-architecture)
deb="dist/bookshop_${version}_${arch}.deb"
older="$work/bookshop_${version}~older_${arch}.deb"

step "build the .deb and .tar.gz of $version, and the same bundle as ${version}~older"
"$PYTHON" packaging/build_deb.py
"$PYTHON" packaging/build_deb.py --version "${version}~older" --out "$work" --no-tarball
tarball="dist/bookshop-${version}-linux-$(uname -m).tar.gz"
tar -xzf "$tarball" -C "$work"
[ "$("$work/bookshop-${version}/bookshop" --version)" = "bookshop $version" ] \
    || fail "the program unpacked from $tarball does not run"
rm -rf "${work:?}/bookshop-${version}"

step "lintian: no errors (warnings are printed)"
lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1 | grep -v "root privileges" || fail "lintian"

dpkg -s bookshop >/dev/null 2>&1 && apt-get purge -y -qq bookshop >/dev/null
opt_before=$(ls -A /opt)

step "install ${version}~older and make a database with it"
apt_install "$older"
[ "$(installed_version)" = "${version}~older" ] || fail "older build not installed"
bookshop admin init >/dev/null
BOOKSHOP_PASSWORD=kept-secret bookshop admin create-user kept --balance 12.50 >/dev/null
test -s "$database" || fail "no database at $database"
before=$(checksum)
# What `systemctl --global enable bookshop-kiosk.service` makes: kept on remove, gone on purge.
wants=/etc/systemd/user/graphical-session.target.wants
mkdir -p "$wants"
ln -sf /usr/lib/systemd/user/bookshop-kiosk.service "$wants/bookshop-kiosk.service"

step "upgrade to $version with apt-get install ./$deb"
apt_install "./$deb"
[ "$(installed_version)" = "$version" ] || fail "upgrade left $(installed_version)"
[ "$(checksum)" = "$before" ] || fail "the upgrade changed the database"
bookshop admin init >/dev/null  # the new build opens (and would migrate) the old database
kept=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
    "select count(*) from users where username = ?", ("kept",)).fetchone()[0])' "$database")
[ "$kept" = 1 ] || fail "the account made before the upgrade is gone"

step "the installed command"
[ "$(command -v bookshop)" = /usr/bin/bookshop ] || fail "bookshop is not /usr/bin/bookshop"
[ "$(bookshop --version)" = "bookshop $version" ] || fail "bookshop --version: $(bookshop --version)"
QT_QPA_PLATFORM=offscreen bookshop --self-test

step "menu entries, icons, man page, kiosk unit"
desktop-file-validate /usr/share/applications/bookshop.desktop \
    /usr/share/applications/bookshop-kiosk.desktop
grep -qx 'Name=Bookshop Kiosk' /usr/share/applications/bookshop-kiosk.desktop || fail "kiosk entry"
grep -qx 'Exec=bookshop --kiosk' /usr/share/applications/bookshop-kiosk.desktop || fail "kiosk Exec"
for size in 16 22 24 32 48 64 128 256 512; do
    test -s "/usr/share/icons/hicolor/${size}x${size}/apps/bookshop.png" || fail "no ${size}px icon"
done
test -s /usr/share/icons/hicolor/scalable/apps/bookshop.svg || fail "no scalable icon"
test -s /usr/share/man/man1/bookshop.1.gz || fail "no man page"
unit=/usr/lib/systemd/user/bookshop-kiosk.service
grep -qx 'Restart=always' "$unit" || fail "the kiosk unit does not restart the kiosk"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify --user "$unit" 2>&1 | grep -v -e "Failed to" -e "^$" || true
fi

step "every library the bundle needs is on this computer (from the package's Depends)"
missing=$(find /opt/bookshop -type f \( -name '*.so*' -o -name bookshop \) -exec sh -c \
    'LD_LIBRARY_PATH=/opt/bookshop/_internal ldd "$1" 2>/dev/null | grep "not found" | sed "s|^|$1: |"' \
    _ {} \;)
[ -z "$missing" ] || fail "libraries not found: $missing"

step "remove: the program goes, the person's data and the kiosk's enabling stay"
apt-get remove -y -qq bookshop >/dev/null
test ! -e /usr/bin/bookshop || fail "/usr/bin/bookshop left after remove"
test ! -e /opt/bookshop || fail "/opt/bookshop left after remove: $(find /opt/bookshop | head)"
test -s "$database" || fail "remove took the database"
test -L "$wants/bookshop-kiosk.service" || fail "remove took the kiosk's enabling"

step "purge: the kiosk's enabling goes too, the person's data stays"
apt-get purge -y -qq bookshop >/dev/null
dpkg -s bookshop >/dev/null 2>&1 && fail "bookshop still known to dpkg after purge"
test ! -e "$wants/bookshop-kiosk.service" || fail "purge left $wants/bookshop-kiosk.service"
rmdir --ignore-fail-on-non-empty "$wants"
test -s "$database" || fail "purge took the database"
[ "$(ls -A /opt)" = "$opt_before" ] || fail "left in /opt: $(ls -A /opt)"

echo "deb test passed: $deb ($(du -h "$deb" | cut -f1)), $tarball ($(du -h "$tarball" | cut -f1))"
