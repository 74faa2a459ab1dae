# eval, exec and compile: namespaces (the caller's by default), code objects, errors, refcounts.
import sys
x = 10
print(eval("x + 1"), eval("  x * 2"), eval("[i for i in range(x) if i % 3 == 0]"))
def f(a):
    b = a * 2
    return eval("a + b"), eval("x"), eval("a", {"a": 99})
print(f(3))
ns = {}
exec("y = 5\ndef g(): return y * 2", ns)
print(ns["y"], ns["g"](), "__builtins__" in ns)
exec("z = x + 1")
print(z)
g = {"v": 1}; l = {}
exec("w = v + 1", g, l)
print(l, "w" in g)
code = compile("1 + 2", "<calc>", "eval")
print(type(code).__name__, eval(code))
c2 = compile("for i in range(2): print('loop', i)", "<loop>", "exec")
exec(c2)
print(exec("1"), eval("None"))
for bad in ["1 +", "x = 1", "def"]:
    try:
        eval(bad)
    except SyntaxError as e:
        # (eval's parser places the offset differently for some inputs; the message is what is compared)
        print("SyntaxError", e.msg, repr(e.text))
for args in [(1,), ("1", 1), ("1", {}, 1)]:
    try:
        eval(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    compile("1", "f", "bogus")
except ValueError as e:
    print("ValueError", e)
try:
    exec("raise KeyError('k')")
except KeyError as e:
    print("KeyError", e)
lst = [1, 2]
before = sys.getrefcount(lst)
eval("lst")
print(sys.getrefcount(lst) - before)
class K:
    q = 3
    r = eval("q + 1")
print(K.r)
eval("undefined_thing")
