#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Relay benchmark: starts mail-ear/target/mail-server.jar (build it first) with a fresh data
# folder and a local SMTP sink as its smart host, warms it up, then relays RUNS x MESSAGES
# messages of 4 KB sent over 8 connections to a foreign address, and probes the time from
# acceptance to arrival at the sink.
#
#   bench/relay.sh [h2|postgresql] [relaysink|smtp-sink]
#
# relaysink (default) is bench/RelaySink.java, which times the first to the last arrival;
# smtp-sink is Postfix's (Debian's postfix package, installed if missing), timed here from the
# start of sending to its counter reaching the total. The probe always uses RelaySink.
# Environment: MESSAGES (10000), RUNS (3), WARMUP (40000), CONNECTIONS (8), SMTP_PORT (12525),
# SINK_PORT (12526), HTTP_PORT (18181), PG_URL (jdbc:postgresql://127.0.0.1:5432/mail_relay_bench),
# SERVER_OPTS (more -D options for the server, e.g. -Dmail.queue.destination-concurrency=4).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-h2}
SINK=${2:-relaysink}
MESSAGES=${MESSAGES:-10000}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-40000}
CONNECTIONS=${CONNECTIONS:-8}
SMTP_PORT=${SMTP_PORT:-12525}
SINK_PORT=${SINK_PORT:-12526}
HTTP_PORT=${HTTP_PORT:-18181}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/mail_relay_bench}
WORK=$(mktemp -d /tmp/relay-bench.XXXXXX)
SERVER_PID=
SINK_PID=
LOAD=(java bench/SmtpLoad.java --port "$SMTP_PORT" --size 4096 --connections "$CONNECTIONS"
      --from bench@example.test --to someone@far.example)

stop() {
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
}
trap stop EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
load_average() { cut -d ' ' -f 1-3 /proc/loadavg; }

DB_OPTIONS=()
if [ "$DB" = postgresql ]; then
    DB_NAME=${PG_URL##*/}
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" -c "CREATE DATABASE $DB_NAME"
    DB_OPTIONS=(-Dmail.db.url="$PG_URL" -Dmail.db.user=postgres)
fi
if [ "$SINK" = smtp-sink ] && ! command -v smtp-sink >/dev/null; then
    echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix >/dev/null
fi

# shellcheck disable=SC2086 # SERVER_OPTS is a list of options
java -Xmx1g "${DB_OPTIONS[@]}" -Dmail.data.dir="$WORK/data" -Dmail.admin.password=bench-admin \
    -Dmail.bind-address=127.0.0.1 -Dmail.hostname=bench.test -Dmail.smtp.port="$SMTP_PORT" \
    -Dmail.submission.port=0 -Dmail.smtps.port=0 -Dmail.pop3.port=0 -Dmail.pop3s.port=0 \
    -Dmail.relay.host="[127.0.0.1]:$SINK_PORT" -Dmail.relay.trusted-networks=127.0.0.0/8 ${SERVER_OPTS:-} \
    -jar mail-ear/target/mail-server.jar --port "$HTTP_PORT" --nocluster >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
up() { curl -s -f -o /dev/null -u admin:bench-admin "http://127.0.0.1:$HTTP_PORT/api/v1/domains"; }
for _ in $(seq 180); do
    up && break
    sleep 1
done
if ! up; then
    echo "the server did not start; see $WORK/server.log" >&2
    exit 1
fi

if [ "$SINK" = smtp-sink ]; then
    smtp-sink -u nobody -c "127.0.0.1:$SINK_PORT" 1000 >"$WORK/smtp-sink.out" 2>&1 &
    SINK_PID=$!
fi
sink_count() { tr '\r' '\n' <"$WORK/smtp-sink.out" | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -n 1; }

# Sends $1 messages and prints the relay rate, the acceptance rate and the server's CPU time.
relay() {
    local count=$1 c0 c1 started
    if [ "$SINK" = smtp-sink ]; then
        local before after
        before=$(sink_count); before=${before:-0}
        c0=$(cpu_ticks); started=$(date +%s.%N)
        "${LOAD[@]}" --messages "$count" | tail -n 1 | sed 's/^/accepted: /'
        while after=$(sink_count); [ "${after:-0}" -lt $((before + count)) ]; do sleep 0.05; done
        c1=$(cpu_ticks)
        awk -v n="$count" -v s="$started" -v e="$(date +%s.%N)" \
            'BEGIN { printf "relayed=%d rate=%.0f msg/s from the start of sending to the last arrival (%.1f s)\n", n, n / (e - s), e - s }'
    else
        java bench/RelaySink.java --port "$SINK_PORT" --expect "$count" >"$WORK/sink.out" 2>&1 &
        SINK_PID=$!
        until grep -q listening "$WORK/sink.out"; do sleep 0.2; done
        c0=$(cpu_ticks)
        "${LOAD[@]}" --messages "$count" | tail -n 1 | sed 's/^/accepted: /'
        while kill -0 "$SINK_PID" 2>/dev/null; do
            kill -0 "$SERVER_PID" || { echo "the server stopped; see $WORK/server.log" >&2; exit 1; }
            sleep 0.2
        done
        SINK_PID=
        c1=$(cpu_ticks)
        tail -n 1 "$WORK/sink.out"
    fi
    awk -v t=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" -v n="$count" -v l="$(load_average)" \
        'BEGIN { printf "server CPU %.2f ms per message (acceptance and relay); load average %s\n", 1000 * t / hz / n, l }'
}

echo "== relay benchmark: $DB, sink $SINK, $(nproc) cores, load average $(load_average)"
echo "-- warm-up: $WARMUP messages"
relay "$WARMUP" >/dev/null
for run in $(seq "$RUNS"); do
    echo "-- run $run: $MESSAGES messages of 4 KB over $CONNECTIONS connections"
    relay "$MESSAGES"
done
if [ "$SINK" = smtp-sink ]; then
    kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=
fi
echo "-- acceptance to arrival, one message at a time (load average $(load_average))"
java bench/RelaySink.java --port "$SINK_PORT" --probe "127.0.0.1:$SMTP_PORT" --probes 20 | tail -n 1
stop
SERVER_PID=
rm -rf "$WORK"
