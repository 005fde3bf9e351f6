#!/usr/bin/env python3
"""scikit-learn's feature ranking on the table of mist-spark's RankingSpeed, for its speed table.

Reads the .npy table (features in every column but the last, the target y in the last), ranks the features
with mutual_info_regression (n_neighbors=3, the KSG k-NN estimator, one process), and prints the wall time of
that call on stderr-free stdout as the top 5 features with their MI (nats), in RankingSpeed's format. The time
of the whole process (interpreter start, NumPy load) is what RankingSpeed measures around it.

Usage (a venv with numpy and scikit-learn):
    python3 mist-bench/scripts/rank_sklearn.py table.npy [n_jobs]
"""
import sys
import time

import numpy as np
from sklearn.feature_selection import mutual_info_regression


def main():
    table = np.load(sys.argv[1])
    n_jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    x, y = table[:, :-1], table[:, -1]
    t0 = time.perf_counter()
    mi = mutual_info_regression(x, y, n_neighbors=3, random_state=0, n_jobs=n_jobs)
    seconds = time.perf_counter() - t0
    top = np.argsort(-mi)[:5]
    print("[" + ", ".join("f%d %.3f" % (j, mi[j]) for j in top) + "] (call %.1f s)" % seconds)


if __name__ == "__main__":
    main()
