#!/usr/bin/env bash
# The README's benchmark: the whole demo on Fashion-MNIST with the defaults, timed, with peak memory.
# Usage: bench/demo.sh [extra lgc demo options]   (results in bench/results/demo.json and demo.txt)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/results"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/lgc" --version >/dev/null   # build outside the timed run
timer=()
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v -o "$work/time.txt")   # Debian package "time"
"${timer[@]}" "$root/lgc" demo --out "$work/demo" "$@" | tee "$out/demo.txt"
cp "$work/demo/demo.json" "$out/demo.json"
[[ -f "$work/time.txt" ]] && grep -E "Elapsed|Maximum resident" "$work/time.txt" | tee -a "$out/demo.txt"
echo "cores: $(nproc)" | tee -a "$out/demo.txt"
