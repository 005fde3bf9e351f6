"""The torch_mist training procedure written out in plain PyTorch, for a same-run comparison with
io.mist.bench.NeuralBench (report only, never a test).

Task: 5-D + 5-D Gaussian, componentwise correlation 0.6 (true MI 1.1157 nats), n = 10,000, of which 9,000
train (torch_mist's valid_percentage 0.1); critic hidden [64, 64] (joint 10-64-64-1, separable 5-64-64 per
head), ReLU, batch 128, Adam lr 5e-4, 3,000 iterations, one thread. The value is reported as torch_mist does
without a test split (all 10,000 rows, the training rows included) and on 20,000 fresh rows.

    python3 -m venv /tmp/venv && . /tmp/venv/bin/activate && pip install numpy torch
    python3 mist-bench/scripts/neural_torch.py [iterations]
"""
import math
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

RHO = 0.6
D = 5
TRUTH = -D / 2 * math.log(1 - RHO ** 2)
BATCH = 128
LR = 5e-4


def sample(n, seed):
    g = np.random.default_rng(seed)
    x = g.standard_normal((n, D))
    y = RHO * x + math.sqrt(1 - RHO ** 2) * g.standard_normal((n, D))
    return torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)


def mlp(i, o):
    return torch.nn.Sequential(torch.nn.Linear(i, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64),
                               torch.nn.ReLU(), torch.nn.Linear(64, o))


class Joint(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.f = mlp(2 * D, 1)

    def scores(self, x, y, shift):
        """Positives and one shifted negative per x (neg_samples = 1): [2, B]."""
        ys = torch.cat([y, torch.roll(y, shift, 0)], 0)
        return self.f(torch.cat([x.repeat(2, 1), ys], 1)).view(2, -1)


class Separable(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.g = torch.nn.Sequential(torch.nn.Linear(D, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64))
        self.h = torch.nn.Sequential(torch.nn.Linear(D, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64))

    def all_pairs(self, x, y):
        """[B, B], entry (j, i) = h(y_j) . g(x_i)."""
        return self.h(y) @ self.g(x).T


def lme_columns(a):
    return torch.logsumexp(a, 0) - math.log(a.shape[0])


def pointwise(name, out):
    if name == "infonce":
        return torch.diagonal(out) - lme_columns(out)
    pos, neg = out[0], out[1:]
    if name == "nwj":
        return pos - torch.exp(lme_columns(neg) - 1)
    if name == "js":
        return pos + 1 - torch.exp(lme_columns(neg))
    if name == "smile":
        c = neg.clamp(-5, 5).reshape(-1)
        return pos - (torch.logsumexp(c, 0) - math.log(c.numel()))
    if name == "mine":
        a = neg.reshape(-1)
        return pos - (torch.logsumexp(a, 0) - math.log(a.numel()))
    raise ValueError(name)


class Ema:
    def __init__(self, gamma=0.9):
        self.gamma, self.value = gamma, None

    def update(self, v):
        self.value = v if self.value is None else self.gamma * self.value + (1 - self.gamma) * v
        return self.value


def loss(name, out, ema):
    if name in ("js", "smile"):
        pos, neg = out[0], out[1:]
        return F.softplus(-pos).mean() + F.softplus(neg).mean()
    if name == "mine":
        neg = out[1:].reshape(-1)
        lme = torch.logsumexp(neg, 0) - math.log(neg.numel())
        b = math.log(ema.update(min(1e4, max(1e-4, math.exp(lme.item())))))
        return torch.exp(lme - b) + b - 1 - out[0].mean()
    return -pointwise(name, out).mean()


def forward(name, net, x, y, gen):
    if name == "infonce":
        return net.all_pairs(x, y)
    return net.scores(x, y, int(torch.randint(1, x.shape[0], (1,), generator=gen)))


def evaluate(name, net, x, y):
    gen = torch.Generator().manual_seed(7)
    total, n = 0.0, x.shape[0]
    with torch.no_grad():
        for s in range(0, n - BATCH + 1, BATCH):
            total += pointwise(name, forward(name, net, x[s:s + BATCH], y[s:s + BATCH], gen)).sum().item()
    return total / (n // BATCH * BATCH)


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    torch.set_num_threads(1)
    x, y = sample(10_000, 1)
    xf, yf = sample(20_000, 2)
    xt, yt = x[1000:], y[1000:]
    print(f"task: 5+5-D Gaussian rho 0.6, truth {TRUTH:.4f} nats, n 10000 (9000 train), {iterations} iterations, "
          f"batch {BATCH}, hidden [64,64], torch {torch.__version__}, 1 thread")
    print("| estimator | it/s | value (all 10,000 rows) | error | value (20,000 fresh rows) | error |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in ["nwj", "mine", "infonce", "js", "smile"]:
        torch.manual_seed(3)
        net = Separable() if name == "infonce" else Joint()
        opt = torch.optim.Adam(net.parameters(), lr=LR)
        ema = Ema()
        gen = torch.Generator().manual_seed(5)
        per_epoch = xt.shape[0] // BATCH
        it = 0
        t0 = time.perf_counter()
        while it < iterations:
            perm = torch.randperm(xt.shape[0], generator=gen)
            xe, ye = xt[perm], yt[perm]
            for b in range(per_epoch):
                if it >= iterations:
                    break
                sl = slice(b * BATCH, (b + 1) * BATCH)
                opt.zero_grad(set_to_none=True)
                loss(name, forward(name, net, xe[sl], ye[sl], gen), ema).backward()
                opt.step()
                it += 1
        rate = iterations / (time.perf_counter() - t0)
        v_all = evaluate(name, net, x, y)
        v_fresh = evaluate(name, net, xf, yf)
        print(f"| {name} | {rate:.0f} | {v_all:.3f} | {abs(v_all - TRUTH):.3f} | {v_fresh:.3f} | "
              f"{abs(v_fresh - TRUTH):.3f} |")


if __name__ == "__main__":
    main()
