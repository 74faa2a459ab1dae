# locals are finalized when the function returns
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def work():
    a = F("local-a")
    b = F("local-b")
    print("in work")
    return "result"

print(work())
print("after work")

def keep():
    return F("returned")

r = keep()
print("kept", r.name)
del r
print("end")
