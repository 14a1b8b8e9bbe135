#!/usr/bin/env bash
# Smoke test of the frozen app, with the built executable only (no Python, no source):
#   packaging/smoke.sh [EXECUTABLE]        (default: dist/ketajournal/ketajournal)
#
# In a temporary home it runs --version, demo, export pdf, export fhir, backup -o and
# check --deep, then opens the window on that journal and quits it with Ctrl+Q as a
# person would. On Linux it also checks that a program the app starts (the desktop
# database tool of --install-desktop-entry) gets none of the bundle's variables
# (QT_PLUGIN_PATH, _PYI_*, LD_LIBRARY_PATH into the bundle), and with
# SMOKE_ARCHIVE=ketajournal-*.tar.gz it installs that archive with its install.sh into
# the temporary home (program, menu entry, man page, completions), runs the installed
# command and removes it again with uninstall.sh. On Linux the journal's key lives in a real Secret Service: GNOME Keyring
# in a private D-Bus session, unlocked with a throwaway password; on macOS and Windows in
# the system's keyring. The window runs under Xvfb and is driven with xdotool; without
# them (and on macOS and Windows) it runs on Qt's offscreen platform, where nothing
# outside can close it, so it is stopped with SIGTERM once it has opened the journal
# (the summary says which). Debian packages: dbus gnome-keyring xvfb xauth xdotool.
#
# Where GNOME Keyring cannot be started, the journal is created once by the source tree
# with the tests' file keyring, and the frozen app opens it with --password-file and the
# recovery key (SMOKE_KEYRING=file forces this path; SMOKE_WINDOW=offscreen the offscreen
# window).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SELF="$ROOT/packaging/smoke.sh"

# -- Under Xvfb: open the window, wait for its after-paint work, quit with Ctrl+Q ------
if [[ ${1:-} == --window-x11 ]]; then
  exe=$2 home=$3 log=$4
  unset QT_QPA_PLATFORM
  "$exe" --home "$home" 2>"$log" & pid=$!
  wid=$(timeout 60 xdotool search --sync --onlyvisible --name KetaJournal 2>/dev/null | head -1) || true
  if [[ -z $wid ]]; then echo "no window appeared" >&2; kill "$pid" 2>/dev/null; exit 1; fi
  # The window unlocks the journal, paints, then takes today's backup in a thread:
  # a backup file is the proof that the journal opened inside the window.
  for _ in $(seq 300); do
    compgen -G "$home/backups/*" >/dev/null && break
    sleep 0.1
  done
  compgen -G "$home/backups/*" >/dev/null || { echo "the window never opened the journal" >&2; kill "$pid"; exit 1; }
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  xdotool key ctrl+q
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "Ctrl+Q did not close the window" >&2; kill "$pid"; exit 1; fi
  wait "$pid"
  exit $?
fi

# -- A private D-Bus session with GNOME Keyring, unless told otherwise ----------------
mode=${SMOKE_KEYRING:-}
if [[ -z $mode ]]; then
  case $(uname -s) in
    Darwin|MINGW*|MSYS*|CYGWIN*) mode=native ;;  # the Keychain, the Credential Manager
    *)
      if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
        mode=secret-service
      else
        mode=file
      fi ;;
  esac
fi
if [[ $mode == secret-service && -z ${SMOKE_IN_DBUS:-} ]]; then
  SMOKE_IN_DBUS=1 SMOKE_KEYRING=secret-service exec dbus-run-session -- "$SELF" "$@" 2> >(
    grep -v "Failed to set fd limit" >&2)
fi

