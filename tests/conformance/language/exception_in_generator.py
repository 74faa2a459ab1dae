# exceptions raised inside generators propagate to the consumer; throw() injects one
def numbers():
    yield 1
    raise ValueError("inside generator")

g = numbers()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught:", e)
print(next(g, "exhausted"))

def resilient():
    while True:
        try:
            yield "value"
        except KeyError as e:
            print("generator handled", e)

r = resilient()
print(next(r))
print(r.throw(KeyError("k")))
r.close()
print("closed")
