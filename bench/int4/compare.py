# Mean squared difference of each file's decoder outputs from the first file's, on 200 latents per class
# drawn from the first file's mixtures (seed 5). usage: /usr/bin/python3 compare.py REF.lgc FILE.lgc...
import os, sys, numpy as np, torch
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'python', 'src'))
from lgc import reader as r
ref = r.read_artifact(open(sys.argv[1],'rb').read())
rng = np.random.default_rng(5)
z, _ = r.sample_latents(ref, 200, rng)
zt = torch.from_numpy(z.astype(np.float32))
with torch.no_grad():
    t = r.build_decoder(ref)(zt)
    for f in sys.argv[2:]:
        a = r.read_artifact(open(f,'rb').read())
        o = r.build_decoder(a)(zt)
        print(f.split('/')[-1], 'mse %.3e' % torch.mean((o-t)**2).item())
