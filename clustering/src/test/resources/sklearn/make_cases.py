#!/usr/bin/python3
"""Test oracle: scikit-learn 1.2.1 Mean Shift on seeded random point sets -> cases.json.

Run with Debian's python3-sklearn (1.2.1):  /usr/bin/python3 make_cases.py > cases.json
Each case: points (row-major), whether the bandwidth was estimated (quantile=0.2,
n_samples=200, random_state=0) or given, and MeanShift(bin_seeding=True, cluster_all=False)'s
centers, labels and n_iter_. Only the Java tests read the output; nothing depends on Python.
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn.cluster import MeanShift, estimate_bandwidth

warnings.filterwarnings('ignore')  # "Binning data failed": the points become the seeds, as intended
rs = np.random.RandomState(20240601)
cases = []


def add(name, X, bandwidth=None):
    estimated = bandwidth is None
    if estimated:
        bandwidth = estimate_bandwidth(X, quantile=0.2, n_samples=200, random_state=0)
        if bandwidth <= 0:
            return
    try:
        ms = MeanShift(bandwidth=bandwidth, bin_seeding=True, cluster_all=False).fit(X)
    except ValueError:  # no point within bandwidth of any seed
        return
    cases.append({'name': name, 'dimension': int(X.shape[1]), 'points': X.ravel().tolist(),
                  'bandwidth_estimated': estimated, 'bandwidth': float(bandwidth),
                  'centers': ms.cluster_centers_.tolist(), 'labels': ms.labels_.tolist(),
                  'iterations': int(ms.n_iter_)})


for i in range(40):
    n, d = rs.randint(12, 300), rs.randint(1, 9)
    add('small integers %d' % i, rs.randint(0, rs.randint(2, 8), size=(n, d)).astype(float))
for i in range(20):
    n, d = rs.randint(12, 300), rs.randint(1, 4)
    add('integers, integer bandwidth %d' % i, rs.randint(0, 6, size=(n, d)).astype(float),
        float(rs.randint(1, 3)))
for i in range(10):
    n, d, k = rs.randint(200, 600), rs.randint(1, 4), rs.randint(13, 40)
    centers = rs.uniform(-1000, 1000, size=(k, d))
    add('many blobs %d' % i, np.round(centers[rs.randint(0, k, size=n)] + rs.normal(0, 10, size=(n, d)), 3), 30.0)
for i in range(10):
    n, d = rs.randint(100, 300), rs.randint(4, 9)
    add('scaled gaussian %d' % i, np.round(rs.normal(0, 1, size=(n, d)) * rs.uniform(0.1, 100, size=d), 3))

json.dump({'generator': 'make_cases.py, scikit-learn %s, numpy %s' % (sklearn.__version__, np.__version__),
           'cases': cases}, sys.stdout)
sys.stdout.write('\n')
