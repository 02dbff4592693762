#!/usr/bin/env bash
# A/B arms for issue 16, each judged with the dataset-distillation ConvNet protocol over 3 classifier seeds.
#
# Usage: bench/ab.sh ARTIFACT.lgc ARM...
#   An LGC arm reconstructs ARTIFACT at 3,000 images per class (seed 1) with the arm's reconstruct
#   options; a random-subset arm draws 10 real images per class (78,400 bytes, seed 1). Each training set
#   is then evaluated with `--protocol convnet --seed S` for S in 1 2 3 plus the arm's evaluate options
#   (seed 1 of every arm first, then seed 2, then seed 3).
#   Arms (name: reconstruct options | evaluate options):
#     spread-1.0:          --spread 1.0 |
#     spread-1.2:          --spread 1.2 |
#     augment:             --spread 1.0 | --augment
#     spread-1.2-augment:  --spread 1.2 | --augment
#     random-10:           (random subset, 10 per class) |
#     random-10-augment:   (random subset, 10 per class) | --augment
#     tune-2000:           --spread 1.0 | , reconstructing its own artifact (issue 16, lever 1):
#                          ./lgc compress fashion-mnist/train -o $AB_WORK/tune-steps-2000.lgc --seed 1 --tune-steps 2000
#     width-16:            --spread 1.0 | , its own artifact: compress --width 16 (the 78,400 B budget)
#     width-16-tune-2000:  --spread 1.0 | , its own artifact: compress --width 16 --tune-steps 2000
#     spread-1.2-ep30:     --spread 1.2 | --epochs 30 (the receiver trains 3x longer: 3,516 SGD steps)
#     spread-1.2-6000:     --spread 1.2, 6,000 images per class | (the protocol's 1,175 steps, twice the images)
#     width-16-ep30:       --spread 1.2 | --epochs 30, its own artifact: compress --width 16
#     pca-k32-K1:          --spread 1.0 | , its own artifact: compress --decoder pca --latent-dim 32 --components 1
#     latent-dim-32:       --spread 1.0 | , its own artifact: compress --latent-dim 32 (K = 5)
#     width-16-spread-1.2, latent-dim-32-spread-1.2: the same artifacts reconstructed at the default spread
#     width-16-long:       --spread 1.2 | , its own artifact: compress --width 16 --epochs 24 --feature-epochs 9
#                          (the autoencoder trained 3x longer, feature matching over the same share of it)
#     width-16-6000-ep15, latent-dim-32-6000-ep15: --spread 1.2, 6,000 images per class | --epochs 15: the
#                          receiver trains 3x longer (3,516 steps) on twice the images (the 78,400 and 392,000 B files)
#     stem-16:             --spread 1.2 | , its own artifact: compress --stem 16 (the decoder's linear layer fills
#                          16 channels, a convolution widens them to 64: 68 KB)
#     width-48-stem-16:    --spread 1.2 | , its own artifact: compress --width 48 --stem 16
#     latent-dim-32-stem-16: --spread 1.2 | , its own artifact: compress --latent-dim 32 --stem 16
#     stem-16-6000-ep15, latent-dim-32-stem-16-6000-ep15: the two stem files with the longer receiver
#                          (6,000 images per class, --epochs 15, as width-16-6000-ep15)
#     stem-16-spread-1.4:  --spread 1.4 | , the stem-16 file drawn wider still
#     stem-16-fw-0.4, stem-16-fw-1.6: --spread 1.2 | , their own artifacts: compress --stem 16 --feature-weight W
#                          (the feature-matching term 4x and 16x its default 0.1 against the pixel loss)
#     latent-dim-64-stem-16: --spread 1.2 | , its own artifact: compress --latent-dim 64 --stem 16 --mixture-precision fp16
#                          (the 392,000 B budget: a 64-d latent, its mixtures in fp16 so that the file fits)
#     latent-dim-64-stem-16-spread-1.0: --spread 1.0 | , the latent-64 file drawn at the covariances as fitted
#     latent-dim-64-stem-16-K3: the same with 3 components per class (the mixtures' bytes at 3/5)
#     stem-16-K10:         --spread 1.2 | , its own artifact: compress --stem 16 --components 10 (the same network,
#                          twice the components per class)
#     latent-dim-64-stem-16-tied-K10: the latent-64 network with ten components per class sharing one covariance
#                          (--covariance tied --components 10: a class's covariance paid for once, not five times)
#     latent-dim-96-stem-16-tied-K10, latent-dim-128-stem-16-tied-K10: the same at latents of 96 and 128, which
#                          full covariances could not afford within 392,000 B
#     latent-dim-64-stem-16-K7: the latent-64 network with seven components per class (373 KB)
#     latent-dim-72-stem-16: a latent of 72 behind the stem, K = 5, mixtures in fp16 (about 365 KB)
#     latent-dim-64-stem-16-K7-int8: the K7 file's mixtures stored at int8 (--mixture-precision int8: the same
#                          network and fit, a byte a value and a float scale a row)
#     latent-dim-64-stem-16-K11-int8, latent-dim-64-stem-16-K12-int8, latent-dim-80-stem-16-K7-int8: the bytes int8
#                          frees spent on components or latent (K11: the most whose predicted size, before deflate, fits 392,000 B)
#     stem-16-long, latent-dim-64-stem-16-K11-int8-long: the stem file and the 392,000 B file with the autoencoder
#                          trained 3x longer (--epochs 24 --feature-epochs 9: feature matching over the same share)
#     stem-16-cosine, latent-dim-64-stem-16-K11-int8-cosine: the same two files with the autoencoder's learning
#                          rate decayed to zero over its 8 epochs (--lr-schedule cosine)
#     latent-dim-64-stem-16-K11-int8-6000: the K11 file reconstructed at 6,000 images per class (the protocol's
#                          same 1,175 SGD steps over twice the distinct draws)
#     latent-dim-64-width-48-stem-16-K11-int8: the 392,000 B file with a decoder 1.5x as wide (about 36 KB more)
#     latent-dim-24-stem-16-int8-mixtures: a latent of 24 behind the stem, K = 5, int8 mixtures (the 78,400 B budget)
#     latent-dim-64-stem-16-K11-int8-rounding-300: the K11 file's int8 decoder trained 300 steps on its own grid
#                          (--rounding-steps 300, int4's default; off for int8 until measured)
#     latent-dim-64-stem-16-K11-int8-long-cosine: the long K11 file with its rate decayed (--lr-schedule cosine)
#     latent-dim-64-stem-16-K11-int8-long-6000: the long K11 file reconstructed at 6,000 images per class
#     latent-dim-64-stem-16-K11-int8-fe8: the K11 file's 8 epochs all with feature matching (--feature-epochs 8):
#                          is it the longer feature matching that the long arm's gain comes from?
#     latent-dim-24-stem-16-K4-int8-mixtures-long: a latent of 24 behind the stem, four int8 components per class,
#                          the autoencoder trained 24 epochs (about 77 KB: the 78,400 B budget)
#     latent-dim-64-stem-16-K11-int8-long-fe24: the long K11 file with all 24 epochs matching features
#     latent-dim-64-width-48-stem-16-K11-int8-long: the 392,000 B file with a decoder 1.5x as wide, trained 24 epochs
#     stem-16-48, latent-dim-64-stem-16-K11-int8-48: the two long files trained twice as long again
#                          (--epochs 48 --feature-epochs 18: feature matching over the same share)
#     latent-dim-64-stem-16-K11-int8-noise-0.1, -0.3: the K11 file's autoencoder trained on latents moved by noise of
#                          0.1 or 0.3 times each coordinate's batch spread (--latent-noise), 8 epochs
#     stem-16-texture-1, -10, -30: the stem file with a texture term beside feature matching
#                          (--texture-weight W: Gram matrices of the teacher's first-layer activations, 8 epochs)
#     stem-16-long-texture-10: the same trained 24 epochs (the 78,400 B budget's setting)
#     latent-dim-64-stem-16-K11-int8-long-texture-10: the 392,000 B budget's setting with the texture term
#   Arms made by bench/diagnose/RoundTrip.java (one network, trained once, in $AB_WORK/round-trip-l64-stem-16-e24:
#   RoundTrip.java fashion-mnist/train DIR 64 16 24 9 3000 full:11 diag:100 diag:200 full:16, the long K11 file's
#   network, whose full:11 file is that arm's byte for byte):
#     round-trip-K11-long: the first 3,000 training images of each class through its encoder and int8 decoder (what
#                          the decoder alone loses; no file of its own, so no bytes)
#     round-trip-K11-long-fp32: the same through the decoder before its weights are rounded to int8 (what int8 costs)
#     K11-long-diag-100, K11-long-diag-200, K11-long-K16: its mixtures fitted with 100 or 200 diagonal components or
#                          16 full ones per class instead of 11 full ones (int8), --spread 1.2
#   The same for two other networks (RoundTrip.java ... DIR 128 16 24 9 3000 full:2 full:3 diag:60, DIR =
#   $AB_WORK/round-trip-l128-stem-16-e24; and ... DIR 16 16 24 9 3000 full:5 full:8 full:10, DIR =
#   $AB_WORK/round-trip-l16-stem-16-e24, the 78,400 B budget's network):
#     round-trip-l128-long, l128-long-K2, l128-long-K3, l128-long-diag-60: latent 128 (does a wider latent keep the
#                          texture the 64-d one loses?) and files of it that fit 392,000 B
#     round-trip-l16-long, l16-long-K5, l16-long-K8, l16-long-K10: latent 16, int8 mixtures (stem-16-long's
#                          network; its file stores fp16 mixtures)
#     K11-long-pixel-noise-1.0: the long K11 file's reconstruction with Gaussian noise added to every pixel, of the
#                          spread per pixel of what its decoder leaves out (real images minus round-trip-K11-long):
#                          bench/diagnose/pixel_noise.py /usr/share/datasets/fashion-mnist
#                          $AB_WORK/round-trip-l64-stem-16-e24/round-trip $AB_WORK/recon-<the long K11 file's>
#                          $AB_WORK/pixel-noise-K11-long-1.0 1.0 pixel (a decoder with an output noise model)
#     l128-long-K10-R16, l128-long-K16-R8, l128-long-K6-R32: the latent-128 network (RoundTrip.java ... DIR 128 16 24 9
#                          3000 full:2, DIR = $AB_WORK/round-trip-l128-stem-16-e24b, which also writes its latents) with
#                          K full components a class stored at covariance rank R, int8:
#                          bench/diagnose/Refit.java fashion-mnist/train DIR DIR/full-2.lgc K R DIR/refit-KK-RR.lgc
#     l64-long-K20-R16, l64-long-K16-R24: the same for the 392,000 B file's network (... DIR 64 16 24 9 3000 full:11,
#                          DIR = $AB_WORK/round-trip-l64-stem-16-e24b; its full:11 file is that A/B's file byte for byte)
#     latent-dim-32-stem-16-K5-int4-long: --spread 1.2 | , its own artifact: a latent of 32 with an int4 decoder
#                          (its 300 rounding steps) and five int8 components a class, 24 epochs: does int4 buy the
#                          78,400 B budget a wider latent?
#     l32-int4-K6, l32-int4-K7: that int4 file's decoder with six or seven full components a class refitted to its
#                          network's latents (RoundTrip.java ... DIR 32 16 24 9 3000 full:5, DIR =
#                          $AB_WORK/round-trip-l32-stem-16-e24, the same network: its training losses are the int4
#                          file's), int8 mixtures with fp16 scales: bench/diagnose/Refit.java fashion-mnist/train DIR
#                          INT4_FILE K 0 DIR/int4-KK.lgc (K = 5 gives 68,379 B: the int4 file in today's format)
#     l32-int4-K5-spread-1.0, -1.4, -1.6: that K = 5 file drawn at another spread
#     l32-int8-K2, l32-int8-K2-spread-1.4: the latent-32 network's int8 decoder (DIR/full-5.lgc, before any rounding
#                          steps) with two full components a class: Refit.java ... DIR DIR/full-5.lgc 2 0 DIR/int8-K2.lgc
#                          (75,434 B: int8 at latent 32 fits 78,400 B with two components)
#     l16-long-K10-spread-1.4, l64-long-K11-spread-1.4: the two budgets' files (78,400 and 392,000 B) drawn at
#                          spread 1.4, as the latent-32 int4 file drew best
#     l64-long-K13, l64-long-K14: the 392,000 B file's network (DIR = $AB_WORK/round-trip-l64-stem-16-e24b) with 13
#                          or 14 full components a class, written with fp16 scales and section about (362,363 and
#                          384,363 B): bench/diagnose/Refit.java fashion-mnist/train DIR DIR/full-11.lgc K 0
#                          DIR/refit-KK-R0.lgc
#     l64-int4-K4-R8, l64-int4-K3-R8, l64-int4-K4-R6, l64-int4-K5-R4, l64-int4-K3-R12: a latent of 64 at 78,400 B:
#                          ./lgc compress fashion-mnist/train --seed 1 --latent-dim 64 --stem 16 --precision int4
#                          --mixture-precision int8 --components 4 --covariance-rank 8 --epochs 24 --feature-epochs 9
#                          (the 392,000 B file's network, its decoder at int4 after 300 rounding steps), its mixtures
#                          refitted to that network's latents at K components stored at rank R: Refit.java
#                          fashion-mnist/train $AB_WORK/round-trip-l64-stem-16-e24b THAT_FILE K R
#                          $AB_WORK/l64-int4/int4-KK-RR.lgc
#     l64-int4-K4-R8-spread-1.4: that K4 R8 file drawn at spread 1.4
#     l64-int8-K4-R8:      the same mixtures behind that network's int8 decoder (no rounding steps; Refit.java
#                          ... $AB_WORK/round-trip-l64-stem-16-e24b DIR/full-11.lgc 4 8 DIR/refit-K4-R8.lgc, 115,366 B):
#                          what int4 costs it, and so what the mixtures do
#     budget-78400:        | , the file `./lgc compress fashion-mnist/train --budget 78400 -o FILE` writes (int4 scales in
#                          fp32: the measured decoder, 68,677 B; $AB_WORK/budget-2026-12-06/budget-78400-fp32-int4-scales.lgc),
#                          drawn at the spread it records (1.4)
#     budget-78400-fp16-int4-scales: | , the file `./lgc compress fashion-mnist/train --budget 78400 -o FILE` wrote while int4
#                          scales were fp16 (the latent-32 int4 setting, its rounding steps trained for that grid,
#                          66,778 B; $AB_WORK/budget-2026-12-06/budget-78400.lgc), drawn at the spread it records (1.4)
#     l32-int8-K5:         the latent-32 network's int8 decoder with its five components (DIR/full-5.lgc, 100,295 B):
#                          what int4 costs the 78,400 B file
#     real-3000:           3,000 real training images a class, as many as the reconstructions (the ceiling of a
#                          perfect file at this protocol): ./lgc baseline random-subset fashion-mnist/train
#                          --bytes 23520000 -o $AB_WORK/real-3000 --seed 1, made once
#     random-like-ARM:     a random real subset of as many uint8 bytes as ARM's file (DD-Ranking's
#                          "improvement over random": ARM's accuracy minus this, in the summary)
# One JSON per (arm, seed) in bench/results/ab/ (skipped when present, so a rerun resumes); the summary
# (mean +/- sample standard deviation per arm, paired differences, the commands) goes to
# bench/results/ab.md, also on its own with `bench/ab.sh --summary` (of the runs finished so far).
# SEEDS="1" runs only those classifier seeds. Training sets are kept in $AB_WORK (default /work/exp/ab-work) between seeds and reruns.
# The issue-16 runs used the defaults' artifact: ./lgc compress fashion-mnist/train -o default.lgc --seed 1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[[ $# -ge 1 ]] || { echo "usage: bench/ab.sh ARTIFACT.lgc ARM... | bench/ab.sh --summary" >&2; exit 2; }
work="${AB_WORK:-/work/exp/ab-work}"
results=bench/results/ab
mkdir -p "$results" "$work"

