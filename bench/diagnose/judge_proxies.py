# Judges of a file's worth that train nothing per file (bench/results/rounding-choice.md): a ConvNet trained
# once on the real training images scores each reconstruction by its accuracy on it, its mean confidence in
# each draw's own class, and the Frechet distance of its features to the real images' (per class, and over
# all).  Usage: /usr/bin/python3 bench/diagnose/judge_proxies.py CHECKPOINT RECON_DIR...
# (CHECKPOINT: where the real-data ConvNet is kept, trained 3 epochs on first use.)
import gzip, sys, numpy as np, torch, torch.nn as nn, scipy.linalg as sl, json, os
torch.set_num_threads(2); torch.manual_seed(0)
def idx(p):
    with gzip.open(p) as f: b = f.read()
    nd = b[3]; dims = [int.from_bytes(b[4+4*i:8+4*i], 'big') for i in range(nd)]
    return np.frombuffer(b, np.uint8, offset=4+4*nd).reshape(dims)
R='/usr/share/datasets/fashion-mnist/'
X = torch.tensor(idx(R+'train-images-idx3-ubyte.gz'), dtype=torch.float32)[:, None] / 255
Y = torch.tensor(idx(R+'train-labels-idx1-ubyte.gz').astype(np.int64))
def net():
    L = []; c = 1
    for _ in range(3):
        L += [nn.Conv2d(c, 64, 3, padding=1), nn.GroupNorm(64, 64, affine=True), nn.ReLU(), nn.AvgPool2d(2)]; c = 64
    return nn.Sequential(*L, nn.Flatten()), nn.Linear(64*3*3, 10)
ck = sys.argv[1]
f, h = net()
if os.path.exists(ck):
    st = torch.load(ck); f.load_state_dict(st['f']); h.load_state_dict(st['h'])
else:
    opt = torch.optim.SGD(list(f.parameters()) + list(h.parameters()), lr=0.01, momentum=0.9, weight_decay=5e-4)
    for ep in range(3):
        perm = torch.randperm(len(X))
        for i in range(0, len(X), 256):
            b = perm[i:i+256]; opt.zero_grad()
            loss = nn.functional.cross_entropy(h(f(X[b])), Y[b]); loss.backward(); opt.step()
        print('epoch', ep, float(loss), flush=True)
    torch.save({'f': f.state_dict(), 'h': h.state_dict()}, ck)
f.eval(); h.eval()
def feats(x):
    out = []
    with torch.no_grad():
        for i in range(0, len(x), 1000): out.append(f(x[i:i+1000]))
    return torch.cat(out)
FR = feats(X)
def fd(a, b):
    a = a.double().numpy(); b = b.double().numpy()
    ma, mb = a.mean(0), b.mean(0); ca, cb = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    s = sl.sqrtm(ca @ cb).real
    return float(((ma-mb)**2).sum() + np.trace(ca + cb - 2*s))
res = {}
for d in sys.argv[2:]:
    x = torch.tensor(idx(d+'/train-images-idx3-ubyte.gz'), dtype=torch.float32)[:, None] / 255
    y = torch.tensor(idx(d+'/train-labels-idx1-ubyte.gz').astype(np.int64))
    F = feats(x)
    with torch.no_grad(): p = torch.softmax(h(F), 1)
    acc = float((p.argmax(1) == y).float().mean())
    per = [fd(F[y == k], FR[Y == k]) for k in range(10)]
    res[d] = dict(acc=acc, conf=float(p[torch.arange(len(y)), y].mean()), fd_class=float(np.mean(per)), fd_all=fd(F, FR))
    print(os.path.basename(d), json.dumps(res[d]), flush=True)
