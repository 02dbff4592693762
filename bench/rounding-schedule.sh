#!/usr/bin/env bash
# The int4 rounding steps' learning rate held constant or decayed by a cosine: files of the 78,400 B setting made
# from one trained network with rounding seeds R, their decoders' distance from the network's own
# (bench/diagnose/rounding_error.py) and their ConvNet-protocol accuracy. bench/results/rounding-schedule.md.
#   bench/rounding-schedule.sh OUT_DIR [ROUNDINGS] [CLASSIFIER_SEEDS] [INT8_LAYERS]
# ROUNDINGS: "1 2 3" unless given; CLASSIFIER_SEEDS: "1 2" unless given; INT8_LAYERS: none (all int4) unless given.
# The network is trained once into OUT_DIR/network-fp32.lgc (about 15 minutes on 2 cores) unless it is there.
set -euo pipefail
out=$1; roundings=${2:-1 2 3}; seeds=${3:-1 2}; layers=${4:-none}
mkdir -p "$out"
root="$(cd "$(dirname "$0")/.." && pwd)"
lgc="$root/lgc"
net="$out/network-fp32.lgc"
[ -f "$net" ] || "$lgc" compress fashion-mnist/train --latent-dim 32 --stem 16 --precision fp32 \
  --mixture-precision fp32 --components 5 --epochs 24 --feature-epochs 9 --seed 1 -q -o "$net"
"$lgc" --version > /dev/null # builds the jar if the sources changed
source "$root/tools/native-env.sh"
files=()
for schedule in constant cosine; do
  for r in $roundings; do
    name="$schedule-$layers-r$r"
    [ -f "$out/$name.lgc" ] || java -Dai.djl.offline=true -cp "$root/lgc-cli/target/lgc.jar:$root/lgc-cli/target/lib/*" \
      "$root/bench/diagnose/MixedPrecision.java" fashion-mnist/train "$net" "$layers" 1.4 sharpen \
      "$out/$name.lgc" "$r" 26 300 "$schedule" > "$out/$name.log" 2>&1
    files+=("$out/$name.lgc")
    [ -d "$out/recon-$name" ] || "$lgc" reconstruct "$out/$name.lgc" -o "$out/recon-$name" --per-class 3000 --seed 1 -q
    for s in $seeds; do
      [ -f "$out/$name-s$s.json" ] || "$lgc" evaluate -q --train "$out/recon-$name" --test fashion-mnist/test \
        --protocol convnet --seed "$s" --json "$out/$name-s$s.json" > /dev/null
    done
  done
done
/usr/bin/python3 "$root/bench/diagnose/rounding_error.py" "$net" "${files[@]}"
for f in "${files[@]}"; do
  name=$(basename "$f" .lgc)
  printf '%-24s %s\n' "$name" "$(for s in $seeds; do python3 -c "import json,sys; print('s%s %.2f' % (sys.argv[2], \
    100 * json.load(open(sys.argv[1]))['accuracy']))" "$out/$name-s$s.json" "$s"; done | tr '\n' ' ')"
done
