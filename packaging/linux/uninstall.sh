#!/usr/bin/env bash
# Remove KetaJournal as install.sh put it: the program folder and exactly the files it
# listed in installed-files (menu entry, icons, metainfo, the command's link).
#   ~/.local/lib/ketajournal/uninstall.sh           (or ./uninstall.sh from the archive)
#   sudo /opt/ketajournal/uninstall.sh              (after install.sh --system)
# Your journal (~/.local/share/ketajournal, or wherever --home put it) is never touched.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() { echo "uninstall: $*" >&2; exit 1; }

if [[ -f $here/installed-files ]]; then
  appdir=$here
elif [[ ${1:-} == --system ]]; then
  appdir=/opt/ketajournal
else
  appdir=$HOME/.local/lib/ketajournal
fi
[[ -f $appdir/installed-files ]] || die "KetaJournal is not installed in $appdir"
[[ -w $(dirname "$appdir") ]] || die "no permission to remove $appdir (use sudo)"
[[ ! -e $appdir/journal.db ]] || die "$appdir holds a journal; refusing to remove it"

while IFS= read -r file; do
  [[ -n $file ]] || continue
  if [[ -L $file ]]; then
    # The command's link: only if it still points at this installation.
    [[ $(readlink "$file") == "$appdir/"* ]] && rm -f "$file"
  elif [[ -f $file ]]; then
    rm -f "$file"
  fi
  dir=$(dirname "$file")
  # Empty folders the install made (icon sizes, metainfo), never past share/ or bin/.
  while [[ $dir == */share/* ]] && rmdir "$dir" 2>/dev/null; do dir=$(dirname "$dir"); done
done <"$appdir/installed-files"

rm -rf "$appdir"
echo "KetaJournal is removed. Your journal was not touched: it stays in"
echo "~/.local/share/ketajournal (or the folder you chose with --home) until you delete it."
