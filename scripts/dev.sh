#!/usr/bin/env bash
# `npm run dev`: a real n8n on http://localhost:5678 with this package installed as a community
# package (from this checkout's dist/) and the example workflows in workflows/ imported.
#   DEV_LINE=1.x|2.x (default 2.x)   N8N_PORT (default 5678)   DEV_HOME (n8n's user folder)
# Stop it with Ctrl+C. Rebuild (`npm run build`) and restart to load changed node code.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LINE=${DEV_LINE:-2.x}
export N8N_DIR; N8N_DIR=$(bash "$ROOT/scripts/n8n/install.sh" "$LINE")
export N8N_HOME=${DEV_HOME:-$HOME/.n8n-chat-crm-sync-dev}
export N8N_PORT=${N8N_PORT:-5678}
export PKG_DIR=$ROOT
. "$ROOT/scripts/n8n/env.sh"

shopt -s nullglob
workflows=("$ROOT"/workflows/*.json)
if [ ${#workflows[@]} -gt 0 ]; then
  echo "Importing ${#workflows[@]} workflow(s) from workflows/ (inactive: add credentials, then activate)"
  n8n_cli import:workflow --separate --input="$ROOT/workflows"
fi
echo "Starting n8n $N8N_VERSION (Node $("$NODE_BIN" -v)) with $PKG_NAME on http://localhost:$N8N_PORT"
echo "User folder: $N8N_HOME — stop with Ctrl+C"
exec "$NODE_BIN" "$N8N_DIR/node_modules/n8n/bin/n8n" start
