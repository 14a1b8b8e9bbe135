#!/usr/bin/env bash
# Issue 15's "done when", repeatable: the Linux archive tried as a patient would.
#   packaging/linux/try-as-patient.sh [--build] [--keep] [ARCHIVE]
#
# With --build: builds the frozen app (PyInstaller, timed) and the archive first.
# Then, in a fresh temporary home (HOME and XDG_* inside it, a private D-Bus session
# with GNOME Keyring, an Xvfb display):
#   1. copies the archive to ~/Downloads, unpacks it, runs ./install.sh (into ~/.local);
#   2. starts the app from the installed desktop entry (gio launch, as a menu does; else
#      its Exec line), checks the entry's icon is in the installed hicolor theme and on
#      the window (_NET_WM_ICON), takes a screenshot of the first-run page, Ctrl+Q;
#   3. with the installed command: logs mood 7 (which makes the journal, its key in
#      the keyring, its recovery key in a 0600 file) and exports the clinician PDF;
#   4. starts it again from the desktop entry: the journal opens from the keyring with
#      the mood on Today (screenshot), Ctrl+Q, exit code 0;
#   5. start-up: time from spawn to the window visible (xdotool), median of 5,
#      interleaved: a bare PySide6 window, the pip-installed app (.venv/bin/ketajournal),
#      the installed frozen app, on the same journal.
# Prints each figure; screenshots and the PDF go to $OUT (default dist/try-as-patient).
# Debian packages: dbus gnome-keyring xvfb xauth xdotool x11-utils imagemagick
# libglib2.0-bin (gio) desktop-file-utils.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SELF=$ROOT/packaging/linux/try-as-patient.sh
APP_ID=org.ketajournal.KetaJournal
OUT=${OUT:-$ROOT/dist/try-as-patient}

# Re-run inside a D-Bus session (GNOME Keyring) and Xvfb, once.
if [[ -z ${TRY_INSIDE:-} ]]; then
  build=0 keep=0 archive=
  for arg in "$@"; do
    case $arg in
      --build) build=1 ;;
      --keep) keep=1 ;;
      *) archive=$arg ;;
    esac
  done
  if ((build)); then
    t0=$(date +%s)
    "$ROOT/.venv/bin/python" -m PyInstaller --noconfirm --log-level WARN \
      "$ROOT/packaging/ketajournal.spec" >/dev/null
    echo "figure: build (PyInstaller) $(($(date +%s) - t0)) s"
    "$ROOT/packaging/linux/make-archive.sh" "$ROOT/dist/ketajournal" "$ROOT/dist" >/dev/null
  fi
  archive=${archive:-$(ls "$ROOT"/dist/ketajournal-*-linux-*.tar.gz | head -1)}
  [[ -f $archive ]] || { echo "try-as-patient: no archive; use --build" >&2; exit 2; }
  echo "figure: dist/ketajournal $(du -sh "$ROOT/dist/ketajournal" | cut -f1)," \
    "$(find "$ROOT/dist/ketajournal" -type f | wc -l) files"
  echo "figure: archive $(basename "$archive") $(du -h "$archive" | cut -f1)"
  mkdir -p "$OUT"
  TRY_INSIDE=1 TRY_KEEP=$keep exec xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$SELF" "$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")" \
    2> >(grep -v "Failed to set fd limit" >&2)
fi

archive=$1
tmp=$(mktemp -d -t ketajournal-patient.XXXXXX)
[[ ${TRY_KEEP:-0} == 1 ]] || trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config
export XDG_CACHE_HOME=$HOME/.cache XDG_RUNTIME_DIR=$tmp/run
export XDG_DATA_DIRS=$XDG_DATA_HOME:/usr/local/share:/usr/share
export PATH=$HOME/.local/bin:$PATH
mkdir -p "$HOME/Downloads" && mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM KETAJOURNAL_HOME KETAJOURNAL_PASSWORD_FILE PYTHON_KEYRING_BACKEND
eval "$(printf 'patient-keyring-password' | gnome-keyring-daemon --unlock --components=secrets)"
fail() { echo "try-as-patient: FAILED: $*" >&2; exit 1; }
ok() { echo "try-as-patient: ok  $*"; }

# 1. Download, unpack, install.
cp "$archive" "$HOME/Downloads/"
cd "$HOME/Downloads"
tar -xzf "$(basename "$archive")"
folder=$(basename "$archive" .tar.gz)
(cd "$folder" && ./install.sh) >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "install.sh"; }
entry=$XDG_DATA_HOME/applications/$APP_ID.desktop
[[ -f $entry ]] || fail "no desktop entry at $entry"
desktop-file-validate "$entry" || fail "the installed desktop entry does not validate"
ok "unpacked in ~/Downloads and installed with ./install.sh ($(wc -l <"$HOME/.local/lib/ketajournal/installed-files" 2>/dev/null || echo '?') files listed)"

