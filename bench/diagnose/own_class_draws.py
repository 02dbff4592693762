#!/usr/bin/python3
"""Would a reconstruction train a better classifier if each class kept only the draws its own mixture
explains best? Draws each class's latents at SPREAD (numpy, seed SEED, through the Python package), keeps a
draw of class c only when log p(z | c) exceeds every other class's log p(z | c') by MARGIN nats or more
(the mixtures as fitted, equal priors; MARGIN 0: the file's own Bayes classifier agrees with the label),
draws again until PER_CLASS are kept, decodes them and writes an IDX training set to OUT for `lgc evaluate`.
With --keep-all nothing is dropped: the same draws, for a like-for-like baseline. With --t-dof NU each
component is drawn from a multivariate Student t with NU degrees of freedom (above 2) and the component's
covariance at SPREAD, instead of a Gaussian: heavier tails, the same second moments.

    bench/diagnose/own_class_draws.py FILE.lgc OUT [--spread S] [--per-class N] [--seed N] [--margin M] [--keep-all]
                                      [--t-dof NU]

Prints the share of each class's draws kept.
"""
import argparse
import gzip
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "python", "src"))
sys.path.insert(0, HERE)
import lgc  # noqa: E402
from ambiguity import log_density  # noqa: E402
from lgc.reader import decode, sample_latents, to_pixels  # noqa: E402


def kept_draws(artifact, c, args, rng):
    one = lgc._OneClass(artifact, c, args.spread)
    kept, drawn, total = [], 0, 0
    while total < args.per_class:
        z = student_t_latents(one, args.per_class, rng, args.t_dof) if args.t_dof else \
            sample_latents(one, args.per_class, rng)[0]
        drawn += len(z)
        if not args.keep_all:
            scores = np.array([log_density(z, *mixture) for mixture in artifact.mixtures])
            own = scores[c].copy()
            scores[c] = -np.inf
            z = z[own - scores.max(0) >= args.margin]
        kept.append(z)
        total += len(z)
    print("%d %-12s kept %.1f %% of %d draws" % (c, artifact.classes[c], 100.0 * total / drawn, drawn))
    return np.concatenate(kept)[:args.per_class]


def student_t_latents(one, n, rng, dof):
    """As sample_latents draws one class, each standard normal draw scaled by sqrt((dof - 2) / chi2(dof))."""
    weights, means, factors = one.mixtures[0]
    latents = []
    for k, count in enumerate(rng.multinomial(n, weights)):
        z = rng.standard_normal((count, one.latent_dim))
        z *= np.sqrt((dof - 2) / rng.chisquare(dof, (count, 1)))
        latents.append(means[k] + z @ factors[k].T)
    return np.concatenate(latents)


def write_idx(out, pixels, labels, classes):
    os.makedirs(out, exist_ok=True)
    n, _, h, w = pixels.shape
    with gzip.open(os.path.join(out, "train-images-idx3-ubyte.gz"), "wb") as f:
        f.write(np.array([0x803, n, h, w], ">u4").tobytes() + pixels.tobytes())
    with gzip.open(os.path.join(out, "train-labels-idx1-ubyte.gz"), "wb") as f:
        f.write(np.array([0x801, n], ">u4").tobytes() + labels.astype(np.uint8).tobytes())
    with open(os.path.join(out, "classes.txt"), "w") as f:
        f.write("".join(name + "\n" for name in classes))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("out")
    parser.add_argument("--spread", type=float, default=1.4)
    parser.add_argument("--per-class", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--margin", type=float, default=0.0)
    parser.add_argument("--keep-all", action="store_true")
    parser.add_argument("--t-dof", type=float, default=0.0)
    args = parser.parse_args()
    if args.t_dof and args.t_dof <= 2:
        parser.error("--t-dof must be above 2 (the covariance is finite only there)")
    artifact = lgc.load(args.file)
    rng = np.random.default_rng(args.seed)
    latents = [kept_draws(artifact, c, args, rng) for c in range(len(artifact.classes))]
    labels = np.concatenate([np.full(len(z), c) for c, z in enumerate(latents)])
    pixels = to_pixels(artifact, decode(artifact, np.concatenate(latents).astype(np.float32)))
    write_idx(args.out, pixels, labels, artifact.classes)


if __name__ == "__main__":
    main()
