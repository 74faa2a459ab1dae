# the finalizer waits for the last of several references
class F:
    def __del__(self):
        print("finalized")

a = F()
b = a
c = [a]
del a
print("a gone")
b = 0
print("b gone")
c.pop()
print("list emptied")
