# module globals with __del__ are finalized at shutdown
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("shutdown del", self.name)
first = T("first")
second = T("second")
container = [T("in-list")]
print("end of module")
