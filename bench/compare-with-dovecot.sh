#!/usr/bin/env bash
# Measures this server's POP3 retrieval beside Debian's Dovecot on this machine, in one run, with
# bench/Pop3Load.java: RETR of 4 KB messages (2 sessions x 2,000), RETR of 100 KB messages
# (2 sessions x 300), and login + STAT, LIST + UIDL of a 10,000-message maildrop.
#
#   bench/compare-with-dovecot.sh        (run as root, from anywhere)
#
# Installs dovecot-pop3d if it is missing (apt-get) and starts a Dovecot instance of its own (its
# own configuration, base_dir and log under a fresh folder in /tmp; plain POP3 on 127.0.0.1, users
# in a passwd-file with SHA512-CRYPT passwords, Maildir, Debian's defaults otherwise); a Dovecot
# the system runs is left alone. Builds nothing: run `./mvnw -q -DskipTests package` first. Starts
# this server from mail-ear/target/mail-server.jar with a fresh data folder on the embedded H2,
# fills its maildrops by SMTP (bench/SmtpLoad.java), and copies the very same messages over POP3
# into Dovecot's Maildirs. Warms both up, then alternates the runs (Dovecot first), printing the
# load average before each. Stops both servers at the end.
# Environment: RUNS (default 3), WARMUP (rounds of each RETR test before the runs, default 5),
# ROUNDS (rounds per measured RETR run, default 3), and the loopback ports HTTP_PORT (8181),
# SMTP_PORT (2525), POP3_PORT (1110) of this server and DOVECOT_PORT (10110).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-3}
HTTP_PORT=${HTTP_PORT:-8181}
SMTP_PORT=${SMTP_PORT:-2525}
POP3_PORT=${POP3_PORT:-1110}
DOVECOT_PORT=${DOVECOT_PORT:-10110}
WORK=$(mktemp -d /tmp/pop3-bench.XXXXXX)
chmod 755 "$WORK"
PASSWORD=bench-pw-1
# maildrop:messages:size; the same accounts on both servers
MAILDROPS=(r4a:2000:4096 r4b:2000:4096 r100a:300:102400 r100b:300:102400 list:10000:4096)
SERVER_PID=

stop_all() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    [ -f "$WORK/dovecot.conf" ] && dovecot -c "$WORK/dovecot.conf" stop 2>/dev/null || true
}
trap stop_all EXIT

# ---- this server: accounts filled by SMTP ------------------------------------------------------
java -Xmx1g -Dmail.data.dir="$WORK/data" -Dmail.admin.password=bench-admin \
    -Dmail.bind-address=127.0.0.1 -Dmail.hostname=bench.test -Dmail.smtp.port="$SMTP_PORT" \
    -Dmail.submission.port=0 -Dmail.smtps.port=0 -Dmail.pop3.port="$POP3_PORT" -Dmail.pop3s.port=0 \
    -jar mail-ear/target/mail-server.jar --port "$HTTP_PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 600); do  # Payara Micro needs minutes to start on a busy machine
    curl -s -f -o /dev/null -u admin:bench-admin "http://127.0.0.1:$HTTP_PORT/api/v1/domains" && break
    sleep 1
