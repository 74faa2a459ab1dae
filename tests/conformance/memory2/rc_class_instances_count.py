# counting live instances with __init__ and __del__
class Tracked:
    live = 0
    def __init__(self, name):
        self.name = name
        Tracked.live += 1
    def __del__(self):
        Tracked.live -= 1
        print("freed", self.name)
a = Tracked("a")
b = Tracked("b")
print("live:", Tracked.live)
a = Tracked("c")
print("live after rebind:", Tracked.live)
lst = [Tracked(str(i)) for i in range(3)]
print("live with list:", Tracked.live)
lst = lst[1:]
print("live after slice:", Tracked.live)
del lst
print("live end:", Tracked.live)
