"""The Python package against a small committed file: 8x8 digits, PCA decoder (k = 8), two components
per class, fp16 mixtures, made by `lgc compress train.npz --decoder pca --latent-dim 8 --components 2
--precision fp16 --seed 1` (see bench/privacy.sh for the digits)."""
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

import lgc

FIXTURE = os.path.join(os.path.dirname(__file__), "data", "digits-pca.lgc")


def test_load_reads_the_metadata_the_file_declares():
    a = lgc.load(FIXTURE)
    assert a.kind == "images"
    assert a.classes == [str(c) for c in range(10)]
    assert a.sample_shape == (1, 8, 8)
    assert a.latent_dim == 8
    assert a.components == [2] * 10
    assert sum(a.counts) == 1347


def test_load_refuses_a_damaged_file(tmp_path):
    damaged = bytearray(open(FIXTURE, "rb").read())
    damaged[len(damaged) // 2] ^= 0x40
    path = tmp_path / "damaged.lgc"
    path.write_bytes(bytes(damaged))
    with pytest.raises(lgc.LgcError):
        lgc.load(path)


def test_latents_follow_the_counts_asked_for():
    a = lgc.load(FIXTURE)
    z, y = lgc.latents(a, per_class=7, seed=1)
    assert z.shape == (70, 8) and z.dtype == np.float32
    assert np.bincount(y).tolist() == [7] * 10
    _, y = lgc.latents(a, count=100, seed=1)
    assert len(y) == 100
    _, y = lgc.latents(a, seed=1)
    assert np.bincount(y).tolist() == a.counts
    with pytest.raises(ValueError):
        lgc.latents(a, per_class=1, count=1)


def test_spread_scales_every_covariance_as_lgc_reconstruct_does():
    a = lgc.load(FIXTURE)
    z1, y = lgc.latents(a, per_class=50, seed=2, spread=1.0)
    z2, _ = lgc.latents(a, per_class=50, seed=2, spread=2.0)
    # the same draws, each moved away from its component's mean by sqrt(2): undoing that finds the mean
    z1, z2 = z1.astype(np.float64), z2.astype(np.float64)
    centres = z1 - (z2 - z1) / (np.sqrt(2.0) - 1.0)
    for centre, c in zip(centres, y):
        means = a.mixtures[c][1]
        assert np.min(np.abs(means - centre).max(axis=1)) < 1e-3
    default, _ = lgc.latents(a, per_class=50, seed=2)
    assert lgc.DEFAULT_SPREAD == 1.2
    assert np.array_equal(default, lgc.latents(a, per_class=50, seed=2, spread=1.2)[0])
    for bad in (0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            lgc.latents(a, per_class=1, spread=bad)


SPREAD_FIXTURE = os.path.join(os.path.dirname(__file__), "data", "digits-pca-spread-1.5.lgc")


def test_a_file_that_recommends_a_spread_is_drawn_at_it_unless_told_otherwise():
    # the same compression as FIXTURE's with `--spread 1.5` added
    wide = lgc.load(SPREAD_FIXTURE)
    assert wide.spread == 1.5 and lgc.default_spread(wide) == 1.5
    by_file, _ = lgc.latents(wide, per_class=20, seed=4)
    assert np.array_equal(by_file, lgc.latents(wide, per_class=20, seed=4, spread=1.5)[0])
    assert not np.array_equal(by_file, lgc.latents(wide, per_class=20, seed=4, spread=lgc.DEFAULT_SPREAD)[0])
    plain = lgc.load(FIXTURE)
    assert plain.spread is None and lgc.default_spread(plain) == lgc.DEFAULT_SPREAD


def test_sampling_is_seeded():
    a = lgc.load(FIXTURE)
    x1, y1 = lgc.sample(a, per_class=5, seed=3)
    x2, y2 = lgc.sample(a, per_class=5, seed=3)
    x3, _ = lgc.sample(a, per_class=5, seed=4)
    assert x1.shape == (50, 1, 8, 8) and x1.dtype == np.uint8
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2)
    assert not np.array_equal(x1, x3)


def test_the_dataset_decodes_lazily_and_matches_sample():
    from lgc.torch import LgcDataset
    data = LgcDataset(FIXTURE, per_class=30, seed=2, batch=64)
    assert len(data) == 300
    assert data.decoded_batches == 0
    x, y = data[70]
    assert data.decoded_batches == 1
    assert x.shape == (1, 8, 8) and str(x.dtype) == "torch.float32"
    pixels, labels = lgc.sample(data.artifact, per_class=30, seed=2)
    assert y == labels[70]
    assert np.allclose(x.numpy(), pixels[70] / 255.0)
    with pytest.raises(IndexError):
        data[300]


def test_a_model_trains_on_the_file_alone():
    import torch
    from torch.utils.data import DataLoader
    from lgc.torch import LgcDataset
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(64, 10))
    optimiser = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(5):
        for x, y in DataLoader(LgcDataset(FIXTURE, per_class=100, seed=1), batch_size=64, shuffle=True):
            optimiser.zero_grad()
            torch.nn.functional.cross_entropy(model(x), y).backward()
            optimiser.step()
    test = LgcDataset(FIXTURE, per_class=50, seed=9)
    x = torch.stack([test[i][0] for i in range(len(test))])
    y = torch.tensor([test[i][1] for i in range(len(test))])
    accuracy = (model(x).argmax(1) == y).float().mean().item()
    assert accuracy > 0.6  # ten classes: chance is 0.1; shuffled labels would stay there


