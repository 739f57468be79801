class NullReward(object):
    def __call__(self, observation):
        return 0
