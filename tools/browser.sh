#!/usr/bin/env bash
# The browser of the portal's tests: Debian's chromium package (playwright's own browser download needs the
# internet, which these machines do not have). Installed with apt-get when missing, as root or through sudo.
# CHROMIUM_PATH points the tests at another chromium.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then echo "browser: $("$chromium_path" --version 2>/dev/null || echo "$chromium_path")"; exit 0; fi
if [ -n "${CHROMIUM_PATH:-}" ]; then echo "browser: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; fi
echo "browser: installing Debian's chromium package"
as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo -n)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get install -y --no-install-recommends chromium >/dev/null \
  || { "${as_root[@]}" apt-get update -qq >/dev/null && "${as_root[@]}" apt-get install -y --no-install-recommends chromium >/dev/null; } \
  || { echo "browser: could not install chromium (apt-get install chromium, as root)" >&2; exit 1; }
echo "browser: $(/usr/bin/chromium --version 2>/dev/null)"
