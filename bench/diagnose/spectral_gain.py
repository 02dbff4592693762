#!/usr/bin/python3
"""Would a sharpening filter after the decoder train a better classifier? Measures the mean power spectrum
of a reconstruction and of the real training images (6,000 of each, drawn at random, seed 0), takes the
gain that brings the first to the second ring by ring of spatial frequency, sqrt(real / reconstructed),
raised to POWER (1: match the spectra; 2: overshoot) and capped at CAP, applies it to every reconstructed
image (2-D FFT, circular; the images' borders are black), rounds and clamps to uint8, and writes an IDX
training set to OUT for `lgc evaluate`. The filter is one linear map for all classes: the kind of thing a
decoder could carry as one more layer. With KERNEL (odd, above 0) the gain is instead approximated by a
KERNEL x KERNEL point-symmetric convolution with zero padding (least squares over every frequency, its
response at frequency 0 then set to 1), which is what a decoder's conv2d layer can hold, and applied so.
With KERNEL `full` the gain is not pooled over rings: each frequency gets its own (the spectra of real
images are far from round: garments are taller than wide), 784 numbers instead of 21. With KERNEL `class`
each class gets its own ring gain, from 600 real images of the class against 600 of its draws (rng seeded
with the class's index), applied to that class's draws only: 21 numbers a class.

    bench/diagnose/spectral_gain.py TRAIN_IDX_DIR RECONSTRUCTION_DIR OUT [POWER] [CAP] [KERNEL|full|class]

TRAIN_IDX_DIR holds the real train-images-idx3-ubyte.gz (e.g. /usr/share/datasets/fashion-mnist);
RECONSTRUCTION_DIR an `lgc reconstruct` output in IDX (grey images). Prints the gain ring by ring.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pixel_noise import read_idx, write_beside  # noqa: E402


def mean_power(images, rng, n=6000):
    rows = rng.choice(len(images), min(n, len(images)), replace=False)
    return (np.abs(np.fft.fft2(images[rows].astype(np.float64))) ** 2).mean(0)


def ring_gain(real, recon, power, cap):
    """Per-frequency gain, constant on rings of equal radius (in cycles per image), DC left alone."""
    h, w = real.shape
    fy, fx = np.fft.fftfreq(h) * h, np.fft.fftfreq(w) * w
    rings = np.rint(np.sqrt(fy[:, None] ** 2 + fx[None, :] ** 2)).astype(int)
    gain = np.ones((h, w))
    for r in np.unique(rings):
        on = rings == r
        gain[on] = np.sqrt(real[on].sum() / recon[on].sum())
    gain = np.minimum(gain ** power, cap)
    gain[0, 0] = 1.0
    return gain, rings


def frequency_gain(real, recon, power, cap):
    """Per-frequency gain, each frequency its own, DC left alone."""
    gain = np.minimum(np.sqrt(real / recon) ** power, cap)
    gain[0, 0] = 1.0
    return gain


def fitted_kernel(gain, size):
    """The size x size kernel k, k[a, b] = k[-a, -b], whose frequency response is closest to gain (least squares)."""
    h, w = gain.shape
    r = size // 2
    offsets = [(a, b) for a in range(-r, r + 1) for b in range(-r, r + 1) if (a, b) >= (0, 0)]
    fy, fx = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    columns = [np.cos(2 * np.pi * (a * fy / h + b * fx / w)).ravel() * (1 if (a, b) == (0, 0) else 2)
               for a, b in offsets]
    taps, *_ = np.linalg.lstsq(np.stack(columns, 1), gain.ravel(), rcond=None)
    kernel = np.zeros((size, size))
    for (a, b), t in zip(offsets, taps):
        kernel[r + a, r + b] = kernel[r - a, r - b] = t
    # the truncated series misses the gain of 1 at frequency 0 (0.96 at 7x7, 0.89 at 3x3), which would darken
    # every image; the centre tap takes up the difference, shifting the whole response by it
    kernel[r, r] += 1 - kernel.sum()
    return kernel


def convolved(images, kernel):
    import torch
    x = torch.from_numpy(images.astype(np.float32))[:, None]
    k = torch.from_numpy(kernel.astype(np.float32))[None, None]
    with torch.no_grad():
        return torch.nn.functional.conv2d(x, k, padding=kernel.shape[0] // 2)[:, 0].double().numpy()


def class_gains(train_dir, recon_dir, recon, power, cap):
    """Each class's draws filtered by the ring gain of its own real images against its own draws."""
    _, real = read_idx(os.path.join(train_dir, "train-images-idx3-ubyte.gz"))
    _, real_labels = read_idx(os.path.join(train_dir, "train-labels-idx1-ubyte.gz"))
    _, labels = read_idx(os.path.join(recon_dir, "train-labels-idx1-ubyte.gz"))
    real_labels, labels = real_labels.ravel(), labels.ravel()
    filtered = np.empty(recon.shape)
    for c in np.unique(labels):
        rng = np.random.default_rng(int(c))
        gain, rings = ring_gain(mean_power(real[real_labels == c], rng, 600), mean_power(recon[labels == c], rng, 600),
                                power, cap)
        print("class %d gain by ring: %s" % (c, " ".join("%.2f" % gain[rings == r][0] for r in np.unique(rings))))
        filtered[labels == c] = np.real(np.fft.ifft2(np.fft.fft2(recon[labels == c].astype(np.float64)) * gain))
    return filtered


def main():
    train_dir, recon_dir, out = sys.argv[1:4]
    power = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
    cap = float(sys.argv[5]) if len(sys.argv) > 5 else 2.0
    full = len(sys.argv) > 6 and sys.argv[6] == "full"
    per_class = len(sys.argv) > 6 and sys.argv[6] == "class"
    size = int(sys.argv[6]) if len(sys.argv) > 6 and not (full or per_class) else 0
    _, real = read_idx(os.path.join(train_dir, "train-images-idx3-ubyte.gz"))
    header, recon = read_idx(os.path.join(recon_dir, "train-images-idx3-ubyte.gz"))
    rng = np.random.default_rng(0)
    real_power, recon_power = mean_power(real, rng), mean_power(recon, rng)
    gain, rings = ring_gain(real_power, recon_power, power, cap)
    print("gain by ring: " + " ".join("%.2f" % gain[rings == r][0] for r in np.unique(rings)))
    if full:
        gain = frequency_gain(real_power, recon_power, power, cap)
        print("gain by frequency, folded to 0..14 cycles (rows: vertical):")
        print(np.array2string(gain[:15, :15], precision=2, max_line_width=200))
    if per_class:
        filtered = class_gains(train_dir, recon_dir, recon, power, cap)
    elif size > 0:
        kernel = fitted_kernel(gain, size)
        response = np.real(np.fft.fft2(np.roll(np.pad(kernel, ((0, gain.shape[0] - size), (0, gain.shape[1] - size))),
                                               (-(size // 2), -(size // 2)), (0, 1))))
        print("%dx%d kernel, centre %.3f; response off the gain by %.3f rms" % (size, size, kernel[size // 2, size // 2],
                                                                          np.sqrt(((response - gain) ** 2).mean())))
        filtered = convolved(recon, kernel)
    else:
        filtered = np.real(np.fft.ifft2(np.fft.fft2(recon.astype(np.float64)) * gain))
    pixels = np.clip(np.floor(filtered + 0.5), 0, 255).astype(np.uint8)
    write_beside(recon_dir, out, header, pixels)


if __name__ == "__main__":
    main()
