#!/usr/bin/env bash
# Side-by-side speed of LGC (Java, through the library) and plain PyTorch (Debian's python3-torch)
# on the same networks, batches, optimisers and Fashion-MNIST images, interleaved so that both see
# the same load. Both run under tools/native-env.sh (malloc, OMP_WAIT_POLICY=PASSIVE, huge pages),
# with as many intra-op threads as cores and one inter-op thread.
#
# Usage: bench/speed/run.sh LABEL [REPEATS] [JAR_DIR]
#   LABEL    names the result file bench/results/speed-LABEL.txt
#   REPEATS  rounds of every measurement (default 3); the order of Java and Python alternates
#   JAR_DIR  a folder with lgc.jar and lib/ (default: this checkout's build), to time an older build
# Environment: KINDS (networks trained, default "ae cnn convnet"; empty for decoding only), STEPS_AE, STEPS_CNN, STEPS_CONVNET (timed steps, after as many warm-up steps),
#   DECODE_N (latents decoded), RECONSTRUCT_N (per class for the lgc reconstruct run; 0 skips it),
#   ARTIFACT (the .lgc file to decode; default: a 1-epoch artifact of fashion-mnist/test, made once).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
label="${1:?usage: bench/speed/run.sh LABEL [REPEATS] [JAR_DIR]}"
repeats="${2:-3}"
"$root/lgc" --version >/dev/null # builds when needed
jars="${3:-$root/lgc-cli/target}"
steps_ae="${STEPS_AE:-30}"
steps_cnn="${STEPS_CNN:-30}"
steps_convnet="${STEPS_CONVNET:-8}"
decode_n="${DECODE_N:-20000}"
reconstruct_n="${RECONSTRUCT_N:-6000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lgc-speed.XXXXXX")"
trap 'rm -rf "$work"' EXIT
out="$root/bench/results/speed-$label.txt"

# shellcheck source=tools/native-env.sh
source "$root/tools/native-env.sh"
cores="$(nproc)"
java_bench() {
  java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$cores" \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$jars/lgc.jar:$jars/lib/*" "$root/bench/speed/SpeedBench.java" "$@" \
    2>"$work/java.err" | tail -1
}
torch_bench() {
  /usr/bin/python3 "$root/bench/speed/torch_bench.py" "$@" 2>"$work/torch.err" | tail -1
}
artifact="${ARTIFACT:-${TMPDIR:-/tmp}/lgc-speed-fashion-test.lgc}"
if [[ ! -f "$artifact" ]]; then
  "$root/lgc" compress fashion-mnist/test --epochs 1 --feature-weight 0 --seed 1 -o "$artifact" --quiet >/dev/null
fi
for kind in ae cnn convnet; do
  java_bench spec "$kind" "$work/spec-$kind.json"
done
steps() {
  case "$1" in ae) echo "$steps_ae" ;; cnn) echo "$steps_cnn" ;; convnet) echo "$steps_convnet" ;; esac
}
reconstruct() {
  rm -rf "$work/rec"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" java -Djava.awt.headless=true -Dai.djl.offline=true \
    -Dai.djl.pytorch.num_threads="$cores" -Dai.djl.pytorch.num_interop_threads=1 -cp "$jars/lgc.jar:$jars/lib/*" \
    io.lgc.cli.Main reconstruct "$artifact" -o "$work/rec" --per-class "$reconstruct_n" --seed 1 --quiet >/dev/null
  read -r wall user sys rss < "$work/time.txt"
  local digest
  digest="$(cd "$work/rec" && find . -type f -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-16)"
  printf 'lgc reconstruct: %.0f images/s (%d in %.2f s wall incl. JVM start, %.1f s user, %.1f s sys, peak RSS %d MB; output sha256 %s)\n' \
    "$(echo "$reconstruct_n * 10 / $wall" | bc -l)" $((reconstruct_n * 10)) "$wall" "$user" "$sys" $((rss / 1024)) "$digest"
}

{
  echo "# bench/speed/run.sh $label $repeats ${3:-}"
  echo "date: $(date -u +%FT%TZ); commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (dirty)'); jars: $jars"
  echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)')"
  echo "env: MALLOC_MMAP_THRESHOLD_=$MALLOC_MMAP_THRESHOLD_ MALLOC_TRIM_THRESHOLD_=$MALLOC_TRIM_THRESHOLD_ MALLOC_TOP_PAD_=$MALLOC_TOP_PAD_ OMP_WAIT_POLICY=$OMP_WAIT_POLICY GLIBC_TUNABLES=$GLIBC_TUNABLES MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-} MALLOC_MMAP_MAX_=${MALLOC_MMAP_MAX_:-}"
  echo "artifact decoded: $artifact ($(stat -c %s "$artifact") B)"
  for ((r = 1; r <= repeats; r++)); do
    echo "## round $r, load $(cut -d' ' -f1-3 /proc/loadavg)"
    for kind in ${KINDS-ae cnn convnet}; do
      if ((r % 2)); then
        torch_bench train "$kind" "$work/spec-$kind.json" "$(steps "$kind")"
        java_bench train "$kind" "$(steps "$kind")"
      else
        java_bench train "$kind" "$(steps "$kind")"
        torch_bench train "$kind" "$work/spec-$kind.json" "$(steps "$kind")"
      fi
    done
    if ((r % 2)); then
      torch_bench decode "$artifact" "$decode_n"
      java_bench decode "$artifact" "$decode_n"
    else
      java_bench decode "$artifact" "$decode_n"
      torch_bench decode "$artifact" "$decode_n"
    fi
    if ((reconstruct_n > 0)); then
      reconstruct
    fi
  done
} | tee "$out"
