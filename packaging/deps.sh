#!/usr/bin/env bash
# Installs the Debian 12 packages Quire needs to build, test and run
# (`deps.sh app`: only what building and running the app needs; `deps.sh
# package`: that and what making the Debian package needs).
# Uses sudo when not root. Safe to run again: apt-get skips what is there.
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  libsqlite3-dev libxapian-dev libxlsxwriter-dev libicu-dev libssl-dev
  libzip-dev libexpat1-dev libpoppler-cpp-dev libgumbo-dev libuchardet-dev
  libcli11-dev nlohmann-json3-dev libpq-dev
  libwxgtk3.2-dev
  libfontconfig-dev
)
if [ "${1:-}" != "app" ]; then
  # The Debian package: icons rendered from the SVG, man pages from --help,
  # dpkg-shlibdeps for its Depends; and the tools its tests check it with.
  PACKAGES+=(
    librsvg2-bin help2man dpkg-dev file
    appstream desktop-file-utils shared-mime-info bash-completion man-db
  )
fi
if [ "${1:-}" != "app" ] && [ "${1:-}" != "package" ]; then
  PACKAGES+=(
    libboost-test-dev xvfb xauth
    python3 python3-openpyxl python3-xmlschema python3-xlsxwriter libxml2-utils zip unzip
    sqlite3 clang libclang-rt-14-dev clang-format clang-tidy
    xdotool imagemagick
    postgresql
  )
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
