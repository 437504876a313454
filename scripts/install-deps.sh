#!/usr/bin/env bash
# Installs the Debian packages zwhost needs, only when one is missing; extra package names
# given as arguments are added (make docs: doxygen).
# Runs apt-get update once, non-interactively; uses sudo -n when not root.
set -euo pipefail
# file: CPack reads file types to write the shlibs and ldconfig parts of libzwhost0.
pkgs=(cmake make gcc pkg-config python3 file libuv1-dev libserialport-dev libmbedtls-dev libcmocka-dev "$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
