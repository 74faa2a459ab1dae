class E(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
import gc, sys
gc.disable()
try:
    raise E(3)
except E as e:
    e.me = e
    print(sorted(e.__dict__), sys.getsizeof(e.__dict__) > 0)
    s = e
del s
print(gc.collect())
class F(Exception):
    pass
f = F("x")
f.me = f
del f
print(gc.collect())
