#!/usr/bin/env bash
# Tests the Debian package as a user would use it (CI runs it as its own
# step): makes it with packaging/deb.sh, installs it with apt-get, runs the
# installed programs (version, the demo project made from the installed
# demo material, export and import, a screenshot of quire-gui under Xvfb,
# man pages, completion, the MIME type and desktop entry), then removes it
# and checks nothing of it is left in /usr. Needs root (or sudo); refuses to
# run when a quire package is already installed, rather than replace it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
fail() {
  echo "test_deb: FAILED: $*" >&2
  exit 1
}
say() { echo "test_deb: $*"; }
if dpkg-query -W -f='${Status}' quire 2>/dev/null | grep -q "ok installed"; then
  fail "a quire package is installed already; remove it first (apt-get remove quire)"
fi
bash "$here/packaging/deps.sh" package
for tool in xvfb-run python3 gio; do
  command -v "$tool" >/dev/null || fail "$tool is missing (bash packaging/deps.sh installs it)"
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# In CI the README's test command has just built everything in build-tests:
# the package is made from that build rather than compiling the app again.
if [ -z "${BUILD_DIR:-}" ] && [ -f "$here/build-tests/CMakeCache.txt" ]; then
  export BUILD_DIR="$here/build-tests"
fi
deb="$(DEB_OUT_DIR="$work" bash "$here/packaging/deb.sh" | tail -1)"
version="$(grep -m1 -oP 'project\(Quire VERSION \K[0-9.]+' "$here/CMakeLists.txt")"
[ "$(basename "$deb")" = "quire_${version}_amd64.deb" ] || fail "made $(basename "$deb"), not quire_${version}_amd64.deb"
say "made $(basename "$deb") ($(du -h "$deb" | cut -f1))"
depends="$(dpkg-deb -f "$deb" Depends)"
say "Depends: $depends"
for lib in libwxgtk3.2 libxapian libsqlite3 libpoppler-cpp; do
  [[ "$depends" == *"$lib"* ]] || fail "Depends does not name $lib (dpkg-shlibdeps)"
done

find /usr -xdev | sort >"$work/usr-before"
# From here on a failure still removes the package (and then the work folder).
trap '$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq quire >/dev/null 2>&1 || true
  rm -rf "$work"' EXIT
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get install $deb"; }
dpkg-query -W -f='${Status} ${Version}\n' quire | grep -q "install ok installed $version" ||
  fail "quire $version is not installed after apt-get install"
dpkg -L quire | sort >"$work/files"
say "installed $(wc -l <"$work/files") paths"
icons=""
for size in 16 22 24 32 48 64 128 256 512; do
  icons+=" /usr/share/icons/hicolor/${size}x${size}/apps/io.github.quire.Quire.png"
done
for f in /usr/bin/quire /usr/bin/quire-gui /usr/share/applications/io.github.quire.Quire.desktop \
  /usr/share/metainfo/io.github.quire.Quire.metainfo.xml /usr/share/mime/packages/quire.xml \
  /usr/share/icons/hicolor/scalable/apps/io.github.quire.Quire.svg $icons \
  /usr/share/man/man1/quire.1.gz /usr/share/man/man1/quire-gui.1.gz \
  /usr/share/bash-completion/completions/quire /usr/share/quire/demo/make-project.sh \
  /usr/share/doc/quire/CHANGELOG.md /usr/lib/quire/quire_pdf.so; do
  grep -qx "$f" "$work/files" || fail "the package does not install $f"
  [ -e "$f" ] || fail "$f is not there after installing"
done

# The programs, as a user runs them.
[ "$(/usr/bin/quire --version)" = "quire $version" ] || fail "quire --version: $(/usr/bin/quire --version)"
[ "$(env -u DISPLAY /usr/bin/quire-gui --version)" = "quire-gui $version" ] ||
  fail "quire-gui --version (no display)"
cd "$work"
QUIRE=/usr/bin/quire bash /usr/share/quire/demo/make-project.sh demo.quire >/dev/null
/usr/bin/quire export demo.quire demo.xlsx >/dev/null
/usr/bin/quire export demo.quire demo.qdpx >/dev/null
[ -s demo.xlsx ] && [ -s demo.qdpx ] || fail "exports from the installed quire are empty"
/usr/bin/quire init imported.quire >/dev/null
/usr/bin/quire import imported.quire demo.qdpx >/dev/null
codes_demo="$(/usr/bin/quire codings demo.quire --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
codes_back="$(/usr/bin/quire codings imported.quire --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
[ "$codes_demo" -gt 0 ] && [ "$codes_demo" = "$codes_back" ] ||
  fail "the demo has $codes_demo codings, its .qdpx imported back $codes_back"
say "demo: $codes_demo codings, exported to .xlsx and .qdpx, imported back: $codes_back"
# A PDF: poppler is in the module the installed quire loads from /usr/lib/quire
# only when a PDF is read; --version must not load it.
python3 "$here/tests/packaging/make_pdf.py" pages.pdf
/usr/bin/quire init pdf.quire >/dev/null
/usr/bin/quire import pdf.quire pages.pdf >/dev/null || fail "the installed quire cannot import a PDF"
/usr/bin/quire search pdf.quire practice | grep -q "practice" || fail "the imported PDF's text is not found"
LD_DEBUG=files /usr/bin/quire --version 2>&1 | grep -q "libpoppler" &&
  fail "quire --version loads poppler (it should load only when a PDF is read)"
say "a PDF imported through /usr/lib/quire/quire_pdf.so; --version loads no poppler"
xvfb-run -a -s "-screen 0 1280x800x24" /usr/bin/quire-gui --screenshot shot.png \
  --select-code Purpose demo.quire >/dev/null || fail "quire-gui --screenshot"
python3 "$here/tests/packaging/check_png.py" shot.png 1000 600 200 || fail "the screenshot"

# What the desktop and the shell see.
gio info -a standard::content-type demo.quire | grep -q "application/x-quire-project" ||
  fail "demo.quire's type is not application/x-quire-project: $(gio info -a standard::content-type demo.quire)"
grep -q "application/x-quire-project=.*io.github.quire.Quire.desktop" \
  /usr/share/applications/mimeinfo.cache || fail ".quire files do not open in Quire (mimeinfo.cache)"
man -w quire >/dev/null && man -w quire-gui >/dev/null || fail "man quire / man quire-gui"
MANWIDTH=100 man quire 2>/dev/null | grep -q "quire codes add" || fail "man quire lacks its commands"
words="$(bash -c 'source /usr/share/bash-completion/completions/quire
  COMP_WORDS=(quire co); COMP_CWORD=1; _quire; echo " ${COMPREPLY[*]} "')"
[[ "$words" == *" codes "* && "$words" == *" codings "* ]] || fail "completing 'quire co' offered:$words"
say "installed programs work: version, demo, export, import, PDF, screenshot, MIME, man, completion"

# Remove it: nothing of the package is left in /usr.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq quire >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get remove quire"; }
left=""
while read -r f; do
  if [ -e "$f" ] && ! grep -qx "$f" "$work/usr-before"; then
    left+=" $f"
  fi
done <"$work/files"
trap 'rm -rf "$work"' EXIT
[ -z "$left" ] || fail "left after apt-get remove:$left"
find /usr -xdev | sort >"$work/usr-after"
if ! diff -q "$work/usr-before" "$work/usr-after" >/dev/null; then
  diff "$work/usr-before" "$work/usr-after" | grep '^[<>]' | sed 's/^/  /'
  fail "/usr differs from before installing"
fi
say "removed cleanly: /usr is as it was before installing"
say "passed"
