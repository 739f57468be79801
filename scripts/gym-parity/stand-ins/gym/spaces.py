# Minimal stand-ins for the gym spaces the admissions code constructs (contains() always true).
class _Space:
    def __init__(self, *a, **k):
        self.spaces = a[0] if a and isinstance(a[0], dict) else k.get('spaces', {})
    def contains(self, x):
        return True
Box = Dict = MultiBinary = MultiDiscrete = Discrete = _Space