def test_the_old_command_line_path_still_verifies():
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    result = subprocess.run([sys.executable, os.path.join(root, "tools", "lgc_read.py"), FIXTURE, "--verify"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    module = subprocess.run([sys.executable, "-m", "lgc", FIXTURE, "--verify"], capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=os.path.join(root, "python", "src")))
    assert module.returncode == 0, module.stderr
    assert module.stdout == result.stdout


def test_a_frequency_gain_filters_each_plane_as_its_circular_convolution():
    """FORMAT.md's frequency_gain, checked against the convolution its gains define, summed directly."""
    from types import SimpleNamespace
    from lgc import reader
    h, w = 6, 5
    assert reader.ring_count(28, 28) == 21 and reader.ring_count(5, 7) == 5 and reader.ring_count(1, 1) == 1
    rings = reader.frequency_rings(h, w)
    gain = np.random.default_rng(3).uniform(0.5, 2.0, reader.ring_count(h, w)).astype(np.float32)
    artifact = SimpleNamespace(layers=[("reshape", {"shape": [2, h, w]}), ("frequency_gain", {"rings": len(gain)})],
                               weights={"layers.1.gain": gain})
    decoder = reader.build_decoder(artifact)
    x = np.random.default_rng(4).normal(size=(3, 2 * h * w)).astype(np.float32)
    import torch
    with torch.no_grad():
        y = decoder(torch.from_numpy(x)).numpy()
    u, v = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    kernel = np.array([[np.sum(gain[rings] * np.cos(2 * np.pi * (u * a / h + v * b / w))) / (h * w)
                        for b in range(w)] for a in range(h)])
    planes = x.reshape(3, 2, h, w).astype(np.float64)
    expected = np.zeros_like(planes)
    for a in range(h):
        for b in range(w):
            expected += kernel[a, b] * np.roll(planes, (a, b), axis=(2, 3))
    np.testing.assert_allclose(y, expected, atol=1e-5)


def test_a_fused_decoder_computes_the_layers_it_replaces():
    """Header decoder_arithmetic "fused": upsample + 3x3 conv and conv + channel mean as one op each, the same
    function as the layers to float rounding (a misplaced tap or parity would be off by far more)."""
    from types import SimpleNamespace
    from lgc import reader
    import torch
    layers = [("linear", {"in": 3, "out": 2 * 4 * 5}), ("reshape", {"shape": [2, 4, 5]}),
              ("upsample_nearest", {"scale": 2}),
              ("conv2d", {"in": 2, "out": 4, "kernel": 3, "stride": 1, "padding": 1}), ("relu", {}),
              ("upsample_nearest", {"scale": 2}),
              ("conv2d", {"in": 4, "out": 6, "kernel": 3, "stride": 1, "padding": 1}), ("relu", {}),
              ("conv2d", {"in": 6, "out": 6, "kernel": 3, "stride": 1, "padding": 1}),
              ("channel_group_mean", {"groups": 3}), ("sigmoid", {})]
    rng = np.random.default_rng(5)
    shapes = {"layers.0.weight": (40, 3), "layers.0.bias": (40,), "layers.3.weight": (4, 2, 3, 3),
              "layers.3.bias": (4,), "layers.6.weight": (6, 4, 3, 3), "layers.6.bias": (6,),
              "layers.8.weight": (6, 6, 3, 3), "layers.8.bias": (6,)}
    weights = {k: rng.normal(scale=0.5, size=s).astype(np.float32) for k, s in shapes.items()}
    artifact = SimpleNamespace(layers=layers, weights=weights)
    plain = reader.build_decoder(artifact).layers
    fused = reader.fused_decoder(plain)
    assert [type(m).__name__ for m in fused] == ["Linear", "Reshape", "SubPixelConv", "ReLU", "SubPixelConv",
                                                 "ReLU", "GroupMeanConv", "Sigmoid"]
    z = torch.from_numpy(rng.normal(size=(7, 3)).astype(np.float32))
    with torch.no_grad():
        expected, actual = plain(z).numpy(), fused(z).numpy()
    assert actual.shape == expected.shape == (7, 3, 16, 20)
    assert expected.max() - expected.min() > 0.3  # not the sigmoid's saturated ends
    np.testing.assert_allclose(actual, expected, atol=1e-5)


def test_decode_follows_the_header_decoder_arithmetic():
    a = lgc.load(FIXTURE)
    assert a.decoder_arithmetic == "layerwise"  # written before the key existed
    z, _ = lgc.latents(a, per_class=5, seed=3)
    layerwise = lgc.decode(a, z)
    a.decoder_arithmetic = "fused"  # a PCA decoder has nothing to fuse: the same values
    np.testing.assert_array_equal(lgc.decode(a, z), layerwise)
