#!/usr/bin/env bash
# Local infrastructure for docflow development and integration tests, without Docker:
#   RabbitMQ 3.10 (AMQP 5672, management 15672), a MongoDB-protocol server on 27017 (a real
#   mongod when one is on PATH, otherwise FerretDB v1.24.0 on a private PostgreSQL 15 on 5433),
#   clamd on 3310 with the repo's test signatures, and Tesseract OCR (installed only).
#
# Usage: scripts/infra.sh up | down | status | env | ctl <rabbitmqctl args...>
#                       | stop <rabbitmq|mongo|clamd> | start <rabbitmq|mongo|clamd>
#
# All state lives under $DOCFLOW_DATA_DIR (default: <repo>/.data). `up` writes infra.env there.
# A server whose URL is already set (AMQP_URL, MONGODB_URL, CLAMD_URL) is not started; the given
# URL goes into infra.env as is. `down` stops only what `up` started (found by pid files).
# See scripts/infra/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INFRA_DIR="$ROOT/scripts/infra"
DATA_DIR="${DOCFLOW_DATA_DIR:-$ROOT/.data}"
[[ "$DATA_DIR" == /* ]] || DATA_DIR="$PWD/$DATA_DIR"
# Built tools are cached per machine, not per checkout (their folders are named by version), so
# a fresh clone, CI's included, reuses them; DOCFLOW_TOOLS_DIR overrides.
TOOLS_DIR="${DOCFLOW_TOOLS_DIR:-${XDG_CACHE_HOME:-${HOME:-$ROOT}/.cache}/docflow/tools}"
SIGNATURES_DIR="$ROOT/deploy/clamav/signatures"
ENV_FILE="$DATA_DIR/infra.env"

# A second, private stack (the fault tests stop and restart its servers) runs beside the usual
# one with its own DOCFLOW_DATA_DIR and every port shifted by DOCFLOW_INFRA_PORT_OFFSET.
PORT_OFFSET="${DOCFLOW_INFRA_PORT_OFFSET:-0}"
[[ "$PORT_OFFSET" =~ ^[0-9]{1,4}$ ]] || {
  echo "[infra] ERROR: DOCFLOW_INFRA_PORT_OFFSET must be a number from 0 to 9999" >&2
  exit 2
}
AMQP_PORT=$((5672 + PORT_OFFSET))
MANAGEMENT_PORT=$((15672 + PORT_OFFSET))
RABBITMQ_PROMETHEUS_PORT=$((15692 + PORT_OFFSET))
RABBITMQ_DIST_PORT=$((25672 + PORT_OFFSET))
MONGO_PORT=$((27017 + PORT_OFFSET))
PG_PORT=$((5433 + PORT_OFFSET))
CLAMD_PORT=$((3310 + PORT_OFFSET))

if ((PORT_OFFSET == 0)); then RABBITMQ_NODE=docflow@localhost; else RABBITMQ_NODE="docflow-$PORT_OFFSET@localhost"; fi
FERRETDB_VERSION=v1.24.0
FERRETDB_BIN="$TOOLS_DIR/ferretdb-$FERRETDB_VERSION/ferretdb"
PG_PREFERRED_VERSION=15

DEFAULT_AMQP_URL="amqp://guest:guest@127.0.0.1:$AMQP_PORT"
DEFAULT_MANAGEMENT_URL="http://guest:guest@127.0.0.1:$MANAGEMENT_PORT"
DEFAULT_MONGODB_URL="mongodb://127.0.0.1:$MONGO_PORT"
DEFAULT_CLAMD_URL="tcp://127.0.0.1:$CLAMD_PORT"
RABBITMQ_WHERE="$DEFAULT_AMQP_URL, management http://127.0.0.1:$MANAGEMENT_PORT"

# The standard EICAR anti-virus test string (harmless; every scanner detects it by convention).
# shellcheck disable=SC2016 # literal $ signs
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

# Filled in by the start functions and written to infra.env / printed at the end of `up`.
# (A MONGODB_SERVER from the environment is kept for an external MONGODB_URL.)
MONGODB_SERVER_FROM_ENV="${MONGODB_SERVER:-}"
MONGODB_SERVER=""
declare -a SUMMARY=()

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------

log() { echo "[infra] $*"; }
warn() { echo "[infra] WARNING: $*" >&2; }
die() {
  echo "[infra] ERROR: $*" >&2
  exit 1
}

# Prints the last lines of a log file to stderr (for error messages).
show_log_tail() {
  local file="$1" lines="${2:-30}"
  if [[ -s "$file" ]]; then
    echo "[infra] ---- last $lines lines of $file ----" >&2
    tail -n "$lines" "$file" >&2
    echo "[infra] ---- end of $file ----" >&2
  else
    echo "[infra] (log file $file is empty or missing)" >&2
  fi
}

now() { date +%s.%N; }
# Seconds since a `now` value, with one decimal.
elapsed() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f", end - start }'; }

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Dies with a helpful message when a port we need is taken by a process we did not start.
require_free_port() {
  local port="$1" what="$2" hint="$3"
  if port_open "$port"; then
    local who=""
    if command -v ss >/dev/null 2>&1; then
      who="$(ss -ltnpH "sport = :$port" 2>/dev/null | head -n 3 || true)"
    fi
    die "port $port (needed for $what) is already in use by a process this script did not start.
${who:+  $who
}  Stop that process, or $hint"
  fi
}

# Reads a pid file; prints the pid when that process is alive and its command line contains
# <pattern> (protects against stale pid files whose pid was reused).
live_pid() {
  local file="$1" pattern="$2" pid
  [[ -f "$file" ]] || return 1
  pid="$(head -n 1 "$file" 2>/dev/null | tr -dc '0-9')"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern" || return 1
  echo "$pid"
}

# Waits until "$@" succeeds, for at most <timeout> seconds. Returns 1 on timeout.
wait_until() {
  local timeout="$1"
  shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# Sends SIGTERM to a pid and waits for it to exit (SIGKILL after <timeout> seconds).
stop_pid() {
  local pid="$1" timeout="${2:-15}"
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "pid $pid did not stop after ${timeout}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      return 0
    fi
    sleep 0.2
  done
}

run_as() {
  local user="$1"
  shift
  if [[ "$(id -un)" == "$user" ]]; then
    "$@"
  else
    runuser -u "$user" -- "$@"
  fi
}

# Services that run as their own user (rabbitmq, postgres) must be able to walk down to their
# folders: add o+x to every parent folder that lacks it.
make_traversable() {
  local dir="$1"
  while [[ "$dir" != "/" && -n "$dir" ]]; do
    if [[ -d "$dir" && "$(stat -c %A "$dir" | cut -c10)" != [xt] ]]; then
      log "chmod o+x $dir (so service users can reach their data folders)"
      chmod o+x "$dir"
    fi
    dir="$(dirname "$dir")"
  done
}

# Fills in @NAME@ placeholders of a template: render_template <template> <output> NAME=value...
render_template() {
  local template="$1" output="$2" content pair
  shift 2
  content="$(<"$template")"
  for pair in "$@"; do
    content="${content//@${pair%%=*}@/${pair#*=}}"
  done
  printf '%s\n' "$content" >"$output"
}

# True when the URL variable <name> is set, meaning "use that server, start none". Exception: the
# URL of a server that this script started and that still runs is ours (say, infra.env was
# sourced into the shell before running `up` or `status` again).
is_external() {
  local name="$1" value="${!1:-}"
  [[ -n "$value" ]] || return 1
  case "$name" in
    AMQP_URL)
      [[ "$value" == "$DEFAULT_AMQP_URL" ]] && rabbitmq_pid >/dev/null && return 1
      ;;
    MONGODB_URL)
      [[ "$value" == "$DEFAULT_MONGODB_URL" ]] && { ferretdb_pid || mongod_pid; } >/dev/null && return 1
      ;;
    CLAMD_URL)
      [[ "$value" == "$DEFAULT_CLAMD_URL" ]] && clamd_pid >/dev/null && return 1
      ;;
  esac
  return 0
}

# ---------------------------------------------------------------------------------------------
# Debian packages
# ---------------------------------------------------------------------------------------------

POLICY_RC_D=/usr/sbin/policy-rc.d
CREATED_POLICY_RC_D=0

remove_policy_rc_d() {
  if ((CREATED_POLICY_RC_D)); then
    rm -f "$POLICY_RC_D"
    CREATED_POLICY_RC_D=0
  fi
}

package_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" == ii* ]]
}

wanted_packages() {
  local -a pkgs=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa poppler-utils curl)
  is_external AMQP_URL || pkgs+=(rabbitmq-server)
  if ! is_external MONGODB_URL && ! command -v mongod >/dev/null 2>&1; then
    pkgs+=(postgresql)
  fi
  is_external CLAMD_URL || pkgs+=(clamav-daemon clamav)
  echo "${pkgs[@]}"
}

ensure_packages() {
  local -a missing=()
  local pkg
  for pkg in $(wanted_packages); do
    package_installed "$pkg" || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  [[ "$(id -u)" == 0 ]] ||
    die "missing Debian packages: ${missing[*]}. Run this script as root or install them first."

  local apt_log="$DATA_DIR/apt.log" start
  start="$(now)"
  log "installing Debian packages: ${missing[*]} (output in $apt_log)"
  # Keep apt from starting the system-wide services (rabbitmq, postgresql, clamav): our own
  # instances need their ports.
  if [[ ! -e "$POLICY_RC_D" ]]; then
    printf '#!/bin/sh\n# temporary, from docflow scripts/infra.sh: do not start services\nexit 101\n' \
      >"$POLICY_RC_D"
    chmod 755 "$POLICY_RC_D"
    CREATED_POLICY_RC_D=1
  fi
  log "apt-get update"
  if ! apt-get update >>"$apt_log" 2>&1; then
    show_log_tail "$apt_log"
    die "apt-get update failed"
  fi
  log "apt-get install -y --no-install-recommends ${missing[*]}"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
    >>"$apt_log" 2>&1; then
    show_log_tail "$apt_log"
    die "apt-get install failed"
  fi
  remove_policy_rc_d
  stop_system_services
  SUMMARY+=("packages: installed ${missing[*]} in $(elapsed "$start")s")
  log "packages installed in $(elapsed "$start")s"
}

# If a package's maintainer script started a system-wide instance anyway, stop it with the
# package's own init script. Runs only right after an install. (Checks pid files rather than
# `init.d/... status`: rabbitmq's status command would itself spawn an epmd daemon.)
stop_system_services() {
  local svc pidfile pattern
  for svc in rabbitmq-server:/run/rabbitmq/pid:beam \
    clamav-daemon:/run/clamav/clamd.pid:clamd \
    clamav-freshclam:/run/clamav/freshclam.pid:freshclam; do
    IFS=: read -r svc pidfile pattern <<<"$svc"
    if live_pid "$pidfile" "$pattern" >/dev/null; then
      log "stopping the system-wide $svc that the package started"
      if command -v service >/dev/null 2>&1; then
        service "$svc" stop >/dev/null 2>&1 || warn "could not stop system-wide $svc"
      else
        "/etc/init.d/$svc" stop >/dev/null 2>&1 || warn "could not stop system-wide $svc"
      fi
    fi
  done
  if command -v pg_lsclusters >/dev/null 2>&1; then
    local version name port status rest
    while read -r version name port status rest; do
      if [[ "$status" == online* ]]; then
        log "stopping the system-wide PostgreSQL cluster $version/$name (port $port)"
        pg_ctlcluster "$version" "$name" stop || warn "could not stop cluster $version/$name"
      fi
    done < <(pg_lsclusters -h 2>/dev/null || true)
  fi
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------------------

RMQ_DIR="$DATA_DIR/rabbitmq"
RMQ_PID_FILE="$RMQ_DIR/rabbitmq.pid"
RMQ_EPMD_PID_FILE="$RMQ_DIR/epmd.pid"

# Runs a command with the environment that points RabbitMQ at our folders and node name.
rabbitmq_env() {
  env RABBITMQ_NODENAME="$RABBITMQ_NODE" \
    RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia" \
    RABBITMQ_LOG_BASE="$RMQ_DIR/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf" \
    RABBITMQ_PID_FILE="$RMQ_PID_FILE" \
    RABBITMQ_DIST_PORT="$RABBITMQ_DIST_PORT" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    ERL_CRASH_DUMP="$RMQ_DIR/log/erl_crash.dump" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    "$@"
}

rabbitmqctl_() { rabbitmq_env rabbitmqctl "$@"; }

rabbitmq_pid() { live_pid "$RMQ_PID_FILE" beam; }

rabbitmq_ready() {
  port_open "$AMQP_PORT" &&
    curl -fsS -m 5 -u guest:guest "http://127.0.0.1:$MANAGEMENT_PORT/api/overview" >/dev/null 2>&1
}

rabbitmq_log_file() { ls -t "$RMQ_DIR/log/$RABBITMQ_NODE.log" 2>/dev/null || true; }

rabbitmq_fail() {
  local log_file
  log_file="$(rabbitmq_log_file)"
  [[ -n "$log_file" ]] && show_log_tail "$log_file" 30
  if grep -q '\[error\]' "$RMQ_DIR/log/startup.out" 2>/dev/null; then
    echo "[infra] ---- first errors in $RMQ_DIR/log/startup.out ----" >&2
    grep -m 12 '\[error\]' "$RMQ_DIR/log/startup.out" >&2
  fi
  show_log_tail "$RMQ_DIR/log/startup.out" 15
  die "$1"
}

# Remembers the epmd (Erlang port mapper) that our rabbitmq-server started, so `down` can stop it.
record_epmd_pid() {
  [[ -s "$RMQ_EPMD_PID_FILE" ]] && return 0
  local pid
  pid="$(ss -ltnpH 'sport = :4369' 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)"
  [[ -n "$pid" ]] || pid="$(pgrep -nx epmd || true)"
  [[ -n "$pid" ]] && echo "$pid" >"$RMQ_EPMD_PID_FILE"
  return 0
}

prepare_rabbitmq_dirs() {
  mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  echo '[rabbitmq_management,rabbitmq_prometheus].' >"$RMQ_DIR/enabled_plugins"
  render_template "$INFRA_DIR/rabbitmq.conf.tmpl" "$RMQ_DIR/rabbitmq.conf" \
    "AMQP_PORT=$AMQP_PORT" "MANAGEMENT_PORT=$MANAGEMENT_PORT" \
    "PROMETHEUS_PORT=$RABBITMQ_PROMETHEUS_PORT"
  chown -R rabbitmq:rabbitmq "$RMQ_DIR"
  make_traversable "$DATA_DIR"
}

start_rabbitmq() {
  if is_external AMQP_URL; then
    log "rabbitmq: AMQP_URL is set, not starting one ($AMQP_URL)"
    return 0
  fi
  local start pid epmd_was_running=1 launcher=""
  start="$(now)"
  if pid="$(rabbitmq_pid)"; then
    if rabbitmq_ready; then
      log "rabbitmq: already running (pid $pid)"
      SUMMARY+=("rabbitmq: $RABBITMQ_WHERE (already running, pid $pid)")
      return 0
    fi
    # The node is alive but the app does not answer: it is still booting, or someone ran
    # `infra.sh ctl stop_app`. start_app is harmless in both cases.
    log "rabbitmq: node is running (pid $pid) but not answering yet; running start_app"
    rabbitmqctl_ start_app >/dev/null 2>&1 || true
  else
    require_free_port "$AMQP_PORT" "RabbitMQ AMQP" "set AMQP_URL to use that server instead."
    require_free_port "$MANAGEMENT_PORT" "RabbitMQ management" "set AMQP_URL to use an external RabbitMQ."
    require_free_port "$RABBITMQ_DIST_PORT" "RabbitMQ clustering" "set AMQP_URL to use an external RabbitMQ."
    require_free_port "$RABBITMQ_PROMETHEUS_PORT" "RabbitMQ metrics" "set AMQP_URL to use an external RabbitMQ."
    prepare_rabbitmq_dirs
    if ! port_open 4369; then
      epmd_was_running=0
      rm -f "$RMQ_EPMD_PID_FILE"
    fi
    log "rabbitmq: starting (data in $RMQ_DIR)"
    rm -f "$RMQ_PID_FILE"
    # Runs in the foreground of a background job rather than with -detached, so that errors from
    # before the node's own logging starts (bad config, ...) land in startup.out.
    # setsid: own session, so the server survives the shell that ran `up`.
    # 9>&-: daemons must not inherit the lock on .infra.lock (see take_lock).
    rabbitmq_env setsid nohup rabbitmq-server >"$RMQ_DIR/log/startup.out" 2>&1 </dev/null 9>&- &
    launcher=$!
  fi
  # await_startup needs the node to be reachable; retry while the node boots.
  local deadline=$((SECONDS + 120))
  until rabbitmqctl_ -q await_startup --timeout 120 >/dev/null 2>&1; do
    ((epmd_was_running)) || ! port_open 4369 || record_epmd_pid
    if [[ -n "$launcher" ]] && ! kill -0 "$launcher" 2>/dev/null; then
      rabbitmq_fail "rabbitmq exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      rabbitmq_fail "rabbitmq did not finish starting within 120s"
    fi
    sleep 1
  done
  wait_until 60 rabbitmq_ready || rabbitmq_fail "rabbitmq management API did not answer on :$MANAGEMENT_PORT"
  # rabbitmq-server starts epmd when none runs; remember it so that `down` can stop it too.
  ((epmd_was_running)) || record_epmd_pid
  pid="$(rabbitmq_pid || echo '?')"
  log "rabbitmq: ready in $(elapsed "$start")s (pid $pid)"
  SUMMARY+=("rabbitmq: $RABBITMQ_WHERE (started in $(elapsed "$start")s, pid $pid)")
}

stop_rabbitmq() {
  local pid
  if pid="$(rabbitmq_pid)"; then
    log "rabbitmq: stopping (pid $pid)"
    if ! rabbitmqctl_ -q stop "$RMQ_PID_FILE" >/dev/null 2>&1; then
      warn "rabbitmqctl stop failed; sending SIGTERM to $pid"
      stop_pid "$pid" 30
    fi
    log "rabbitmq: stopped"
  else
    log "rabbitmq: not running (nothing of ours to stop)"
  fi
  rm -f "$RMQ_PID_FILE"
  # Stop the epmd that our rabbitmq-server started, unless other Erlang nodes use it now.
  if pid="$(live_pid "$RMQ_EPMD_PID_FILE" epmd)"; then
    if epmd -names 2>/dev/null | grep -q '^name '; then
      log "epmd: leaving pid $pid running (other Erlang nodes are registered)"
    else
      log "epmd: stopping (pid $pid, started by our rabbitmq-server)"
      stop_pid "$pid" 5
    fi
  fi
  rm -f "$RMQ_EPMD_PID_FILE"
}

# Declares and deletes a quorum queue through the management API. Prints ok or the error.
rabbitmq_quorum_check() {
  local base="http://127.0.0.1:$MANAGEMENT_PORT/api/queues/%2F/docflow-infra-quorum-check" out
  if out="$(curl -fsS -m 10 -u guest:guest -X PUT -H 'content-type: application/json' \
    -d '{"durable":true,"auto_delete":false,"arguments":{"x-queue-type":"quorum"}}' "$base" 2>&1)"; then
    curl -fsS -m 10 -u guest:guest -X DELETE "$base" >/dev/null 2>&1 || true
    echo "ok"
  else
    echo "FAILED: $out"
  fi
}

status_rabbitmq() {
  local pid
  if is_external AMQP_URL; then
    echo "rabbitmq   external  $AMQP_URL (AMQP_URL is set; not managed here)"
  elif pid="$(rabbitmq_pid)" && rabbitmq_ready; then
    echo "rabbitmq   up        $RABBITMQ_WHERE (pid $pid); quorum queues: $(rabbitmq_quorum_check)"
  elif pid="$(rabbitmq_pid)"; then
    echo "rabbitmq   not-ready node pid $pid is alive, but the app does not answer (stopped or booting)"
  else
    echo "rabbitmq   down"
  fi
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL (private cluster, the storage behind FerretDB)
# ---------------------------------------------------------------------------------------------

PG_DIR="$DATA_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_RUN="$PG_DIR/run"
PG_LOG="$PG_DIR/postgres.log"

pg_bin_dir() {
  if [[ -x "/usr/lib/postgresql/$PG_PREFERRED_VERSION/bin/pg_ctl" ]]; then
    echo "/usr/lib/postgresql/$PG_PREFERRED_VERSION/bin"
    return 0
  fi
  local dir
  # shellcheck disable=SC2012 # plain version-number folder names
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$dir" ]] || die "PostgreSQL binaries not found under /usr/lib/postgresql (package postgresql)"
  echo "$dir"
}

pg_major() { basename "$(dirname "$(pg_bin_dir)")"; }

postgres_pid() { live_pid "$PG_DATA/postmaster.pid" postgres; }

postgres_ready() {
  "$(pg_bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 2
}

psql_() { "$(pg_bin_dir)/psql" -X -q -h "$PG_RUN" -p "$PG_PORT" -U postgres "$@"; }

# Index support FerretDB's lookups need to avoid reading whole tables (see the SQL file).
install_lookup_indexes() {
  local out
  out="$(psql_ -d ferretdb -tA -v ON_ERROR_STOP=1 -f "$INFRA_DIR/ferretdb-lookup-indexes.sql" 2>&1)" ||
    { echo "$out" >&2; die "could not install FerretDB lookup indexes"; }
  log "postgres: lookup indexes in place ($(tail -n 1 <<<"$out" | tr '|' ' ' | awk '{print $2 " fields over " $1 " btree indexes"}'))"
}

start_postgres() {
  local start pid bin
  start="$(now)"
  bin="$(pg_bin_dir)"
  if pid="$(postgres_pid)" && postgres_ready; then
    log "postgres: already running (pid $pid)"
    install_lookup_indexes
    SUMMARY+=("postgres: 127.0.0.1:$PG_PORT, database ferretdb (already running, pid $pid)")
    return 0
  fi
  require_free_port "$PG_PORT" "PostgreSQL (FerretDB storage)" "set MONGODB_URL to use another MongoDB server."
  mkdir -p "$PG_DIR" "$PG_RUN"
  chown postgres:postgres "$PG_DIR" "$PG_RUN"
  make_traversable "$DATA_DIR"
  if [[ ! -s "$PG_DATA/PG_VERSION" ]]; then
    log "postgres: creating a cluster in $PG_DATA"
    if ! run_as postgres "$bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C \
      --no-sync >"$PG_DIR/initdb.log" 2>&1; then
      show_log_tail "$PG_DIR/initdb.log"
      die "initdb failed"
    fi
    echo "include 'docflow.conf'" >>"$PG_DATA/postgresql.conf"
  fi
  render_template "$INFRA_DIR/postgresql.conf.tmpl" "$PG_DATA/docflow.conf" "RUN_DIR=$PG_RUN" "PORT=$PG_PORT"
  chown postgres:postgres "$PG_DATA/docflow.conf"
  touch "$PG_LOG"
  chown postgres:postgres "$PG_LOG"
  log "postgres: starting on 127.0.0.1:$PG_PORT"
  if ! run_as postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null 2>&1 9>&-; then
    show_log_tail "$PG_LOG"
    die "PostgreSQL did not start"
  fi
  if [[ -z "$(psql_ -tA -c "SELECT 1 FROM pg_database WHERE datname = 'ferretdb'")" ]]; then
    psql_ -c 'CREATE DATABASE ferretdb' || die "could not create database ferretdb"
  fi
  install_lookup_indexes
  pid="$(postgres_pid || echo '?')"
  log "postgres: ready in $(elapsed "$start")s (pid $pid)"
  SUMMARY+=("postgres: 127.0.0.1:$PG_PORT, database ferretdb (started in $(elapsed "$start")s, pid $pid)")
}

stop_postgres() {
  local pid
  if pid="$(postgres_pid)"; then
    log "postgres: stopping (pid $pid)"
    if ! run_as postgres "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1; then
      show_log_tail "$PG_LOG" 10
      warn "pg_ctl stop failed; sending SIGTERM to $pid"
      stop_pid "$pid" 30
    fi
    log "postgres: stopped"
  else
    log "postgres: not running (nothing of ours to stop)"
  fi
}

status_postgres() {
  local pid
  if pid="$(postgres_pid)" && postgres_ready; then
    echo "postgres   up        127.0.0.1:$PG_PORT (FerretDB storage, PostgreSQL $(pg_major); pid $pid)"
  else
    echo "postgres   down"
  fi
}

# ---------------------------------------------------------------------------------------------
# MongoDB protocol: FerretDB (default) or a real mongod
# ---------------------------------------------------------------------------------------------

FDB_DIR="$DATA_DIR/ferretdb"
FDB_PID_FILE="$FDB_DIR/ferretdb.pid"
FDB_LOG="$FDB_DIR/ferretdb.log"
MONGOD_DIR="$DATA_DIR/mongod"
MONGOD_PID_FILE="$MONGOD_DIR/mongod.pid"
MONGOD_LOG="$MONGOD_DIR/mongod.log"

mongo_ping() { node "$INFRA_DIR/mongo-ping.cjs" "$DEFAULT_MONGODB_URL" 2000; }
ferretdb_pid() { live_pid "$FDB_PID_FILE" ferretdb; }
mongod_pid() { live_pid "$MONGOD_PID_FILE" mongod; }
ferretdb_server_name() { echo "ferretdb-${FERRETDB_VERSION#v}+postgresql-$(pg_major)"; }

start_mongo() {
  if is_external MONGODB_URL; then
    MONGODB_SERVER="${MONGODB_SERVER_FROM_ENV:-external}"
    log "mongodb: MONGODB_URL is set, not starting one ($MONGODB_URL)"
    return 0
  fi
  command -v node >/dev/null 2>&1 || die "node is needed for the MongoDB ping probe"
  # A server we started earlier keeps running, whichever kind it is.
  if ferretdb_pid >/dev/null; then
    start_ferretdb
  elif mongod_pid >/dev/null || command -v mongod >/dev/null 2>&1; then
    start_mongod
  else
    start_ferretdb
  fi
}

build_ferretdb() {
  [[ -x "$FERRETDB_BIN" ]] && return 0
  local start
  start="$(now)"
  log "ferretdb: building $FERRETDB_VERSION once into $FERRETDB_BIN"
  DOCFLOW_TOOLS_DIR="$TOOLS_DIR" bash "$INFRA_DIR/build-ferretdb.sh" || die "building FerretDB failed"
  SUMMARY+=("ferretdb: built $FERRETDB_VERSION in $(elapsed "$start")s")
}

start_ferretdb() {
  MONGODB_SERVER="$(ferretdb_server_name)"
  if ! ferretdb_pid >/dev/null; then
    require_free_port "$MONGO_PORT" "FerretDB" "set MONGODB_URL to use that server instead."
  fi
  build_ferretdb
  start_postgres
  local start pid
  start="$(now)"
  if pid="$(ferretdb_pid)"; then
    if wait_until 15 mongo_ping; then
      log "ferretdb: already running (pid $pid)"
      SUMMARY+=("mongodb: $DEFAULT_MONGODB_URL ($MONGODB_SERVER, already running, pid $pid)")
      return 0
    fi
    warn "ferretdb (pid $pid) does not answer ping; restarting it"
    stop_pid "$pid" 10
  fi
  require_free_port "$MONGO_PORT" "FerretDB" "set MONGODB_URL to use that server instead."
  mkdir -p "$FDB_DIR/state"
  log "ferretdb: starting on 127.0.0.1:$MONGO_PORT"
  # setsid: own session, so the server survives the shell that ran `up`.
  setsid nohup "$FERRETDB_BIN" \
    --handler=postgresql \
    --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/ferretdb" \
    --listen-addr="127.0.0.1:$MONGO_PORT" \
    --state-dir="$FDB_DIR/state" \
    --debug-addr="${FERRETDB_DEBUG_ADDR:--}" \
    --telemetry=disable \
    --log-level=warn \
    >>"$FDB_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$FDB_PID_FILE"
  local deadline=$((SECONDS + 60))
  until mongo_ping >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$FDB_LOG"
      die "ferretdb exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$FDB_LOG"
      die "ferretdb did not answer ping within 60s"
    fi
    sleep 0.2
  done
  log "ferretdb: ready in $(elapsed "$start")s (pid $pid)"
  SUMMARY+=("mongodb: $DEFAULT_MONGODB_URL ($MONGODB_SERVER, started in $(elapsed "$start")s, pid $pid)")
}

start_mongod() {
  MONGODB_SERVER=mongod
  local start pid
  start="$(now)"
  if pid="$(mongod_pid)" && wait_until 15 mongo_ping; then
    log "mongod: already running (pid $pid)"
    SUMMARY+=("mongodb: $DEFAULT_MONGODB_URL (mongod, already running, pid $pid)")
    return 0
  fi
  require_free_port "$MONGO_PORT" "mongod" "set MONGODB_URL to use that server instead."
  mkdir -p "$MONGOD_DIR/db"
  log "mongod: starting on 127.0.0.1:$MONGO_PORT (data in $MONGOD_DIR/db)"
  if ! mongod --dbpath "$MONGOD_DIR/db" --port "$MONGO_PORT" --bind_ip 127.0.0.1 \
    --fork --logpath "$MONGOD_LOG" --logappend --pidfilepath "$MONGOD_PID_FILE" \
    >>"$MONGOD_DIR/mongod.out" 2>&1 9>&-; then
    show_log_tail "$MONGOD_DIR/mongod.out" 10
    show_log_tail "$MONGOD_LOG"
    die "mongod did not start"
  fi
  if ! wait_until 60 mongo_ping; then
    show_log_tail "$MONGOD_LOG"
    die "mongod did not answer ping within 60s"
  fi
  pid="$(mongod_pid || echo '?')"
  log "mongod: ready in $(elapsed "$start")s (pid $pid)"
  SUMMARY+=("mongodb: $DEFAULT_MONGODB_URL (mongod, started in $(elapsed "$start")s, pid $pid)")
}

stop_mongo() {
  stop_mongo_server
  if postgres_pid >/dev/null || [[ -d "$PG_DATA" ]]; then
    stop_postgres
  fi
}

# Stops FerretDB or mongod only; FerretDB's PostgreSQL keeps running.
stop_mongo_server() {
  local pid
  if pid="$(ferretdb_pid)"; then
    log "ferretdb: stopping (pid $pid)"
    stop_pid "$pid" 15
    log "ferretdb: stopped"
  else
    log "ferretdb: not running (nothing of ours to stop)"
  fi
  rm -f "$FDB_PID_FILE"
  if pid="$(mongod_pid)"; then
    log "mongod: stopping (pid $pid)"
    stop_pid "$pid" 30
    rm -f "$MONGOD_PID_FILE"
    log "mongod: stopped"
  fi
}

status_mongo() {
  local pid
  if is_external MONGODB_URL; then
    echo "mongodb    external  $MONGODB_URL (MONGODB_URL is set; not managed here)"
    return 0
  fi
  if pid="$(mongod_pid)"; then
    if mongo_ping >/dev/null 2>&1; then
      echo "mongod     up        $DEFAULT_MONGODB_URL (pid $pid); ping ok"
    else
      echo "mongod     not-ready pid $pid is alive but does not answer ping"
    fi
    return 0
  fi
  if pid="$(ferretdb_pid)"; then
    if mongo_ping >/dev/null 2>&1; then
      echo "ferretdb   up        $DEFAULT_MONGODB_URL ($(ferretdb_server_name); pid $pid); ping ok"
    else
      echo "ferretdb   not-ready pid $pid is alive but does not answer ping"
    fi
  else
    echo "ferretdb   down"
  fi
  if [[ -d "$PG_DATA" ]] || postgres_pid >/dev/null; then
    status_postgres
  fi
}

# ---------------------------------------------------------------------------------------------
# clamd
# ---------------------------------------------------------------------------------------------

CLAM_DIR="$DATA_DIR/clamav"
CLAM_CONF="$CLAM_DIR/clamd.conf"
CLAM_PID_FILE="$CLAM_DIR/clamd.pid"
CLAM_LOG="$CLAM_DIR/clamd.log"

# Sends one z-command (NUL-terminated) to clamd and prints the reply.
clamd_command() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$CLAMD_PORT"
    printf 'z%s\0' "$1" >&3
    IFS= read -r -d '' -t 10 reply <&3 || true
    printf '%s\n' "$reply"
  ) 2>/dev/null
}

clamd_ping() { [[ "$(clamd_command PING)" == "PONG" ]]; }

# Scans a text over INSTREAM (one chunk: 4-byte big-endian length, data, zero length).
clamd_scan_text() {
  local data="$1" len
  len="$(LC_ALL=C; echo "${#data}")"
  (
    exec 3<>"/dev/tcp/127.0.0.1/$CLAMD_PORT"
    printf 'zINSTREAM\0' >&3
    # shellcheck disable=SC2059 # the format is the 4 length bytes as \x escapes, on purpose
    printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' \
      $((len >> 24 & 255)) $((len >> 16 & 255)) $((len >> 8 & 255)) $((len & 255)))" >&3
    printf '%s' "$data" >&3
    printf '\0\0\0\0' >&3
    IFS= read -r -d '' -t 30 reply <&3 || true
    printf '%s\n' "$reply"
  ) 2>/dev/null
}

clamd_pid() { live_pid "$CLAM_PID_FILE" clamd; }

# Prints the results of scanning EICAR and a clean text; fails unless both are as expected.
clamd_selftest() {
  local eicar clean
  eicar="$(clamd_scan_text "$EICAR")"
  clean="$(clamd_scan_text 'hello from docflow, nothing to see here')"
  echo "EICAR -> '$eicar'; clean text -> '$clean'"
  [[ "$eicar" == *FOUND && "$clean" == "stream: OK" ]]
}

start_clamd() {
  if is_external CLAMD_URL; then
    log "clamd: CLAMD_URL is set, not starting one ($CLAMD_URL)"
    return 0
  fi
  local start pid result
  start="$(now)"
  if pid="$(clamd_pid)" && clamd_ping; then
    log "clamd: already running (pid $pid)"
    SUMMARY+=("clamd: $DEFAULT_CLAMD_URL (already running, pid $pid)")
    return 0
  fi
  compgen -G "$SIGNATURES_DIR/*.[hn]db" >/dev/null ||
    die "no ClamAV signatures in $SIGNATURES_DIR (expected docflow-test.hdb)"
  require_free_port "$CLAMD_PORT" "clamd" "set CLAMD_URL to use that server instead."
  mkdir -p "$CLAM_DIR/tmp"
  render_template "$INFRA_DIR/clamd.conf.tmpl" "$CLAM_CONF" \
    "DATA_DIR=$CLAM_DIR" "SIGNATURES_DIR=$SIGNATURES_DIR" "PORT=$CLAMD_PORT"
  rm -f "$CLAM_PID_FILE"
  log "clamd: starting on 127.0.0.1:$CLAMD_PORT (signatures from $SIGNATURES_DIR)"
  # On a loaded machine clamd's launcher can give up waiting for the daemon it forked (exit 1,
  # nothing printed) while the daemon goes on to load and listen: a live daemon is waited for.
  if ! clamd -c "$CLAM_CONF" >>"$CLAM_DIR/clamd.out" 2>&1 9>&- && ! wait_until 5 clamd_pid; then
    show_log_tail "$CLAM_DIR/clamd.out" 10
    show_log_tail "$CLAM_LOG"
    die "clamd did not start"
  fi
  if ! wait_until 120 clamd_ping; then
    show_log_tail "$CLAM_LOG"
    die "clamd did not answer PING within 120s"
  fi
  if ! result="$(clamd_selftest)"; then
    show_log_tail "$CLAM_LOG" 10
    die "clamd self-test failed: $result"
  fi
  pid="$(clamd_pid || echo '?')"
  log "clamd: ready in $(elapsed "$start")s (pid $pid); $result"
  SUMMARY+=("clamd: $DEFAULT_CLAMD_URL (started in $(elapsed "$start")s, pid $pid)")
}

stop_clamd() {
  local pid
  if pid="$(clamd_pid)"; then
    log "clamd: stopping (pid $pid)"
    stop_pid "$pid" 15
    log "clamd: stopped"
  else
    log "clamd: not running (nothing of ours to stop)"
  fi
  rm -f "$CLAM_PID_FILE"
}

status_clamd() {
  local pid result
  if is_external CLAMD_URL; then
    echo "clamd      external  $CLAMD_URL (CLAMD_URL is set; not managed here)"
  elif pid="$(clamd_pid)" && clamd_ping; then
    result="$(clamd_selftest || true)"
    echo "clamd      up        $DEFAULT_CLAMD_URL (pid $pid); $result"
  else
    echo "clamd      down"
  fi
}

# ---------------------------------------------------------------------------------------------
# Tesseract (installed only)
# ---------------------------------------------------------------------------------------------

status_tesseract() {
  if command -v tesseract >/dev/null 2>&1; then
    local version langs
    version="$(tesseract --version 2>&1 | head -n 1)"
    langs="$(tesseract --list-langs 2>&1 | tail -n +2 | paste -sd ' ')"
    echo "tesseract  installed $version; languages: $langs"
  else
    echo "tesseract  missing   (scripts/infra.sh up installs it)"
  fi
}

# ---------------------------------------------------------------------------------------------
# infra.env
# ---------------------------------------------------------------------------------------------

# amqp://user:pass@host:port/vhost -> http://user:pass@host:15672
management_url_for() {
  local rest="${1#*://}"
  rest="${rest%%/*}"
  local creds="" host="$rest"
  if [[ "$rest" == *@* ]]; then
    creds="${rest%@*}@"
    host="${rest##*@}"
  fi
  echo "http://$creds${host%:*}:$MANAGEMENT_PORT"
}

write_env_file() {
  local amqp="${AMQP_URL:-$DEFAULT_AMQP_URL}" management="$DEFAULT_MANAGEMENT_URL"
  if is_external AMQP_URL; then
    management="${RABBITMQ_MANAGEMENT_URL:-$(management_url_for "$AMQP_URL")}"
  fi
  {
    echo "AMQP_URL=$amqp"
    echo "RABBITMQ_MANAGEMENT_URL=$management"
    echo "MONGODB_URL=${MONGODB_URL:-$DEFAULT_MONGODB_URL}"
    echo "CLAMD_URL=${CLAMD_URL:-$DEFAULT_CLAMD_URL}"
    echo "MONGODB_SERVER=$MONGODB_SERVER"
  } >"$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

# Serializes up/down. The lock lives as long as fd 9 is open, so every daemon we launch gets
# `9>&-` (otherwise it would inherit the fd and hold the lock forever).
take_lock() {
  exec 9>"$DATA_DIR/.infra.lock"
  if ! flock -n 9; then
    log "another scripts/infra.sh up/down is running; waiting for it"
    flock 9
  fi
}

cmd_up() {
  local start
  start="$(now)"
  mkdir -p "$DATA_DIR"
  take_lock
  ensure_packages
  start_rabbitmq
  start_mongo
  start_clamd
  write_env_file
  log "all servers ready in $(elapsed "$start")s"
  local line
  for line in "${SUMMARY[@]}"; do
    log "  $line"
  done
  log "environment written to $ENV_FILE:"
  sed 's/^/[infra]   /' "$ENV_FILE"
}

cmd_down() {
  if [[ ! -d "$DATA_DIR" ]]; then
    log "nothing to stop ($DATA_DIR does not exist)"
    return 0
  fi
  take_lock
  stop_clamd
  stop_mongo
  stop_rabbitmq
  log "all servers started by this script are stopped; data is kept in $DATA_DIR"
}

# Stops or starts one server (outage tests use these; `up` starts everything again too).
# `stop mongo` stops FerretDB (or mongod) only; its PostgreSQL keeps running.
cmd_stop_start() {
  local action="$1" server="${2:-}"
  case "$server" in
    rabbitmq | mongo | clamd) ;;
    *) die "usage: scripts/infra.sh $action rabbitmq|mongo|clamd" ;;
  esac
  mkdir -p "$DATA_DIR"
  take_lock
  case "$action $server" in
    "stop mongo") stop_mongo_server ;;
    *) "${action}_${server}" ;;
  esac
}

cmd_status() {
  status_rabbitmq
  status_mongo
  status_clamd
  status_tesseract
}

cmd_env() {
  [[ -f "$ENV_FILE" ]] || die "$ENV_FILE does not exist; run scripts/infra.sh up first"
  cat "$ENV_FILE"
}

cmd_ctl() {
  command -v rabbitmqctl >/dev/null 2>&1 || die "rabbitmqctl not found; run scripts/infra.sh up first"
  rabbitmq_env rabbitmqctl "$@"
}

usage() {
  cat <<EOF
Usage: scripts/infra.sh <command>

  up       install what is missing, start RabbitMQ, FerretDB (or mongod) and clamd, wait until
           they answer, write $ENV_FILE
  down     stop the servers that 'up' started (data is kept)
  status   show which servers are up
  env      print $ENV_FILE
  ctl ...  run rabbitmqctl against our RabbitMQ node (e.g. ctl close_all_connections test)
  stop|start rabbitmq|mongo|clamd
           stop or start one server this script manages (for outage tests; 'stop mongo' leaves
           FerretDB's PostgreSQL running). stop-clamd / start-clamd are the same for clamd.

Environment: AMQP_URL, MONGODB_URL, CLAMD_URL (use that server, start none),
             DOCFLOW_DATA_DIR (state folder, default <repo>/.data),
             DOCFLOW_INFRA_PORT_OFFSET (shift every port, for a second private stack; default 0),
             FERRETDB_DEBUG_ADDR (FerretDB's metrics and Go pprof handler, e.g. 127.0.0.1:8088;
             default off).
EOF
}

main() {
  trap remove_policy_rc_d EXIT
  local command="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$command" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    env) cmd_env ;;
    ctl) cmd_ctl "$@" ;;
    stop | start) cmd_stop_start "$command" "$@" ;;
    stop-clamd) cmd_stop_start stop clamd ;;
    start-clamd) cmd_stop_start start clamd ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
