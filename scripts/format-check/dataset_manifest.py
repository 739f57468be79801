"""A fairsynth dataset folder's manifest (_fairsynth.json), read by the format checks."""
import json
import os


def parts(folder, n_rows):
    """The manifest's parts as (path, offset, rows), in row order, after checking that they tile n_rows rows."""
    manifest = json.load(open(os.path.join(folder, "_fairsynth.json")))
    start = 0
    out = []
    for p in manifest["parts"]:
        assert p["offset"] == start, f"{folder}: part {p} does not start where the one before ends ({start})"
        out.append((os.path.join(folder, p["file"]), p["offset"], p["rows"]))
        start += p["rows"]
    assert start == manifest["rows"] == n_rows, f"{folder}: parts {start}, manifest {manifest['rows']}, expected {n_rows} rows"
    return out
