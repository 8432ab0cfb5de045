#!/usr/bin/env bash
# The contract check of the test command: buf lint, then buf breaking against the contracts on main
# (when this is main itself: against main's previous commit), then proof that the breaking check bites.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
buf=node_modules/.bin/buf

$buf lint proto
echo "contracts: buf lint passed"

against=""
if git rev-parse -q --verify refs/heads/main >/dev/null && [ "$(git rev-parse HEAD)" != "$(git rev-parse main)" ]; then
  against="main"
elif git rev-parse -q --verify HEAD~1 >/dev/null && git cat-file -e HEAD~1:proto/buf.yaml 2>/dev/null; then
  against="HEAD~1"
fi
if [ -n "$against" ]; then
  $buf breaking proto --against ".git#ref=$against,subdir=proto"
  echo "contracts: no breaking change against $against"
else
  echo "contracts: no earlier contracts on main to compare with (first commit or shallow clone)"
fi

# A check that cannot fail proves nothing: break a copy of the contracts and expect buf to object.
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
cp -r proto "$scratch/proto"
sed -i '0,/^\(\s*\)\(string\|int32\|int64\|bool\) [a-z_]* = [0-9]*;/{//d}' "$scratch/proto/napl/catalogue/v1/offer_events.proto"
if $buf breaking "$scratch/proto" --against proto >/dev/null 2>&1; then
  echo "contracts: buf breaking did not notice a deleted field; the check is broken" >&2; exit 1
fi
echo "contracts: buf breaking notices a deleted field"
