#!/usr/bin/env bash
# Hostile inputs: every input LGC must refuse (devices, FIFOs, deflate bombs, decoders with huge
# activations, decompression-bomb images, damaged PNGs, links that lead nowhere, ambiguous npz
# archives, sizes no memory holds), each run through ./lgc under /usr/bin/time -v. Records the exit
# code, the peak RSS and the one line on stderr; the goal is under 1.5 GB for every one of them.
#
# Usage: bench/hostile-inputs.sh
#   LGC="java -Xmx3g -cp OLD/target/classes:lgc-cli/target/lib/* io.lgc.cli.Main" RESULTS=NAME.txt TIMEOUT=30 \
#     bench/hostile-inputs.sh    runs another build instead (to compare with an older one).
# Results: bench/results/hostile-inputs.txt (replaced), or bench/results/$RESULTS. Needs /usr/bin/time (Debian package "time"),
# python3 (standard library only) and mkfifo. No Java heap cap is set: the JVM's default (a quarter
# of RAM) is what a user gets, so a refusal must be cheap by itself, not because the heap is small.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results="$root/bench/results/${RESULTS:-hostile-inputs.txt}"
lgc="${LGC:-./lgc}"
per_run="${TIMEOUT:-120}"
mkdir -p "$(dirname "$results")"
work="$(mktemp -d "${TMPDIR:-/tmp}/lgc-hostile.XXXXXX")"
trap 'rm -rf "$work"' EXIT
./lgc --version >/dev/null                     # build outside the measured runs
(mvn -q -B -o test-compile >/dev/null 2>&1 || mvn -q -B test-compile >/dev/null) # the artifact forger

# ---------------------------------------------------------------- the inputs
java -cp "lgc-core/target/test-classes:lgc-core/target/classes:lgc-cli/target/lib/*" io.lgc.artifact.HostileArtifacts "$work"
mkfifo "$work/pipe.lgc" "$work/train.csv"
python3 - "$work" <<'EOF'
import os, struct, sys, zipfile, zlib, warnings
work = sys.argv[1]

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

def png(width, height, rows=None, gray=0):
    """8-bit grayscale PNG; rows=None gives a bomb: the header's size, the pixel data of a few rows."""
    raw = b"".join(b"\0" + bytes([gray]) * width for _ in range(height if rows is None else rows))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

def folder(name, extra):
    for cls, gray in (("a", 10), ("b", 200)):
        os.makedirs(f"{work}/{name}/{cls}", exist_ok=True)
        with open(f"{work}/{name}/{cls}/1.png", "wb") as f:
            f.write(png(8, 8, gray=gray))
    extra(f"{work}/{name}/b")

def write(path, data):
    with open(path, "wb") as f:
        f.write(data)

folder("bomb-100000", lambda d: write(f"{d}/bomb.png", png(100000, 100000, rows=4)))
folder("bomb-8000", lambda d: write(f"{d}/bomb.png", png(8000, 8000, rows=4)))
def bad_crc(d):
    data = bytearray(png(8, 8, gray=77))
    data[data.index(b"IDAT") + 6] ^= 1
    write(f"{d}/2.png", bytes(data))
folder("bad-crc", bad_crc)
folder("link-loop", lambda d: os.symlink("loop.png", f"{d}/loop.png"))
folder("dangling", lambda d: os.symlink("missing.png", f"{d}/dangling.png"))
folder("plain", lambda d: None)
os.makedirs(f"{work}/large/a"); os.makedirs(f"{work}/large/b")
for i in range(4):
    for cls in "ab":
        write(f"{work}/large/{cls}/{i}.png", png(400, 400, gray=40 * i + (cls == "b") * 100))

