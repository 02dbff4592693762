#!/usr/bin/env python3
"""How much each decoder weight of an int8 file would move its outputs at int4: every weight tensor rounded
alone, then all, then all but one, to int4's grid (per output channel, the scale among max/7 * (1 - j/32),
j = 0..16, of least squared error, as LGC's writer picks it; no rounding steps), measured as the mean
squared difference of the decoded pixels (in [0, 1]) from the file's own on draws of its mixtures.

Usage: /usr/bin/python3 bench/diagnose/int4_sensitivity.py FILE.lgc [PER_CLASS]   (from the repository root)
"""
import sys

import numpy as np

sys.path.insert(0, "python/src")
from lgc import reader  # noqa: E402


def int4(w):
    rows = w.reshape(w.shape[0], -1)
    out = np.empty_like(rows)
    for c, row in enumerate(rows):
        top = np.abs(row).max()
        if top == 0:
            out[c] = 0
            continue
        best, best_error = None, np.inf
        for j in range(17):
            scale = top / 7 * (1 - j / 32)
            rounded = np.clip(np.rint(row / scale), -7, 7) * scale
            error = ((row - rounded) ** 2).sum()
            if error < best_error:
                best, best_error = rounded, error
        out[c] = best
    return out.reshape(w.shape)


def main():
    artifact = reader.read_artifact(open(sys.argv[1], "rb").read())
    per_class = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    latents, _ = reader.sample_latents(artifact, per_class, np.random.default_rng(1))
    reference = reader.decode(artifact, latents)
    own = dict(artifact.weights)
    names = [n for n in own if n.endswith(".weight")]

    def moved(rounded):
        artifact.weights = {n: int4(v) if n in rounded else v for n, v in own.items()}
        return float(((reader.decode(artifact, latents) - reference) ** 2).mean())

    for name in names:
        print("%-18s %8d weights  alone %.2e" % (name, own[name].size, moved({name})))
    print("all at int4        %.2e" % moved(set(names)))
    for name in names:
        print("all but %-18s %.2e" % (name, moved(set(names) - {name})))


if __name__ == "__main__":
    main()
