# Source me. Sets up the environment for one n8n instance and defines `n8n_cli`.
#   N8N_DIR   an install folder from install.sh                              [required]
#   N8N_HOME  the instance's user folder (database, settings, ~/.n8n/nodes)  [required]
#   N8N_PORT  default 5678; n8n listens on 127.0.0.1 only
#   PKG_DIR   a package folder to load as a community package, linked into
#             $N8N_HOME/.n8n/nodes/node_modules/<name> (npm run dev / demo: this checkout, so a
#             rebuild shows after a restart; the e2e tests install the packed tarball instead)
: "${N8N_DIR:?set N8N_DIR}" "${N8N_HOME:?set N8N_HOME}"
# Under `npm run`, npm exports the project's settings (npm_config_ignore_scripts=true, …): they are
# not n8n's, and n8n's own npm calls (Community Nodes installs) must not inherit them.
for _var in $(compgen -e); do case "$_var" in npm_config_* | npm_package_* | npm_lifecycle_*) unset "$_var" ;; esac; done; unset _var
[ -f "$N8N_DIR/.installed" ] || { echo "$N8N_DIR is not a finished n8n install (scripts/n8n/install.sh makes one)" >&2; return 1 2>/dev/null || exit 1; }
N8N_DIR=$(cd "$N8N_DIR" && pwd); mkdir -p "$N8N_HOME"; N8N_HOME=$(cd "$N8N_HOME" && pwd)
NODE_BIN=$(cat "$N8N_DIR/.node-bin" 2>/dev/null || command -v node)
N8N_VERSION=$("$NODE_BIN" -p "require('$N8N_DIR/node_modules/n8n/package.json').version")
export N8N_USER_FOLDER=$N8N_HOME
export N8N_PORT=${N8N_PORT:-5678}
export N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=${N8N_HOST:-localhost} N8N_PROTOCOL=http
if [ "${N8N_VERSION%%.*}" -ge 2 ]; then
  export N8N_WEBHOOK_URL=http://$N8N_HOST:$N8N_PORT/
  export N8N_DISABLED_MODULES=${N8N_DISABLED_MODULES:-mcp-registry}   # it calls api.n8n.io
else
  export WEBHOOK_URL=http://$N8N_HOST:$N8N_PORT/
fi
# n8n 2.x starts a task-runner broker (default 127.0.0.1:5679): keep it beside our port.
export N8N_RUNNERS_BROKER_PORT=${N8N_RUNNERS_BROKER_PORT:-$((N8N_PORT + 1))}
export N8N_ENCRYPTION_KEY=${N8N_ENCRYPTION_KEY:-chat-crm-sync-local-key-0123456789}
export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_TEMPLATES_ENABLED=false N8N_PERSONALIZATION_ENABLED=false
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true N8N_SECURE_COOKIE=false
export DB_SQLITE_POOL_SIZE=${DB_SQLITE_POOL_SIZE:-2}
export N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-info}
# isolated-vm (the default expression engine) has builds for Node 22/24 only: n8n 1.x on Node 20
# needs the legacy engine.
if [ -z "${N8N_EXPRESSION_ENGINE:-}" ] && ! (cd "$N8N_DIR" && "$NODE_BIN" -e 'require("isolated-vm")' 2>/dev/null); then
  export N8N_EXPRESSION_ENGINE=legacy
fi
if [ -n "${PKG_DIR:-}" ]; then
  PKG_DIR=$(cd "$PKG_DIR" && pwd)
  PKG_NAME=$("$NODE_BIN" -p "require('$PKG_DIR/package.json').name")
  mkdir -p "$N8N_HOME/.n8n/nodes/node_modules"
  ln -sfn "$PKG_DIR" "$N8N_HOME/.n8n/nodes/node_modules/$PKG_NAME"
fi
n8n_cli() { "$NODE_BIN" "$N8N_DIR/node_modules/n8n/bin/n8n" "$@"; }
