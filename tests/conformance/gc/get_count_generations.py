# collecting generation 0 bumps generation 1's count, and so on
import gc

gc.collect()
gc.collect(0)
after0 = gc.get_count()
gc.collect(0)
after00 = gc.get_count()
gc.collect(1)
after1 = gc.get_count()
gc.collect(2)
after2 = gc.get_count()
print(after0[1:], after00[1:], after1[1:], after2)
