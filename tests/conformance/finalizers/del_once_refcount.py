# after resurrection the object can die normally without a second __del__
import gc

calls = []

class Once:
    def __del__(self):
        calls.append("del")
        global holder
        holder = self

holder = None
o = Once()
del o
print(calls, holder is not None)
holder = None
print(calls)
gc.collect()
print(calls)
