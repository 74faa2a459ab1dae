# atoms are never tracked; containers are
import gc

class C:
    pass

def f():
    pass

print("int", gc.is_tracked(12345))
print("big int", gc.is_tracked(2 ** 100))
print("float", gc.is_tracked(1.5))
print("str", gc.is_tracked("text"))
print("bytes", gc.is_tracked(b"xy"))
print("None", gc.is_tracked(None))
print("bool", gc.is_tracked(True))
print("list", gc.is_tracked([]))
print("set", gc.is_tracked(set()))
print("instance", gc.is_tracked(C()))
print("function", gc.is_tracked(f))
print("class", gc.is_tracked(C))
