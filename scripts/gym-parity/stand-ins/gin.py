def configurable(x=None, *a, **k):
    if callable(x):
        return x
    return lambda f: f
