# a dying tuple releases its items from the last to the first
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

t = (F("a"), F("b"), F("c"))
print("dropping tuple")
t = None
print("done")
