"""Issue 13: the step of bench/speed/LowPrecision.java in plain PyTorch (Debian's python3-torch), for the same
question asked of the engine without DJL in between: one training step of a 3x3 convolution, 32 to 64 filters, a
batch of 128 at 14x14, forward and backward, with input, weights and bias in TYPE.

Usage: python3 bench/speed/low_precision.py TYPE [REPS]     (TYPE: float32, float16 or bfloat16)
"""
import os
import sys
import time

import torch


def main():
    dtype = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}[sys.argv[1]]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    torch.set_num_threads(os.cpu_count())
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    x = torch.randn(128, 32, 14, 14).to(dtype).requires_grad_()
    w = (torch.randn(64, 32, 3, 3) * 0.05).to(dtype).requires_grad_()
    b = torch.zeros(64).to(dtype)
    start = 0.0
    for i in range(reps + 5):
        if i == 5:
            start = time.perf_counter()
        y = torch.nn.functional.conv2d(x, w, b, padding=1)
        (y * y).mean().backward()
    ms = (time.perf_counter() - start) / reps * 1000
    print("%s %.1f ms per step (conv 3x3 32->64, batch 128 at 14x14, forward and backward; PyTorch %s)"
          % (sys.argv[1], ms, torch.__version__))


if __name__ == "__main__":
    main()
