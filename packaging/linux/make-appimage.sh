#!/usr/bin/env bash
# An AppImage from the frozen app in dist/ketajournal:
#   packaging/linux/make-appimage.sh
# builds dist/KetaJournal.AppDir (AppRun, desktop entry, icon, metainfo, the app under
# usr/lib/ketajournal) and, when appimagetool is found (on PATH or as $APPIMAGETOOL),
# dist/KetaJournal-<version>-<arch>.AppImage.
#
# appimagetool and the AppImage runtime come from the AppImage project's GitHub releases
# only: neither PyPI nor Debian has them (PyPI's appimage and python-appimage download
# them at build time), so on this project's machines only the AppDir is built and
# checked; the release workflow downloads appimagetool (docs/packaging.md).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP_ID=org.ketajournal.KetaJournal
frozen=$ROOT/dist/ketajournal
[[ -x $frozen/ketajournal ]] || { echo "make-appimage: build the spec first" >&2; exit 2; }
version=$("$frozen/ketajournal" --version | awk '{print $2}')
arch=$(uname -m)
appdir=$ROOT/dist/KetaJournal.AppDir

rm -rf "$appdir"
mkdir -p "$appdir/usr/lib" "$appdir/usr/share/applications" "$appdir/usr/share/metainfo" \
  "$appdir/usr/share/icons/hicolor/scalable/apps"
cp -a "$frozen" "$appdir/usr/lib/ketajournal"
cp "$ROOT/ketajournal/assets/$APP_ID.desktop" "$appdir/$APP_ID.desktop"
cp "$ROOT/ketajournal/assets/$APP_ID.desktop" "$appdir/usr/share/applications/"
# appimagetool validates the metainfo under its older name as well.
cp "$ROOT/ketajournal/assets/$APP_ID.metainfo.xml" "$appdir/usr/share/metainfo/$APP_ID.appdata.xml"
cp -r "$ROOT/ketajournal/assets/hicolor/." "$appdir/usr/share/icons/hicolor/"
cp "$ROOT/ketajournal/assets/$APP_ID.svg" "$appdir/usr/share/icons/hicolor/scalable/apps/"
cp "$ROOT/ketajournal/assets/hicolor/256x256/apps/$APP_ID.png" "$appdir/$APP_ID.png"
ln -s "$APP_ID.png" "$appdir/.DirIcon"
cat >"$appdir/AppRun" <<'RUN'
#!/bin/sh
# The AppImage's entry: the frozen app, with the arguments given.
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/lib/ketajournal/ketajournal" "$@"
RUN
chmod 755 "$appdir/AppRun"
"$appdir/AppRun" --version >/dev/null  # the AppDir runs
echo "make-appimage: $appdir"

tool=${APPIMAGETOOL:-$(command -v appimagetool || true)}
if [[ -z $tool ]]; then
  echo "make-appimage: appimagetool not found; the AppDir is ready (see docs/packaging.md)" >&2
  exit 0
fi
out=$ROOT/dist/KetaJournal-$version-$arch.AppImage
# The metainfo is validated by tests/integration/test_desktop_metadata.py (appstreamcli, pedantic).
ARCH=$arch "$tool" --no-appstream "$appdir" "$out"
echo "make-appimage: $out ($(du -h "$out" | cut -f1))"
