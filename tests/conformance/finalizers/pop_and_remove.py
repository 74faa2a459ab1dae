# removing items from containers finalizes them
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def __repr__(self):
        return "F(%s)" % self.name

L = [F("a"), F("b"), F("c"), F("d")]
L.pop()
print("popped")
del L[0]
print("del L[0]")
L[0] = "replaced"
print(L)
L.clear()
print("cleared")