exe=${1:-$ROOT/dist/ketajournal/ketajournal}
[[ -x $exe ]] || { echo "smoke: no executable at $exe (build it first)" >&2; exit 2; }
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")
tmp=$(mktemp -d -t ketajournal-smoke.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
if [[ $mode != native ]]; then  # the Keychain is found through the real home
  export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
  export XDG_RUNTIME_DIR=$tmp/run
  mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
fi
unset KETAJOURNAL_HOME KETAJOURNAL_PASSWORD_FILE PYTHON_KEYRING_BACKEND
journal=$tmp/journal
secret_args=()
passed=0
started=$(date +%s%N)

# elapsed T0: seconds since T0 (from date +%s%N), with one decimal.
elapsed() { local ds=$((($(date +%s%N) - $1) / 100000000)); echo "$((ds / 10)).$((ds % 10))"; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
# step NAME COMMAND...: run, time, and keep stdout in $tmp/out for the checks after it.
step() {
  local name=$1 t0; shift
  t0=$(date +%s%N)
  if ! "$@" >"$tmp/out" 2>"$tmp/err"; then
    cat "$tmp/out" "$tmp/err" >&2
    fail "$name"
  fi
  passed=$((passed + 1))
  echo "smoke: ok  $name ($(elapsed "$t0") s)"
}

expected_version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/ketajournal/__init__.py" 2>/dev/null || true)
step "--version" "$exe" --version
version=$(cat "$tmp/out")
[[ -z $expected_version || $version == "ketajournal $expected_version" ]] \
  || fail "--version said '$version', the source says $expected_version"

if [[ $mode == secret-service ]]; then
  eval "$(printf 'smoke-keyring-password' | gnome-keyring-daemon --unlock --components=secrets)"
  step "demo (key in GNOME Keyring)" "$exe" --home "$journal" demo
elif [[ $mode == native ]]; then
  step "demo (key in the system's keyring)" "$exe" --home "$journal" demo
else
  # The frozen app cannot make a journal without a keyring (a secret never creates
  # one), so the source tree makes it with the tests' file keyring, once.
  python=${SMOKE_PYTHON:-$ROOT/.venv/bin/python}
  [[ -x $python ]] || fail "no keyring and no $python to create the journal with"
  KETAJOURNAL_TEST_KEYRING=$tmp/keyring.json PYTHON_KEYRING_BACKEND=tests.support.keyrings.FileKeyring \
    PYTHONPATH=$ROOT "$python" -m ketajournal --home "$journal" demo --days 120 >"$tmp/created" 2>&1
  grep -oE '([A-Z0-9]{4}-){7}[A-Z0-9]{4}' "$tmp/created" | head -1 >"$tmp/recovery-key"
  [[ -s $tmp/recovery-key ]] || fail "no recovery key in the demo's output"
  chmod 600 "$tmp/recovery-key"
  secret_args=(--password-file "$tmp/recovery-key")
  export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
  step "open with the recovery key" "$exe" --home "$journal" "${secret_args[@]}" check
fi
grep -q "Demo journal written\|integrity" "$tmp/out" || fail "demo: unexpected output"

step "export pdf" "$exe" --home "$journal" "${secret_args[@]}" export pdf -o "$tmp/report.pdf"
[[ $(head -c 5 "$tmp/report.pdf") == "%PDF-" ]] || fail "export pdf: not a PDF"
if command -v pdffonts >/dev/null; then
  pdffonts "$tmp/report.pdf" | grep -q "BitstreamVeraSans" || fail "export pdf: Vera fonts not embedded"
fi

step "export fhir" "$exe" --home "$journal" "${secret_args[@]}" export fhir -o "$tmp/fhir.json"
grep -q '"resourceType": *"Bundle"' "$tmp/fhir.json" || fail "export fhir: not a FHIR Bundle"

step "backup -o" "$exe" --home "$journal" "${secret_args[@]}" backup -o "$tmp/backup.zip"
[[ $(head -c 2 "$tmp/backup.zip") == "PK" ]] || fail "backup -o: not a zip file"

step "check --deep" "$exe" --home "$journal" "${secret_args[@]}" check --deep
grep -qE "^integrity +ok" "$tmp/out" || fail "check --deep: the journal is not ok"

if [[ $(uname -s) == Linux ]]; then
  # A stand-in for update-desktop-database writes the environment it was given.
  mkdir -p "$tmp/fakebin"
  printf '#!/bin/sh\nenv >"%s"\n' "$tmp/child-env" >"$tmp/fakebin/update-desktop-database"
  chmod 755 "$tmp/fakebin/update-desktop-database"
  step "--install-desktop-entry" env PATH="$tmp/fakebin:$PATH" "$exe" --install-desktop-entry
  [[ -s $tmp/child-env ]] || fail "--install-desktop-entry: the desktop database tool never ran"
  bundle=$(dirname "$exe")
  if grep -E "^(QT_PLUGIN_PATH|QML2_IMPORT_PATH|_PYI_[A-Z_]*)=|^LD_LIBRARY_PATH=.*$bundle" \
      "$tmp/child-env"; then
    fail "a program the app started inherited the bundle's environment (above)"
  fi
  step "--uninstall-desktop-entry" "$exe" --uninstall-desktop-entry
fi

if [[ -n ${SMOKE_ARCHIVE:-} ]]; then
  mkdir "$tmp/unpacked"
  tar -xzf "$SMOKE_ARCHIVE" -C "$tmp/unpacked"
  unpacked=$(find "$tmp/unpacked" -mindepth 1 -maxdepth 1 -type d | head -1)
  share=${XDG_DATA_HOME:-$HOME/.local/share}
  step "install.sh from $(basename "$SMOKE_ARCHIVE")" "$unpacked/install.sh"
  [[ -s $HOME/.local/share/man/man1/ketajournal.1 ]] || fail "install.sh: no man page"
  for file in applications/org.ketajournal.KetaJournal.desktop \
      bash-completion/completions/ketajournal zsh/site-functions/_ketajournal \
      fish/vendor_completions.d/ketajournal.fish \
      icons/hicolor/256x256/apps/org.ketajournal.KetaJournal.png; do
    [[ -s $share/$file ]] || fail "install.sh: no $share/$file"
  done
  step "the installed command" "$HOME/.local/bin/ketajournal" --version
  [[ $(cat "$tmp/out") == "$version" ]] || fail "the installed command is not $version"
  if command -v man >/dev/null; then
    step "man ketajournal (installed)" env PATH="$HOME/.local/bin:$PATH" man -w ketajournal
    [[ $(cat "$tmp/out") == "$HOME/.local/share/man/man1/ketajournal.1" ]] \
      || fail "man found $(cat "$tmp/out")"
  fi
  step "uninstall.sh" "$HOME/.local/lib/ketajournal/uninstall.sh"
  for file in "$HOME/.local/share/man/man1/ketajournal.1" \
      "$share/bash-completion/completions/ketajournal" "$share/zsh/site-functions/_ketajournal" \
      "$share/fish/vendor_completions.d/ketajournal.fish" "$HOME/.local/lib/ketajournal"; do
    [[ ! -e $file ]] || fail "uninstall.sh left $file"
  done
fi

window=""
if [[ $mode == secret-service && ${SMOKE_WINDOW:-x11} == x11 ]] && command -v xvfb-run >/dev/null \
    && command -v xdotool >/dev/null; then
  step "window opens the journal and quits on Ctrl+Q (Xvfb)" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$SELF" --window-x11 "$exe" "$journal" "$tmp/window.log"
  window="X11 window, closed with Ctrl+Q"
else
  # Offscreen: with the keyring, the proof of start is today's backup, written after the
  # first paint; without it the window starts locked (it asks for the recovery key), so
  # only "still running after 5 s, nothing on stderr" is checked. Either way the process
  # must still be running, and stops on SIGTERM: nothing outside can close an offscreen
  # window.
  t0=$(date +%s%N)
  QT_QPA_PLATFORM=offscreen "$exe" --home "$journal" 2>"$tmp/window.log" & pid=$!
  if [[ $mode != file ]]; then
    for _ in $(seq 300); do compgen -G "$journal/backups/*" >/dev/null && break; sleep 0.1; done
    compgen -G "$journal/backups/*" >/dev/null \
      || { kill "$pid"; fail "window (offscreen): the journal never opened"; }
    window="offscreen, opened the journal, stopped with SIGTERM"
  else
    sleep 5
    window="offscreen, started locked (no keyring), stopped with SIGTERM"
  fi
  kill -0 "$pid" 2>/dev/null || fail "window (offscreen): the app exited early"
  kill "$pid"; wait "$pid" || true
  passed=$((passed + 1))
  echo "smoke: ok  window: $window ($(elapsed "$t0") s)"
fi
if grep -qiE "traceback|error" "$tmp/window.log"; then
  cat "$tmp/window.log" >&2
  fail "the window wrote errors"
fi

echo "smoke: all $passed steps ok in $(elapsed "$started") s ($version; keyring: $mode; window: $window)"
