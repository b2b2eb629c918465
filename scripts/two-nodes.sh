#!/usr/bin/env bash
# Two Kontor nodes behind nginx on one PostgreSQL, everything on loopback ports: a browser journey through nginx
# saves data, the node that serves the browser is killed halfway, and the journey checks that the person is told why
# they must sign in again, that they get back in on the other node and that nothing saved is lost (through the other
# node and straight from PostgreSQL).
#
#   scripts/two-nodes.sh            build the production jar, then run
#   scripts/two-nodes.sh --no-build use target/kontor-*.jar as it is (e.g. after ./mvnw verify)
#
# Needs a JDK 21+ (JAVA_HOME), PostgreSQL 15+ server binaries (Debian: postgresql), nginx and Chromium
# (/usr/bin/chromium, else Playwright's own). Ports: KONTOR_PG_PORT (55432), KONTOR_NODE1_PORT (18081),
# KONTOR_NODE2_PORT (18082), KONTOR_PUBLIC_PORT (18080). Logs stay in the work directory it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

build=true
[ "${1:-}" = "--no-build" ] && build=false

pg_port=${KONTOR_PG_PORT:-55432}
node1_port=${KONTOR_NODE1_PORT:-18081}
node2_port=${KONTOR_NODE2_PORT:-18082}
public_port=${KONTOR_PUBLIC_PORT:-18080}
work=$(mktemp -d /tmp/kontor-two-nodes.XXXXXX)
# nginx's workers and PostgreSQL (when started by root) run as other users: they must reach their directories
chmod 755 "$work"
export MAVEN_ARGS="${MAVEN_ARGS:---batch-mode --no-transfer-progress}"

say() { printf '[two-nodes %3ds] %s\n' "$((SECONDS - started))" "$*"; }

# --- what it needs
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$java_bin" >/dev/null || { echo "No java: set JAVA_HOME to a JDK 21 or newer." >&2; exit 1; }
command -v curl >/dev/null || { echo "No curl (Debian: apt-get install curl)." >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "No nginx (Debian: apt-get install nginx)." >&2; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -x "$pg_bin/initdb" ] || pg_bin=$(dirname "$(command -v initdb || echo /nonexistent/initdb)")
[ -x "$pg_bin/initdb" ] || { echo "No PostgreSQL server (Debian: apt-get install postgresql)." >&2; exit 1; }

as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root
    as_postgres=(runuser -u postgres --)
fi

pids=()
cleanup() {
    status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    done
    if [ -d "$work/pg" ]; then
        "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
    fi
    if [ "$status" -eq 0 ]; then
        rm -rf "$work"
    else
        echo "Two nodes FAILED after $((SECONDS - started)) s; logs in $work" >&2
    fi
}
trap cleanup EXIT

# --- the production jar, copied so that a build meanwhile cannot pull it from under the running nodes
if $build; then
    say "building the production jar"
    ./mvnw -q -DskipTests package
