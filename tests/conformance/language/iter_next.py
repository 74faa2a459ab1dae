# iter/next protocol, custom iterators
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)), [x for x in Countdown(2)])
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), list(di))
s = iter("xyz")
print(next(s), "".join(s))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(Seq()), list(iter(Countdown(2))))
