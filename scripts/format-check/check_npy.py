#!/usr/bin/python3
"""Compare a fairsynth .npy (+ .columns.json sidecar) and .npz with the CSV of the same dataset: row
count, column names and every value exactly (CSV doubles are shortest round-trip text, so float() gives
back the same double)."""
import csv, json, sys
import numpy as np

csv_path, npy_path, npz_path = sys.argv[1:4]
with open(csv_path) as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = [[float(v) for v in r] for r in reader]
expected = np.array(rows, dtype=np.float64)

mat = np.load(npy_path)
names = json.load(open(npy_path[:-4] + ".columns.json"))
assert mat.dtype == np.float64, mat.dtype
assert mat.shape == expected.shape, (mat.shape, expected.shape)
assert names == header, "npy column names differ"
assert np.array_equal(mat, expected), "npy values differ"

z = np.load(npz_path)
assert list(z.files) == header, "npz column names differ"
for i, name in enumerate(header):
    col = z[name]
    assert col.shape == (len(rows),), (name, col.shape)
    if name.startswith("g_") and col.dtype == np.uint8:
        assert np.array_equal(col.astype(np.float64), expected[:, i]), name
    else:
        assert col.dtype == np.float64, (name, col.dtype)
        assert np.array_equal(col, expected[:, i]), name
print(f"  npy {mat.shape[0]} rows x {mat.shape[1]} columns, npz {len(z.files)} arrays: identical to the CSV;"
      f" first row {header[0]}={mat[0, 0]!r}, last {header[-1]}={mat[-1, -1]!r}")
