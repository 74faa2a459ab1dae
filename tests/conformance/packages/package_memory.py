import gc, sys
import shapes.flat
gc.collect()
print("module refs", sys.getrefcount(shapes.flat) > 1, type(shapes.flat).__name__)
print("package tracked", gc.is_tracked(shapes), gc.is_tracked(shapes.__dict__))
print("path list", type(shapes.__path__).__name__, len(shapes.__path__))
print("names", sorted(k for k in vars(shapes) if not k.startswith("__")))
print("dunder order", [k for k in vars(shapes.flat.square) if k.startswith("__")][:8])
