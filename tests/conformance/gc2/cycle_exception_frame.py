# storing the caught exception in a local creates a frame cycle
import gc
gc.collect()
def f():
    try:
        raise ValueError("x")
    except ValueError as e:
        saved = e
    return None
f()
print("collected:", gc.collect())
