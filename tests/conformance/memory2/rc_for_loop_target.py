# the loop variable keeps the last item alive after the loop
import sys
items = [["a"], ["b"], ["c"]]
last = items[-1]
print("before loop:", sys.getrefcount(last))
for it in items:
    pass
print("after loop, it still bound:", sys.getrefcount(last))
del it
print("after del it:", sys.getrefcount(last))
items.pop()
print("popped:", sys.getrefcount(last))
