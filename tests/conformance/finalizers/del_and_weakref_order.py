# __del__ runs before weakref callbacks are called
import weakref

class F:
    def __del__(self):
        print("__del__")

def cb(r):
    print("callback, referent gone:", r() is None)

f = F()
r = weakref.ref(f, cb)
del f
print("end")
