# order in which a returning function releases its locals
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f():
    first = T("first")
    second = T("second")
    third = T("third")
    print("return")
f()
print("after f")
