# a cycle reachable from a global is not garbage
import gc

gc.collect()
a = []
b = [a]
a.append(b)
keeper = {"a": a}
del a, b
print("kept:", gc.collect())
print(len(keeper["a"]))
keeper.clear()
print("now freed:", gc.collect())
