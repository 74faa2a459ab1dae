# a class with __iter__ returning a separate iterator
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
    def __contains__(self, x):
        print("contains", x)
        return 0 < x <= self.n

c = Countdown(3)
print(list(c), list(c))
print(2 in c, 7 in c)
it = iter(c)
print(next(it), next(it), next(it), next(it, "end"))
class Bad:
    def __iter__(self):
        return 5
try:
    iter(Bad())
except TypeError as e:
    print("TypeError:", e)
