#!/usr/bin/env bash
# `npm run dev`: a real n8n on http://localhost:5678 with this package installed as a community
# package (from this checkout's dist/) and the example workflows in workflows/ imported.
#   DEV_LINE=1.x|2.x (default 2.x)   N8N_PORT (default 5678)   DEV_HOME (n8n's user folder)
# Stop it with Ctrl+C. Rebuild (`npm run build`) and restart to load changed node code.
#
# `npm run dev -- --queue` (or DEV_QUEUE=1 npm run dev): the same in n8n queue mode instead, as
# scripts/n8n/queue.sh starts it: Redis + PostgreSQL (Debian packages redis-server, postgresql),
# n8n main on :5678, the webhook processor (the Production webhook URL) on :5680 and DEV_WORKERS
# (default 2) workers, this checkout linked into each one's user folder. Everything lives in a new
# temporary folder and is stopped and removed on Ctrl+C.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LINE=${DEV_LINE:-2.x}
export N8N_DIR; N8N_DIR=$(bash "$ROOT/scripts/n8n/install.sh" "$LINE")
[ "${1:-}" = --queue ] && DEV_QUEUE=1
if [ -n "${DEV_QUEUE:-}" ]; then
  export QUEUE_HOME; QUEUE_HOME=$(mktemp -d "${TMPDIR:-/tmp}/n8n-chat-crm-sync-queue.XXXXXX")
  export QUEUE_PORT=${N8N_PORT:-5678} WORKERS=${DEV_WORKERS:-2} PKG_DIR=$ROOT
  Q="$ROOT/scripts/n8n/queue.sh"
  trap 'echo "Stopping the queue-mode processes"; bash "$Q" stop; rm -rf "$QUEUE_HOME"' EXIT
  trap 'exit 0' INT TERM
  bash "$Q" db
  echo "Importing the workflows from workflows/ (inactive: add credentials, then activate)"
  bash "$Q" cli import:workflow --separate --input="$ROOT/workflows"
  bash "$Q" n8n
  echo "Editor: http://localhost:$QUEUE_PORT — Production webhook URLs: http://localhost:$((QUEUE_PORT + 2))/webhook/…"
  echo "Logs: $QUEUE_HOME/{main,webhook,worker1,…}/n8n.log — stop with Ctrl+C"
  while sleep 1; do :; done
fi
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
