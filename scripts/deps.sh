#!/usr/bin/env bash
# Installs what building, running and testing dutyboard needs, from Debian 12 packages.
set -euo pipefail
packages=(
    cmake ninja-build g++ pkg-config clang libclang-rt-14-dev
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite libgl-dev
    nlohmann-json3-dev libcurl4-openssl-dev
    prometheus-alertmanager postgresql libqt6sql6-psql xvfb xauth fonts-dejavu-core
    desktop-file-utils appstream groff-base
    qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus-daemon
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
