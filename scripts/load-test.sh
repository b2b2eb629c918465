#!/usr/bin/env bash
# The Gatling load test (src/load/java, Maven profile "load") against a Kontor it starts itself, with CPU and heap
# measured: the production jar, its CPU time and that of PostgreSQL and of Gatling (with Maven) sampled every
# 5 seconds while Gatling runs, then Kontor's heap as used and after a full GC (jcmd), and the live Vaadin sessions
# and UIs. Gatling's HTML report goes to target/gatling/. See docs/performance-load.md.
#
#   scripts/load-test.sh [--no-build] [-Dkontor.load.users=20 -Dkontor.load.duration=120 ...]
#
# Two databases:
# - KONTOR_LOAD_DB=h2 (the default): the demo profile on a fresh H2 database in a work directory, the demo people.
# - KONTOR_LOAD_DB=postgres: the volume data set on a real PostgreSQL (Debian's postgresql package, see
#   docs/performance-load.md for setting it up), the profiles "postgres,volume". An empty database is filled with the
#   volume data first (about 2 minutes) and the load test's people files are written to target/load-people; a
#   database that holds the volume data already is used as it is (the people files must come from its load).
#   KONTOR_LOAD_JDBC (jdbc:postgresql://localhost:5432/kontor_load), KONTOR_LOAD_DB_USER (kontor) and
#   KONTOR_LOAD_DB_PASSWORD (kontor) say where; Gatling gets -Dkontor.load.people=target/load-people and the volume
#   password unless the arguments say otherwise. The session cookie is not "secure" here: this is plain HTTP on
#   localhost, without the TLS proxy the postgres profile expects.
#
# --no-build uses target/kontor-*.jar as it is. Every other argument goes to Gatling (the -Dkontor.load.* settings in
# docs/performance-load.md). KONTOR_LOAD_URL and KONTOR_LOAD_PID measure a Kontor that is already running instead
# (its people must match -Dkontor.load.people). KONTOR_LOAD_PORT (18093), KONTOR_LOAD_JVM ("-Xmx1g" on H2, "-Xmx2g"
# on PostgreSQL) and KONTOR_LOAD_APP_ARGS (more Spring Boot arguments, e.g.
# "--spring.datasource.hikari.maximum-pool-size=20") shape the one started here. Needs a JDK 21+ (JAVA_HOME, with
# jcmd) and curl; psql for PostgreSQL. Offline Maven: MAVEN_ARGS="-o".
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
say() { printf '[load-test %4ds] %s\n' "$((SECONDS - started))" "$*"; }

build=true
if [ "${1:-}" = "--no-build" ]; then
    build=false
    shift
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
work=$(mktemp -d /tmp/kontor-load.XXXXXX)
own_app=false
db=${KONTOR_LOAD_DB:-h2}
gatling_defaults=()

if [ -n "${KONTOR_LOAD_URL:-}" ]; then
    url=$KONTOR_LOAD_URL
    pid=${KONTOR_LOAD_PID:-}
else
    port=${KONTOR_LOAD_PORT:-18093}
    url=http://localhost:$port
    if $build; then
        say "building the production jar"
        ./mvnw -q -DskipTests package
    fi
    jar=$(ls "$PWD"/target/kontor-*.jar | grep -v -- '-plain' | head -1)
    case $db in
        h2)
            jvm=${KONTOR_LOAD_JVM:--Xmx1g}
            app_args=(--spring.profiles.active=demo)
            say "starting $jar on port $port (demo profile, H2 in $work)"
            ;;
        postgres)
            jvm=${KONTOR_LOAD_JVM:--Xmx2g}
            jdbc=${KONTOR_LOAD_JDBC:-jdbc:postgresql://localhost:5432/kontor_load}
            db_user=${KONTOR_LOAD_DB_USER:-kontor}
            db_password=${KONTOR_LOAD_DB_PASSWORD:-kontor}
            people=$PWD/target/load-people
            # psql takes the JDBC URL's host, port and database
            pg_url=postgresql://$db_user:$db_password@${jdbc#jdbc:postgresql://}
            organizations=$(psql "$pg_url" -tAc "SELECT count(*) FROM organization" 2>/dev/null || echo 0)
            if [ "$organizations" = 0 ]; then
                say "starting $jar on port $port: loading the volume data into $jdbc first (about 2 minutes)"
                load=true
            else
                say "starting $jar on port $port on $jdbc ($organizations organizations: the volume data)"
                load=false
                [ -f "$people/managers.csv" ] \
                    || { say "no people files in $people: load the volume data into an empty database"; exit 1; }
            fi
            app_args=(--spring.profiles.active=postgres,volume --kontor.volume.enabled=$load
                --kontor.volume.people-files="$people" --kontor.volume.as-of=2026-12-01
                --spring.datasource.url="$jdbc" --spring.datasource.username="$db_user"
                --spring.datasource.password="$db_password" --server.servlet.session.cookie.secure=false)
            gatling_defaults=(-Dkontor.load.people="$people" -Dkontor.load.password=Kontor-Volume-2026!)
            ;;
        *)
            say "KONTOR_LOAD_DB is h2 or postgres, not $db"
            exit 1
            ;;
    esac
    # shellcheck disable=SC2086
    (cd "$work" && exec "$java" $jvm -Xlog:gc:file="$work/gc.log" -jar "$jar" "${app_args[@]}" \
        --server.port="$port" ${KONTOR_LOAD_APP_ARGS:-} > app.log 2>&1) &
    pid=$!
    own_app=true
    trap 'if $own_app; then kill "$pid" 2>/dev/null || true; fi' EXIT
    # stopped from outside (kill, Ctrl-C): end as well, so that the app started here goes with the script
    trap 'exit 143' INT TERM
    for _ in $(seq 1 600); do
        if curl -fs "$url/actuator/health" > /dev/null 2>&1; then
            break
        fi
        kill -0 "$pid" 2> /dev/null || { say "Kontor stopped: $work/app.log"; exit 1; }
        sleep 1
    done
    curl -fs "$url/actuator/health" > /dev/null || { say "Kontor did not start: $work/app.log"; exit 1; }
    # the demo data is loaded just after the start
    sleep 3