arm_options() { # arm_options ARM: sets kind, recon_opts, eval_opts, per_class (and like, for random-like-*)
  per_class=3000 like="" like_file=""
  case "$1" in
    spread-1.0) kind=lgc recon_opts="--spread 1.0" eval_opts="" ;;
    spread-1.2) kind=lgc recon_opts="--spread 1.2" eval_opts="" ;;
    augment) kind=lgc recon_opts="--spread 1.0" eval_opts="--augment" ;;
    spread-1.2-augment) kind=lgc recon_opts="--spread 1.2" eval_opts="--augment" ;;
    random-10) kind=subset recon_opts="" eval_opts="" ;;
    random-10-augment) kind=subset recon_opts="" eval_opts="--augment" ;;
    tune-2000) kind=own compress_opts="--tune-steps 2000" recon_opts="--spread 1.0" eval_opts="" ;;
    width-16) kind=own compress_opts="--width 16" recon_opts="--spread 1.0" eval_opts="" ;;
    width-16-tune-2000) kind=own compress_opts="--width 16 --tune-steps 2000" recon_opts="--spread 1.0" eval_opts="" ;;
    spread-1.2-ep30) kind=lgc recon_opts="--spread 1.2" eval_opts="--epochs 30" ;;
    spread-1.2-6000) kind=lgc recon_opts="--spread 1.2" eval_opts="" per_class=6000 ;;
    width-16-ep30) kind=own compress_opts="--width 16" recon_opts="--spread 1.2" eval_opts="--epochs 30" ;;
    pca-k32-K1) kind=own compress_opts="--decoder pca --latent-dim 32 --components 1" recon_opts="--spread 1.0" eval_opts="" ;;
    latent-dim-32) kind=own compress_opts="--latent-dim 32" recon_opts="--spread 1.0" eval_opts="" ;;
    width-16-spread-1.2) kind=own compress_opts="--width 16" recon_opts="--spread 1.2" eval_opts="" ;;
    width-16-long) kind=own compress_opts="--width 16 --epochs 24 --feature-epochs 9" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-32-spread-1.2) kind=own compress_opts="--latent-dim 32" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16) kind=own compress_opts="--stem 16" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-32-stem-16) kind=own compress_opts="--latent-dim 32 --stem 16" recon_opts="--spread 1.2" eval_opts="" ;;
    width-48-stem-16) kind=own compress_opts="--width 48 --stem 16" recon_opts="--spread 1.2" eval_opts="" ;;
    width-16-6000-ep15) kind=own compress_opts="--width 16" recon_opts="--spread 1.2" eval_opts="--epochs 15" per_class=6000 ;;
    latent-dim-32-6000-ep15) kind=own compress_opts="--latent-dim 32" recon_opts="--spread 1.2" eval_opts="--epochs 15" per_class=6000 ;;
    stem-16-6000-ep15) kind=own compress_opts="--stem 16" recon_opts="--spread 1.2" eval_opts="--epochs 15" per_class=6000 ;;
    latent-dim-32-stem-16-6000-ep15) kind=own compress_opts="--latent-dim 32 --stem 16" recon_opts="--spread 1.2" eval_opts="--epochs 15" per_class=6000 ;;
    stem-16-spread-1.4) kind=own compress_opts="--stem 16" recon_opts="--spread 1.4" eval_opts="" ;;
    stem-16-fw-0.4) kind=own compress_opts="--stem 16 --feature-weight 0.4" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision fp16" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-spread-1.0) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision fp16" recon_opts="--spread 1.0" eval_opts="" ;;
    latent-dim-64-stem-16-K3) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision fp16 --components 3" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-K10) kind=own compress_opts="--stem 16 --components 10" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-tied-K10) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision fp16 --covariance tied --components 10" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-128-stem-16-tied-K10) kind=own compress_opts="--latent-dim 128 --stem 16 --mixture-precision fp16 --covariance tied --components 10" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-96-stem-16-tied-K10) kind=own compress_opts="--latent-dim 96 --stem 16 --mixture-precision fp16 --covariance tied --components 10" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K7) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision fp16 --components 7" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-72-stem-16) kind=own compress_opts="--latent-dim 72 --stem 16 --mixture-precision fp16" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K7-int8) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 7" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K12-int8) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 12" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-80-stem-16-K7-int8) kind=own compress_opts="--latent-dim 80 --stem 16 --mixture-precision int8 --components 7" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-long) kind=own compress_opts="--stem 16 --epochs 24 --feature-epochs 9" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-long) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --epochs 24 --feature-epochs 9" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-cosine) kind=own compress_opts="--stem 16 --lr-schedule cosine" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-cosine) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --lr-schedule cosine" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-6000) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11" recon_opts="--spread 1.2" eval_opts="" per_class=6000 ;;
    latent-dim-64-width-48-stem-16-K11-int8) kind=own compress_opts="--latent-dim 64 --width 48 --stem 16 --mixture-precision int8 --components 11" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-24-stem-16-int8-mixtures) kind=own compress_opts="--latent-dim 24 --stem 16 --mixture-precision int8" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-rounding-300) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --rounding-steps 300" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-long-cosine) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --epochs 24 --feature-epochs 9 --lr-schedule cosine" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-long-6000) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --epochs 24 --feature-epochs 9" recon_opts="--spread 1.2" eval_opts="" per_class=6000 ;;
    latent-dim-64-stem-16-K11-int8-fe8) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --feature-epochs 8" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-24-stem-16-K4-int8-mixtures-long) kind=own compress_opts="--latent-dim 24 --stem 16 --mixture-precision int8 --components 4 --epochs 24 --feature-epochs 9" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-long-fe24) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --epochs 24 --feature-epochs 24" recon_opts="--spread 1.2" eval_opts="" ;;
    real-3000) kind=dir train_dir="$work/real-3000" recon_opts="" eval_opts="" ;;
    round-trip-K11-long) kind=dir train_dir="$work/round-trip-l64-stem-16-e24/round-trip" recon_opts="" eval_opts="" ;;
    round-trip-K11-long-fp32) kind=dir train_dir="$work/round-trip-l64-stem-16-e24/round-trip-fp32" recon_opts="" eval_opts="" ;;
    K11-long-diag-100) kind=file arm_file="$work/round-trip-l64-stem-16-e24/diag-100.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    K11-long-diag-200) kind=file arm_file="$work/round-trip-l64-stem-16-e24/diag-200.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    K11-long-K16) kind=file arm_file="$work/round-trip-l64-stem-16-e24/full-16.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    K11-long-pixel-noise-1.0) kind=dir train_dir="$work/pixel-noise-K11-long-1.0" recon_opts="" eval_opts="" ;;
    round-trip-l128-long) kind=dir train_dir="$work/round-trip-l128-stem-16-e24/round-trip" recon_opts="" eval_opts="" ;;
    l128-long-K2) kind=file arm_file="$work/round-trip-l128-stem-16-e24/full-2.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l128-long-K3) kind=file arm_file="$work/round-trip-l128-stem-16-e24/full-3.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l128-long-diag-60) kind=file arm_file="$work/round-trip-l128-stem-16-e24/diag-60.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    round-trip-l16-long) kind=dir train_dir="$work/round-trip-l16-stem-16-e24/round-trip" recon_opts="" eval_opts="" ;;
    l16-long-K5) kind=file arm_file="$work/round-trip-l16-stem-16-e24/full-5.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l16-long-K8) kind=file arm_file="$work/round-trip-l16-stem-16-e24/full-8.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l16-long-K10) kind=file arm_file="$work/round-trip-l16-stem-16-e24/full-10.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-noise-0.1) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --latent-noise 0.1" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-noise-0.3) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --latent-noise 0.3" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-width-48-stem-16-K11-int8-long) kind=own compress_opts="--latent-dim 64 --width 48 --stem 16 --mixture-precision int8 --components 11 --epochs 24 --feature-epochs 9" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-48) kind=own compress_opts="--stem 16 --epochs 48 --feature-epochs 18" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-48) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --epochs 48 --feature-epochs 18" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-texture-10) kind=own compress_opts="--stem 16 --texture-weight 10" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-texture-1) kind=own compress_opts="--stem 16 --texture-weight 1" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-texture-30) kind=own compress_opts="--stem 16 --texture-weight 30" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-long-texture-10) kind=own compress_opts="--stem 16 --epochs 24 --feature-epochs 9 --texture-weight 10" recon_opts="--spread 1.2" eval_opts="" ;;
    latent-dim-64-stem-16-K11-int8-long-texture-10) kind=own compress_opts="--latent-dim 64 --stem 16 --mixture-precision int8 --components 11 --epochs 24 --feature-epochs 9 --texture-weight 10" recon_opts="--spread 1.2" eval_opts="" ;;
    l128-long-K10-R16) kind=file arm_file="$work/round-trip-l128-stem-16-e24b/refit-K10-R16.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l128-long-K16-R8) kind=file arm_file="$work/round-trip-l128-stem-16-e24b/refit-K16-R8.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l128-long-K6-R32) kind=file arm_file="$work/round-trip-l128-stem-16-e24b/refit-K6-R32.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l64-long-K20-R16) kind=file arm_file="$work/round-trip-l64-stem-16-e24b/refit-K20-R16.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l64-long-K16-R24) kind=file arm_file="$work/round-trip-l64-stem-16-e24b/refit-K16-R24.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l32-int4-K6) kind=file arm_file="$work/round-trip-l32-stem-16-e24/int4-K6.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l32-int4-K7) kind=file arm_file="$work/round-trip-l32-stem-16-e24/int4-K7.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l16-long-K10-spread-1.4) kind=file arm_file="$work/round-trip-l16-stem-16-e24/full-10.lgc" recon_opts="--spread 1.4" eval_opts="" ;;
    l64-long-K11-spread-1.4) kind=file arm_file="$work/round-trip-l64-stem-16-e24b/full-11.lgc" recon_opts="--spread 1.4" eval_opts="" ;;
    l32-int8-K2) kind=file arm_file="$work/round-trip-l32-stem-16-e24/int8-K2.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l32-int8-K2-spread-1.4) kind=file arm_file="$work/round-trip-l32-stem-16-e24/int8-K2.lgc" recon_opts="--spread 1.4" eval_opts="" ;;
    l64-int4-K4-R8|l64-int4-K3-R8|l64-int4-K4-R6|l64-int4-K5-R4|l64-int4-K3-R12)
        kind=file arm_file="$work/l64-int4/int4-${1#l64-int4-}.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l64-int4-K4-R8-spread-1.4) kind=file arm_file="$work/l64-int4/int4-K4-R8.lgc" recon_opts="--spread 1.4" eval_opts="" ;;
    l64-int8-K4-R8) kind=file arm_file="$work/round-trip-l64-stem-16-e24b/refit-K4-R8.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    budget-78400) kind=file arm_file="$work/budget-2026-12-06/budget-78400-fp32-int4-scales.lgc" recon_opts="" eval_opts="" ;;
    budget-78400-fp16-int4-scales) kind=file arm_file="$work/budget-2026-12-06/budget-78400.lgc" recon_opts="" eval_opts="" ;;
    l32-int8-K5) kind=file arm_file="$work/round-trip-l32-stem-16-e24/full-5.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l64-long-K13) kind=file arm_file="$work/round-trip-l64-stem-16-e24b/refit-K13-R0.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l64-long-K14) kind=file arm_file="$work/round-trip-l64-stem-16-e24b/refit-K14-R0.lgc" recon_opts="--spread 1.2" eval_opts="" ;;
    l32-int4-K5-spread-1.0) kind=file arm_file="$work/round-trip-l32-stem-16-e24/int4-K5.lgc" recon_opts="--spread 1.0" eval_opts="" ;;
    l32-int4-K5-spread-1.4) kind=file arm_file="$work/round-trip-l32-stem-16-e24/int4-K5.lgc" recon_opts="--spread 1.4" eval_opts="" ;;
    l32-int4-K5-spread-1.6) kind=file arm_file="$work/round-trip-l32-stem-16-e24/int4-K5.lgc" recon_opts="--spread 1.6" eval_opts="" ;;
    latent-dim-32-stem-16-K5-int4-long) kind=own compress_opts="--latent-dim 32 --stem 16 --precision int4 --mixture-precision int8 --components 5 --epochs 24 --feature-epochs 9" recon_opts="--spread 1.2" eval_opts="" ;;
    b78-kl-0.01) kind=own compress_opts="--latent-dim 32 --stem 16 --precision int4 --mixture-precision int8 --components 5 --epochs 24 --feature-epochs 9 --spread 1.4 --sharpen --kl-weight 0.01" recon_opts="" eval_opts="" ;;
    b78-kl-0.1) kind=own compress_opts="--latent-dim 32 --stem 16 --precision int4 --mixture-precision int8 --components 5 --epochs 24 --feature-epochs 9 --spread 1.4 --sharpen --kl-weight 0.1" recon_opts="" eval_opts="" ;;
    b78-l40-K4) kind=own compress_opts="--latent-dim 40 --stem 16 --precision int4 --mixture-precision int8 --components 4 --epochs 24 --feature-epochs 9 --spread 1.4 --sharpen" recon_opts="" eval_opts="" ;;
    b78-l44-K3) kind=own compress_opts="--latent-dim 44 --stem 16 --precision int4 --mixture-precision int8 --components 3 --epochs 24 --feature-epochs 9 --spread 1.4 --sharpen" recon_opts="" eval_opts="" ;;
    b392-kl-0.01) kind=own compress_opts="--latent-dim 64 --stem 16 --components 11 --mixture-precision int8 --epochs 24 --feature-epochs 9 --kl-weight 0.01" recon_opts="--spread 1.2" eval_opts="" ;;
    stem-16-fw-1.6) kind=own compress_opts="--stem 16 --feature-weight 1.6" recon_opts="--spread 1.2" eval_opts="" ;;
    random-like-*)
      local target="${1#random-like-}"
      [[ $target != random-* ]] || { echo "bench/ab.sh: $1 compares a random subset with itself" >&2; exit 2; }
      arm_options "$target" # the arm whose file sets the bytes
      like="$target" like_kind_own=0 like_compress_opts="" like_file=""
      [[ $kind == own ]] && like_kind_own=1 like_compress_opts="$compress_opts"
      [[ $kind == file ]] && like_file="$arm_file"
      [[ $kind != dir ]] || { echo "bench/ab.sh: $1: $target has no file, so no bytes" >&2; exit 2; }
      kind=subset recon_opts="" eval_opts="" per_class=3000 ;;
    *) echo "bench/ab.sh: unknown arm '$1'" >&2; exit 2 ;;
  esac
}

