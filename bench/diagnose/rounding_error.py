#!/usr/bin/python3
"""How far each rounded decoder decodes from the network it was rounded from. REFERENCE is the network's file at
fp32 (`lgc compress ... --precision fp32 --mixture-precision fp32`); each FILE is one of its rounded files (int4 or a
mixed decoder, e.g. bench/diagnose/MixedPrecision.java's). 500 latents a class are drawn from REFERENCE's mixtures
(numpy seed 7, the same for every FILE) at spreads 1.2 and 1.4, and decoded by both; a FILE's last op, if it is
frequency_gain (--sharpen), is left out, since REFERENCE has none. Prints the mean squared difference of the
decoder outputs per FILE (the squared error the rounding steps lower, on draws they never saw).

    /usr/bin/python3 bench/diagnose/rounding_error.py REFERENCE.lgc FILE.lgc...
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "src"))
import lgc  # noqa: E402
from lgc.reader import build_decoder, sample_latents  # noqa: E402

SPREADS = (1.2, 1.4)


def draws(reference, spread, rng):
    return torch.from_numpy(np.concatenate([sample_latents(lgc._OneClass(reference, c, spread), 500, rng)[0]
                                            for c in range(len(reference.classes))]).astype(np.float32))


def without_sharpening(artifact):
    layers = build_decoder(artifact).layers
    return layers[:-1] if artifact.layers[-1][0] == "frequency_gain" else layers


def main(reference_path, files):
    reference = lgc.load(reference_path)
    rng = np.random.default_rng(7)
    latents = [draws(reference, s, rng) for s in SPREADS]
    decoders = {f: without_sharpening(lgc.load(f)) for f in files}
    with torch.no_grad():
        wanted = [build_decoder(reference)(z).numpy() for z in latents]
        for f, decoder in decoders.items():
            errors = ["%.3e" % float(((decoder(z).numpy() - w) ** 2).mean()) for z, w in zip(latents, wanted)]
            print("%-40s %s" % (os.path.basename(f), "  ".join("spread %.1f: %s" % p for p in zip(SPREADS, errors))))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
