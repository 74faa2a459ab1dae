# __del__ runs the moment the last reference goes away
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

x = F("x")
print("before del")
del x
print("after del")