own_artifact_name() { # the file of an arm that compresses its own: named after its compress options
  local name="${compress_opts//--/}"
  echo "${name// /-}"
}

subset_bytes() { # sets bytes: 78,400 for random-10*, else the size of the file of the arm it is like
  bytes=78400
  [[ -n "${like:-}" ]] || return 0
  if [[ $like_kind_own == 1 ]]; then
    compress_opts="$like_compress_opts"
    local file="$work/$(own_artifact_name).lgc"
    [[ -f "$file" ]] || ./lgc compress fashion-mnist/train -o "$file" --seed 1 $compress_opts -q
    bytes=$(stat -c %s "$file")
  else
    bytes=$(stat -c %s "${like_file:-$artifact}")
  fi
}

training_set() { # training_set ARM: builds (once) the arm's training set, prints its dir and the command
  local dir command
  arm_artifact="$artifact"
  if [[ $kind == own ]]; then
    # an arm whose compression differs: its own artifact, built once
    arm_artifact="$work/$(own_artifact_name).lgc"
    [[ -f "$arm_artifact" ]] || ./lgc compress fashion-mnist/train -o "$arm_artifact" --seed 1 $compress_opts -q
    dir="$work/recon-$(own_artifact_name)-$per_class${recon_opts// /}"
    command="./lgc compress fashion-mnist/train -o $(basename "$arm_artifact") --seed 1 $compress_opts; ./lgc reconstruct $(basename "$arm_artifact") -o $dir --per-class $per_class --seed 1 $recon_opts"
    [[ -f "$dir.done" ]] || { rm -rf "$dir"; ./lgc reconstruct "$arm_artifact" -o "$dir" --per-class $per_class --seed 1 $recon_opts -q > /dev/null; touch "$dir.done"; }
    train_dir="$dir" train_command="$command"
    return
  fi
  if [[ $kind == dir ]]; then # a training set made elsewhere (see the arm's comment)
    arm_artifact="$train_dir" train_command="see the arm's comment in bench/ab.sh"
    if [[ $1 == real-3000 && ! -f "$train_dir.done" ]]; then
      rm -rf "$train_dir"
      ./lgc baseline random-subset fashion-mnist/train --bytes 23520000 -o "$train_dir" --seed 1 -q > /dev/null
      touch "$train_dir.done"
    fi
    return
  fi
  if [[ $kind == file ]]; then # a file made elsewhere (bench/diagnose), reconstructed here
    arm_artifact="$arm_file"
    dir="$work/recon-$(basename "$(dirname "$arm_file")")-$(basename "$arm_file" .lgc)-$per_class${recon_opts// /}"
    command="./lgc reconstruct $(basename "$arm_file") -o $dir --per-class $per_class --seed 1 $recon_opts"
    [[ -f "$dir.done" ]] || { rm -rf "$dir"; ./lgc reconstruct "$arm_file" -o "$dir" --per-class $per_class --seed 1 $recon_opts -q > /dev/null; touch "$dir.done"; }
    train_dir="$dir" train_command="$command"
    return
  fi
  if [[ $kind == lgc ]]; then
    dir="$work/recon-${recon_opts// /}"
    [[ $per_class == 3000 ]] || dir="$dir-$per_class"
    command="./lgc reconstruct $artifact -o $dir --per-class $per_class --seed 1 $recon_opts"
  else
    subset_bytes
    dir="$work/random-subset-$bytes"
    [[ $bytes == 78400 ]] && dir="$work/random-subset-10"
    command="./lgc baseline random-subset fashion-mnist/train --bytes $bytes -o $dir --seed 1"
  fi
  if [[ ! -f "$dir.done" ]]; then
    rm -rf "$dir"
    $command -q > /dev/null
    touch "$dir.done"
  fi
  train_dir="$dir" train_command="$command"
}

