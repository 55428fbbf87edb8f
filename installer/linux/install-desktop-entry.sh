#!/bin/sh
# Add StockDesk to this user's applications menu (no root needed): the menu entry points at the
# stockdesk-gui beside this script, the icon goes into the user's icon theme.  Run it again
# after moving the folder; remove ~/.local/share/applications/stockdesk.desktop to undo.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$DATA/applications"
for png in "$HERE"/icons/stockdesk-*.png; do
    size=$(basename "$png" .png); size=${size#stockdesk-}
    mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$DATA/icons/hicolor/${size}x${size}/apps/stockdesk.png"
done
mkdir -p "$DATA/icons/hicolor/scalable/apps"
cp "$HERE/icons/stockdesk.svg" "$DATA/icons/hicolor/scalable/apps/stockdesk.svg"
sed -e "s|^Exec=stockdesk-gui|Exec=\"$HERE/stockdesk-gui\"|" "$HERE/stockdesk.desktop" \
    > "$DATA/applications/stockdesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
echo "StockDesk is in the applications menu (runs $HERE/stockdesk-gui)"
