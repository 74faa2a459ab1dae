# throw() raises inside the generator at the paused yield
def g():
    try:
        yield 1
    except ValueError as e:
        print("caught in generator:", e)
        yield "recovered"
    yield "end"

it = g()
print(next(it))
print(it.throw(ValueError("boom")))
print(next(it))
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("propagated:", repr(e))
