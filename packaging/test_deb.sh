#!/usr/bin/env bash
# Build the .deb and .tar.gz from the bundle in dist/bookshop, then use the
# .deb as a shop would, on this (Debian) machine, as root:
#
#   check the package's libc floor against the bundle's libraries, lintian (no
#   errors); install an older build (the same bundle without its newest
#   migration, with a file the new build lacks), make a database, settings and
#   a keyring entry with it; upgrade to this build with
#   `apt-get install ./bookshop_<version>_<arch>.deb`, check the old file is
#   gone, the first run migrates the database and keeps its accounts, the
#   settings and the keyring entry are untouched; run `bookshop --self-test`
#   from the installed command offscreen and on an X display (Xvfb), validate
#   the menu and autostart entries, icons, unit, kiosk session and libraries;
#   remove, purge, and check nothing is left in /opt and the person's data is
#   untouched.
#
#     bash packaging/test_deb.sh [PYTHON]      # PYTHON: one with PySide6 (default .venv/bin/python)
#
# It installs and removes the `bookshop` package system-wide: run it in CI or
# on a machine where that is fine. It needs dbus, gnome-keyring, xvfb and xauth.
set -euo pipefail

# The keyring entry lives in a real Secret Service: the whole test runs on a
# session bus of its own, where gnome-keyring keeps the throw-away home's keyring.
if [ -z "${BOOKSHOP_DEB_TEST_BUS:-}" ]; then
    BOOKSHOP_DEB_TEST_BUS=1 exec dbus-run-session -- bash "$0" "$@"
fi
cd "$(dirname "$0")/.."

