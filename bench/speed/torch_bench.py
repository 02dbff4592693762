#!/usr/bin/env python3
"""The PyTorch side of bench/speed: builds the layers of an LGC network spec (written by
SpeedBench.java from io.lgc.network.Architectures / io.lgc.model.ConvNet) in plain PyTorch, trains
it with the same batch, optimiser and loss on the same first images of Fashion-MNIST, and prints
steps per second in the same line format as the Java side. Also decodes latents with an artifact's
decoder (the reader of the lgc Python package) and prints images per second.

  torch_bench.py train ae|cnn|convnet SPEC.json STEPS   two epochs of STEPS steps; the second is timed
  torch_bench.py decode ARTIFACT.lgc N                  N standard-normal latents, 1,000 per call

Threads: torch.set_num_threads(os.cpu_count()), one inter-op thread, as LGC's engine is set up.
"""
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

DATA = os.environ.get("LGC_FASHION", "/usr/share/datasets/fashion-mnist")
EPS = 1e-6  # io.lgc.model.BinaryCrossEntropy clips predictions to [EPS, 1 - EPS]


def images(n):
    with gzip.open(os.path.join(DATA, "train-images-idx3-ubyte.gz")) as f:
        raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
    x = raw[:n * 784].reshape(n, 1, 28, 28).astype(np.float32) * np.float32(1 / 255)
    with gzip.open(os.path.join(DATA, "train-labels-idx1-ubyte.gz")) as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8)[:n].astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


class Reshape(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x):
        return x.reshape((x.shape[0],) + self.shape)


class Upsample(nn.Module):  # LGC: libtorch's nearest interpolation (upsample_nearest2d)
    def __init__(self, scale):
        super().__init__()
        self.scale = scale

    def forward(self, x):
        return F.interpolate(x, scale_factor=self.scale, mode="nearest")


class ChannelGroupMean(nn.Module):
    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, x):
        n, c, h, w = x.shape
        return x.reshape(n, self.groups, c // self.groups, h, w).mean(dim=2)


def layer(spec):
    op = spec["op"]
    if op == "linear":
        return nn.Linear(spec["in"], spec["out"])
    if op == "conv2d":
        return nn.Conv2d(spec["in"], spec["out"], spec["kernel"], stride=spec["stride"], padding=spec["padding"])
    if op == "relu":
        return nn.ReLU()
    if op == "sigmoid":
        return nn.Sigmoid()
    if op == "reshape":
        return Reshape(spec["shape"])
    if op == "upsample_nearest":
        return Upsample(spec["scale"])
    if op == "channel_group_mean":
        return ChannelGroupMean(spec["groups"])
    if op == "max_pool":
        return nn.MaxPool2d(spec["size"], spec["size"])
    if op == "avg_pool":
        return nn.AvgPool2d(spec["size"], spec["size"])
    if op == "instance_norm":
        return nn.InstanceNorm2d(spec["channels"], affine=True, eps=spec.get("eps", 1e-5))
    raise ValueError("unknown layer " + op)


def network(spec):
    return nn.Sequential(*[layer(s) for s in spec["layers"]])


def bce(x, y):  # the same arithmetic as io.lgc.model.BinaryCrossEntropy
    p = y.clamp(EPS, 1 - EPS)
    return -(x * p.log() + (1 - x) * (1 - p).log()).mean()


def train(kind, spec_file, steps):
    with open(spec_file) as f:
        spec = json.load(f)
    batch = spec["batch"]
    torch.manual_seed(1)
    if kind == "ae":
        model = nn.Sequential(network(spec["encoder"]), network(spec["decoder"]))
    else:
        model = network(spec["network"])
    if spec["optimizer"] == "adam":
        opt = torch.optim.Adam(model.parameters(), lr=spec["lr"])
    else:
        opt = torch.optim.SGD(model.parameters(), lr=spec["lr"], momentum=spec["momentum"],
                              weight_decay=spec["weight_decay"])
    x, y = images(steps * batch)
    generator = torch.Generator().manual_seed(1)
    seconds, loss_sum = 0.0, 0.0
    for epoch in range(2):
        order = torch.randperm(x.shape[0], generator=generator)
        start, cpu = time.perf_counter(), time.process_time()
        loss_sum = 0.0
        for s in range(steps):
            idx = order[s * batch:(s + 1) * batch]
            xb = x.index_select(0, idx)
            out = model(xb)
            loss = bce(xb, out) if kind == "ae" else F.cross_entropy(out, y.index_select(0, idx))
            opt.zero_grad(set_to_none=False)
            loss.backward()
            opt.step()
            loss_sum += loss.item()
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print("torch %s train: %.2f steps/s, %.1f CPU ms/step (%d steps of %d in %.2f s; loss %.4f)"
          % (kind, steps / seconds, 1000 * cpu_seconds / steps, steps, batch, seconds, loss_sum / steps))


def interpolating_decoder(artifact_file):
    """The artifact and its decoder (the Python package's), computed as the header's decoder_arithmetic says:
    layerwise, upsampling by interpolation as the Java decoder once did, or fused (lgc.reader.fused_decoder)."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "python", "src"))
    from lgc import reader
    with open(artifact_file, "rb") as f:
        artifact = reader.read_artifact(f.read())
    decoder = reader.build_decoder(artifact)
    if artifact.decoder_arithmetic == "fused":
        return artifact, reader.fused_decoder(decoder.layers)
    for i, (op, f) in enumerate(artifact.layers):
        if op == "upsample_nearest":
            decoder.layers[i] = Upsample(f["scale"])
    return artifact, decoder


def decode(artifact_file, n):
    artifact, decoder = interpolating_decoder(artifact_file)
    latents = torch.from_numpy(np.random.default_rng(1).standard_normal((n, artifact.latent_dim), dtype=np.float32))
    with torch.inference_mode():
        decoder(latents[:1000])  # warm-up
        start, cpu = time.perf_counter(), time.process_time()
        for s in range(0, n, 1000):
            decoder(latents[s:s + 1000]).numpy()
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print("torch decode: %.0f images/s, %.1f CPU ms/1000 images (%d in %.2f s)"
          % (n / seconds, 1000 * 1000 * cpu_seconds / n, n, seconds))


def main():
    torch.set_num_threads(os.cpu_count())
    torch.set_num_interop_threads(1)
    if sys.argv[1] == "train":
        train(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "decode":
        decode(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