summary() { # the table of every JSON so far, to bench/results/ab.md
python3 - "$results" <<'PY' > bench/results/ab.md.tmp
import glob, json, os, statistics, sys
def mean_std(values, unit, form="%.2f"):
    if len(values) == 1:
        return (form % values[0]) + unit + " (1 seed)"
    return (form % statistics.mean(values)) + " ± %.2f" % statistics.stdev(values) + unit

arms = {}
for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    r = json.load(open(p))
    arms.setdefault(r["arm"], []).append(r)
print("# A/B arms, ConvNet protocol (bench/ab.sh)\n")
print("Mean ± sample standard deviation over the classifier seeds finished so far. LGC arms reconstruct the")
print("defaults' artifact of main 803bcb1: `./lgc compress fashion-mnist/train -o default.lgc --seed 1`.\n")
print("| arm | training data | bytes | train images | epochs | seeds | accuracy per seed | mean ± std |")
print("|---|---|---:|---:|---:|---|---|---:|")
for arm, runs in sorted(arms.items(), key=lambda kv: (kv[1][0]["bytes"], kv[0])):
    runs.sort(key=lambda r: r["seed"])
    accs = [100 * r["accuracy"] for r in runs]
    first = runs[0]
    print("| %s | %s | %s | %s | %d | %s | %s | %s |" % (
        arm, first["artifact"], format(first["bytes"], ","), format(first["train_size"], ","),
        first["epochs"], ",".join(str(r["seed"]) for r in runs),
        ", ".join("%.2f" % a for a in accs), mean_std(accs, " %")))
# Each arm against the arm it changes one thing of, seed by seed (same classifier initialisation and order).
references = {"spread-1.2": "spread-1.0", "augment": "spread-1.0", "spread-1.2-augment": "spread-1.2",
              "tune-2000": "spread-1.0", "width-16-tune-2000": "width-16",
              "random-10-augment": "random-10", "spread-1.2-ep30": "spread-1.2",
              "spread-1.2-6000": "spread-1.2", "width-16-ep30": "spread-1.2-ep30",
              "width-16-spread-1.2": "width-16", "latent-dim-32-spread-1.2": "latent-dim-32",
              "width-16-long": "width-16-spread-1.2", "width-16-6000-ep15": "width-16-spread-1.2",
              "latent-dim-32-6000-ep15": "latent-dim-32-spread-1.2", "stem-16-6000-ep15": "stem-16",
              "latent-dim-32-stem-16-6000-ep15": "latent-dim-32-stem-16", "stem-16-spread-1.4": "stem-16",
              "stem-16-fw-0.4": "stem-16", "stem-16-fw-1.6": "stem-16",
              "latent-dim-64-stem-16": "latent-dim-32-stem-16", "stem-16-K10": "stem-16",
              "latent-dim-64-stem-16-K3": "latent-dim-64-stem-16",
              "latent-dim-64-stem-16-spread-1.0": "latent-dim-64-stem-16",
              "latent-dim-64-stem-16-tied-K10": "latent-dim-64-stem-16",
              "latent-dim-64-stem-16-K7": "latent-dim-64-stem-16",
              "latent-dim-72-stem-16": "latent-dim-64-stem-16",
              "latent-dim-64-stem-16-K7-int8": "latent-dim-64-stem-16-K7",
              "latent-dim-64-stem-16-K12-int8": "latent-dim-64-stem-16-K7",
              "latent-dim-64-stem-16-K11-int8": "latent-dim-64-stem-16-K7",
              "latent-dim-80-stem-16-K7-int8": "latent-dim-64-stem-16-K7",
              "latent-dim-96-stem-16-tied-K10": "latent-dim-64-stem-16-tied-K10",
              "latent-dim-128-stem-16-tied-K10": "latent-dim-64-stem-16-tied-K10",
              "latent-dim-64-stem-16-K11-int8-long": "latent-dim-64-stem-16-K11-int8",
              "latent-dim-64-stem-16-K11-int8-cosine": "latent-dim-64-stem-16-K11-int8",
              "latent-dim-64-stem-16-K11-int8-fe8": "latent-dim-64-stem-16-K11-int8",
              "latent-dim-64-stem-16-K11-int8-rounding-300": "latent-dim-64-stem-16-K11-int8",
              "latent-dim-64-stem-16-K11-int8-6000": "latent-dim-64-stem-16-K11-int8",
              "latent-dim-64-width-48-stem-16-K11-int8": "latent-dim-64-stem-16-K11-int8",
              "latent-dim-64-stem-16-K11-int8-long-cosine": "latent-dim-64-stem-16-K11-int8-long",
              "latent-dim-64-stem-16-K11-int8-long-6000": "latent-dim-64-stem-16-K11-int8-long",
              "latent-dim-64-stem-16-K11-int8-long-fe24": "latent-dim-64-stem-16-K11-int8-long",
              "latent-dim-64-stem-16-K11-int8-48": "latent-dim-64-stem-16-K11-int8-long",
              "stem-16-48": "stem-16-long",
              "stem-16-texture-1": "stem-16", "stem-16-texture-10": "stem-16", "stem-16-texture-30": "stem-16",
              "stem-16-long-texture-10": "stem-16-long",
              "latent-dim-64-stem-16-K11-int8-long-texture-10": "latent-dim-64-stem-16-K11-int8-long",
              "latent-dim-64-width-48-stem-16-K11-int8-long": "latent-dim-64-stem-16-K11-int8-long",
              "latent-dim-64-stem-16-K11-int8-noise-0.1": "latent-dim-64-stem-16-K11-int8",
              "latent-dim-64-stem-16-K11-int8-noise-0.3": "latent-dim-64-stem-16-K11-int8",
              "K11-long-diag-100": "latent-dim-64-stem-16-K11-int8-long",
              "K11-long-diag-200": "latent-dim-64-stem-16-K11-int8-long",
              "K11-long-K16": "latent-dim-64-stem-16-K11-int8-long",
              "round-trip-K11-long": "latent-dim-64-stem-16-K11-int8-long",
              "round-trip-K11-long-fp32": "round-trip-K11-long",
              "K11-long-pixel-noise-1.0": "latent-dim-64-stem-16-K11-int8-long",
              "round-trip-l128-long": "round-trip-K11-long",
              "l128-long-K2": "latent-dim-64-stem-16-K11-int8-long",
              "l128-long-K3": "latent-dim-64-stem-16-K11-int8-long",
              "l128-long-diag-60": "latent-dim-64-stem-16-K11-int8-long",
              "round-trip-l16-long": "stem-16-long",
              "l16-long-K5": "stem-16-long", "l16-long-K8": "stem-16-long", "l16-long-K10": "stem-16-long",
              "stem-16-long": "stem-16", "stem-16-cosine": "stem-16",
              "latent-dim-24-stem-16-int8-mixtures": "stem-16",
              "latent-dim-24-stem-16-K4-int8-mixtures-long": "stem-16-long",
              "latent-dim-32-stem-16-K5-int4-long": "l16-long-K10",
              "l128-long-K10-R16": "latent-dim-64-stem-16-K11-int8-long",
              "l128-long-K16-R8": "latent-dim-64-stem-16-K11-int8-long",
              "l128-long-K6-R32": "latent-dim-64-stem-16-K11-int8-long",
              "l64-long-K20-R16": "latent-dim-64-stem-16-K11-int8-long",
              "l64-long-K16-R24": "latent-dim-64-stem-16-K11-int8-long",
              "l32-int4-K6": "latent-dim-32-stem-16-K5-int4-long",
              "l32-int4-K7": "latent-dim-32-stem-16-K5-int4-long",
              "l32-int4-K5-spread-1.0": "latent-dim-32-stem-16-K5-int4-long",
              "l32-int4-K5-spread-1.4": "latent-dim-32-stem-16-K5-int4-long",
              "l32-int4-K5-spread-1.6": "latent-dim-32-stem-16-K5-int4-long",
              "l64-long-K13": "latent-dim-64-stem-16-K11-int8-long",
              "l64-long-K14": "latent-dim-64-stem-16-K11-int8-long",
              "l16-long-K10-spread-1.4": "l16-long-K10",
              "l32-int8-K2": "latent-dim-32-stem-16-K5-int4-long",
              "l32-int8-K2-spread-1.4": "latent-dim-32-stem-16-K5-int4-long",
              "l64-long-K11-spread-1.4": "latent-dim-64-stem-16-K11-int8-long",
              "l64-int4-K4-R8": "latent-dim-32-stem-16-K5-int4-long",
              "l64-int4-K3-R8": "latent-dim-32-stem-16-K5-int4-long",
              "l64-int4-K4-R6": "latent-dim-32-stem-16-K5-int4-long",
              "l64-int4-K5-R4": "latent-dim-32-stem-16-K5-int4-long",
              "l64-int4-K3-R12": "latent-dim-32-stem-16-K5-int4-long",
              "l32-int8-K5": "latent-dim-32-stem-16-K5-int4-long",
              "l64-int4-K4-R8-spread-1.4": "l64-int4-K4-R8",
              "l64-int8-K4-R8": "l64-int4-K4-R8",
              "budget-78400-fp16-int4-scales": "l32-int4-K5-spread-1.4",
              "budget-78400": "l32-int4-K5-spread-1.4",
              "b78-kl-0.01": "budget-78400",
              "b78-kl-0.1": "budget-78400",
              "b78-l40-K4": "budget-78400",
              "b78-l44-K3": "budget-78400",
              "b392-kl-0.01": "latent-dim-64-stem-16-K11-int8-long"}
print("\n| arm | against | seeds | difference per seed | mean difference ± std |")
print("|---|---|---|---|---:|")
for arm, ref in references.items():
    if arm not in arms or ref not in arms:
        continue
    theirs = {r["seed"]: 100 * r["accuracy"] for r in arms[ref]}
    pairs = [(r["seed"], 100 * r["accuracy"] - theirs[r["seed"]]) for r in arms[arm] if r["seed"] in theirs]
    if not pairs:
        continue
    diffs = [d for _, d in pairs]
    print("| %s | %s | %s | %s | %s |" % (arm, ref, ",".join(str(s) for s, _ in pairs),
                                       ", ".join("%+.2f" % d for d in diffs), mean_std(diffs, "", "%+.2f")))
# DD-Ranking's improvement over random: an arm against a random real subset of its own bytes.
print("\n| arm | bytes | random real subset of equal bytes | seeds | improvement over random per seed | mean ± std |")
print("|---|---:|---|---|---|---:|")
for name, runs in sorted(arms.items()):
    if not name.startswith("random-like-"):
        continue
    theirs = {r["seed"]: 100 * r["accuracy"] for r in runs}
    # every LGC arm whose file has these bytes (the arm it was sized for, and the others on the same file)
    for arm in sorted(a for a in arms if not a.startswith("random-") and arms[a][0]["bytes"] == runs[0]["bytes"]):
        pairs = [(r["seed"], 100 * r["accuracy"] - theirs[r["seed"]]) for r in arms[arm] if r["seed"] in theirs]
        if pairs:
            diffs = [d for _, d in pairs]
            print("| %s | %s | %s | %s | %s | %s |" % (arm, format(arms[arm][0]["bytes"], ","), runs[0]["artifact"],
                  ",".join(str(s) for s, _ in pairs), ", ".join("%+.2f" % d for d in diffs),
                  mean_std(diffs, "", "%+.2f")))
print("\n## Commands\n")
for arm, runs in sorted(arms.items()):
    print("- %s: `%s`; then `%s` (seed S = %s)" % (
        arm, runs[0]["train_command"], runs[0]["evaluate_command"].replace(
            "--seed %d" % runs[0]["seed"], "--seed S"), ", ".join(str(r["seed"]) for r in runs)))
PY
mv bench/results/ab.md.tmp bench/results/ab.md
cat bench/results/ab.md
}

