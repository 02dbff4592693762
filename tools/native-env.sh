# Environment for the native PyTorch engine, sourced by ./lgc and the benchmarks that start java
# themselves. Each setting keeps a value the caller already exported.
#
# glibc returns large freed buffers to the OS and faults them back in on every training step;
# keeping them mapped makes a step several times faster (measured, see README).
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-68719476736}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"
# The settings above act on glibc's main heap only. The JVM runs Java's main thread (and so every
# libtorch call) on a thread of its own, which glibc serves from a separate arena; there a buffer
# above 32 MiB (a ConvNet activation at batch 256 is 100 MB) is always a fresh mmap, zeroed by the
# kernel on every step: a quarter of a ConvNet step's CPU time went to clearing pages. One arena
# without mmap keeps freed buffers for reuse: 25-30 % less CPU per ConvNet step, same results
# (bench/results/speed-malloc-arena.txt). Memory stays bounded by the largest batch, as before.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
export MALLOC_MMAP_MAX_="${MALLOC_MMAP_MAX_:-0}"
# libtorch's OpenMP threads otherwise spin (about 300,000 rounds) after every operation, waiting for
# the next; when the cores are shared that spinning takes the CPU from the thread everyone waits for.
# Sleeping at once made reconstruct and training 3-5x faster on the shared 2-core machine, with
# byte-identical results (bench/results/reconstruct-speed.txt). OMP_WAIT_POLICY=ACTIVE restores spinning.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# A ConvNet training step of 256 images took about 200,000 minor page faults, 40 % of the CPU time in
# the kernel, and turning malloc's mmap off (MALLOC_MMAP_MAX_=0) did not change that. Asking malloc for
# transparent huge pages cut the faults to about 2,500 a step and made the step 4x faster (1.9 s ->
# 0.45 s), same results (bench/results/hugepages.txt). It takes effect where the kernel offers
# huge pages on request (/sys/kernel/mm/transparent_hugepage/enabled: madvise or always).
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1}"
