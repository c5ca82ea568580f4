#!/usr/bin/env bash
# Measures this server and Debian's Postfix side by side on this machine, in one run, with
# bench/SmtpLoad.java: 4 KB messages to one local mailbox over 8 connections, then idle
# connections while a new session waits for its greeting.
#
#   bench/compare-with-postfix.sh [h2|postgresql]     (default h2; run as root, from anywhere)
#
# Installs and configures Postfix if it is missing (apt-get; local delivery for example.test on
# 127.0.0.1:25, user alice, otherwise Debian's defaults: queue files synced before each 250),
# builds nothing: run `./mvnw -q -DskipTests package` first. Starts
# this server from mail-ear/target/mail-server.jar with a fresh data folder (and, for postgresql,
# a fresh database mail_bench on 127.0.0.1:5432), and stops it at the end. Postfix keeps running.
# Environment: MESSAGES (per run, default 10000), RUNS (default 3), WARMUP (default 40000, the JIT compilers of both JVMs take that long),
# IDLE (idle connections, default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-h2}
MESSAGES=${MESSAGES:-10000}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-40000}
IDLE=${IDLE:-10000}
WORK=$(mktemp -d /tmp/mail-bench.XXXXXX)
LOAD=(java bench/SmtpLoad.java --size 4096 --connections 8 --to alice@example.test)
SERVER_PID=

# ---- Postfix -----------------------------------------------------------------------------------
if ! command -v postfix >/dev/null; then
    echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
    echo "postfix postfix/mailname string bench.test" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix >/dev/null
fi
id alice >/dev/null 2>&1 || useradd --create-home alice
postconf -e "myhostname = bench.test" "mydestination = example.test, localhost" \
    "inet_interfaces = 127.0.0.1" "inet_protocols = ipv4" "mynetworks = 127.0.0.0/8" \
    "smtpd_client_connection_count_limit = 0" "mailbox_size_limit = 0"
postfix status >/dev/null 2>&1 && postfix reload >/dev/null 2>&1 || postfix start >/dev/null 2>&1

postfix_idle() { # waits until Postfix has delivered everything it accepted
    while [ -n "$(find /var/spool/postfix/incoming /var/spool/postfix/active -type f 2>/dev/null | head -n 1)" ]; do
        sleep 1
    done
    : > /var/mail/alice 2>/dev/null || true
}

# ---- this server --------------------------------------------------------------------------------
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; }
trap stop_server EXIT

DB_OPTIONS=()
if [ "$DB" = postgresql ]; then
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS mail_bench WITH (FORCE)" -c "CREATE DATABASE mail_bench"
    DB_OPTIONS=(-Dmail.db.url=jdbc:postgresql://127.0.0.1:5432/mail_bench -Dmail.db.user=postgres)
fi
java -Xmx1g "${DB_OPTIONS[@]}" -Dmail.data.dir="$WORK/data" -Dmail.admin.password=bench-admin \
    -Dmail.bind-address=127.0.0.1 -Dmail.hostname=bench.test \
    -jar mail-ear/target/mail-server.jar --port 8181 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 120); do
    curl -s -f -o /dev/null -u admin:bench-admin http://127.0.0.1:8181/api/v1/domains && break
    sleep 1
done
api() { curl -s -f -o /dev/null -u admin:bench-admin -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:8181/api/v1/$1"; }
api domains '{"name":"example.test"}'
api accounts '{"address":"alice@example.test","password":"alice-bench-pw","quota":0}'

# ---- runs ---------------------------------------------------------------------------------------
echo "warming up both servers with $WARMUP messages each"
"${LOAD[@]}" --port 25 --messages "$WARMUP" >/dev/null
"${LOAD[@]}" --port 2525 --messages "$WARMUP" >/dev/null
postfix_idle
echo "== $MESSAGES messages of 4 KB over 8 connections, $RUNS runs each, this server on $DB"
for run in $(seq "$RUNS"); do
    echo "-- run $run: Postfix";     "${LOAD[@]}" --port 25 --messages "$MESSAGES" | tail -n 1
    postfix_idle
    echo "-- run $run: this server"; "${LOAD[@]}" --port 2525 --messages "$MESSAGES" | tail -n 1
done
echo "== $IDLE idle connections, then the greeting time of new sessions"
echo "-- Postfix (one smtpd process per session, default_process_limit 100)"
java bench/SmtpLoad.java --mode idle --port 25 --connections "$IDLE" --probes 5 | tail -n 2
echo "-- this server"
java bench/SmtpLoad.java --mode idle --port 2525 --connections "$IDLE" --probes 5 | tail -n 2
rm -rf "$WORK"
