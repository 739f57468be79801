#!/usr/bin/python3
import json, subprocess, sys, math  # run from the folder holding the *.py.json files
from statistics import NormalDist
names = open('names.txt').read().split()
import os
JAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'cli', 'target', 'fairsynth.jar')
metrics = ['share', 'eligible_rate', 'selected_rate', 'manipulated_rate', 'accuracy', 'social_burden', 'mean_burden']
# shares of applicants: when every gym environment gave the same value (0 or 1: SE 0), compare counts
per_applicant = {'share', 'eligible_rate', 'selected_rate', 'manipulated_rate'}


def unseen_event_z(d, n):
    """The gym never saw an event that fairsynth saw k = d*n times among n applicants (as many on each
    side). Given k events in all, each falls on either side with probability 1/2 under the same
    distribution, so all k on one side has two-sided probability 2^(1-k); returned as the |z| of a normal
    with that tail, comparable with the other metrics' |diff|/SE."""
    k = round(d * n)
    pval = min(1.0, 2.0 ** (1 - k))
    return 0.0 if pval >= 1 else NormalDist().inv_cdf(1 - pval / 2), k
worst_all = 0; lines = []
for k in names:
    try:
        py = json.load(open(f'{k}.py.json'))
    except Exception:
        print(k, 'no reference yet'); continue
    j = json.load(open(f'{k}.jury.json'))
    flags = ['--jury', j['kind']]
    if j['kind'] == 'fixed':
        flags += ['--threshold', str(j['threshold'])]
        if j.get('epsilon_greedy'):
            flags += ['--epsilon-greedy', '--initial-epsilon', str(j['initial_epsilon']), '--decay-steps', str(j['decay_steps']), '--decay-rate', str(j['decay_rate'])]
        else:
            flags += ['--epsilon', str(j.get('epsilon', 0))]
    elif j['kind'] == 'static':
        flags += ['--threshold', str(j['threshold']), '--burnin', str(j['burnin'])]
    else:
        flags += ['--burnin', str(j['burnin'])]
    subprocess.run(['java', '-jar', JAR, 'admissions', '--config', f'{k}.cfg.json', *flags, '--envs', str(py['envs']),
                    '--steps', str(py['steps']), '--seed', '7', '--json', f'{k}.fs.json', '--quiet'], check=True, stdout=subprocess.DEVNULL)
    fs = json.load(open(f'{k}.fs.json'))
    worst = 0; where = ''
    for g in ('0', '1', 'overall'):
        p = py['groups'][g] if g != 'overall' else py['overall']
        f = fs['groups'][g] if g != 'overall' else fs['overall']
        for m in metrics:
            se = p['se'][m] * math.sqrt(2)
            d = abs(f[m] - p[m])
            note = ''
            if se > 0 or d < 1e-12:
                z = d / se if se > 0 else 0
            elif m in per_applicant:
                n = fs['overall']['applicant_steps'] * (f['share'] if m != 'share' and g != 'overall' else 1)
                z, events = unseen_event_z(d, n)
                note = f', gym constant: {events} applicant(s) of {n:.0f} differ'
            else:
                z = float('inf')
            if z > worst: worst, where = z, f'{g}.{m} fairsynth {f[m]:.7f} gym {p[m]:.7f} se {p["se"][m]:.5f}{note}'
    tp, tf = py['threshold'], fs['threshold']
    se_t = math.sqrt(tp['final_sd'] ** 2 / py['envs'] + tf['final_sd'] ** 2 / fs['envs'])
    dt = abs(tp['final_mean'] - tf['final_mean'])
    # constant thresholds (fixed juries): numpy's mean/std of identical values carry ~1e-16 rounding
    zt = 0.0 if dt < 1e-12 else (dt / se_t if se_t > 0 else float("inf"))
    worst_all = max(worst_all, worst, zt)
    lines.append(f'{k:11s} worst metric |diff|/SE = {worst:4.2f} ({where}); final threshold gym {tp["final_mean"]:.4f}±{tp["final_sd"]:.4f} fairsynth {tf["final_mean"]:.4f}±{tf["final_sd"]:.4f} (z {zt:.2f})')
print('\n'.join(lines)); print(f'largest |diff|/SE over all configs, metrics and thresholds: {worst_all:.2f} (bound 5)')
