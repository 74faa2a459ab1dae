# deleting an unfinished generator runs its finally block
def gen(label):
    try:
        print(label, "start")
        yield 1
        yield 2
    finally:
        print(label, "finally")
g = gen("g1")
next(g)
print("deleting g1")
del g
print("deleted")
for x in gen("g2"):
    print("got", x)
    break
print("after break")
