#!/usr/bin/env bash
# Regenerates the README's pictures from the built-in demo, so they stay true to the code:
# the desk window, the wall (the andon's takeover, then its tiles), the Kanban board, the trends page, the sources editor
# and the wall at 5,000 alerts.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build; build it first)
# Runs headless (the offscreen platform); fonts from fonts-dejavu-core, as in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-build}/app/dutyboard"
[ -x "$binary" ] || { echo "no $binary: build first (scripts/test.sh or cmake --build build)" >&2; exit 2; }
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 QT_LOGGING_RULES='qt.qpa.*=false'
# A private config folder: the editor shows the demo's first-start example, not the user's file.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache"

shoot() { # NAME ARGS…: one picture in resources/NAME.png
    local name="$1"; shift
    "$binary" --demo "$@" --screenshot "resources/$name.png"
    echo "resources/$name.png"
}
shoot screenshot --size 1600x1000
shoot wall --wall --page 1 --size 1920x1080
# The wall's tiles, as the room sees them once someone pressed Space on the andon's takeover: the
# demo's andons acknowledged for this wall (its name is the host's) in a state of its own.
"$binary" --demo --state "$scratch/wall.sqlite" --print > "$scratch/demo.json"
python3 - "$scratch/demo.json" "$scratch/wall.sqlite" <<'PY'
import json, socket, sqlite3, sys, time
andons = json.load(open(sys.argv[1]))["andons"]
db = sqlite3.connect(sys.argv[2])
db.executemany("INSERT INTO wall_acks(wall, kind, item_key, acked_at) VALUES (?, 'andon', ?, ?)",
               [(socket.gethostname(), a["source"] + "\x1f" + a["id"], int(time.time() * 1000))
                for a in andons])
db.commit()
PY
shoot wall-tiles --wall --page 1 --size 1920x1080 --state "$scratch/wall.sqlite"
shoot kanban --page kanban --size 1600x1000
shoot trends --page trends --size 1600x1000

# The sources editor on a real Alertmanager (Debian's, on a free port) holding two alerts: the
# editor tests the selected source as it opens.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'route: {receiver: none}\nreceivers: [{name: none}]\n' > "$scratch/am.yml"
prometheus-alertmanager --config.file="$scratch/am.yml" --storage.path="$scratch/am" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= >/dev/null 2>&1 &
am=$!
trap 'kill $am 2>/dev/null; rm -rf "$scratch"' EXIT
until curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null; do sleep 0.2; done
curl -sf -XPOST -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v2/alerts" -d '[
  {"labels": {"alertname": "DiskFull", "severity": "critical", "instance": "db-1"},
   "annotations": {"summary": "disk 97% full on db-1"}},
  {"labels": {"alertname": "HighLatency", "severity": "warning", "service": "payments"},
   "annotations": {"summary": "p99 latency above 2 s on payments"}}]'
cat > "$scratch/config.json" <<JSON
{
  "on_duty": "victor",
  "sources": [
    {"name": "prod-alerts", "type": "alertmanager", "url": "http://127.0.0.1:$port",
     "panel": "incidents", "interval_s": 30}
  ]
}
JSON
"$binary" --config "$scratch/config.json" --state "$scratch/state.sqlite" --page sources \
    --size 1280x800 --screenshot resources/sources-editor.png
echo resources/sources-editor.png

# The wall on a bad day: the same Alertmanager holding 5,000 more alerts (14 rules firing on
# many nodes, as in scripts/bench-startup.sh), grouped by alert name.
./scripts/bench/alerts.py "http://127.0.0.1:$port" 5000
"$binary" --config "$scratch/config.json" --state "$scratch/state.sqlite" --wall \
    --size 1920x1080 --screenshot resources/wall-5000.png
echo resources/wall-5000.png
