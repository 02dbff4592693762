#!/usr/bin/python3
"""How fast could a decoder run if each nearest-neighbour upsampling by 2 followed by a 3x3 convolution
(stride 1, padding 1) were computed as one 2x2 convolution with four times the output channels on the
small input, interleaved ("sub-pixel")? The two are the same function: every output pixel of the upsampled
convolution sees a 2x2 window of the small input, with its 3x3 taps summed by where they land. It takes a
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
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "src"))
import lgc  # noqa: E402
from lgc.reader import build_decoder, to_pixels  # noqa: E402

# For output row parity a, the 3x3 taps' rows 0, 1, 2 fall on small-input rows (offsets -1, 0, 0) when a = 0
# and (0, 0, +1) when a = 1: grouped by the 2x2 window's row (0 = the upper of the two).
TAPS = {0: ([0], [1, 2]), 1: ([0, 1], [2])}


class SubPixelConv(nn.Module):
    """upsample_nearest(2) then conv2d(3x3, stride 1, padding 1), as a 2x2 conv on the small input."""

    def __init__(self, conv):
        super().__init__()
        w = conv.weight.detach().double()
        out_c, in_c = w.shape[:2]
        k = torch.zeros(2, 2, out_c, in_c, 2, 2, dtype=torch.float64)
        for a in (0, 1):
            for b in (0, 1):
                for i, rows in enumerate(TAPS[a]):
                    for j, cols in enumerate(TAPS[b]):
                        k[a, b, :, :, i, j] = w[:, :, rows][:, :, :, cols].sum(dim=(2, 3))
        # output channel (a, b, o): parity first, so each parity's planes are one contiguous block
        self.weight = k.reshape(4 * out_c, in_c, 2, 2).float()
        self.bias = conv.bias.detach().repeat(4)
        self.out_c = out_c

    def forward(self, x):
        n, _, h, w = x.shape
        y = nn.functional.conv2d(nn.functional.pad(x, (1, 1, 1, 1)), self.weight, self.bias)
        y = y.view(n, 2, 2, self.out_c, h + 1, w + 1)
        # parity (a, b) reads the window whose top-left corner is (r + a, c + b) of the padded input
        rows = torch.stack([torch.stack([y[:, a, b, :, a:a + h, b:b + w] for b in (0, 1)], dim=-1)
                            for a in (0, 1)], dim=-3)  # [n, c, h, 2, w, 2]
        return rows.reshape(n, self.out_c, 2 * h, 2 * w)


def fused(decoder):
    layers = list(decoder.layers)
    out, i = [], 0
    while i < len(layers):
        here, after = layers[i], layers[i + 1] if i + 1 < len(layers) else None
        if (type(here).__name__ == "UpsampleNearest" and here.scale == 2 and isinstance(after, nn.Conv2d)
                and after.kernel_size == (3, 3) and after.stride == (1, 1) and after.padding == (1, 1)):
            out.append(SubPixelConv(after))
            i += 2
        else:
            out.append(here)
            i += 1
    return nn.Sequential(*out).eval()


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
    fast = fused(build_decoder(artifact))
    replaced = sum(isinstance(m, SubPixelConv) for m in fast)
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
