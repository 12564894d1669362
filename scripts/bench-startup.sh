#!/usr/bin/env bash
# Performance budget benchmark (issue 8): a real Alertmanager on loopback holding N alerts, the
# dashboard in a real window under Xvfb, 10 s refresh. Prints, over RUNS runs (median, min, max):
# start of the process -> the alerts from the first fresh answer painted, from a cold start (no
# saved copy) and from a warm one (the last run's copy painted first, marked stale: that figure
# too); then for one run of WINDOW_S seconds: resident memory (VmRSS, VmHWM) and CPU time
# consumed after the first paint.
#   ./scripts/bench-startup.sh [N=1000] [RUNS=5] [WINDOW_S=60]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}; runs=${2:-5}; window=${3:-60}
build=${BUILD_DIR:-build-rel}
./scripts/deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target dutyboard >/dev/null
bin="$build/app/dutyboard"
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'route:\n  receiver: "null"\nreceivers:\n  - name: "null"\n' > "$work/am.yml"
prometheus-alertmanager --config.file="$work/am.yml" --storage.path="$work/am" \
    --web.listen-address=127.0.0.1:$port --cluster.listen-address= >"$work/am.log" 2>&1 &
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.1; done
python3 - "$n" > "$work/alerts.json" <<'PY'
import json, sys, datetime
n = int(sys.argv[1]); ends = (datetime.datetime.utcnow() + datetime.timedelta(days=1)).strftime('%Y-%m-%dT%H:%M:%SZ')
sev = ["critical", "warning", "info", "page", "sev-weird"]
print(json.dumps([{"labels": {"alertname": "Bench%d" % i, "severity": sev[i % 5], "instance": "host-%d:9100" % (i % 300)},
                   "annotations": {"summary": "Something is wrong on host %d" % i}, "endsAt": ends} for i in range(n)]))
PY
curl -sf -XPOST -H 'Content-Type: application/json' --data-binary @"$work/alerts.json" "http://127.0.0.1:$port/api/v2/alerts"
got=$(curl -sf "http://127.0.0.1:$port/api/v2/alerts" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "alertmanager on 127.0.0.1:$port holds $got alerts"
printf '{"sources":[{"name":"prod-alerts","type":"alertmanager","url":"http://127.0.0.1:%s","panel":"incidents","interval_s":10}]}' "$port" > "$work/config.json"

Xvfb :97 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
export DISPLAY=:97 DUTYBOARD_TRACE_PAINT=1 XDG_RUNTIME_DIR="$work" XDG_DATA_HOME="$work/data"
[ -n "${EXTRA_ENV:-}" ] && export "${EXTRA_ENV?}"

# One start: prints "first_paint_ms fresh_paint_ms pid" once the fresh data is painted; leaves
# the process running.
start_one() {
    local log="$work/run.log"; : > "$log"
    local t0; t0=$(date +%s%3N)
    "$bin" --config "$work/config.json" 2>"$log" &
    local pid=$!
    for _ in $(seq 400); do grep -q first-fresh-data-painted "$log" && break; sleep 0.025; done
    local t1 t2
    t1=$(sed -n 's/.*first-data-painted epoch_ms=\([0-9]*\).*/\1/p' "$log" | head -1)
    t2=$(sed -n 's/.*first-fresh-data-painted epoch_ms=\([0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$t2" ] || { echo "no first paint: $(cat "$log")" >&2; kill $pid; exit 1; }
    echo "$((t1 - t0)) $((t2 - t0)) $pid"
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms (min %d, max %d, %d runs)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
stop() { kill -TERM "$1"; wait "$1" 2>/dev/null || true; }

for _ in $(seq "$runs"); do
    rm -rf "$work/data" # cold: no copy saved by an earlier run
    read -r _ fresh pid < <(start_one)
    echo "$fresh" >> "$work/cold.txt"
    stop "$pid" # saves its copy at quit
    read -r first fresh pid < <(start_one)
    echo "$first" >> "$work/warm-first.txt"; echo "$fresh" >> "$work/warm-fresh.txt"
    stop "$pid"
done
echo "cold start -> $n alerts painted: $(stats < "$work/cold.txt")"
echo "warm start -> saved copy painted (stale): $(stats < "$work/warm-first.txt")"
echo "warm start -> $n fresh alerts painted: $(stats < "$work/warm-fresh.txt")"

read -r _ _ pid < <(start_one)
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
c0=$(cpu "$pid"); sleep "$window"; c1=$(cpu "$pid")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status"); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
echo "after ${window} s: VmRSS $((rss / 1024)) MiB, VmHWM $((hwm / 1024)) MiB"
awk -v a="$c0" -v b="$c1" -v t="$ticks" -v w="$window" 'BEGIN {printf "CPU over %d s after first paint: %.2f s\n", w, (b - a) / t}'
stop "$pid"
