# locals of frames unwound by an exception die when the exception is freed
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def inner():
    t = T("inner-local")
    raise ValueError("x")
def outer():
    t = T("outer-local")
    inner()
try:
    outer()
except ValueError:
    print("handling")
print("after try")
