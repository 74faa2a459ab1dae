# a cycle still alive at exit gets its finalizers run too
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("exit del", self.name)

a = F("a")
a.me = a
del a
print("end of program")
