#!/usr/bin/env bash
# Installs what the platform needs, only when something changed: the npm packages (exactly as locked)
# and the TypeScript generated from the protobuf contracts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lock_hash="$(sha1sum package-lock.json | cut -d' ' -f1)"
if [ ! -f node_modules/.napl-lock-hash ] || [ "$(cat node_modules/.napl-lock-hash)" != "$lock_hash" ]; then
  echo "install: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.napl-lock-hash
fi
echo "install: generating TypeScript from proto/"
npm run --silent contracts:generate
