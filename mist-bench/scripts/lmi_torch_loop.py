"""Same-machine reference for LatentBench: a plain PyTorch training loop of the model that mist-jvm's `lmi`
trains (our own script, not latentmi's code): encoders 100 -> 25 -> 8, decoders 8 -> 25 -> 100, cross decoders,
leaky ReLU (slope 0.01), Glorot-uniform weights, loss alpha (MSE self) + lam (MSE cross), Adam lr 1e-4 eps 1e-7,
batch 512, shuffled each epoch (last partial batch dropped, as mist-train), held-out loss every epoch, early
stopping patience 30 with the best weights copied, one thread; then KSG (k = 3, max-norm, scipy cKDTree) on the
held-out latents. Data: the noisy or noise-free projection task (latent covariance [[6, 3], [3, 3.5]], random
1 x 100 projections, unit ambient noise for 'noisy').

Run: python3 mist-bench/scripts/lmi_torch_loop.py [noisy|notebook] [n] [seed] [max_epochs]
"""
import sys
import time
import copy

import numpy as np
import torch
from scipy.spatial import cKDTree
from scipy.special import digamma

torch.set_num_threads(1)


def task(kind, n, seed):
    rng = np.random.default_rng(seed)
    p = rng.standard_normal(100)
    q = rng.standard_normal(100)
    c = np.array([[6.0, 3.0], [3.0, 3.5]])
    ab = rng.multivariate_normal([0, 0], c, size=n)
    sigma = 1.0 if kind == "noisy" else 0.0
    x = ab[:, :1] * p + sigma * rng.standard_normal((n, 100))
    y = ab[:, 1:] * q + sigma * rng.standard_normal((n, 100))
    if sigma == 0:
        truth = -0.5 * np.log(1 - 9 / 21)
    else:
        r2 = 9 / ((6 + 1 / (p @ p)) * (3.5 + 1 / (q @ q)))
        truth = -0.5 * np.log(1 - r2)
    return x, y, truth


def mlp(i, h, o):
    m = torch.nn.Sequential(torch.nn.Linear(i, h), torch.nn.LeakyReLU(0.01), torch.nn.Linear(h, o))
    for layer in m:
        if isinstance(layer, torch.nn.Linear):
            torch.nn.init.xavier_uniform_(layer.weight)
    return m


class Paired(torch.nn.Module):
    def __init__(self, dx, dy, n_dims=8):
        super().__init__()
        hx, hy = max(1, dx // 4), max(1, dy // 4)
        self.ex, self.ey = mlp(dx, hx, n_dims), mlp(dy, hy, n_dims)
        self.dxx, self.dyy = mlp(n_dims, hx, dx), mlp(n_dims, hy, dy)
        self.dxy, self.dyx = mlp(n_dims, hy, dy), mlp(n_dims, hx, dx)

    def loss(self, x, y):
        zx, zy = self.ex(x), self.ey(y)
        mse = torch.nn.functional.mse_loss
        return (mse(self.dxx(zx), x) + mse(self.dyy(zy), y)) + (mse(self.dyx(zy), x) + mse(self.dxy(zx), y))


def ksg(a, b, k=3):
    n = len(a)
    joint = np.hstack([a, b])
    eps = cKDTree(joint).query(joint, k + 1, p=np.inf)[0][:, k]
    r = np.nextafter(eps, 0)
    nx = cKDTree(a).query_ball_point(a, r, p=np.inf, return_length=True) - 1
    ny = cKDTree(b).query_ball_point(b, r, p=np.inf, return_length=True) - 1
    return digamma(k) + digamma(n) - np.mean(digamma(nx + 1) + digamma(ny + 1))


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "noisy"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    max_epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 300
    torch.manual_seed(seed)
    x, y, truth = task(kind, n, seed)
    perm = np.random.default_rng(seed + 1).permutation(n)
    held, train = perm[: n // 2], perm[n // 2:]
    mu_x, sd_x = x[train].mean(0), x[train].std(0)
    mu_y, sd_y = y[train].mean(0), y[train].std(0)
    xs = torch.tensor(np.clip((x - mu_x) / sd_x, -10, 10), dtype=torch.float32)
    ys = torch.tensor(np.clip((y - mu_y) / sd_y, -10, 10), dtype=torch.float32)
    xt, yt, xv, yv = xs[train], ys[train], xs[held], ys[held]
    model = Paired(100, 100)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4, eps=1e-7)
    best, best_state, since, epochs = float("inf"), None, 0, 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for epoch in range(max_epochs):
        epochs += 1
        order = torch.randperm(len(train))
        for b in range(len(train) // 512):
            idx = order[b * 512:(b + 1) * 512]
            loss = model.loss(xt[idx], yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        with torch.no_grad():
            v = model.loss(xv, yv).item()
        if v < best:
            best, best_state, since = v, copy.deepcopy(model.state_dict()), 0
        else:
            since += 1
            if since >= 30:
                break
    model.load_state_dict(best_state)
    train_s = time.perf_counter() - t0
    train_cpu = time.process_time() - c0
    with torch.no_grad():
        zx, zy = model.ex(xv).numpy(), model.ey(yv).numpy()
    value = ksg(zx.astype(np.float64), zy.astype(np.float64))
    total_s = time.perf_counter() - t0
    print(f"torch-loop {kind} n={n} seed={seed}: truth {truth:.4f} value {value:.4f} error {value - truth:+.4f} "
          f"epochs {epochs} train {train_s:.1f} s (CPU {train_cpu:.1f} s) total {total_s:.1f} s")


if __name__ == "__main__":
    main()
