from collections import deque
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
d = deque(Noisy(n) for n in "abc")
print("clear:")
d.clear()
d = deque([Noisy("p"), Noisy("q")])
print("popleft:")
d.popleft()
print("remove:")
d.appendleft(Noisy("r"))
d.remove(d[1])
print("end")
