# Importing a module of the program's folder: it runs once, is cached, and its objects are shared.
import sys
import mod_shapes
import mod_shapes as again
from mod_shapes import Square, make, CACHE

print(again is mod_shapes, Square is mod_shapes.Square, CACHE is mod_shapes.CACHE)
s = make(3)
print(s.area(), len(mod_shapes.CACHE), type(s).__name__, type(s).__module__, repr(Square))
print(mod_shapes.__name__, mod_shapes.__file__.endswith("mod_shapes.py"), type(mod_shapes.__builtins__).__name__)
print(sys.getrefcount(mod_shapes.CACHE), sys.getrefcount(s))
print(sorted(k for k in vars(mod_shapes) if not k.startswith("__")))
del s
print(len(CACHE), CACHE[0].side)
