# Minimal stand-in for ml-fairness-gym's core: the parts college_admission.py and its juries use
# (no history recording, no JSON). The environment and jury modules themselves run unmodified.
import copy
import attr
import numpy as np

class EpisodeDoneError(Exception):
    pass

class InvalidObservationError(Exception):
    pass

@attr.s
class Params(object):
    asdict = attr.asdict

@attr.s(cmp=False)
class State(object):
    asdict = attr.asdict

class FairnessEnv(object):
    observable_state_vars = {}
    def __init__(self, params=None):
        self.state = None
        self.initial_params = copy.deepcopy(params)
    def step(self, action):
        self.state = self._step_impl(self.state, action)
        obs = {k: np.array(getattr(self.state, k)) for k in self.observable_state_vars}
        return obs, 0, self._is_done(), {}

class Agent(object):
    def __init__(self, action_space, reward_fn, observation_space):
        self.action_space = action_space
        self.reward_fn = reward_fn
        self.observation_space = observation_space
    def act(self, observation, done):
        return self._act_impl(observation, reward=None, done=done)
