# a cycle through a tuple
import gc

gc.collect()
holder = []
t = (holder, "tag")
holder.append(t)
print(holder[0][1], holder[0][0] is holder)
del holder, t
print("collected:", gc.collect())
