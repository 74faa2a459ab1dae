# return value of a generator travels in StopIteration and through yield from
def inner():
    yield "a"
    yield "b"
    return "inner-result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield result.upper()

print(list(outer()))
g = inner()
next(g); next(g)
try:
    next(g)
except StopIteration as e:
    print("args:", e.args, "value:", e.value)
