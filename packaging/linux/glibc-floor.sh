#!/usr/bin/env bash
# The oldest glibc a frozen app runs on: the highest GLIBC_x.y symbol version any of its
# binaries needs (objdump -T). Usage: packaging/linux/glibc-floor.sh [DIR] [--list]
# (DIR defaults to dist/ketajournal; --list names the binaries that need the most).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=${1:-$ROOT/dist/ketajournal}
found=$(find "$dir" -type f \( -name '*.so*' -o -perm -u+x \) -print0 | while IFS= read -r -d '' f; do
  v=$(objdump -T "$f" 2>/dev/null | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -1) || true
  if [[ -n $v ]]; then echo "$v ${f#"$dir"/}"; fi
done | sort -V)
floor=$(tail -1 <<<"$found" | cut -d' ' -f1)
if [[ ${2:-} == --list && -n $floor ]]; then
  grep "^$floor " <<<"$found"
fi
echo "$floor"
