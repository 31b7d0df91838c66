#!/usr/bin/env bash
# Starts n8n in the background and waits until it serves requests (webhooks included).
#   N8N_DIR=... N8N_HOME=... [N8N_PORT=5678] [PKG_DIR=.] scripts/n8n/start.sh
# Writes $N8N_HOME/n8n.pid and $N8N_HOME/n8n.log. Stop it with: kill "$(cat $N8N_HOME/n8n.pid)"
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/env.sh"
TIMEOUT=${START_TIMEOUT:-120}
if curl -s -o /dev/null "http://127.0.0.1:$N8N_PORT/"; then echo "port $N8N_PORT is already in use" >&2; exit 1; fi
start=$(date +%s)
"$NODE_BIN" "$N8N_DIR/node_modules/n8n/bin/n8n" start > "$N8N_HOME/n8n.log" 2>&1 &
pid=$!
echo "$pid" > "$N8N_HOME/n8n.pid"
# "Editor is now accessible" is logged after the active workflows' webhooks are registered.
for _ in $(seq 1 $((TIMEOUT * 4))); do
  if ! kill -0 "$pid" 2>/dev/null; then echo "n8n exited, see $N8N_HOME/n8n.log" >&2; tail -20 "$N8N_HOME/n8n.log" >&2; exit 1; fi
  if grep -q "Editor is now accessible" "$N8N_HOME/n8n.log" &&
     curl -sf -o /dev/null "http://127.0.0.1:$N8N_PORT/healthz/readiness"; then
    echo "n8n $N8N_VERSION ready on http://localhost:$N8N_PORT (pid $pid, $(( $(date +%s) - start ))s, Node $("$NODE_BIN" -v))"
    exit 0
  fi
  sleep 0.25
done
echo "n8n did not get ready within ${TIMEOUT}s, see $N8N_HOME/n8n.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
