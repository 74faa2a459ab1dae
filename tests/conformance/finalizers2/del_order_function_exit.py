# locals are released when the function returns
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f():
    a = T("a")
    b = T("b")
    keep = T("keep")
    print("returning")
    return keep
k = f()
print("after call")
del k
print("end")
