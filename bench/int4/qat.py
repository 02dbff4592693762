# An experiment, not part of LGC: data-free quantisation-aware tuning of an LGC decoder. A copy of the
# decoder whose forward pass rounds its weights to int4 (per channel, max/LEVELS, straight-through
# gradients) learns to reproduce the stored decoder's outputs on latents drawn from the file's own
# mixtures (spread 1.2). Writes the rounded weights as raw float32 dumps OUTDIR/<parameter>.bin.
# usage: /usr/bin/python3 qat.py FILE.lgc OUTDIR STEPS LR [LEVELS=7]   (Debian's python3-torch)
import sys, os, time, numpy as np, torch, torch.nn.functional as F
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'python', 'src'))
from lgc import reader as r
torch.set_num_threads(1)
art = r.read_artifact(open(sys.argv[1], 'rb').read())
out_dir, steps, lr = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
levels = int(sys.argv[5]) if len(sys.argv) > 5 else 7
teacher, student = r.build_decoder(art), r.build_decoder(art).train()
params = dict(student.named_parameters())
wnames = [n for n in params if n.endswith('weight')]
def q(w):
    flat = w.reshape(w.shape[0], -1)
    s = flat.detach().abs().amax(1, keepdim=True).clamp_min(1e-12) / levels
    qq = torch.clamp(torch.round(flat / s), -levels, levels) * s
    return (flat + (qq - flat).detach()).reshape(w.shape)
rng = np.random.default_rng(0); torch.manual_seed(0)
C = len(art.mixtures); K = max(len(w) for w, _, _ in art.mixtures); d = art.latent_dim
W = np.zeros((C, K)); M = np.zeros((C, K, d)); LL = np.zeros((C, K, d, d))
for c, (w, m, L) in enumerate(art.mixtures):
    W[c, :len(w)] = w / w.sum(); M[c, :len(w)] = m; LL[c, :len(w)] = L
cum = W.cumsum(1)
def latents(n, spread=1.2):
    cls = rng.integers(0, C, n)
    k = np.minimum((rng.random(n)[:, None] > cum[cls]).sum(1), K - 1)
    eps = rng.standard_normal((n, d))
    z = M[cls, k] + spread * np.einsum('nij,nj->ni', LL[cls, k], eps)
    return torch.from_numpy(z.astype(np.float32))
def quantised_call(z):
    return torch.nn.utils.stateless.functional_call(student, {n: (q(p) if n in wnames else p) for n, p in params.items()}, (z,))
held = latents(2000)
with torch.no_grad():
    ref = teacher(held)
    base = F.mse_loss(quantised_call(held), ref).item()
print('held-out mse, int%d before tuning: %.3e' % (levels, base), flush=True)
opt = torch.optim.Adam(student.parameters(), lr=lr)
t0 = time.time()
for step in range(1, steps + 1):
    z = latents(256)
    with torch.no_grad():
        t = teacher(z)
    loss = F.mse_loss(quantised_call(z), t)
    opt.zero_grad(); loss.backward(); opt.step()
    if step % 250 == 0 or step == steps:
        with torch.no_grad():
            h = F.mse_loss(quantised_call(held), ref).item()
        print('step %d train %.3e held-out %.3e (%.0f s)' % (step, loss.item(), h, time.time() - t0), flush=True)
os.makedirs(out_dir, exist_ok=True)
with torch.no_grad():
    for n, p in params.items():
        (q(p) if n in wnames else p).detach().numpy().astype('<f4').tofile(os.path.join(out_dir, n + '.bin'))
