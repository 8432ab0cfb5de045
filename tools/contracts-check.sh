#!/usr/bin/env bash
# The contract check of the test command: buf lint, then buf breaking against the contracts on main
# (on main itself: against its earlier versions), then proof that the breaking check bites.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
buf=node_modules/.bin/buf

$buf lint proto
echo "contracts: buf lint passed"

# Against main when this is another branch; on main itself, against every earlier version of proto/ on main
# (the last 20), so a breaking change in any commit of a submission, or in the working tree, is caught.
if git rev-parse -q --verify refs/heads/main >/dev/null && [ "$(git rev-parse HEAD)" != "$(git rev-parse main)" ]; then
  baselines=(main)
else
  mapfile -t baselines < <(git log -n 20 --format=%H -- proto 2>/dev/null || true)
fi
checked=0
for baseline in "${baselines[@]}"; do
  git cat-file -e "$baseline:proto/buf.yaml" 2>/dev/null || continue
  $buf breaking proto --against ".git#ref=$baseline,subdir=proto"
  checked=$((checked + 1))
done
echo "contracts: no breaking change against $checked earlier version(s) of proto/ on main"

# A check that cannot fail proves nothing: break a copy of the contracts and expect buf to object.
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
cp -r proto "$scratch/proto"
sed -i '0,/^\(\s*\)\(string\|int32\|int64\|bool\) [a-z_]* = [0-9]*;/{//d}' "$scratch/proto/napl/catalogue/v1/offer_events.proto"
if $buf breaking "$scratch/proto" --against proto >/dev/null 2>&1; then
  echo "contracts: buf breaking did not notice a deleted field; the check is broken" >&2; exit 1
fi
echo "contracts: buf breaking notices a deleted field"
