#!/usr/bin/env bash
# Footprint of the Warden, two ways side by side: today's `java -jar quarkus-run.jar` on the node's
# JDK, and bin/warden from the release bundle. Prints, per way: idle resident memory (VmRSS after
# 30 s connected and idle), start to connected (process start to the log line "connected to the
# Supervisor"), and the whole `warden diagnose` command. Medians of SAMPLES runs.
#
#   deploy/release/warden-footprint.sh BUNDLE.tar.gz [SAMPLES]     (after ./mvnw -DskipTests package)
#
# It starts its own Supervisor (H2, in a scratch folder) on LODESTAR_BENCH_HTTP_PORT (18880) and the
# next ports; JAVA (default: java on PATH) runs today's way. Everything it starts is stopped at the end.
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
bundle="${1:?usage: warden-footprint.sh BUNDLE.tar.gz [SAMPLES]}"
samples="${2:-5}"
java="${JAVA:-java}"
http="${LODESTAR_BENCH_HTTP_PORT:-18880}"
grpc=$((http + 1)) management=$((http + 2))
key="ld_bench_admin_key_0123456789abcdefghijklmnop"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

tar -C "$work" -xzf "$bundle"
"$java" -Xmx256m -Dlodestar.data-dir="$work/supervisor" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$http" \
    -Dquarkus.grpc.server.host=127.0.0.1 -Dquarkus.grpc.server.port="$grpc" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$management" \
    -Dsupervisor.bootstrap.admin-key="$key" -jar "$ROOT/supervisor/target/quarkus-app/quarkus-run.jar" > "$work/supervisor.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do curl -fs -o /dev/null -H "ld-api-key: $key" "http://127.0.0.1:$http/agents" && break; sleep 0.5; done

# way NAME: the command that runs the Warden that way
way() {
    case "$1" in
        java-jar) echo "$java -Xmx64m -XX:+UseSerialGC -jar $ROOT/warden/target/quarkus-app/quarkus-run.jar" ;;
        bundle) echo "$work/lodestar-warden/bin/warden" ;;
    esac
}

printf '%-9s %14s %22s %18s\n' way "idle RSS (MB)" "start→connected (ms)" "diagnose (ms)"
for name in java-jar bundle; do
    command="$(way "$name")"
    dir="$work/$name"
    mkdir -p "$dir/state"
    printf 'warden.state-dir=%s\n' "$dir/state" > "$dir/warden.properties"
    token="$(curl -fsS -X POST -H "ld-api-key: $key" "http://127.0.0.1:$http/agents/enrollments" | sed 's/.*"token":"\([^"]*\)".*/\1/')"
    $command enroll --supervisor "127.0.0.1:$grpc" --token "$token" --config "$dir/warden.properties" >/dev/null 2>&1

    connected=()
    pid=""
    for i in $(seq 1 "$samples"); do
        log="$dir/run-$i.log"
        : > "$log"
        start="$(now_ms)"
        QUARKUS_CONFIG_LOCATIONS="$dir/warden.properties" $command run > "$log" 2>&1 &
        pid=$!
        until grep -q 'connected to the Supervisor' "$log"; do
            kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
            sleep 0.01
        done
        connected+=($(( $(now_ms) - start )))
        if [[ "$i" -lt "$samples" ]]; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    pids+=("$pid")
    sleep 30
    rss_kb="$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")"
    kill "$pid"; wait "$pid" 2>/dev/null || true

    diagnose=()
    for i in $(seq 1 "$samples"); do
        start="$(now_ms)"
        $command diagnose --out "$dir/diagnose-$i" >/dev/null 2>&1
        diagnose+=($(( $(now_ms) - start )))
    done
    printf '%-9s %14s %22s %18s\n' "$name" "$(( rss_kb / 1024 ))" \
        "$(printf '%s\n' "${connected[@]}" | median)" "$(printf '%s\n' "${diagnose[@]}" | median)"
done
