# a freed object's memory is reused by the next object of the same type
class C:
    pass
a = C()
ida = id(a)
del a
b = C()
print("instance reuse:", id(b) == ida)
print("temp lists:", id([1]) == id([2]))
x = [1]
print("live lists differ:", id(x) == id([2]))
t = (1, 2)
print("tuple alias same id:", id(t) == id(t[:]))
