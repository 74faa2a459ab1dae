# only generations 0..2 exist
import gc

for g in (3, -1, 100):
    try:
        gc.collect(g)
    except ValueError as e:
        print(g, type(e).__name__, e)
try:
    gc.collect("2")
except TypeError as e:
    print("TypeError")
print(gc.collect(generation=2) >= 0)
