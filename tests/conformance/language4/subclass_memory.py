# Memory behaviour of instances of subclasses of built-in types: one object each for the collector
# (counts of gc.collect), references held by iterators, referents, weak references, __slots__.
import gc
import sys
import weakref


class I(int): pass
class S(str): pass
class T(tuple): pass
class F(float): pass
class L(list): pass
class D(dict): pass
class St(set): pass
class Fs(frozenset): pass
class B(bytes): pass
class Sl(int):
    __slots__ = ()


for v in [I(5), S("x"), T((1,)), F(1.5), L([1]), D(a=1), St({1}), Fs({1}), B(b"a"), Sl(3)]:
    print(type(v).__name__, sys.getrefcount(v), gc.is_tracked(v), len(gc.get_referents(v)))
marker = object()
print(gc.get_referents(L([marker, 8])) == [8, marker, L], gc.get_referents(T((marker,))) == [T, marker])
print(gc.get_referents(D(k=marker)) == [D, marker], gc.get_referents(I(4)) == [I])
for cls in (I, S, T, F, L, D, St, Fs, B, Sl):
    try:
        weakref.ref(cls())
        print(cls.__name__, "weakref ok")
    except TypeError as e:
        print(e)

gc.collect()
l = L()
l.append(l)
del l
print("list subclass cycle", gc.collect())
d = D()
d["self"] = d
d["other"] = [d]
del d
print("dict subclass cycle", gc.collect())
t = T(([],))
t[0].append(t)
del t
print("tuple subclass cycle", gc.collect())
x = I(3)
x.me = x
del x
print("int subclass cycle", gc.collect())
s = S("q")
s.me = s
del s
print("str subclass cycle", gc.collect())
st = St()
st.me = st
del st
print("set subclass cycle", gc.collect())


class Fin(list):
    def __del__(self):
        print("Fin.__del__", len(self))


f = Fin([1, 2])
f.append(f)
del f
print("finalizer cycle", gc.collect())
f = Fin([3])
del f
print("freed at once")

a = L([1, 2])
it = iter(a)
print("iterator holds it", sys.getrefcount(a), next(it), type(it).__name__)
del it
print(sys.getrefcount(a))
base = (1, 2)
t = T(base)
print("argument not kept", sys.getrefcount(base), t == base, t is not base)
st = "some string value"
ss = S(st)
print(sys.getrefcount(st), ss == st)
keep = [1]
wrapped = L([keep, keep])
print(sys.getrefcount(keep))
del wrapped
print(sys.getrefcount(keep))

try:
    class X(int):
        __slots__ = ("a",)
except TypeError as e:
    print(e)
try:
    class X2(tuple):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print(e)


class X5(int): pass
class X6(X5): pass


try:
    class X7(X5):
        __slots__ = ("q",)
except TypeError as e:
    print(e)
try:
    weakref.ref(X6(1))
except TypeError as e:
    print(e)
x5 = X5(1)
x5.a = 2
print(x5.a, x5.__dict__, len(gc.get_referents(x5)))


class X4(str):
    __slots__ = ("a",)


x4 = X4("s")
x4.a = 1
print(x4.a, x4, hasattr(x4, "__dict__"))
print(type(iter(L([1]))).__name__, type(iter(S("ab"))).__name__, type(iter(T())).__name__, type(iter(D())).__name__)


class G:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i


print(type(iter(G())).__name__, list(G()))
w = weakref.ref(L([1]))
print(w() is None)
