# rebinding the only name finalizes the old object before the statement ends
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

x = F("first")
x = F("second")
print("rebound")
x = None
print("set to None")
