# attributes of an object are released after its __del__ runs
class T:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name, "child alive:", self.child is not None)
root = T("root", T("mid", T("leaf")))
del root
print("done")
