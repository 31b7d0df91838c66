#!/usr/bin/env bash
# Runs one n8n CLI command with the instance environment of env.sh, e.g.
#   N8N_DIR=... N8N_HOME=... PKG_DIR=. scripts/n8n/cli.sh import:workflow --input=wf.json
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/env.sh"
n8n_cli "$@"
