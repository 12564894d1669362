#!/usr/bin/env bash
# Scale benchmark (issues 8 and 17): a real Alertmanager on loopback holding N alerts (14 rules
# firing on many nodes), the dashboard in a real window on Xvfb 1920x1080 (no window manager,
# the window given the whole screen), the source read every 30 s.
#   ./scripts/bench-startup.sh [N=1000] [RUNS=5] [WINDOW_S=60]
# Prints:
#   - first data on screen, cold (empty XDG data, cache and config folders), RUNS runs, two ways:
#       outside: fork/exec -> the first framebuffer frame showing the severity chips of the data,
#                polled every 50 ms (scripts/bench/first_frame.py);
#       inside:  fork/exec -> the app's own "painted" trace after its first fresh answer;
#   - warm start (the last run's copy painted first, marked stale), inside only;
#   - RSS (VmRSS, VmHWM) and CPU time over WINDOW_S seconds staying current, while 1 % of the
#     alerts change before each refresh;
#   - with --stall-report on a second run: the longest UI-thread stall during those refreshes,
#     and while typing in the filter bar (xdotool, 8 keys a second: a narrowing filter typed, then
#     erased key by key, which widens it back to everything).
# BUILD_DIR (default build-rel) is configured as Release only when it holds no build yet.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}; runs=${2:-5}; window=${3:-60}
build=${BUILD_DIR:-build-rel}
./scripts/deps.sh
if ! command -v xdotool >/dev/null; then
    SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends xdotool
fi
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target dutyboard >/dev/null
bin=${DUTYBOARD_BIN:-$build/app/dutyboard} # another binary to compare
echo "dutyboard from $build ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt"))"
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'route:\n  receiver: "null"\nreceivers:\n  - name: "null"\n' > "$work/am.yml"
prometheus-alertmanager --config.file="$work/am.yml" --storage.path="$work/am" \
    --web.listen-address=127.0.0.1:$port --cluster.listen-address= >"$work/am.log" 2>&1 &
