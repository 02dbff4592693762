#!/usr/bin/env bash
# Memory benchmark: does reconstruct stream? Reconstructs 1,000,000 images (--per-class 100000) with
# the Java heap capped at 512 MB, and 100,000 images (--per-class 10000) for comparison, measuring
# peak RSS and wall time with /usr/bin/time -v; then reads each output back and counts its labels.
#
# Usage: bench/memory.sh ARTIFACT.lgc [FORMAT...]   (formats: idx, npz; default: idx)
# Results: bench/results/memory.txt (appended to while running, replaced at the start).
# Needs /usr/bin/time (Debian package "time") and python3 (standard library only) for the check.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
art="${1:?usage: bench/memory.sh ARTIFACT.lgc [FORMAT...]}"
shift
formats=("$@")
[[ ${#formats[@]} -gt 0 ]] || formats=(idx)
results="$root/bench/results/memory.txt"
mkdir -p "$(dirname "$results")"
work="$(mktemp -d "${TMPDIR:-/tmp}/lgc-memory.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$root/lgc" --version >/dev/null   # build outside the measured runs

say() { echo "$*" | tee -a "$results"; }

: > "$results"
say "# lgc reconstruct memory benchmark (bench/memory.sh), $(date -u +%Y-%m-%dT%H:%MZ)"
say "build: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- src pom.xml lgc 2>/dev/null || echo ' (with uncommitted changes)')"
say "artifact: $art ($(stat -c %s "$art") bytes, sha256 $(sha256sum "$art" | cut -c1-16)...)"
say "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM"
say "java heap: LGC_JAVA_OPTS=-Xmx512m; the lgc script's MALLOC_* and OMP_WAIT_POLICY settings"
say ""

check() { # DIR FORMAT EXPECTED_PER_CLASS -> prints a one-line verdict, fails when wrong
  python3 - "$1" "$2" "$3" <<'PY'
import gzip, struct, sys, zipfile, ast
from collections import Counter
d, fmt, per_class = sys.argv[1], sys.argv[2], int(sys.argv[3])
if fmt == "idx":
    with gzip.open(f"{d}/train-labels-idx1-ubyte.gz") as f:
        magic, n = struct.unpack(">II", f.read(8))
        labels = f.read()
    assert magic == 2049 and n == len(labels), (magic, n, len(labels))
    counts = Counter(labels)
    with gzip.open(f"{d}/train-images-idx3-ubyte.gz") as f:
        magic, m, h, w = struct.unpack(">IIII", f.read(16))
        size = 0
        while chunk := f.read(1 << 24):
            size += len(chunk)
    assert magic == 2051 and m == n and size == m * h * w, (magic, m, h, w, size)
    shape = (m, h, w)
else:
    with zipfile.ZipFile(f"{d}/train.npz") as z:
        def header(f):
            assert f.read(6) == b"\x93NUMPY"
            major = f.read(2)[0]
            hlen = struct.unpack("<H" if major == 1 else "<I", f.read(2 if major == 1 else 4))[0]
            return ast.literal_eval(f.read(hlen).decode("latin1"))
        with z.open("y.npy") as f:
            hy = header(f)
            raw = f.read()
        assert hy["descr"] == "<i8", hy
        n = hy["shape"][0]
        labels = struct.unpack(f"<{n}q", raw)
        counts = Counter(labels)
        with z.open("x.npy") as f:
            hx = header(f)
            size = 0
            while chunk := f.read(1 << 24):
                size += len(chunk)
        shape = hx["shape"]
        expected = 1
        for s in shape:
            expected *= s
        assert hx["descr"] == "|u1" and shape[0] == n and size == expected, (hx, size)
ok = len(counts) == 10 and all(c == per_class for c in counts.values())
print(f"read back: {n:,} labels, {len(counts)} classes x {sorted(set(counts.values()))} each, "
      f"images {shape} uint8 -> {'OK' if ok else 'WRONG'}")
sys.exit(0 if ok else 1)
PY
}

for fmt in "${formats[@]}"; do
  for per_class in 10000 100000; do
    out="$work/recon-$fmt-$per_class"
    cmd=("$root/lgc" reconstruct "$art" -o "$out" --per-class "$per_class" --seed 1 --format "$fmt" --quiet)
    say "## $fmt, --per-class $per_class ($((per_class * 10)) images)"
    say "command: LGC_JAVA_OPTS=-Xmx512m /usr/bin/time -v lgc reconstruct ART -o DIR --per-class $per_class --seed 1 --format $fmt --quiet"
    say "load before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
    if ! LGC_JAVA_OPTS=-Xmx512m /usr/bin/time -v -o "$work/time.txt" "${cmd[@]}" >/dev/null 2>"$work/stderr.txt"; then
      say "FAILED:"; tee -a "$results" < "$work/stderr.txt"; exit 1
    fi
    say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    say "peak RSS: $(awk -F': ' '/Maximum resident/ {printf "%d kB (%.0f MB)", $2, $2/1024}' "$work/time.txt")"
    say "wall: $(awk -F': ' '/Elapsed/ {print $2}' "$work/time.txt"); CPU user $(awk -F': ' '/User time/ {print $2}' "$work/time.txt") s, system $(awk -F': ' '/System time/ {print $2}' "$work/time.txt") s"
    say "output: $(du -b "$out"/* | awk '{s += $1} END {printf "%d bytes", s}') ($(cd "$out" && ls | tr '\n' ' '))"
    say "$(check "$out" "$fmt" "$per_class")"
    say ""
    rm -rf "$out"
  done
done
say "done $(date -u +%Y-%m-%dT%H:%MZ)"
