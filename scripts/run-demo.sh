#!/usr/bin/env bash
# README command (1): install, build, start the dashboard on its built-in demo.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc)"
exec ./build/app/dutyboard --demo "$@"
