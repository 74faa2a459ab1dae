import gc
gc.collect()
class R:
    def __del__(self):
        global saved
        saved = self
        print("finalizing")
r = R()
r.self = r
print(gc.is_finalized(r))
del r
gc.collect()
print(gc.is_finalized(saved))
