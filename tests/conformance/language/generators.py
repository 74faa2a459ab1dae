# generator functions, send, return value, yield from
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)

e = echo()
print(next(e), e.send(1), e.send("x"))

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], "ab", range(2))))
print(sum(x * x for x in range(5)), max((len(w), w) for w in ["aa", "b", "ccc"]))