fi

hz=$(getconf CLK_TCK)
# CPU ticks (user + system) of some processes together; processes that ended meanwhile count no more
ticks_of() {
    local total=0 p
    for p in "$@"; do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
descendants() {
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}
postgres_pids() { ps -o pid= -u postgres 2>/dev/null || true; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

gatling_start=$SECONDS
say "Gatling against $url"
./mvnw -Pload gatling:test -Dkontor.load.url="$url" "${gatling_defaults[@]}" "$@" > >(tee "$work/gatling.log") 2>&1 &
gatling=$!

# about every 5 s: time, CPU in % of one core of Kontor, PostgreSQL, Gatling with Maven, the whole machine (over the
# time that really passed: reading /proc takes a moment on a busy machine); Kontor's RSS
millis() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }
(
    previous=("$( [ -n "$pid" ] && ticks_of "$pid" || echo 0)" "$(ticks_of $(postgres_pids))" \
        "$(ticks_of "$gatling" $(descendants "$gatling"))" "$(machine_ticks)")
    before=$(millis)
    while sleep 5; do
        kill -0 "$gatling" 2> /dev/null || exit 0
        now=("$( [ -n "$pid" ] && ticks_of "$pid" || echo 0)" "$(ticks_of $(postgres_pids))" \
            "$(ticks_of "$gatling" $(descendants "$gatling"))" "$(machine_ticks)")
        after=$(millis)
        printf '%s' "$(date +%T)"
        for i in 0 1 2 3; do
            printf ' %d' "$(( (now[i] - previous[i]) * 100 * 1000 / ((after - before) * hz) ))"
        done
        printf ' %s\n' "$( [ -n "$pid" ] && rss_mb "$pid" || echo 0)"
        previous=("${now[@]}")
        before=$after
    done
) > "$work/cpu.txt" &
sampler=$!

status=0
wait "$gatling" || status=$?
elapsed=$((SECONDS - gatling_start))
kill "$sampler" 2>/dev/null || true

# mean and peak of a column of cpu.txt over the samples taken while Gatling ran
cpu_figures() {
    awk -v c="$1" '{sum += $c; n++; if (max < $c) max = $c} END {printf "mean %d %%, peak %d %%", n ? sum / n : 0, max}' \
        "$work/cpu.txt"
}
say "CPU during the run, 100 % = one core of $(nproc), 5-s samples in $work/cpu.txt (time, Kontor, PostgreSQL," \
    "Gatling, machine, Kontor's RSS in MB):"
say "  Kontor: $(cpu_figures 2); PostgreSQL: $(cpu_figures 3); Gatling with Maven: $(cpu_figures 4);" \
    "the whole machine: $(cpu_figures 5); Gatling ran ${elapsed} s"
if [ -n "$pid" ]; then
    heap_used=$("$jcmd" "$pid" GC.heap_info | awk '/garbage-first heap|total/ {print; exit}')
    "$jcmd" "$pid" GC.run > /dev/null
    sleep 2
    heap_live=$("$jcmd" "$pid" GC.heap_info | awk '/garbage-first heap|total/ {print; exit}')
    histogram=$("$jcmd" "$pid" GC.class_histogram)
    echo "$histogram" > "$work/histogram.txt"
    sessions=$(echo "$histogram" | awk '$4 == "com.vaadin.flow.server.VaadinSession" {print $2}')
    uis=$(echo "$histogram" | awk '$4 == "com.vaadin.flow.component.UI" {print $2}')
    say "Kontor's RSS at the end: $(rss_mb "$pid") MB"
    say "heap at the end:        ${heap_used}"
    say "heap after a full GC:   ${heap_live}"
    say "live VaadinSession objects: ${sessions:-0}, live UI objects: ${uis:-0} (histogram: $work/histogram.txt)"
fi
say "Kontor's log and GC log: $work"
say "Gatling's report: $(ls -td target/gatling/*/ 2>/dev/null | head -1)index.html"
exit $status
