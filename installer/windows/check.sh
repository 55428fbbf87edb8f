#!/usr/bin/env bash
# Compile installer/windows/stockdesk.nsi with makensis against a stand-in payload: a few
# dummy files laid out like the Windows one-folder build (dist\stockdesk).  The app itself
# cannot be built for Windows here; this proves the installer script compiles, warning-free,
# with the version from stockdesk/__init__.py.
#
#     installer/windows/check.sh            (OUTDIR=... keeps the installer it made)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
command -v makensis >/dev/null || {
    echo "makensis is missing: apt-get install nsis (python3 tools/dev.py setup build does)" >&2
    exit 1
}
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/stockdesk/__init__.py")
[ -n "$VERSION" ] || { echo "no __version__ in stockdesk/__init__.py" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stockdesk-nsis.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT=${OUTDIR:-$WORK/out}
mkdir -p "$OUT"

PAYLOAD="$WORK/payload/stockdesk"
mkdir -p "$PAYLOAD/_internal/stockdesk/ui/translations" "$PAYLOAD/_internal/stockdesk/data" \
    "$PAYLOAD/_internal/stockdesk/_migrations/versions" "$PAYLOAD/_internal/PySide6/plugins/platforms"
for exe in stockdesk.exe stockdesk-gui.exe; do printf 'MZ stand-in for %s\n' "$exe" > "$PAYLOAD/$exe"; done
for f in python311.dll base_library.zip PySide6/plugins/platforms/qwindows.dll \
         stockdesk/ui/translations/stockdesk_fr.qm stockdesk/data/starter_catalogue.csv \
         stockdesk/_migrations/env.py stockdesk/_migrations/versions/0001_initial_schema.py; do
    printf 'stand-in\n' > "$PAYLOAD/_internal/$f"
done

started=$SECONDS
makensis -V2 -WX -DVERSION="$VERSION" -DPAYLOAD="$PAYLOAD" -DOUTDIR="$OUT" \
    "$HERE/stockdesk.nsi"
SETUP="$OUT/stockdesk-$VERSION-windows-x64-setup.exe"
[ "$(head -c 2 "$SETUP")" = "MZ" ] || { echo "$SETUP is not a Windows program" >&2; exit 1; }
echo "makensis compiled $SETUP ($(du -h "$SETUP" | cut -f1)) in $((SECONDS - started)) s"
