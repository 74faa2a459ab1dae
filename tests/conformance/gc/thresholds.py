# get_threshold / set_threshold
import gc

print(gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(500, 20, 30)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
