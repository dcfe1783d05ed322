#!/usr/bin/env bash
# Makes the Debian package quire_VERSION_amd64.deb (CPack) in the checkout:
# both programs, desktop entry, icons, MIME types, AppStream metainfo, man
# pages, bash completion and the demo material. Installs what it needs with
# apt-get. BUILD_DIR (default build-package) is configured as a Release build
# without tests the first time; an existing build folder is used as it is.
# Install the result with: sudo apt-get install ./quire_*.deb
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/packaging/deps.sh" package
export BUILD_DIR="${BUILD_DIR:-$here/build-package}"
configure=()
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  configure=(-DCMAKE_BUILD_TYPE=Release -DQUIRE_TESTS=OFF -DQUIRE_BENCH=OFF)
fi
bash "$here/packaging/build.sh" "${configure[@]}" --target quire quire-gui quire_packaging_files
rm -f "$BUILD_DIR"/quire_*.deb
(cd "$BUILD_DIR" && cpack -G DEB >/dev/null)
deb="$(ls "$BUILD_DIR"/quire_*_amd64.deb)"
out="${DEB_OUT_DIR:-$here}"
rm -f "$out"/quire_*_amd64.deb
cp "$deb" "$out/"
echo "$out/$(basename "$deb")"
