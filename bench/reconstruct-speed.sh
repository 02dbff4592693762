#!/usr/bin/env bash
# Times `lgc reconstruct` of 60,000 images (6,000 per class, seed 1, the artifact's default format)
# and prints one line: wall and CPU seconds, peak RSS, the load around the run and a digest of the
# output (which must not change between runs). The cores are often shared here: compare runs only
# at similar load, or better, interleaved.
#
# Usage: bench/reconstruct-speed.sh ARTIFACT.lgc [extra reconstruct options]
# Earlier measurements, with the exact commands: bench/results/reconstruct-speed.txt
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
art="${1:?usage: bench/reconstruct-speed.sh ARTIFACT.lgc [extra reconstruct options]}"
shift
work="$(mktemp -d "${TMPDIR:-/tmp}/lgc-speed.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$root/lgc" --version >/dev/null   # build outside the timed run
before="$(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
  "$root/lgc" reconstruct "$art" -o "$work/out" --per-class 6000 --seed 1 --quiet "$@" >/dev/null 2>"$work/stderr.txt" \
  || { cat "$work/stderr.txt" >&2; exit 1; }
after="$(cut -d' ' -f1-3 /proc/loadavg)"
read -r wall user sys rss < "$work/time.txt"
digest="$(cd "$work/out" && find . -type f | sort | xargs cat | sha256sum | cut -c1-16)"
printf 'wall %.1f s, user %.1f s, sys %.1f s, peak RSS %d MB; load (1/5/15 min) before %s, after %s; output sha256 %s\n' \
  "$wall" "$user" "$sys" "$((rss / 1024))" "$before" "$after" "$digest"
