import sys
g = [1]
def rebind():
    global g
    g = [2]
old = g
print("refs old", sys.getrefcount(old))
rebind()
print(g, old)
print("refs old after", sys.getrefcount(old))