if [[ $1 == --summary ]]; then
  summary
  exit 0
fi
artifact="$(realpath "$1")"
shift
./lgc --version >/dev/null # builds when needed
for arm in "$@"; do arm_options "$arm"; done # unknown arms fail before anything runs
# Seed-major order, so that an interrupted run has compared every arm at the same seeds.
for seed in ${SEEDS:-1 2 3}; do
  for arm in "$@"; do
    arm_options "$arm"
    json="$results/$arm-seed$seed.json"
    [[ -f "$json" ]] && { echo "$json exists, skipped"; continue; }
    training_set "$arm"
    eval_command="./lgc evaluate --train $train_dir --test fashion-mnist/test --protocol convnet --seed $seed $eval_opts"
    $eval_command -q --json "$json.tmp" > /dev/null
    python3 - "$json.tmp" "$arm" "$arm_artifact" "$kind" "$train_command" "$eval_command" "${bytes:-0}" <<'PY'
import json, os, sys
path, arm, artifact, kind, train_command, eval_command, subset_bytes = sys.argv[1:]
result = json.load(open(path))
result["arm"] = arm
subset_bytes = int(subset_bytes)
result["artifact"] = os.path.basename(artifact) if kind != "subset" else (
    "random-subset, 10 images per class" if subset_bytes == 78400 else
    "random-subset, %d images (%d per class)" % (result["train_size"], result["train_size"] // 10))
result["bytes"] = 0 if kind == "dir" else os.path.getsize(artifact) if kind != "subset" else subset_bytes
result["train_command"] = train_command
result["evaluate_command"] = eval_command
json.dump(result, open(path, "w"), indent=2)
print("%s seed %d: %.2f %%" % (arm, result["seed"], 100 * result["accuracy"]))
PY
    mv "$json.tmp" "$json"
  done
done

summary
