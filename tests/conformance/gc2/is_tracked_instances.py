# instances are tracked; instances without __dict__ attributes too
import gc
class A:
    pass
class S:
    __slots__ = ()
a = A()
print("instance:", gc.is_tracked(a))
print("empty slots:", gc.is_tracked(S()))
print("instance dict empty:", gc.is_tracked(a.__dict__))
a.x = 1
print("dict with int:", gc.is_tracked(a.__dict__))
a.y = []
print("dict with list:", gc.is_tracked(a.__dict__))
print("function:", gc.is_tracked(lambda: 0), "class:", gc.is_tracked(A))
