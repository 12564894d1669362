#!/usr/bin/env bash
# Builds the .deb with CPack into build/package/.
# --install-check: then installs it with apt (as root) and runs what was installed, not the
# build tree.
# DUTYBOARD_BUILD_DIR picks another build directory (default: build, shared with scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "package.sh: $*" >&2; exit 1; }

install_check=0
for arg in "$@"; do
    case "$arg" in
        --install-check) install_check=1 ;;
        *) echo "usage: $0 [--install-check]" >&2; exit 2 ;;
    esac
done

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
./scripts/deps.sh
# CPack's DEB generator runs dpkg-shlibdeps (dpkg-dev) and file to compute Depends.
missing=()
for p in dpkg-dev file; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build=${DUTYBOARD_BUILD_DIR:-build}
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" -j "$(nproc)"

rm -f "$build"/package/dutyboard_*.deb
cpack --config "$build/CPackConfig.cmake" -B "$build/package"
debs=("$build"/package/dutyboard_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    die "expected one .deb, got: ${debs[*]}"
fi
deb=${debs[0]}
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"

# The package must carry what a desktop and dpkg need, and name the Qt plugins it loads.
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/dutyboard \
         ./usr/share/applications/dev.dutyboard.Dutyboard.desktop \
         ./usr/share/applications/dev.dutyboard.Dutyboard.Wall.desktop \
         ./usr/share/metainfo/dev.dutyboard.Dutyboard.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/dev.dutyboard.Dutyboard.svg \
         ./usr/share/icons/hicolor/48x48/apps/dev.dutyboard.Dutyboard.png \
         ./usr/share/man/man1/dutyboard.1.gz \
         ./usr/lib/systemd/user/dutyboard-wall.service; do
    grep -q " $f\$" <<<"$contents" || die "$f missing from $deb"
done
depends=$(dpkg-deb --field "$deb" Depends)
for d in libqt6widgets6 libqt6sql6-sqlite qt6-qpa-plugins; do
    grep -q "$d" <<<"$depends" || die "Depends lacks $d: $depends"
done
echo "package.sh: built $deb"

[ "$install_check" -eq 1 ] || exit 0

# apt resolves the Depends; an absolute path tells it this is a file, not a package name.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$(realpath "$deb")"
version=$(dpkg-deb --field "$deb" Version)
out=$(/usr/bin/dutyboard --version)
[ "$out" = "dutyboard $version" ] || die "--version said '$out', expected 'dutyboard $version'"

board=$(QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/dutyboard --demo --print) \
    || die "--demo --print exited $? (2: a source failed)"
grep -q '"sources"' <<<"$board" || die "--demo --print printed no board: $board"

desktop-file-validate /usr/share/applications/dev.dutyboard.Dutyboard.desktop
desktop-file-validate /usr/share/applications/dev.dutyboard.Dutyboard.Wall.desktop
appstreamcli validate --no-net /usr/share/metainfo/dev.dutyboard.Dutyboard.metainfo.xml
zcat /usr/share/man/man1/dutyboard.1.gz | groff -man -Tutf8 -ww -z
echo "package.sh: installed $deb and ran /usr/bin/dutyboard (remove with: apt-get remove dutyboard)"
