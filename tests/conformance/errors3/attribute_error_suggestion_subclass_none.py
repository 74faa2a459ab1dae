class MyErr(AttributeError):
    pass
class A:
    def __getattr__(self, n):
        raise MyErr(n)
    value = 1
A().valeu
