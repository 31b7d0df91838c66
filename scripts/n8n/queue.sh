#!/usr/bin/env bash
# n8n in queue mode on one machine: Redis and PostgreSQL (Debian packages) as local processes,
# then n8n main + webhook processor(s) + workers, each with its own user folder holding this
# package (every n8n process loads the community package itself: main and the webhook processor
# to serve and check the triggers, the workers to run the nodes).
#
#   scripts/n8n/queue.sh start     Redis + PostgreSQL + n8n (= db, then n8n)
#   scripts/n8n/queue.sh db        Redis + PostgreSQL only
#   scripts/n8n/queue.sh cli ARGS  an n8n CLI command with the main process' environment
#   scripts/n8n/queue.sh n8n       main, then the webhook processor and the workers
#   scripts/n8n/queue.sh stop      everything recorded in $QUEUE_HOME/pids, newest first
#
# Environment:
#   N8N_DIR     an install folder from install.sh                                    [required]
#   QUEUE_HOME  the rig's folder: one user folder per n8n process, Redis and
#               PostgreSQL data, logs (<role>/n8n.log) and pids                      [required]
#   PKG_DIR     a package folder linked into each user folder (npm run dev), or
#   PKG_TGZ     a packed tarball installed in each user folder with the README's command (tests)
#   QUEUE_PORT  first of 15 consecutive ports (default 5678): main 0 (+1 its task broker),
#               webhook processor 2 (+3), workers 4..11 (health check and task broker: 2 each, up
#               to 4 workers), the CLI's task broker 12, Redis 13, PostgreSQL 14
#   WORKERS     number of workers (default 2, at most 4)   N8N_HOST (default localhost)
#   N8N_ENCRYPTION_KEY  one key for every process (env.sh has a fixed local default)
# Prints the main and webhook URLs once everything is ready. Processes run in their own session
# (setsid), so `stop` also ends their task runners, and a killed worker leaves nothing behind.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
: "${N8N_DIR:?set N8N_DIR}" "${QUEUE_HOME:?set QUEUE_HOME}"
mkdir -p "$QUEUE_HOME"; QUEUE_HOME=$(cd "$QUEUE_HOME" && pwd)
# PostgreSQL runs as a non-root user: it must be able to reach its folder inside QUEUE_HOME.
chmod 711 "$QUEUE_HOME"
BASE=${QUEUE_PORT:-5678}
WORKERS=${WORKERS:-2}
[ "$WORKERS" -ge 1 ] && [ "$WORKERS" -le 4 ] || { echo "WORKERS must be 1..4" >&2; exit 1; }
MAIN_PORT=$BASE WEBHOOK_PORT=$((BASE + 2)) REDIS_PORT=$((BASE + 13)) PG_PORT=$((BASE + 14))
export N8N_HOST=${N8N_HOST:-localhost}
TIMEOUT=${START_TIMEOUT:-120}
PIDS=$QUEUE_HOME/pids
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
log() { echo "[queue] $*" >&2; }

# Runs a command as the PostgreSQL user when we are root (postgres refuses to run as root).
# From /: the caller's folder may be closed to that user (a clone under /root).
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u "${PG_USER:-postgres}" -- "$@"); else "$@"; fi; }

# The environment shared by every n8n process of the rig (on top of env.sh).
queue_env() {
	export EXECUTIONS_MODE=queue
	export QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT=$REDIS_PORT
	export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT=$PG_PORT
	export DB_POSTGRESDB_DATABASE=n8n DB_POSTGRESDB_USER=postgres DB_POSTGRESDB_PASSWORD=
	# The public webhook URL (what the services are given) is the webhook processor's.
	local public=http://$N8N_HOST:$WEBHOOK_PORT/
	if [ "${N8N_VERSION%%.*}" -ge 2 ]; then export N8N_WEBHOOK_URL=$public; else export WEBHOOK_URL=$public; fi
	# Production webhooks are served by the webhook processor only.
	export N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true
	export OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true
}

