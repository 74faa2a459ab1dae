class A:
    value = 1
    def __getattr__(self, n):
        raise AttributeError('custom ' + n)
A().valeu
