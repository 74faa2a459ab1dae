# Allocate and immediately free a small two-slot list, many times.
def run(n):
    total = 0
    i = 0
    while i < n:
        x = [i, i + 1]
        total = total + x[1]
        x = None
        i = i + 1
    return total


print("alloc_free", run(2000000))
