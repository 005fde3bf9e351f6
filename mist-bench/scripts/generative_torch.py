"""The training loop of mist-jvm's default generative estimators written out in plain PyTorch, for a speed
comparison on the same model (mist-jvm's NeuralBench generative table): q(y|x) = N(t(x), diag(exp(2 s(x)))) with
[t, s] = MLP(x) (5 -> 64 -> 64 -> 10, ReLU), for doe also q(y) = N(t, diag(exp(2 s))); Adam lr 5e-4, batch 128,
one thread, 9,000 training rows of the 5+5-D Gaussian (rho 0.6), validation on 1,000 rows every epoch.

Usage: python3 mist-bench/scripts/generative_torch.py [iterations]
"""
import math
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
ITERATIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
D = 5
RHO = 0.6
LOG2PI = math.log(2 * math.pi)


def data(n, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, D))
    y = RHO * x + math.sqrt(1 - RHO ** 2) * rng.standard_normal((n, D))
    return torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)


def gaussian_log_prob(y, t, s):
    u = (y - t) * torch.exp(-s)
    return (-0.5 * u * u - s).sum(-1) - 0.5 * D * LOG2PI


def run(kind, x, y, xv, yv):
    torch.manual_seed(3)
    net = torch.nn.Sequential(torch.nn.Linear(D, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.ReLU(),
                              torch.nn.Linear(64, 2 * D))
    mt = torch.zeros(D, requires_grad=True)
    ms = torch.zeros(D, requires_grad=True)
    params = list(net.parameters()) + ([mt, ms] if kind == "doe" else [])
    opt = torch.optim.Adam(params, lr=5e-4)
    n = x.shape[0]
    per_epoch = n // 128
    it = 0
    value = float("nan")
    t0 = time.perf_counter()
    while it < ITERATIONS:
        perm = torch.randperm(n)
        for b in range(per_epoch):
            if it >= ITERATIONS:
                break
            idx = perm[b * 128:(b + 1) * 128]
            xb, yb = x[idx], y[idx]
            out = net(xb)
            lc = gaussian_log_prob(yb, out[:, :D], out[:, D:])
            loss = -lc.mean()
            if kind == "doe":
                loss = loss - gaussian_log_prob(yb, mt, ms).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            it += 1
        with torch.no_grad():
            out = net(xv)
            lc = gaussian_log_prob(yv, out[:, :D], out[:, D:])
            value = (lc - gaussian_log_prob(yv, mt, ms)).mean().item() if kind == "doe" else \
                (lc.mean() + 0.5 * D * (1 + LOG2PI)).item()
    return ITERATIONS / (time.perf_counter() - t0), value


if __name__ == "__main__":
    x, y = data(10_000, 1)
    xt, yt, xv, yv = x[1000:], y[1000:], x[:1000], y[:1000]
    for kind in ("doe", "ba"):
        rate, value = max(run(kind, xt, yt, xv, yv) for _ in range(2))
        print(f"{kind}: {rate:.0f} it/s, value {value:.3f}")