PYTHON=${1:-.venv/bin/python}
work=$(mktemp -d /tmp/bookshop-deb-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
export DEBIAN_FRONTEND=noninteractive
# A person's home: the database, settings, log and keyring the program keeps there.
export HOME="$work/home"
mkdir -p "$HOME"
echo -n bookshop-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
database="$HOME/.local/share/Bookshop/shop.db"
settings="$HOME/.config/Bookshop/Bookshop.conf"
server=postgresql://kept@shop-server.example.org/bookshop

step() { printf -- '-- %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
apt_install() {
    apt-get install -y -qq "$@" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; }
}
installed_version() { dpkg-query -W -f='${Version}' bookshop; }
checksum() { sha256sum "$1" | cut -d' ' -f1; }
sql() { python3 -c 'import sqlite3, sys; print(*sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone())' \
    "$database" "$1"; }
newest_glibc() {  # the newest GLIBC_2.N any library or program in folder $1 asks for
    { find "$1" -type f \( -name '*.so*' -o -name bookshop \) -exec objdump -T {} + 2>/dev/null || true; } \
        | grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2 -n -u | tail -1 | sed 's/^GLIBC_//'
}
keep_settings_and_password() {  # as the program does: its QSettings file, and the keyring
    "$PYTHON" - "$server" <<'PY'
import sys

from PySide6.QtCore import QCoreApplication

from bookshop_gui.ui import credentials, preferences

app = QCoreApplication(["bookshop"])
app.setOrganizationName("Bookshop")
app.setApplicationName("Bookshop")
preferences.set_language("zh_CN")
preferences.set_idle_seconds(300)
if not credentials.keep_password(sys.argv[1], "kept-server-secret"):
    sys.exit("no Secret Service to keep the server's password in")
PY
}
kept_password() {
    "$PYTHON" -c 'import sys; from bookshop_gui.ui import credentials
print(credentials.password_for(sys.argv[1]) or "")' "$server"
}
check_person_data() {  # $1: after what
    test -s "$database" || fail "$1 took the database"
    [ "$(checksum "$settings")" = "$settings_sum" ] || fail "$1 changed $settings"
    [ "$(kept_password)" = kept-server-secret ] || fail "$1 lost the keyring entry"
}

version=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(dpkg --print-architecture)
deb="dist/bookshop_${version}_${arch}.deb"
older="$work/bookshop_${version}~older_${arch}.deb"

step "build the .deb and .tar.gz of $version"
"$PYTHON" packaging/build_deb.py
tarball="dist/bookshop-${version}-linux-$(uname -m).tar.gz"
tar -xzf "$tarball" -C "$work"
[ "$("$work/bookshop-${version}/bookshop" --version)" = "bookshop $version" ] \
    || fail "the program unpacked from $tarball does not run"
rm -rf "${work:?}/bookshop-${version}"

step "build ${version}~older: the bundle without its newest migration, with a file $version lacks"
older_bundle="$work/older/bookshop"
mkdir -p "$work/older"
cp -a dist/bookshop "$older_bundle"
migrations="$older_bundle/_internal/bookshop_gui/migrations"
newest=$(basename "$(find "$migrations" -name '[0-9]*.py' | sort | tail -1)" .py)
[ -n "$newest" ] || fail "no migrations in $migrations"
rm "$migrations/$newest.py"
retired=_internal/bookshop_gui/retired.txt
echo "shipped by ${version}~older only" >"$older_bundle/$retired"
"$PYTHON" packaging/build_deb.py --bundle "$older_bundle" --version "${version}~older" --out "$work" \
    --no-tarball
rm -rf "${work:?}/older"

step "the package's libc floor is the newest glibc the bundle's libraries need"
glibc=$(newest_glibc dist/bookshop)
dpkg-deb -f "$deb" Depends | grep -q "libc6 (>= $glibc)" \
    || fail "Depends: $(dpkg-deb -f "$deb" Depends) does not ask for glibc $glibc"

step "lintian: no errors (warnings are printed)"
lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1 | grep -v "root privileges" || fail "lintian"

dpkg -s bookshop >/dev/null 2>&1 && apt-get purge -y -qq bookshop >/dev/null
opt_before=$(ls -A /opt)

step "install ${version}~older; make a database (up to the migration before $newest), settings and a keyring entry"
apt_install "$older"
[ "$(installed_version)" = "${version}~older" ] || fail "older build not installed"
test -e "/opt/bookshop/$retired" || fail "the older build has no $retired"
bookshop admin init >/dev/null
BOOKSHOP_PASSWORD=kept-secret bookshop admin create-user kept --balance 12.50 >/dev/null
test -s "$database" || fail "no database at $database"
[ "$(sql 'select count(*) from schema_migrations where name = '"'$newest'")" = 0 ] \
    || fail "the older build applied $newest"
before=$(checksum "$database")
keep_settings_and_password
test -s "$settings" || fail "no settings at $settings"
settings_sum=$(checksum "$settings")
# What `systemctl --global enable bookshop-kiosk.service` makes: kept on remove, gone on purge.
wants=/etc/systemd/user/graphical-session.target.wants
mkdir -p "$wants"
ln -sf /usr/lib/systemd/user/bookshop-kiosk.service "$wants/bookshop-kiosk.service"

step "upgrade to $version with apt-get install ./$deb"
apt_install "./$deb"
[ "$(installed_version)" = "$version" ] || fail "upgrade left $(installed_version)"
test ! -e "/opt/bookshop/$retired" || fail "the upgrade left /opt/bookshop/$retired"
[ "$(checksum "$database")" = "$before" ] || fail "the upgrade changed the database"
check_person_data "the upgrade"

step "the first run of $version migrates the database to $newest and keeps its accounts"
bookshop admin reconcile >/dev/null || fail "the books do not balance after the upgrade"
[ "$(sql 'select name from schema_migrations order by id desc limit 1')" = "$newest" ] \
    || fail "the first run did not migrate the database to $newest"
[ "$(sql "select count(*) from users where username = 'kept'")" = 1 ] \
    || fail "the account made before the upgrade is gone"

step "the installed command, offscreen and on an X display"
[ "$(command -v bookshop)" = /usr/bin/bookshop ] || fail "bookshop is not /usr/bin/bookshop"
[ "$(bookshop --version)" = "bookshop $version" ] || fail "bookshop --version: $(bookshop --version)"
QT_QPA_PLATFORM=offscreen bookshop --self-test | tee "$work/self-test"
grep -q 'keyring: .*SecretService.* (available)' "$work/self-test" \
    || fail "the installed program does not reach the Secret Service"
xvfb-run -a env QT_QPA_PLATFORM=xcb bookshop --self-test | tee "$work/self-test-x"
grep -q 'Qt platform xcb' "$work/self-test-x" || fail "the self-test did not run on X (xcb)"

step "menu and autostart entries, icons, man page, kiosk unit and session"
desktop-file-validate /usr/share/applications/bookshop.desktop \
    /usr/share/applications/bookshop-kiosk.desktop /usr/share/bookshop/autostart/bookshop-kiosk.desktop
grep -qx 'Name=Bookshop Kiosk' /usr/share/applications/bookshop-kiosk.desktop || fail "kiosk entry"
grep -qx 'Exec=bookshop --kiosk' /usr/share/applications/bookshop-kiosk.desktop || fail "kiosk Exec"
grep -qx 'Exec=/usr/lib/bookshop/kiosk-session' /usr/share/bookshop/autostart/bookshop-kiosk.desktop \
    || fail "the autostart entry does not start the kiosk session"
test ! -e /etc/xdg/autostart/bookshop-kiosk.desktop || fail "the kiosk starts in every session"
for size in 16 22 24 32 48 64 128 256 512; do
    test -s "/usr/share/icons/hicolor/${size}x${size}/apps/bookshop.png" || fail "no ${size}px icon"
done
test -s /usr/share/icons/hicolor/scalable/apps/bookshop.svg || fail "no scalable icon"
test -s /usr/share/man/man1/bookshop.1.gz || fail "no man page"
unit=/usr/lib/systemd/user/bookshop-kiosk.service
grep -qx 'Restart=always' "$unit" || fail "the kiosk unit does not restart the kiosk"
grep -qx 'RestartPreventExitStatus=75' "$unit" || fail "the kiosk unit restarts a kiosk staff closed"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify --user "$unit" 2>&1 | grep -v -e "Failed to" -e "^$" || true
fi
# A kiosk that crashes twice, then is closed by staff: started three times, then left closed.
mkdir "$work/kiosk"
cat >"$work/kiosk/bookshop" <<'SH'
#!/bin/sh
[ "$1" = --kiosk ] || exit 2
echo started >>"$KIOSK_STARTS"
[ "$(wc -l <"$KIOSK_STARTS")" -lt 3 ] || exit 75
exit 1
SH
chmod +x "$work/kiosk/bookshop"
KIOSK_STARTS="$work/kiosk/starts" PATH="$work/kiosk:$PATH" timeout 60 /usr/lib/bookshop/kiosk-session \
    || fail "the kiosk session did not end when staff closed the kiosk"
[ "$(wc -l <"$work/kiosk/starts")" = 3 ] || fail "the kiosk session started the kiosk $(wc -l <"$work/kiosk/starts") times"

step "every library the bundle needs is on this computer (from the package's Depends)"
missing=$(find /opt/bookshop -type f \( -name '*.so*' -o -name bookshop \) -exec sh -c \
    'LD_LIBRARY_PATH=/opt/bookshop/_internal ldd "$1" 2>/dev/null | grep "not found" | sed "s|^|$1: |"' \
    _ {} \;)
[ -z "$missing" ] || fail "libraries not found: $missing"

step "remove: the program goes, the person's data and the kiosk's enabling stay"
apt-get remove -y -qq bookshop >/dev/null
test ! -e /usr/bin/bookshop || fail "/usr/bin/bookshop left after remove"
test ! -e /opt/bookshop || fail "/opt/bookshop left after remove: $(find /opt/bookshop | head)"
test -L "$wants/bookshop-kiosk.service" || fail "remove took the kiosk's enabling"
check_person_data "remove"

step "purge: the kiosk's enabling goes too, the person's data stays"
apt-get purge -y -qq bookshop >/dev/null
dpkg -s bookshop >/dev/null 2>&1 && fail "bookshop still known to dpkg after purge"
test ! -e "$wants/bookshop-kiosk.service" || fail "purge left $wants/bookshop-kiosk.service"
rmdir --ignore-fail-on-non-empty "$wants"
check_person_data "purge"
[ "$(ls -A /opt)" = "$opt_before" ] || fail "left in /opt: $(ls -A /opt)"

echo "deb test passed: $deb ($(du -h "$deb" | cut -f1)), $tarball ($(du -h "$tarball" | cut -f1))"