done
api() { curl -s -f -o /dev/null -u admin:bench-admin -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$HTTP_PORT/api/v1/$1"; }
api domains '{"name":"example.test"}'
for maildrop in "${MAILDROPS[@]}"; do
    IFS=: read -r user count size <<<"$maildrop"
    api accounts "{\"address\":\"$user@example.test\",\"password\":\"$PASSWORD\",\"quota\":0}"
    java bench/SmtpLoad.java --port "$SMTP_PORT" --messages "$count" --connections 2 --size "$size" \
        --to "$user@example.test" | tail -n 1
done

# ---- Dovecot: the same messages, copied over POP3 into Maildirs --------------------------------
if ! command -v dovecot >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-pop3d >/dev/null
fi
id popbench >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin popbench
uid=$(id -u popbench)
gid=$(id -g popbench)
hash=$(openssl passwd -6 "$PASSWORD")
: > "$WORK/passwd"
for maildrop in "${MAILDROPS[@]}"; do
    IFS=: read -r user count size <<<"$maildrop"
    mkdir -p "$WORK/home/$user/Maildir/cur" "$WORK/home/$user/Maildir/new" "$WORK/home/$user/Maildir/tmp"
    echo "$user@example.test:{SHA512-CRYPT}$hash:$uid:$gid::$WORK/home/$user::" >> "$WORK/passwd"
    # Every message as this server sends it (RETR), stored as Maildir stores mail: LF line ends,
    # the sizes in the name (S= on disk, W= with CRLF) so Dovecot need not count them.
    python3 - "$POP3_PORT" "$user@example.test" "$PASSWORD" "$WORK/home/$user/Maildir/cur" <<'EOF'
import os, poplib, sys
port, user, password, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
pop3 = poplib.POP3("127.0.0.1", port)
pop3.user(user)
pop3.pass_(password)
for n in range(1, len(pop3.list()[1]) + 1):
    lines = pop3.retr(n)[1]
    text = b"\n".join(lines) + b"\n"
    wire = sum(len(line) + 2 for line in lines)
    with open(os.path.join(folder, f"{1800000000 + n}.M{n}P1.bench,S={len(text)},W={wire}:2,"), "wb") as out:
        out.write(text)
pop3.quit()
EOF
done
chown -R popbench: "$WORK/home"
chmod 644 "$WORK/passwd"
cat > "$WORK/dovecot.conf" <<EOF
base_dir = $WORK/dovecot-run
state_dir = $WORK/dovecot-state
log_path = $WORK/dovecot.log
protocols = pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = $WORK/passwd
}
userdb {
  driver = passwd-file
  args = $WORK/passwd
}
service pop3-login {
  inet_listener pop3 {
    port = $DOVECOT_PORT
  }
  inet_listener pop3s {
    port = 0
  }
}
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = 0
  }
}
EOF
dovecot -c "$WORK/dovecot.conf"
echo "$(dovecot --version | cut -d' ' -f1) on 127.0.0.1:$DOVECOT_PORT, this server on 127.0.0.1:$POP3_PORT"

# ---- runs ---------------------------------------------------------------------------------------
users() { echo "$1@example.test:$PASSWORD,$2@example.test:$PASSWORD"; }
R4=(--mode retr --users "$(users r4a r4b)")
R100=(--mode retr --users "$(users r100a r100b)")
LIST=(--mode list --users "list@example.test:$PASSWORD" --rounds 20)
echo "warming up both servers: $WARMUP rounds of each RETR test, 5 listings"
for port in "$DOVECOT_PORT" "$POP3_PORT"; do
    java bench/Pop3Load.java --port "$port" "${R4[@]}" --rounds "$WARMUP" >/dev/null
    java bench/Pop3Load.java --port "$port" "${R100[@]}" --rounds "$WARMUP" >/dev/null
    java bench/Pop3Load.java --port "$port" --mode list --users "list@example.test:$PASSWORD" --rounds 5 >/dev/null
done
for run in $(seq "$RUNS"); do
    for server in Dovecot "this server"; do
        port=$POP3_PORT
        [ "$server" = Dovecot ] && port=$DOVECOT_PORT
        echo "-- run $run: $server ($(cut -d' ' -f1-3 /proc/loadavg) load average)"
        echo -n "RETR 4 KB:   "; java bench/Pop3Load.java --port "$port" "${R4[@]}" --rounds "$ROUNDS"
        echo -n "RETR 100 KB: "; java bench/Pop3Load.java --port "$port" "${R100[@]}" --rounds "$ROUNDS"
        echo -n "LIST:        "; java bench/Pop3Load.java --port "$port" "${LIST[@]}"
    done
done
stop_all
rm -rf "$WORK"
