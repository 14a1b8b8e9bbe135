#!/usr/bin/env bash
# The Linux release archive, from the frozen app in dist/ketajournal:
#   packaging/linux/make-archive.sh [FROZEN_DIR [OUT_DIR]]   (build the spec first)
# writes dist/ketajournal-<version>-linux-<arch>.tar.gz, which holds
#   ketajournal-<version>-linux-<arch>/
#     ketajournal/          the frozen app (run ketajournal/ketajournal)
#     share/                desktop entry, AppStream metainfo, hicolor icons, the man
#                           page and the bash, zsh and fish completions
#     install.sh            into ~/.local (default) or /opt and /usr/local (--system)
#     uninstall.sh          removes exactly what install.sh wrote; never the journal
#     README.txt LICENSE
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP_ID=org.ketajournal.KetaJournal
frozen=${1:-$ROOT/dist/ketajournal}
outdir=${2:-$ROOT/dist}
[[ -x $frozen/ketajournal ]] || {
  echo "make-archive: no frozen app in $frozen; run: python -m PyInstaller --noconfirm packaging/ketajournal.spec" >&2
  exit 2
}
version=$("$frozen/ketajournal" --version | awk '{print $2}')
arch=$(uname -m)
name=ketajournal-$version-linux-$arch
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top=$stage/$name

mkdir -p "$top/share/applications" "$top/share/metainfo" "$top/share/icons/hicolor/scalable/apps"
cp -a "$frozen" "$top/ketajournal"
cp "$ROOT/ketajournal/assets/$APP_ID.desktop" "$top/share/applications/"
cp "$ROOT/ketajournal/assets/$APP_ID.metainfo.xml" "$top/share/metainfo/"
cp -r "$ROOT/ketajournal/assets/hicolor/." "$top/share/icons/hicolor/"
cp "$ROOT/ketajournal/assets/$APP_ID.svg" "$top/share/icons/hicolor/scalable/apps/"
# Generated from the parser (python -m resources.manpage); a test keeps them current.
mkdir -p "$top/share/man/man1" "$top/share/completions"
cp "$ROOT/resources/man/ketajournal.1" "$top/share/man/man1/"
cp "$ROOT/resources/completions/ketajournal.bash" "$ROOT/resources/completions/_ketajournal" \
  "$ROOT/resources/completions/ketajournal.fish" "$top/share/completions/"
cp "$ROOT/LICENSE" "$top/"
cp "$ROOT/packaging/linux/uninstall.sh" "$top/"
# The oldest glibc this build runs on, measured from its binaries: install.sh checks it.
floor=$("$ROOT/packaging/linux/glibc-floor.sh" "$frozen")
[[ -n $floor ]] || floor=unknown
for file in install.sh README.txt; do
  sed -e "s/@VERSION@/$version/g" -e "s/@GLIBC@/$floor/g" "$ROOT/packaging/linux/$file" \
    >"$top/$file"
done
chmod 755 "$top/install.sh" "$top/uninstall.sh"

mkdir -p "$outdir"
out=$outdir/$name.tar.gz
# Owner and times fixed, files sorted: the same build gives the same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-0}" \
  -C "$stage" -czf "$out" "$name"
echo "make-archive: $out ($(du -h "$out" | cut -f1); needs glibc $floor or newer)"
