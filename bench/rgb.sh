#!/usr/bin/env bash
# A real RGB run: a CIFAR-like image folder (32x32 RGB PNG, DIR/<class>/) made from Fashion-MNIST
# with colours drawn per image independently of the class (see RgbFolderGenerator), compressed with
# the default settings, reconstructed as a PNG folder, and evaluated on the real test images next to
# a classifier trained on the real training images. The same images in gray run through the same
# steps as a control: the difference is what colour costs.
# Usage: bench/rgb.sh [WORKDIR]   (results in bench/results/rgb.txt; WORKDIR kept when given)
# Environment: TRAIN_PER_CLASS (300), TEST_PER_CLASS (100), SEED (1), RECON_PER_CLASS (auto = as the
# source), COMPRESS_OPTS (none: the defaults), RESULTS (rgb.txt, under bench/results).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/results/${RESULTS:-rgb.txt}"
train_per_class="${TRAIN_PER_CLASS:-300}"
test_per_class="${TEST_PER_CLASS:-100}"
seed="${SEED:-1}"
recon_per_class="${RECON_PER_CLASS:-auto}"
read -r -a compress_opts <<<"${COMPRESS_OPTS:-}"
if [[ $# -ge 1 ]]; then
  work="$1"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

# Build, then run a snapshot of the jars, so that a rebuild during the run changes nothing.
"$root/lgc" --version >/dev/null
(cd "$root" && mvn -q -B -o test-compile)
snap="$work/build"
rm -rf "$snap" && mkdir -p "$snap"
cp -r "$root/lgc-cli/target/lgc.jar" "$root/lgc-cli/target/lib" "$root/lgc-cli/target/test-classes" "$snap/"

# As ./lgc runs it: the same malloc, OpenMP and huge-page settings.
source "$root/tools/native-env.sh"
cores="$(nproc)"
java_opts=(-Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$cores"
  -Dai.djl.pytorch.num_interop_threads=1)

log() { echo "$@" | tee -a "$out"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# timed LABEL CMD...: runs CMD (lgc meaning the snapshot's command line), logging it, its output,
# wall and CPU seconds and the load around it.
timed() {
  local label="$1"; shift
  log ""
  log "\$ $*"
  if [[ "$1" == lgc ]]; then
    shift
    set -- java "${java_opts[@]}" -cp "$snap/lgc.jar:$snap/lib/*" io.lgc.cli.Main "$@"
  fi
  local before; before="$(load)"
  local times="$work/time.txt"
  /usr/bin/time -f "%e %U %S %M" -o "$times" "$@" 2>"$work/stderr.txt" | tee -a "$out" \
    || { cat "$work/stderr.txt" >&2; exit 1; }
  read -r wall user sys rss <"$times"
  log "[$label] wall ${wall} s, cpu ${user} s user + ${sys} s sys, peak RSS $((rss / 1024)) MiB;" \
    "load before ${before}, after $(load)"
}

: >"$out"
log "# bench/rgb.sh, $(date -u +%Y-%m-%dT%H:%MZ), $cores cores, git $(git -C "$root" rev-parse --short HEAD)"
log "# data: Fashion-MNIST, first $train_per_class train / $test_per_class test images per class, 10 classes,"
log "# 32x32 RGB (garment and background colours random per image, independent of the class), and the"
log "# same images in gray; compress options: ${COMPRESS_OPTS:-none, the defaults}"
data="$work/data"
rm -rf "$data" "$work/rgb" "$work/gray"
timed generate java "${java_opts[@]}" -cp "$snap/test-classes:$snap/lgc.jar:$snap/lib/*" \
  io.lgc.bench.RgbFolderGenerator "$data" "$train_per_class" "$test_per_class" "$seed"
# pipeline KIND: compress, reconstruct and evaluate $data/KIND, then the real images for reference.
pipeline() {
  local kind="$1" dir="$work/$1"
  mkdir -p "$dir"
  log ""
  log "## $kind: $(find "$data/$kind/train" -name '*.png' | wc -l) training images," \
    "$(du -sb "$data/$kind/train" | cut -f1) B of PNG files"
  timed "$kind compress" lgc compress "$data/$kind/train" -o "$dir/$kind.lgc" "${compress_opts[@]}" -q
  timed "$kind reconstruct" lgc reconstruct "$dir/$kind.lgc" -o "$dir/recon" --per-class "$recon_per_class" -q
  timed "$kind evaluate reconstruction" lgc evaluate --train "$dir/recon" --test "$data/$kind/test" \
    --json "$dir/eval-recon.json" -q
  timed "$kind evaluate real" lgc evaluate --train "$data/$kind/train" --test "$data/$kind/test" \
    --json "$dir/eval-real.json" -q
  summary+=("$kind: artifact $(stat -c %s "$dir/$kind.lgc") B; accuracy trained on the reconstruction $(
    json_accuracy "$dir/eval-recon.json"), on the real images $(json_accuracy "$dir/eval-real.json")")
}
json_accuracy() { grep -o '"accuracy": *[0-9.]*' "$1" | head -1 | awk '{printf "%.2f %%", 100 * $2}'; }

summary=()
pipeline rgb
pipeline gray
log ""
for line in "${summary[@]}"; do log "$line"; done
