import sys
import torch
from torch.utils.data import DataLoader
from lgc.torch import LgcDataset

data = LgcDataset(sys.argv[1], per_class=6000, seed=1)       # e.g. fashion.lgc; decoded lazily, 1,024 at a time
inputs, classes = data[0][0].numel(), len(data.artifact.classes)
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(inputs, 256), torch.nn.ReLU(), torch.nn.Linear(256, classes))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(5):
    for x, y in DataLoader(data, batch_size=128, shuffle=True):   # x float32 [B, C, H, W] in [0, 1]
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
print("trained on", len(data), "samples; last batch loss", torch.nn.functional.cross_entropy(model(x), y).item())
