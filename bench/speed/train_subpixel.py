#!/usr/bin/python3
"""Issue 13: would training the autoencoder in the fused form (each upsample(2) + 3x3 convolution of the decoder as
a sub-pixel convolution whose 2x2 filters are folded from the 3x3 weights inside the step, so that the gradient
reaches the stored weights) make its steps faster? Plain PyTorch 1.13, the autoencoder of `SpeedBench spec ae`,
batch 128, Adam, 30 timed steps after 10, both forms alternating, 3 rounds.

    java -cp "lgc-cli/target/lgc.jar:lgc-cli/target/lib/*" bench/speed/SpeedBench.java spec ae SPEC.json
    /usr/bin/python3 bench/speed/train_subpixel.py SPEC.json
"""
import json
import os
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_bench as tb  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "src"))
from lgc.reader import SUB_PIXEL_TAPS as TAPS  # noqa: E402

# M[u * 3 + v, ((a * 2 + b) * 2 + r) * 2 + t] = 1 where kernel tap (u, v) lands on block position (r, t) at parity
# (a, b): the 2x2 filters are the 3x3 weights times M, so the gradient reaches the weights.
M = torch.zeros(9, 16)
for a in (0, 1):
    for b in (0, 1):
        for r, rows in enumerate(TAPS[a]):
            for t, cols in enumerate(TAPS[b]):
                for u in rows:
                    for v in cols:
                        M[u * 3 + v, ((a * 2 + b) * 2 + r) * 2 + t] = 1


class SubPixelTrain(nn.Module):
    """upsample_nearest(2) + the 3x3 conv, trained through 2x2 filters folded from the conv's own weights."""

    def __init__(self, conv):
        super().__init__()
        self.conv = conv

    def forward(self, x):
        w = self.conv.weight
        o, i = w.shape[:2]
        f = (w.reshape(o * i, 9) @ M).reshape(o, i, 2, 2, 2, 2).permute(2, 3, 0, 1, 4, 5).reshape(4 * o, i, 2, 2)
        n, _, h, wd = x.shape
        y = nn.functional.conv2d(x, f, self.conv.bias.repeat(4), padding=1).view(n, 2, 2, o, h + 1, wd + 1)
        rows = torch.stack([torch.stack([y[:, a, b, :, a:a + h, b:b + wd] for b in (0, 1)], dim=-1)
                            for a in (0, 1)], dim=-3)
        return rows.reshape(n, o, 2 * h, 2 * wd)


def fuse(seq):
    layers = list(seq)
    out, i = [], 0
    while i < len(layers):
        here, after = layers[i], layers[i + 1] if i + 1 < len(layers) else None
        if isinstance(here, tb.Upsample) and isinstance(after, nn.Conv2d) and after.kernel_size == (3, 3):
            out.append(SubPixelTrain(after))
            i += 2
        else:
            out.append(here)
            i += 1
    return nn.Sequential(*out)


def main():
    torch.set_num_threads(2)
    torch.set_num_interop_threads(1)
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    x, _ = tb.images(40 * 128)
    for rnd in range(3):
        for fused in (False, True):
            torch.manual_seed(1)
            enc, dec = tb.network(spec["encoder"]), tb.network(spec["decoder"])
            if fused:
                dec = fuse(dec)
            model = nn.Sequential(enc, dec)
            opt = torch.optim.Adam(model.parameters(), lr=1e-3)
            for s in range(40):
                if s == 10:
                    t, c = time.perf_counter(), time.process_time()
                xb = x[s * 128:(s + 1) * 128]
                loss = tb.bce(xb, model(xb))
                opt.zero_grad()
                loss.backward()
                opt.step()
            print("round", rnd, "fused" if fused else "plain", "%.1f ms/step wall, %.1f CPU ms/step, loss %.4f"
                  % ((time.perf_counter() - t) / 30 * 1000, (time.process_time() - c) / 30 * 1000, loss.item()))


if __name__ == "__main__":
    main()
