#!/usr/bin/python3
"""How much faster is a decoder when each nearest-neighbour upsampling by 2 followed by a 3x3 convolution
(stride 1, padding 1) is computed as one 2x2 convolution with four times the output channels on the
small input, interleaved ("sub-pixel"), and a convolution followed by a channel mean as one convolution
(the Python package's lgc.reader.fused_decoder, header decoder_arithmetic "fused")? The two are the same
function: every output pixel of the upsampled convolution sees a 2x2 window of the small input, with its
3x3 taps summed by where they land. It takes a
quarter of the 3x3 convolution's multiply-adds at the large size, 16/36, and no upsampled copy; but it
sums the taps in another order, so float32 results differ in the last bits and a pixel that sits on a
rounding boundary can move one level.

Decodes N latents drawn from FILE (seed 1, the file's spread) with Python's PyTorch both ways, in batches of
BATCH, after one warm-up pass each, alternating ROUNDS times, and prints images per second of each and how
many uint8 pixels differ.

    bench/speed/subpixel.py FILE [N] [BATCH] [ROUNDS]
"""
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "src"))
import lgc  # noqa: E402
from lgc.reader import build_decoder, fused_decoder, to_pixels  # noqa: E402


def decode(net, z, batch):
    out = []
    with torch.no_grad():
        for s in range(0, len(z), batch):
            out.append(net(torch.from_numpy(z[s:s + batch])).numpy())
    return np.concatenate(out)


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 512
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    torch.set_num_threads(os.cpu_count())
    artifact = lgc.load(path)
    z, _ = lgc.latents(artifact, count=n, seed=1)
    z = np.ascontiguousarray(z, dtype=np.float32)
    plain = build_decoder(artifact).layers
    fast = fused_decoder(build_decoder(artifact).layers)
    replaced = sum(type(m).__name__ == "SubPixelConv" for m in fast)
    a = decode(plain, z[:batch], batch), decode(fast, z[:batch], batch)  # warm-up
    times = {"plain": [], "sub-pixel": []}
    for _ in range(rounds):
        for name, net in (("plain", plain), ("sub-pixel", fast)):
            t = time.perf_counter()
            out = decode(net, z, batch)
            times[name].append(time.perf_counter() - t)
            if name == "plain":
                ref = out
            else:
                got = out
    px_ref, px_got = to_pixels(artifact, ref), to_pixels(artifact, got)
    diff = px_ref.astype(int) - px_got.astype(int)
    print("%s: %d latents, batch %d, %d threads, %d upsample+conv pairs fused" % (
        os.path.basename(path), n, batch, torch.get_num_threads(), replaced))
    for name, ts in times.items():
        print("  %-9s %s images/s (rounds: %s)" % (name, "%.0f" % (n / min(ts)),
                                                    ", ".join("%.0f" % (n / t) for t in ts)))
    print("  largest output difference %.2e; uint8 pixels differing %d of %d (%.2e), by at most %d" % (
        float(np.abs(ref - got).max()), int((diff != 0).sum()), diff.size, (diff != 0).mean(),
        int(np.abs(diff).max())))


if __name__ == "__main__":
    main()
