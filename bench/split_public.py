"""Splits Fashion-MNIST's training set into a 'public' part (the first N images) and a 'private' part
(the rest), each written as IDX .gz files with a classes.txt that `lgc` reads as a directory.
Usage: split_public.py SRC_DIR OUT_DIR N"""
import gzip
import os
import struct
import sys

src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])


def read(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return data[:4], shape, data[4 + 4 * dims:]


def write(path, magic, shape, body):
    with gzip.open(path, "wb") as f:
        f.write(magic + struct.pack(">" + "I" * len(shape), *shape) + body)


NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

for part in ("public", "private"):
    os.makedirs(os.path.join(out, part), exist_ok=True)
    with open(os.path.join(out, part, "classes.txt"), "w") as f:
        f.write("\n".join(NAMES) + "\n")

for kind in ("images-idx3", "labels-idx1"):
    magic, shape, body = read(os.path.join(src, "train-%s-ubyte.gz" % kind))
    per = len(body) // shape[0]
    for part, lo, hi in (("public", 0, n), ("private", n, shape[0])):
        os.makedirs(os.path.join(out, part), exist_ok=True)
        write(os.path.join(out, part, "train-%s-ubyte.gz" % kind), magic, (hi - lo,) + shape[1:],
              body[lo * per:hi * per])
