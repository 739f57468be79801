import json
C = {
 'default':      ({}, {'kind': 'fixed', 'threshold': 0.8, 'epsilon': 0.0}),
 'gaming_ctl':   ({'gaming_control': 0.1}, {'kind': 'fixed', 'threshold': 0.8, 'epsilon': 0.0}),
 'noisy_thr':    ({'noisy_threshold': True}, {'kind': 'fixed', 'threshold': 0.8, 'epsilon': 0.0}),
 'subsidize':    ({'subsidize': True, 'subsidy_beta': 0.5, 'group_cost': {'0': 2.0, '1': 3.0}}, {'kind': 'fixed', 'threshold': 0.8, 'epsilon': 0.0}),
 'beta_feat':    ({'noisy_features': True, 'noise_dist': 'beta', 'noise_params': {'mu': 5.0, 'sigma': 1.0, 'min': -0.3, 'max': 0.3}}, {'kind': 'fixed', 'threshold': 0.8, 'epsilon': 0.0}),
 'mix_cost':     ({'feature_params': {'mix_weight': [0.3, 0.7], 'mu': [0.7, 0.5], 'sigma': [0.15, 0.2]}, 'group_cost': {'0': 2.0, '1': 3.0}}, {'kind': 'fixed', 'threshold': 0.6, 'epsilon': 0.0}),
 'epsilon':      ({'group_cost': {'0': 3.0, '1': 4.0}}, {'kind': 'fixed', 'threshold': 0.8, 'epsilon': 0.2}),
 'static':       ({}, {'kind': 'static', 'threshold': 0.0, 'burnin': 10}),
 'robust':       ({'group_cost': {'0': 3.0, '1': 4.0}}, {'kind': 'robust', 'burnin': 10}),
 'eps_greedy':   ({'group_cost': {'0': 3.0, '1': 4.0}}, {'kind': 'fixed', 'threshold': 0.8, 'epsilon_greedy': True, 'initial_epsilon': 0.7, 'decay_steps': 100, 'decay_rate': 0.5}),
}
for k, (c, j) in C.items():
    json.dump(c, open(f'{k}.cfg.json', 'w')); json.dump(j, open(f'{k}.jury.json', 'w'))
print(' '.join(C))
