#!/usr/bin/python3
"""Would a decoder with an output noise model train a better classifier? Adds Gaussian noise to a
reconstruction, of ALPHA times the spread of what the decoder leaves out: the residual of the real
images against their round trip (RoundTrip.java's DIR/round-trip, the first PER_CLASS training images
of each class through the same network), per pixel (MODE pixel), per class and pixel (class) or one
figure (scalar). Writes an IDX training set to OUT for `lgc evaluate`.

    bench/diagnose/pixel_noise.py TRAIN_IDX_DIR ROUND_TRIP_DIR RECONSTRUCTION_DIR OUT ALPHA MODE [SEED]

TRAIN_IDX_DIR holds the real train-images/labels-idx*-ubyte.gz the round trip was made from (e.g.
/usr/share/datasets/fashion-mnist). Prints the residual's size and how white it is.
"""
import gzip
import os
import shutil
import sys

import numpy as np


def read_idx(path):
    with gzip.open(path) as f:
        data = f.read()
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(data[3])]
    header = data[:4 + 4 * len(dims)]
    return header, np.frombuffer(data, np.uint8, offset=len(header)).reshape(dims)


def write_beside(recon_dir, out, header, pixels):
    """OUT as an IDX training set: these images (IDX header and uint8 pixels), RECON_DIR's other files."""
    os.makedirs(out, exist_ok=True)
    with gzip.open(os.path.join(out, "train-images-idx3-ubyte.gz"), "wb") as f:
        f.write(header + pixels.tobytes())
    for name in os.listdir(recon_dir):
        if name != "train-images-idx3-ubyte.gz":
            shutil.copy(os.path.join(recon_dir, name), os.path.join(out, name))


def first_per_class(labels, per_class):
    taken = np.zeros(int(labels.max()) + 1, int)
    rows = []
    for i, y in enumerate(labels):
        if taken[y] < per_class:
            taken[y] += 1
            rows.append(i)
    return np.array(rows)


def main():
    train_dir, round_trip_dir, recon_dir, out = sys.argv[1:5]
    alpha, mode = float(sys.argv[5]), sys.argv[6]
    seed = int(sys.argv[7]) if len(sys.argv) > 7 else 7
    _, real = read_idx(os.path.join(train_dir, "train-images-idx3-ubyte.gz"))
    _, labels = read_idx(os.path.join(train_dir, "train-labels-idx1-ubyte.gz"))
    _, trip = read_idx(os.path.join(round_trip_dir, "train-images-idx3-ubyte.gz"))
    _, trip_labels = read_idx(os.path.join(round_trip_dir, "train-labels-idx1-ubyte.gz"))
    classes = int(labels.max()) + 1
    rows = first_per_class(labels, len(trip) // classes)
    if not (labels[rows] == trip_labels).all():
        sys.exit("pixel_noise.py: the round trip is not the first images of each class of " + train_dir)
    residual = real[rows].astype(np.float32) / 255 - trip.astype(np.float32) / 255
    neighbours = np.corrcoef(residual[:, :, :-1].ravel(), residual[:, :, 1:].ravel())[0, 1]
    print("residual rms %.4f, correlation of horizontal neighbours %.3f" % (np.sqrt((residual ** 2).mean()), neighbours))
    shape = (classes,) + residual.shape[1:]
    if mode == "scalar":
        spread = np.full(shape, residual.std())
    elif mode == "pixel":
        spread = np.broadcast_to(residual.std(0), shape)
    elif mode == "class":
        spread = np.stack([residual[trip_labels == c].std(0) for c in range(classes)])
    else:
        sys.exit("pixel_noise.py: MODE is pixel, class or scalar, got " + mode)
    header, images = read_idx(os.path.join(recon_dir, "train-images-idx3-ubyte.gz"))
    _, recon_labels = read_idx(os.path.join(recon_dir, "train-labels-idx1-ubyte.gz"))
    noise = np.random.default_rng(seed).standard_normal(images.shape).astype(np.float32)
    noisy = images.astype(np.float32) / 255 + alpha * spread[recon_labels] * noise
    noisy = np.clip(np.round(noisy * 255), 0, 255).astype(np.uint8)
    write_beside(recon_dir, out, header, noisy)
    print("%s: %d images, noise of mean spread %.4f" % (out, len(noisy), alpha * spread.mean()))


if __name__ == "__main__":
    main()
