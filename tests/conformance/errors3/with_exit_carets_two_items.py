class CM:
    def __init__(self, fail):
        self.fail = fail
    def __enter__(self):
        return self
    def __exit__(self, *a):
        if self.fail:
            raise TypeError("exit")
with  CM(False) as x,   CM(True) as y: pass