am="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$am/-/ready" >/dev/null && break; sleep 0.1; done
./scripts/bench/alerts.py "$am" "$n"
got=$(curl -sf "$am/api/v2/alerts" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
bytes=$(curl -sf "$am/api/v2/alerts" | wc -c)
echo "alertmanager on 127.0.0.1:$port holds $got alerts ($((bytes / 1024)) KiB of JSON)"
printf '{"sources":[{"name":"prod-alerts","type":"alertmanager","url":"%s","panel":"incidents","interval_s":30}]}' "$am" > "$work/config.json"

display=:97
Xvfb $display -screen 0 1920x1080x24 -fbdir "$work" -nolisten tcp >/dev/null 2>&1 &
for _ in $(seq 100); do [ -f "$work/Xvfb_screen0" ] && break; sleep 0.05; done
export DISPLAY=$display DUTYBOARD_TRACE_PAINT=1 XDG_RUNTIME_DIR="$work"
export XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config"
[ -n "${EXTRA_ENV:-}" ] && export "${EXTRA_ENV?}"
critical=D52B1E # the critical severity chip (widgets/Theme.cpp); nothing else on a healthy board

# One start: prints "outside_ms inside_first_ms inside_fresh_ms pid" once the data is on the
# framebuffer and the app says it painted its fresh answer; leaves the process running.
start_one() {
    local log="$work/run.log" t0 out pid
    read -r pid out t0 < <(./scripts/bench/first_frame.py "$work/Xvfb_screen0" "$critical" 400 60 \
        "$log" -- "$bin" --config "$work/config.json" --size 1920x1080 "$@")
    [ "$out" -ge 0 ] || { echo "no frame with data: $(cat "$log")" >&2; exit 1; }
    for _ in $(seq 400); do grep -q first-fresh-data-painted "$log" && break; sleep 0.025; done
    local t1 t2
    t1=$(sed -n 's/.*first-data-painted epoch_ms=\([0-9]*\).*/\1/p' "$log" | head -1)
    t2=$(sed -n 's/.*first-fresh-data-painted epoch_ms=\([0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$t2" ] || { echo "no first paint: $(cat "$log")" >&2; exit 1; }
    echo "$out $((t1 - t0)) $((t2 - t0)) $pid"
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms (min %d, max %d, %d runs)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
stop() { kill -TERM "$1"; while kill -0 "$1" 2>/dev/null; do sleep 0.05; done; }
cold() { rm -rf "$work/data" "$work/cache" "$work/config"; }

for _ in $(seq "$runs"); do
    cold
    read -r outside _ fresh pid < <(start_one)
    echo "$outside" >> "$work/cold-outside.txt"; echo "$fresh" >> "$work/cold-inside.txt"
    # FRAME=file.xwd keeps the screen as measured, to look at (xwud -in, or convert it)
    [ -z "${FRAME:-}" ] || cp "$work/Xvfb_screen0" "$FRAME"
    stop "$pid" # saves its copy at quit
    read -r _ first fresh pid < <(start_one)
    echo "$first" >> "$work/warm-first.txt"; echo "$fresh" >> "$work/warm-fresh.txt"
    stop "$pid"
done
echo "cold start -> $n alerts on the framebuffer (outside): $(stats < "$work/cold-outside.txt")"
echo "cold start -> $n alerts painted (inside trace):      $(stats < "$work/cold-inside.txt")"
echo "warm start -> saved copy painted, stale (inside):    $(stats < "$work/warm-first.txt")"
echo "warm start -> $n fresh alerts painted (inside):      $(stats < "$work/warm-fresh.txt")"

# Staying current: 1 % of the alerts change 10 s before each 30 s refresh.
change_before_refreshes() {
    local revision=1
    sleep 10
    while true; do
        ./scripts/bench/alerts.py "$am" "$n" --change "$revision"; revision=$((revision + 1))
        sleep 30
    done
}
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

cold
read -r _ _ _ pid < <(start_one)
change_before_refreshes & changer=$!
sleep 5 # the first answer's work is start-up, not staying current
c0=$(cpu "$pid"); sleep "$window"; c1=$(cpu "$pid")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status"); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
kill "$changer"; wait "$changer" 2>/dev/null || true
echo "after $((window + 5)) s: VmRSS $((rss / 1024)) MiB, VmHWM $((hwm / 1024)) MiB"
awk -v a="$c0" -v b="$c1" -v t="$(getconf CLK_TCK)" -v w="$window" \
    'BEGIN {printf "CPU over %d s staying current (1 %% changed per refresh): %.2f s\n", w, (b - a) / t}'
stop "$pid"

# The longest stall between two moments (epoch ms), from the app's stall trace.
longest_stall() {
    awk -v from="$1" -v to="$2" '/dutyboard-trace: stall/ {
        ms = $3; sub("ms=", "", ms); at = $4; sub("epoch_ms=", "", at)
        if (at >= from && at <= to && ms + 0 > worst + 0) { worst = ms; during = $0; sub(/.*during /, "", during) } }
        END { if (worst == "") print "none over 4 ms"; else printf "%.1f ms (during %s)\n", worst, during }' "$work/run.log"
}

cold
read -r _ _ _ pid < <(start_one --stall-report)
change_before_refreshes & changer=$!
from=$(($(date +%s%3N) + 5000)); sleep $((window + 5)); to=$(date +%s%3N)
kill "$changer"; wait "$changer" 2>/dev/null || true
echo "longest UI-thread stall over ${window} s of refreshes, 1 % changed each: $(longest_stall "$from" "$to")"

wid=$(xdotool search --onlyvisible --class dutyboard | head -1)
xdotool windowfocus --sync "$wid"
from=$(date +%s%3N)
xdotool key ctrl+f; sleep 0.5
xdotool type --delay 125 'HighCPU'; sleep 2
for _ in $(seq 7); do xdotool key BackSpace; sleep 0.125; done; sleep 2
xdotool type --delay 125 'severity>=critical team=sre'; sleep 2
to=$(date +%s%3N)
echo "longest UI-thread stall while typing in the filter: $(longest_stall "$from" "$to")"
stop "$pid"
sed -n '/stall report/,$p' "$work/run.log"
