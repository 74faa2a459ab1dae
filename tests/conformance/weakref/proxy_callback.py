# proxies accept callbacks too, and support operators of the referent
import weakref

class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __add__(self, other):
        return self.n + other

def cb(p):
    print("proxy callback")

s = Seq(3)
p = weakref.proxy(s, cb)
print(len(p), p + 4)
s = None
print("end")