def npy(array_bytes, descr, shape):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, shape)
    header += " " * (63 - (len(header) + 10) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + array_bytes
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # zipfile warns about the duplicate name it is asked to write
    with zipfile.ZipFile(f"{work}/dup.npz", "w") as z:
        z.writestr("x.npy", npy(bytes(8), "|u1", "(2, 2, 2)"))
        z.writestr("y.npy", npy(struct.pack("<2q", 0, 1), "<i8", "(2,)"))
        z.writestr("x.npy", npy(bytes([9]) * 8, "|u1", "(2, 2, 2)"))
EOF

# ---------------------------------------------------------------- the runs
say() { echo "$*" | tee -a "$results"; }
: > "$results"
say "# lgc on hostile inputs (bench/hostile-inputs.sh), $(date -u +%Y-%m-%dT%H:%MZ)"
say "build: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml lgc 2>/dev/null || echo ' (with uncommitted changes)'); command: $lgc"
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM; java heap: the JVM default"
say "columns: exit code (124: killed after ${per_run} s), peak RSS (MB, /usr/bin/time -v), wall seconds, what ran; then the line lgc printed (stdout and stderr)"
say ""

limit_kb=$((1536 * 1024))
worst=0
run() { # run LABEL ARGS...: one lgc command whose input must be refused
  local label="$1"; shift
  local err="$work/err" timing="$work/time" code=0
  # A FIFO must be refused without being opened; the timeout turns a regression into a line here.
  # shellcheck disable=SC2086 # $lgc may be a java command line
  /usr/bin/time -v -o "$timing" timeout "$per_run" $lgc "$@" -q >"$err" 2>&1 < /dev/null || code=$?
  local rss_kb wall
  rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing" 2>/dev/null || echo 0)"
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$timing" 2>/dev/null || echo '?')"
  (( rss_kb > worst )) && worst=$rss_kb
  say "$(printf '%-4s %6d MB %8s  %s' "$code" $((rss_kb / 1024)) "$wall" "$label")"
  say "     $(sed "s|$work/||g" "$err" | head -3 | tr '\n' ' ')"
  if (( rss_kb > limit_kb )); then say "     ^ over 1.5 GB"; fi
}

out="$work/out"
run "inspect /dev/zero" inspect /dev/zero
run "inspect /dev/urandom" inspect /dev/urandom
run "inspect a FIFO" inspect "$work/pipe.lgc"
run "inspect --verify a FIFO" inspect --verify "$work/pipe.lgc"
run "compress /dev/zero" compress /dev/zero -o "$out.lgc"
run "compress /dev/urandom --format idx" compress /dev/urandom --format idx -o "$out.lgc"
run "compress a FIFO named train.csv" compress "$work/train.csv" -o "$out.lgc"
run "evaluate --train /dev/zero" evaluate --train /dev/zero --test "$work/plain"
idx=/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz
if [[ -f "$idx" ]]; then
  run "compress --labels /dev/zero" compress "$idx" --labels /dev/zero -o "$out.lgc"
  run "compress --labels a FIFO" compress "$idx" --labels "$work/train.csv" -o "$out.lgc"
fi
run "inspect: section inflating to 257 MiB (deflate bomb)" inspect "$work/bomb.lgc"
run "reconstruct: deflate bomb" reconstruct "$work/bomb.lgc" -o "$out"
run "inspect --verify: decoder layers of 84M values per sample" inspect --verify "$work/wide-decoder.lgc"
run "reconstruct: decoder layers of 84M values per sample" reconstruct "$work/wide-decoder.lgc" -o "$out"
run "inspect --verify: decoder sample of 8.4M values" inspect --verify "$work/big-sample.lgc"
run "reconstruct: decoder sample of 8.4M values" reconstruct "$work/big-sample.lgc" -o "$out"
run "compress: PNG declaring 100000x100000" compress "$work/bomb-100000" -o "$out.lgc"
run "compress: PNG declaring 8000x8000" compress "$work/bomb-8000" -o "$out.lgc"
run "compress --size 30000x30000" compress "$work/plain" --size 30000x30000 -o "$out.lgc"
run "compress: PNG with a damaged IDAT CRC" compress "$work/bad-crc" -o "$out.lgc"
run "compress: symbolic link loop in a class folder" compress "$work/link-loop" -o "$out.lgc"
run "compress: dangling link in a class folder" compress "$work/dangling" -o "$out.lgc"
run "compress: npz with two members named x.npy" compress "$work/dup.npz" -o "$out.lgc"
run "compress --decoder pca on 400x400 images" compress "$work/large" --decoder pca -o "$out.lgc"

say ""
say "largest peak RSS: $((worst / 1024)) MB (goal: under 1536 MB)"
