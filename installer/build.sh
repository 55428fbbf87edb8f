#!/usr/bin/env bash
# Build StockDesk's Linux release from this checkout:
#
#     installer/build.sh            ->  dist/stockdesk/ and dist/stockdesk-<version>-linux-<arch>.tar.gz
#     OUTDIR=/tmp/out installer/build.sh
#
# Installs what it needs first (python3 tools/dev.py setup build: .venv with PyInstaller, and
# as root the Debian packages), then runs PyInstaller on installer/stockdesk.spec, adds the
# menu entry and the icons beside the programs, and packs the folder.  The version is
# stockdesk/__init__.py's.  A machine that runs the bundle needs libgl1 libegl1 libfontconfig1
# (and for a screen the xcb libraries tools/dev.py lists as WINDOW_PACKAGES).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUTDIR=${OUTDIR:-$ROOT/dist}
cd "$ROOT"

python3 tools/dev.py setup build
PY=$ROOT/.venv/bin/python
VERSION=$("$PY" -c 'import stockdesk; print(stockdesk.__version__)')
ARCH=$(uname -m)
NAME="stockdesk-$VERSION-linux-$ARCH"
BUNDLE="$OUTDIR/stockdesk"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stockdesk-build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "building StockDesk $VERSION into $BUNDLE"
started=$SECONDS
mkdir -p "$OUTDIR"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$OUTDIR" --workpath "$WORK/pyinstaller" installer/stockdesk.spec
rm -f "$BUNDLE/portable"  # never ship a portable marker: that is the installer's choice

# the menu entry and its icons travel inside the folder (install-desktop-entry.sh uses them)
install -m 644 installer/linux/stockdesk.desktop "$BUNDLE/stockdesk.desktop"
install -m 755 installer/linux/install-desktop-entry.sh "$BUNDLE/install-desktop-entry.sh"
mkdir -p "$BUNDLE/icons"
install -m 644 installer/icons/stockdesk-*.png installer/icons/stockdesk.svg "$BUNDLE/icons/"
install -m 644 installer/icons/stockdesk-256.png "$BUNDLE/stockdesk.png"
printf '%s\n' "$VERSION" > "$BUNDLE/VERSION"

# a reproducible tarball: sorted names, fixed owner and times (the commit's date)
EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
TARBALL="$OUTDIR/$NAME.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" \
    -C "$OUTDIR" --transform "s|^stockdesk|$NAME|" -cf - stockdesk | gzip -n -6 > "$TARBALL"

echo "built in $((SECONDS - started)) s: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)), $TARBALL ($(du -h "$TARBALL" | cut -f1))"