fi
jar=$(ls target/kontor-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
[ -n "$jar" ] || { echo "No target/kontor-*.jar: run without --no-build." >&2; exit 1; }
cp "$jar" "$work/kontor.jar"

# --- PostgreSQL
say "starting PostgreSQL ($pg_bin) on port $pg_port"
mkdir -p "$work/pg" "$work/pg-run"
if [ ${#as_postgres[@]} -gt 0 ]; then chown postgres "$work/pg" "$work/pg-run"; fi
"${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg" -U kontor --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log"
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg-run/postgres.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg-run" start >/dev/null
"$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U kontor -d postgres -qc "create database kontor"
psql_kontor() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U kontor -d kontor -tAc "$1"; }

# --- two nodes: the production jar with the postgres profile, each naming itself in its session ids
# both nodes read the same authenticator secrets, so they share one key (kontor.second-factor.key)
second_factor_key=$(head -c 32 /dev/urandom | base64)
start_node() {
    local name=$1 port=$2
    KONTOR_NODE_ROUTE=$name \
    KONTOR_SECOND_FACTOR_KEY="$second_factor_key" \
    SPRING_PROFILES_ACTIVE=postgres \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/kontor" \
    SPRING_DATASOURCE_USERNAME=kontor \
    SPRING_DATASOURCE_PASSWORD=kontor \
    KONTOR_BASE_URL="http://localhost:$public_port" \
        "$java_bin" -Xmx384m -jar "$work/kontor.jar" --server.port="$port" --server.address=127.0.0.1 \
        --kontor.demo-data.enabled=true >"$work/$name.log" 2>&1 &
    pids+=($!)
    eval "${name}_pid=$!"
    # the journey kills one of them: no job report about it from bash
    disown $!
}

await_ready() {
    local name=$1 port=$2
    for _ in $(seq 1 180); do
        if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; then
            say "$name is ready on port $port"
            return 0
        fi
        sleep 1
    done
    echo "$name did not get ready; see $work/$name.log" >&2
    tail -20 "$work/$name.log" >&2
    return 1
}

# one after the other: the first migrates the database and loads the demo people, the second finds both done
say "starting node1"
start_node node1 "$node1_port"
await_ready node1 "$node1_port"
say "starting node2"
start_node node2 "$node2_port"
await_ready node2 "$node2_port"

# --- nginx in front, sticky by the session id's node suffix
say "starting nginx on port $public_port"
mkdir -p "$work/nginx/temp" "$work/nginx/errors"
cp scripts/two-nodes/error.html "$work/nginx/errors/kontor-error.html"
# nginx's worker (nobody, when started as root) must reach the error page: passage through, reading only that page
chmod o+x "$work" "$work/nginx"
chmod o+rx "$work/nginx/errors"
chmod o+r "$work/nginx/errors/kontor-error.html"
chmod 1777 "$work/nginx/temp"
sed -e "s/@LISTEN@/127.0.0.1:$public_port/" -e "s/@NODE1@/127.0.0.1:$node1_port/g" \
    -e "s/@NODE2@/127.0.0.1:$node2_port/g" -e "s|@ERRORS@|$work/nginx/errors|" scripts/two-nodes/kontor.nginx.conf >"$work/nginx/kontor.conf"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;
    include $work/nginx/kontor.conf;
}
EOF
"$nginx_bin" -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
disown $!
for _ in $(seq 1 30); do
    curl -fsS -o /dev/null "http://127.0.0.1:$public_port/login" && break
    sleep 1
done

# --- the browser journey (failsafe), which kills the node serving it halfway
say "driving the browser journey through nginx"
journey_started=$SECONDS
KONTOR_TWO_NODES_URL="http://localhost:$public_port" \
KONTOR_TWO_NODES_PIDS="node1=$node1_pid node2=$node2_pid" \
KONTOR_TWO_NODES_DIR="$work" \
    ./mvnw -q test-compile failsafe:integration-test failsafe:verify -Dit.test=TwoNodesJourneyIT \
    >"$work/journey.log" 2>&1 || { tail -60 "$work/journey.log" >&2; exit 1; }
say "journey passed in $((SECONDS - journey_started)) s"

# --- what was saved, straight from the database
saved=$(cat "$work/saved-emergency-phone")
stored=$(psql_kontor "select a.emergency_phone from customer_account a join organization o on o.id = a.organization_id
                      where o.customer_number = 'CN-10001'")
if [ "$stored" != "$saved" ]; then
    echo "PostgreSQL holds '$stored' as CN-10001's out-of-hours number, the journey saved '$saved'" >&2
    exit 1
fi
say "PostgreSQL holds what the journey saved before the node went down: $stored"
stopped=$(cat "$work/stopped-node")
say "$stopped was killed; the other node served the rest"

say "two nodes: passed in $((SECONDS - started)) s"
