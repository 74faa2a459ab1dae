# send() resumes a generator and delivers a value to the yield expression
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

g = accumulator()
print("first:", next(g))
print("send 5:", g.send(5))
print("send 10:", g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("stop value:", e.value)
print("exhausted next:", next(g, "done"))
