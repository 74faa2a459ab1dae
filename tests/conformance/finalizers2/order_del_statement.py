# del of several names releases them left to right
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a, b, c = T("a"), T("b"), T("c")
del c, a, b
print("--")
x = T("old")
x = T("new")
print("rebound")
lst = [T("item0")]
lst[0] = T("item0-new")
print("replaced item")
