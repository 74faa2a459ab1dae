# temporaries die as soon as the expression no longer needs them
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def get(self):
        return self.name.upper()
print("value:", T("temp1").get())
print("len:", len(T("temp2").name))
def consume(t):
    print("inside consume", t.name)
    return 1
consume(T("arg"))
print("after consume")
r = [T(str(i)).get() for i in range(2)]
print(r)
