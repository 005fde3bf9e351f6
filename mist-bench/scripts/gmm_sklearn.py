"""Timing reference for GmmBench: the GMM-MI algorithm family (Piras et al. 2023) written with
scikit-learn's GaussianMixture, following the paper's description (not GMM-MI's code): components added
from 1, 3 random inits x 2-fold CV held-out log-likelihood, patience 1, threshold 1e-5; 50 bootstrap refits
warm-started from the best fit; MI of each by Monte Carlo with 1e5 samples. Report only, never a test.

    /tmp/venv-gmm/bin/python mist-bench/scripts/gmm_sklearn.py
"""
import time

import numpy as np
from scipy.special import logsumexp
from sklearn.mixture import GaussianMixture
from sklearn.model_selection import KFold


def marginal_logpdf(gmm, v, idx):
    w, mu, cov = gmm.weights_, gmm.means_[:, idx], gmm.covariances_[:, idx][:, :, idx]
    out = []
    for k in range(len(w)):
        d = v - mu[k]
        s = cov[k]
        inv = np.linalg.inv(s)
        q = np.einsum("ni,ij,nj->n", d, inv, d)
        out.append(np.log(w[k]) - 0.5 * (q + np.linalg.slogdet(s)[1] + len(idx) * np.log(2 * np.pi)))
    return logsumexp(np.stack(out), axis=0)


def mi(gmm, n_mc, rng):
    gmm.random_state = rng.integers(1 << 31)
    s, _ = gmm.sample(n_mc)
    return np.mean(gmm.score_samples(s) - marginal_logpdf(gmm, s[:, :1], [0]) - marginal_logpdf(gmm, s[:, 1:], [1]))


def gmm_mi(data, seed=0, n_inits=3, n_folds=2, n_boot=50, n_mc=100_000):
    rng = np.random.default_rng(seed)
    best_score, best = -np.inf, None
    for k in range(1, 51):
        scores = []
        for i in range(n_inits):
            kf = KFold(n_folds, shuffle=True, random_state=seed)
            s = [GaussianMixture(k, init_params="random", tol=1e-5, reg_covar=1e-15, max_iter=10_000,
                                 random_state=seed * 100 + i).fit(data[tr]).score(data[va])
                 for tr, va in kf.split(data)]
            scores.append((np.mean(s), i))
        score, init = max(scores)
        if score - best_score < 1e-5:
            break
        best_score, best = score, (k, init)
    k, init = best
    full = GaussianMixture(k, init_params="random", tol=1e-5, reg_covar=1e-15, max_iter=10_000,
                           random_state=seed * 100 + init).fit(data)
    vals = []
    for b in range(n_boot):
        idx = rng.integers(0, len(data), len(data))
        g = GaussianMixture(k, tol=1e-5, reg_covar=1e-15, max_iter=10_000, weights_init=full.weights_,
                            means_init=full.means_, precisions_init=full.precisions_).fit(data[idx])
        vals.append(mi(g, n_mc, rng))
    return np.mean(vals), np.std(vals, ddof=1), k


if __name__ == "__main__":
    cov = [[1, 0.6], [0.6, 1]]
    for n in (200, 10_000):
        data = np.random.default_rng(20261123).multivariate_normal([0, 0], cov, n)
        gmm_mi(data)
        t = []
        for rep in range(3):
            t0 = time.perf_counter()
            m, s, k = gmm_mi(data)
            t.append(time.perf_counter() - t0)
        print(f"n={n}: median {np.median(t):.3f} s, MI {m:.4f} +/- {s:.4f} nats, {k} components")
