#!/usr/bin/python3
"""Reference statistics from the ML Fairness Gym's own environment and juries (run beside fairsynth).
Usage: run_ref.py CONFIG.json JURY.json ENVS STEPS SEED0 -> one JSON line with pooled metrics, per-env
batch standard errors and the final threshold's mean/sd over environments."""
import json, sys
import numpy as np
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'stand-ins'))
sys.path.insert(0, os.environ['GYM_DIR'])
from environments import college_admission as ca
from agents import college_admission_jury as cj
import params as P

cfg = json.load(open(sys.argv[1])); jury = json.load(open(sys.argv[2]))
envs, steps, seed0 = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

def make_params(c):
    kw = dict(c)
    if 'feature_params' in kw: kw['feature_params'] = P.GMM(**kw['feature_params'])
    if 'noise_params' in kw: kw['noise_params'] = P.BoundedGaussian(**kw['noise_params'])
    if 'score_params' in kw: kw['score_params'] = P.MinMax(**kw['score_params'])
    if 'group_cost' in kw: kw['group_cost'] = {int(k): v for k, v in kw['group_cost'].items()}
    if kw.get('gaming_control') == 'inf': kw['gaming_control'] = np.inf
    return kw

names = ['share', 'eligible_rate', 'selected_rate', 'manipulated_rate', 'accuracy', 'social_burden', 'mean_burden']
per_env = []; finals = []
tot = np.zeros((2, 7))
for e in range(envs):
    env = ca.CollegeAdmissionsEnv(user_params=make_params(cfg))
    env.state.rng = np.random.RandomState(seed0 + e)
    env._state_init(env.state.rng)
    kind = jury['kind']
    if kind == 'fixed':
        agent = cj.FixedJury(None, None, None, threshold=jury['threshold'], epsilon_greedy=jury.get('epsilon_greedy', False),
                             initial_epsilon_prob=jury.get('initial_epsilon', 0.7), decay_steps=jury.get('decay_steps', 10),
                             epsilon_prob_decay_rate=jury.get('decay_rate', 0.02))
    elif kind in ('static', 'continuous'):
        agent = cj.NaiveJury(None, None, None, threshold=jury.get('threshold', 0.0), burnin=jury['burnin'],
                             freeze_classifier_after_burnin=(kind == 'static'))
    else:
        p = env.initial_params
        agent = cj.RobustJury(None, None, None, group_cost=p.group_cost, subsidize=p.subsidize,
                              subsidy_beta=p.subsidy_beta, gaming_control=p.gaming_control, burnin=jury['burnin'])
    action = agent.initial_action()
    if 'epsilon' in jury and not jury.get('epsilon_greedy', False) and kind == 'fixed':
        const_eps = jury['epsilon']
    else:
        const_eps = None
    acc = np.zeros((2, 7))   # n, eligible, selected, manipulated, correct, burden, social
    last_tau = None
    for t in range(steps):
        if const_eps is not None:
            action = {'threshold': action['threshold'], 'epsilon_prob': np.array(const_eps)}
        groups = list(env.state.applicant_groups); elig = list(env.state.true_eligible)
        x = list(env.state.test_scores_x)
        last_tau = float(action['threshold'])
        obs, _, done, _ = env.step(action)
        s = env.state
        for i, g in enumerate(groups):
            sel = int(s.selected_applicants[i]); el = elig[i]; b = float(s.individual_burden[i])
            acc[g] += [1, el, sel, 1 if s.test_scores_y[i] != x[i] else 0, 1 if sel == el else 0, b, el * b]
        action = agent.act(obs, done)
    tot += acc
    per_env.append(acc.copy()); finals.append(last_tau)

def metrics(a, total):
    n = a[0]
    return [n / total, a[1] / n, a[2] / n, a[3] / n, a[4] / n, a[6] / n, a[5] / n]

out = {'envs': envs, 'steps': steps, 'groups': {}, 'overall': {}}
for key, sel in (('0', lambda a: a[0]), ('1', lambda a: a[1]), ('overall', lambda a: a[0] + a[1])):
    m = metrics(sel(tot), tot[0][0] + tot[1][0])
    batches = np.array([metrics(sel(a), a[0][0] + a[1][0]) for a in per_env])
    se = batches.std(axis=0, ddof=1) / np.sqrt(envs)
    d = {n: v for n, v in zip(names, m)}
    d['se'] = {n: float(v) for n, v in zip(names, se)}
    if key == 'overall': out['overall'] = d
    else: out['groups'][key] = d
out['threshold'] = {'final_mean': float(np.mean(finals)), 'final_sd': float(np.std(finals, ddof=1)) if envs > 1 else 0.0}
print(json.dumps(out))
