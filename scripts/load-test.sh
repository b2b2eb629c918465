#!/usr/bin/env bash
# The Gatling load test (src/load/java, Maven profile "load") against a Kontor it starts itself, with the app's CPU
# and heap measured: the production jar with the demo profile on a fresh H2 database in a work directory, its CPU
# time sampled every 5 seconds while Gatling runs, then its heap as used and after a full GC (jcmd), and the live
# Vaadin sessions and UIs. Gatling's HTML report goes to target/gatling/. See docs/performance-load.md.
#
#   scripts/load-test.sh [--no-build] [-Dkontor.load.users=20 -Dkontor.load.duration=120 ...]
#
# --no-build uses target/kontor-*.jar as it is. Every other argument goes to Gatling (the -Dkontor.load.* settings in
# docs/performance-load.md). KONTOR_LOAD_URL and KONTOR_LOAD_PID measure a Kontor that is already running instead
# (its people must match -Dkontor.load.people). KONTOR_LOAD_PORT (18093) and KONTOR_LOAD_JVM ("-Xmx1g") shape the
# one started here. Needs a JDK 21+ (JAVA_HOME, with jcmd) and curl. Offline Maven: MAVEN_ARGS="-o".
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
    jar=$(ls target/kontor-*.jar | grep -v -- '-plain' | head -1)
    say "starting $jar on port $port (demo profile, H2 in $work)"
    # shellcheck disable=SC2086
    (cd "$work" && exec "$java" ${KONTOR_LOAD_JVM:--Xmx1g} -jar "$OLDPWD/$jar" --spring.profiles.active=demo \
        --server.port="$port" > app.log 2>&1) &
    pid=$!
    own_app=true
    trap 'if $own_app; then kill "$pid" 2>/dev/null || true; fi' EXIT
    for _ in $(seq 1 120); do
        if curl -fs "$url/actuator/health" > /dev/null 2>&1; then
            break
        fi
        sleep 1
    done
    curl -fs "$url/actuator/health" > /dev/null || { say "Kontor did not start: $work/app.log"; exit 1; }
    # the demo data is loaded just after the start
    sleep 3
fi

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

if [ -n "$pid" ]; then
    (
        previous=$(ticks "$pid")
        while sleep 5; do
            now=$(ticks "$pid") || exit 0
            printf '%s %d %d\n' "$(date +%T)" "$(( (now - previous) * 100 / (5 * hz) ))" "$(rss_mb "$pid")"
            previous=$now
        done
    ) > "$work/cpu.txt" &
    sampler=$!
    start_ticks=$(ticks "$pid")
fi
gatling_start=$SECONDS

say "Gatling against $url"
status=0
./mvnw -Pload gatling:test -Dkontor.load.url="$url" "$@" || status=$?
elapsed=$((SECONDS - gatling_start))

if [ -n "$pid" ]; then
    kill "$sampler" 2>/dev/null || true
    end_ticks=$(ticks "$pid")
    cpu_mean=$(( (end_ticks - start_ticks) * 100 / (elapsed * hz) ))
    cpu_peak=$(awk 'max < $2 {max = $2} END {print max + 0}' "$work/cpu.txt")
    heap_used=$("$jcmd" "$pid" GC.heap_info | awk '/garbage-first heap|total/ {print; exit}')
    "$jcmd" "$pid" GC.run > /dev/null
    sleep 2
    heap_live=$("$jcmd" "$pid" GC.heap_info | awk '/garbage-first heap|total/ {print; exit}')
    histogram=$("$jcmd" "$pid" GC.class_histogram)
    sessions=$(echo "$histogram" | awk '$4 == "com.vaadin.flow.server.VaadinSession" {print $2}')
    uis=$(echo "$histogram" | awk '$4 == "com.vaadin.flow.component.UI" {print $2}')
    say "app CPU during the run (100 % = one core of $(nproc)): mean ${cpu_mean} %," \
        "peak 5-s sample ${cpu_peak} % (samples: $work/cpu.txt)"
    say "app RSS at the end: $(rss_mb "$pid") MB"
    say "heap at the end:        ${heap_used}"
    say "heap after a full GC:   ${heap_live}"
    say "live VaadinSession objects: ${sessions:-0}, live UI objects: ${uis:-0}"
fi
say "Gatling's report: $(ls -td target/gatling/*/ 2>/dev/null | head -1)index.html"
exit $status
