import attr
@attr.s
class MinMax(object):
    max = attr.ib(default=1)
    min = attr.ib(default=0)
@attr.s
class GMM(object):
    mix_weight = attr.ib(factory=list)
    mu = attr.ib(factory=list)
    sigma = attr.ib(factory=list)
@attr.s
class BoundedGaussian(object):
    max = attr.ib(default=1)
    min = attr.ib(default=0)
    mu = attr.ib(default=0)
    sigma = attr.ib(default=1)
@attr.s
class CostMatrix(object):
    tp = attr.ib(default=1)
    fp = attr.ib(default=-1)
    tn = attr.ib(default=1)
    fn = attr.ib(default=-1)
    def as_array(self):
        import numpy as np
        return np.array([[self.tn, self.fp], [self.fn, self.tp]])