# The environment of one role in a subshell: role_env ROLE PORT BROKER_PORT
role_env() {
	export N8N_HOME=$QUEUE_HOME/$1 N8N_PORT=$2 N8N_RUNNERS_BROKER_PORT=$3
	. "$HERE/env.sh"
	queue_env
}

# Installs the package into a user folder (PKG_DIR is linked by env.sh).
install_pkg() {
	[ -n "${PKG_TGZ:-}" ] || return 0
	[ -f "$N8N_HOME/.pkg-installed-from" ] && [ "$(cat "$N8N_HOME/.pkg-installed-from")" = "$PKG_TGZ" ] && return 0
	mkdir -p "$N8N_HOME/.n8n/nodes"
	(cd "$N8N_HOME/.n8n/nodes" && npm install --legacy-peer-deps --no-audit --no-fund "$PKG_TGZ" > "$N8N_HOME/npm-install.log" 2>&1) ||
		{ log "installing $PKG_TGZ into $N8N_HOME failed:"; tail -20 "$N8N_HOME/npm-install.log" >&2; return 1; }
	echo "$PKG_TGZ" > "$N8N_HOME/.pkg-installed-from"
}

# wait_until WHAT PID COMMAND...: polls COMMAND until it succeeds; fails if PID exits.
wait_until() {
	local what=$1 pid=$2; shift 2
	for _ in $(seq 1 $((TIMEOUT * 4))); do
		if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then log "$what exited"; return 1; fi
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.25
	done
	log "$what did not get ready within ${TIMEOUT}s"; return 1
}

start_db() {
	command -v redis-server >/dev/null || { log "redis-server is missing (apt-get install redis-server)"; exit 1; }
	[ -x "$PGBIN/initdb" ] || { log "PostgreSQL is missing (apt-get install postgresql)"; exit 1; }
	mkdir -p "$QUEUE_HOME/redis"
	setsid redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$QUEUE_HOME/redis" \
		> "$QUEUE_HOME/redis/redis.log" 2>&1 &
	echo "redis $!" >> "$PIDS"
	local pg=$QUEUE_HOME/pg
	mkdir -p "$pg"
	if [ "$(id -u)" = 0 ]; then chown "${PG_USER:-postgres}" "$pg"; fi
	as_pg "$PGBIN/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 > "$QUEUE_HOME/pg-initdb.log" 2>&1 ||
		{ log "initdb failed:"; tail -20 "$QUEUE_HOME/pg-initdb.log" >&2; exit 1; }
	echo "postgres $pg/data" >> "$PIDS"
	as_pg "$PGBIN/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -w -t "$TIMEOUT" \
		-o "-p $PG_PORT -k $pg -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null ||
		{ log "PostgreSQL did not start:"; tail -20 "$pg/postgres.log" >&2; exit 1; }
	"$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres n8n
	wait_until "Redis" "" redis-cli -p "$REDIS_PORT" ping
	log "Redis on 127.0.0.1:$REDIS_PORT, PostgreSQL on 127.0.0.1:$PG_PORT (database n8n, user postgres)"
}

# spawn ROLE COMMAND: starts one n8n process in its own session, records its pid.
spawn() {
	local role=$1 cmd=$2
	install_pkg
	setsid "$NODE_BIN" "$N8N_DIR/node_modules/n8n/bin/n8n" "$cmd" > "$N8N_HOME/n8n.log" 2>&1 &
	echo "$!" > "$N8N_HOME/n8n.pid"
	echo "$role $!" >> "$PIDS"
	echo "$!"
}