icon=$(sed -n 's/^Icon=//p' "$entry" | head -1)
icons=$(find "$XDG_DATA_HOME/icons/hicolor" -name "$icon.png" -o -name "$icon.svg" | wc -l)
((icons > 0)) || fail "the entry's icon $icon is not in $XDG_DATA_HOME/icons/hicolor"
ok "Icon=$icon found in the installed hicolor theme ($icons files)"

# start_from_menu: start the app as the desktop's menu does; sets $pid and $wid.
start_from_menu() {
  if command -v gio >/dev/null; then
    gio launch "$entry"
  else  # the Exec line without its field codes, as a launcher would run it
    local exec_line
    exec_line=$(sed -n 's/^Exec=//p' "$entry" | head -1 | sed 's/ %[fFuUick]//g')
    eval "$exec_line" &
  fi
  wid=$(timeout 60 xdotool search --sync --onlyvisible --class ketajournal 2>/dev/null | head -1) \
    || true
  [[ -n $wid ]] || fail "no window appeared"
  pid=$(xdotool getwindowpid "$wid")
  process=$(readlink "/proc/$pid/exe")
  [[ $process == "$HOME/.local/lib/ketajournal/"* ]] \
    || fail "the window's process is $process, not the installed app"
}
quit_with_ctrl_q() {
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  xdotool key ctrl+q
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  fail "Ctrl+Q did not close the window"
}

# 2. First start from the menu entry: the first-run page.
start_from_menu
sleep 3  # the first-run page painted
# The property in a file first: grep -q stops reading at the first match, and xprop,
# still writing the larger sizes, would die of SIGPIPE and fail the pipeline.
xprop -id "$wid" _NET_WM_ICON >"$tmp/icon.txt" 2>&1 || true
grep -aq "Icon (16 x 16)\|_NET_WM_ICON(CARDINAL)" "$tmp/icon.txt" \
  || fail "the window carries no icon"
import -window root "$OUT/1-first-start.png"
quit_with_ctrl_q
ok "started from the menu entry (process ${process#"$HOME"/}), first-run page: $OUT/1-first-start.png"

# 3. Log a mood and export the PDF with the installed command.
ketajournal log mood 7 --recovery-key-file "$tmp/recovery-key.txt" >"$tmp/log.out" \
  || fail "ketajournal log mood 7"
ok "logged mood 7: $(head -1 "$tmp/log.out")"
ketajournal export pdf -o "$OUT/report.pdf" >/dev/null || fail "ketajournal export pdf"
[[ $(head -c 5 "$OUT/report.pdf") == "%PDF-" ]] || fail "export pdf: not a PDF"
ok "exported $OUT/report.pdf ($(du -h "$OUT/report.pdf" | cut -f1))"

# 4. Start again from the menu entry: the journal opens from the keyring.
start_from_menu
sleep 4  # opened, Today painted
import -window root "$OUT/2-second-start.png"
quit_with_ctrl_q
compgen -G "$XDG_DATA_HOME/ketajournal/backups/*" >/dev/null \
  || fail "the window never opened the journal (no backup of today)"
ok "started again from the menu entry: the journal opened from the keyring: $OUT/2-second-start.png"

# 5. Start-up: spawn to window visible, median of 5, interleaved.
bare_py=$ROOT/.venv/bin/python
cat >"$tmp/bare.py" <<'EOF'
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(["bare"])
w = QWidget(); w.setWindowTitle("bare"); w.resize(1100, 720); w.show()
app.exec()
EOF
visible_after() {  # seconds from spawn to a visible window of the class $1; the command after it
  local class=$1 t0 p w; shift
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 & p=$!
  # Polled every 20 ms: xdotool's own --sync waits in steps of 0.5 s, too coarse here.
  local t1 deadline=$((t0 + 60000000000))
  while :; do
    w=$(xdotool search --onlyvisible --pid "$p" --class "$class" 2>/dev/null | head -1) || true
    t1=$(date +%s%N)
    [[ -z $w && $t1 -lt $deadline ]] || break
    sleep 0.02
  done
  [[ -n $w ]] || { kill "$p" 2>/dev/null; echo nan; return; }
  sleep 1.5  # let it finish its start (the check after opening) before it is stopped
  kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true
  printf '%.3f\n' "$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)"
}
declare -A times=([bare]="" [pip]="" [frozen]="")
for _ in 1 2 3 4 5; do
  times[bare]+=" $(visible_after bare "$bare_py" "$tmp/bare.py")"
  times[pip]+=" $(visible_after ketajournal "$ROOT/.venv/bin/ketajournal")"
  times[frozen]+=" $(visible_after ketajournal "$HOME/.local/lib/ketajournal/ketajournal")"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(echo "${times[bare]}" | median) p=$(echo "${times[pip]}" | median) f=$(echo "${times[frozen]}" | median)
echo "figure: start-up to window visible (median of 5): bare ${b} s, pip-installed ${p} s," \
  "frozen ${f} s; frozen/pip $(printf '%.2f' "$(echo "scale=3; $f / $p" | bc)")×"
echo "figure: runs: bare${times[bare]}; pip${times[pip]}; frozen${times[frozen]}"
ok "all steps"
