#!/usr/bin/env bash
# Install KetaJournal from this unpacked archive.
#   ./install.sh            for you alone: ~/.local/lib/ketajournal, ~/.local/bin,
#                           ~/.local/share (menu entry, icons, metainfo, man page, shell
#                           completions); no root needed
#   sudo ./install.sh --system
#                           for everyone: /opt/ketajournal, /usr/local/bin, /usr/local/share
# Running it again replaces the installed version. Your journal is never touched: it
# lives in ~/.local/share/ketajournal, apart from the program.
set -euo pipefail

APP_ID=org.ketajournal.KetaJournal
GLIBC_FLOOR=@GLIBC@
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() { echo "install: $*" >&2; exit 1; }

case ${1:-} in
  --system)
    [[ $(id -u) == 0 ]] || die "--system installs for every user and needs root: sudo $0 --system"
    appdir=/opt/ketajournal bindir=/usr/local/bin share=/usr/local/share ;;
  "")
    [[ $(id -u) != 0 ]] || echo "install: installing for root alone; for every user: $0 --system" >&2
    appdir=$HOME/.local/lib/ketajournal bindir=$HOME/.local/bin
    share=${XDG_DATA_HOME:-$HOME/.local/share} ;;
  -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
  *) die "unknown option $1 (use --system or nothing)" ;;
esac

[[ -x $here/ketajournal/ketajournal ]] || die "run me from the unpacked archive (no ketajournal/ beside me)"
have=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}') || have=""
if [[ -n $have && $GLIBC_FLOOR =~ ^[0-9.]+$ ]] \
    && [[ $(printf '%s\n%s\n' "$GLIBC_FLOOR" "$have" | sort -V | head -1) != "$GLIBC_FLOOR" ]]; then
  die "this build needs glibc $GLIBC_FLOOR or newer; this system has $have (see README.txt)"
fi
[[ ! -e $appdir/journal.db ]] || die "$appdir holds a journal; refusing to install over it"

# The program: copied beside the old one, then swapped in.
mkdir -p "$(dirname "$appdir")" "$bindir"
rm -rf "$appdir.new" "$appdir.old"
cp -a "$here/ketajournal" "$appdir.new"
if [[ -d $appdir ]]; then mv "$appdir" "$appdir.old"; fi
mv "$appdir.new" "$appdir"
rm -rf "$appdir.old"
cp "$here/uninstall.sh" "$appdir/uninstall.sh"
chmod 755 "$appdir/uninstall.sh"

installed=()
put() {  # put SOURCE TARGET: copy one file, remember it for uninstall.sh
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2"
  chmod 644 "$2"
  installed+=("$2")
}

# The menu entry starts the installed executable by its full path (~/.local/bin is not on
# every desktop session's PATH). Exec quoting per the Desktop Entry spec.
exec_path=$appdir/ketajournal
if [[ $exec_path =~ [^A-Za-z0-9_/.+-] ]]; then
  quoted=$(printf '%s' "$exec_path" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
  exec_path="\"$quoted\""
fi
entry=$(mktemp)
sed -e "s|^Exec=.*|Exec=$exec_path|" -e "s|^TryExec=.*||" \
  "$here/share/applications/$APP_ID.desktop" >"$entry"
put "$entry" "$share/applications/$APP_ID.desktop"
rm -f "$entry"
put "$here/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
while IFS= read -r -d '' icon; do
  put "$icon" "$share/icons/hicolor/${icon#"$here/share/icons/hicolor/"}"
done < <(find "$here/share/icons/hicolor" -type f -print0)

# The man page and the shell completions, where man and each shell look for them: the
# man page in the share/man beside bindir (man searches there for each bin/ on the
# PATH, whatever XDG_DATA_HOME says); bash-completion's user folder (it honours
# BASH_COMPLETION_USER_DIR); fish's vendor folder; zsh has no folder it reads for a
# user, so the file goes to share/zsh/site-functions and a hint says how to use it.
put "$here/share/man/man1/ketajournal.1" "$(dirname "$bindir")/share/man/man1/ketajournal.1"
if [[ $appdir == /opt/* ]]; then
  bash_completions=$share/bash-completion/completions
else
  bash_completions=${BASH_COMPLETION_USER_DIR:-$share/bash-completion}/completions
fi
put "$here/share/completions/ketajournal.bash" "$bash_completions/ketajournal"
put "$here/share/completions/_ketajournal" "$share/zsh/site-functions/_ketajournal"
put "$here/share/completions/ketajournal.fish" "$share/fish/vendor_completions.d/ketajournal.fish"

# The command: a link in bindir, unless something else is there (a pip install, say).
link=$bindir/ketajournal
if [[ -e $link && ! -L $link ]]; then
  echo "install: $link exists and is not ours; left alone (run $appdir/ketajournal)" >&2
else
  ln -sfn "$appdir/ketajournal" "$link"
  installed+=("$link")
fi

printf '%s\n' "${installed[@]}" >"$appdir/installed-files"

# Menus and icon themes notice new files by the folders' times; refresh an icon cache if
# the theme folder has one. (The entry declares no MIME types: no desktop database.)
touch "$share/icons/hicolor" "$share/applications"
if [[ -f $share/icons/hicolor/index.theme ]] && command -v gtk-update-icon-cache >/dev/null; then
  gtk-update-icon-cache -q "$share/icons/hicolor" || true
fi

version=$("$appdir/ketajournal" --version 2>/dev/null | awk '{print $2}') || version="?"
echo "Installed KetaJournal $version into $appdir."
echo "Start it from your applications menu (KetaJournal), or run: $appdir/ketajournal"
case ":$PATH:" in *":$bindir:"*) ;; *) echo "($bindir is not on your PATH, so 'ketajournal' alone will not be found in a terminal.)" ;; esac
if [[ $appdir != /opt/* ]]; then
  echo "zsh completion: add 'fpath+=($share/zsh/site-functions)' to ~/.zshrc before compinit."
fi
echo "To remove it: $appdir/uninstall.sh"