start_n8n() {
	local start; start=$(date +%s)
	# main first: it runs the database migrations and registers the active workflows' webhooks.
	(
		role_env main "$MAIN_PORT" $((MAIN_PORT + 1))
		pid=$(spawn main start)
		# "Editor is now accessible" comes after the active workflows were activated.
		wait_until "n8n main (see $N8N_HOME/n8n.log)" "$pid" \
			bash -c 'grep -q "Editor is now accessible" "$0" && curl -sf "$1"' "$N8N_HOME/n8n.log" "http://127.0.0.1:$N8N_PORT/healthz/readiness"
	) || { tail -30 "$QUEUE_HOME/main/n8n.log" >&2; exit 1; }
	local pids=()
	(
		role_env webhook "$WEBHOOK_PORT" $((WEBHOOK_PORT + 1))
		pid=$(spawn webhook webhook)
		wait_until "n8n webhook processor (see $N8N_HOME/n8n.log)" "$pid" curl -sf "http://127.0.0.1:$N8N_PORT/healthz/readiness"
	) & pids+=($!)
	for i in $(seq 1 "$WORKERS"); do
		(
			health=$((BASE + 2 + 2 * i))
			role_env "worker$i" "$health" $((health + 1))
			export QUEUE_HEALTH_CHECK_ACTIVE=true QUEUE_HEALTH_CHECK_PORT=$health N8N_WORKER_SERVER_ADDRESS=127.0.0.1
			pid=$(spawn "worker$i" worker)
			wait_until "n8n worker$i (see $N8N_HOME/n8n.log)" "$pid" curl -sf "http://127.0.0.1:$health/healthz/readiness"
		) & pids+=($!)
	done
	local failed=0
	for p in "${pids[@]}"; do wait "$p" || failed=1; done
	[ "$failed" = 0 ] || exit 1
	log "n8n queue mode ready in $(( $(date +%s) - start ))s: main http://$N8N_HOST:$MAIN_PORT, webhook processor http://$N8N_HOST:$WEBHOOK_PORT, $WORKERS worker(s)"
	echo "main=http://127.0.0.1:$MAIN_PORT webhook=http://127.0.0.1:$WEBHOOK_PORT"
}

# Ends one n8n/Redis process and its session: SIGTERM, then SIGKILL after a grace period.
stop_pid() {
	local pid=$1 grace=$2
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 $((grace * 5))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
	# the session: the process itself and anything it left (task runners of a killed worker)
	kill -KILL -- "-$pid" 2>/dev/null || true
}

stop_all() {
	[ -f "$PIDS" ] || return 0
	local lines; mapfile -t lines < <(tac "$PIDS")
	local waits=()
	for line in "${lines[@]}"; do
		set -- $line
		case "$1" in
			postgres) ;;
			redis) ;;
			main) ;;
			*) stop_pid "$2" 20 & waits+=($!) ;;
		esac
	done
	for p in "${waits[@]}"; do wait "$p" || true; done
	for line in "${lines[@]}"; do set -- $line; [ "$1" = main ] && stop_pid "$2" 20; done
	for line in "${lines[@]}"; do set -- $line; [ "$1" = redis ] && stop_pid "$2" 5; done
	for line in "${lines[@]}"; do
		set -- $line
		[ "$1" = postgres ] && [ -f "$2/postmaster.pid" ] && { as_pg "$PGBIN/pg_ctl" -D "$2" -m immediate -w stop > /dev/null 2>&1 || true; }
	done
	rm -f "$PIDS"
	return 0
}

N8N_VERSION=$("$(cat "$N8N_DIR/.node-bin" 2>/dev/null || command -v node)" -p "require('$N8N_DIR/node_modules/n8n/package.json').version")
case "${1:-}" in
	start) start_db; start_n8n ;;
	db) start_db ;;
	n8n) start_n8n ;;
	cli) shift; (role_env main "$MAIN_PORT" $((BASE + 12)); install_pkg; n8n_cli "$@") ;;
	stop) stop_all ;;
	*) echo "usage: queue.sh start|db|cli ARGS|n8n|stop" >&2; exit 2 ;;
esac
