# the owner is finalized before the objects it owns are released
class F:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name, "child alive:", self.child is not None)

root = F("root", F("mid", F("leaf")))
del root
print("end")
