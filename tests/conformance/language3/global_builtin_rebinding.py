# Globals and builtins looked up again after every rebinding, deletion and shadowing (LOAD_GLOBAL caches must
# notice each change to either namespace).
import builtins
def f():
    return len([1, 2]), x
x = 1
print(f())
x = 2
print(f())
def len(o):
    return "shadow"
print(f())
del len
print(f())
builtins.len = lambda o: "patched"
print(f())
del builtins.len
try:
    print(f())
except NameError as e:
    print("NameError", e)
import builtins as b2
def orig_len(o): return 99
b2.len = orig_len
print(f())
g = globals()
del g["x"]
try:
    f()
except NameError as e:
    print(e)
g["x"] = "back"
print(f())
for i in range(3):
    globals()["y%d" % i] = i
print(f(), y0, y2)
def k():
    return [x, len.__name__, print.__name__]
print(k(), k())
