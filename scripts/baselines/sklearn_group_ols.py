#!/usr/bin/python3
"""The paper notebook's group-wise analysis with scikit-learn, timed: per group, LinearRegression fit on
that group's training rows and r2_score on its test rows, plus the cross-group matrix. Input: a fairsynth
.npy (+ .columns.json). Prints one JSON line with seconds (fit+score only, data already in memory)."""
import json, sys, time
import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score

path, target = sys.argv[1], sys.argv[2]
M = np.load(path)
names = json.load(open(path[:-4] + '.columns.json'))
X = M[:, [i for i, n in enumerate(names) if n.startswith('x_')]]
y = M[:, names.index(target)]
G = {n[2:]: M[:, i].astype(bool) for i, n in enumerate(names) if n.startswith('g_')}
rng = np.random.default_rng(21)
test = np.zeros(len(y), dtype=bool)
test[rng.permutation(len(y))[: int(np.ceil(0.2 * len(y)))]] = True
t0 = time.perf_counter()
models = {}
for g, m in G.items():
    tr = m & ~test
    models[g] = LinearRegression().fit(X[tr], y[tr])
cross = [[r2_score(y[G[h] & test], models[g].predict(X[G[h] & test])) for h in G] for g in G]
secs = time.perf_counter() - t0
print(json.dumps({'rows': len(y), 'features': X.shape[1], 'groups': len(G), 'seconds': secs,
                  'cross_diag': [cross[i][i] for i in range(len(G))]}))
